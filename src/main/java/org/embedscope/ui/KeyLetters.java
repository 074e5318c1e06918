package org.embedscope.ui;

import static org.lwjgl.glfw.GLFW.GLFW_KEY_A;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_Z;

/**
 * Which letter a key is, for the letter shortcuts. GLFW names keys by their place on a US keyboard, so
 * on QWERTZ the key marked Z arrives as {@code GLFW_KEY_Y} and Ctrl-Z redid instead of undoing; the
 * letter the layout gives the key ({@code glfwGetKeyName}) says what the user pressed. A layout whose
 * key gives no Latin letter (Cyrillic, Greek) keeps the US place, as most programs do. GL-free.
 */
final class KeyLetters {
    private KeyLetters() {}

    /**
     * The letter, a to z, of a key: {@code layoutName} (what {@code glfwGetKeyName} says the key types,
     * or null) when it is a Latin letter, else the letter of the key's US place; 0 for a key of no letter.
     */
    static char letter(int key, String layoutName) {
        if (layoutName != null && layoutName.length() == 1) {
            char c = Character.toLowerCase(layoutName.charAt(0));
            if (c >= 'a' && c <= 'z') return c;
        }
        return key >= GLFW_KEY_A && key <= GLFW_KEY_Z ? (char) ('a' + (key - GLFW_KEY_A)) : 0;
    }
}
