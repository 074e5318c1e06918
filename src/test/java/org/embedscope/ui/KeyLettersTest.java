package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_A;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_Q;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_SEMICOLON;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_Y;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_Z;

import org.junit.jupiter.api.Test;

class KeyLettersTest {
    @Test
    void theLayoutsLetterWinsOverTheUsPlace() {
        assertEquals('z', KeyLetters.letter(GLFW_KEY_Y, "z"), "QWERTZ: the key at US Y is marked Z");
        assertEquals('y', KeyLetters.letter(GLFW_KEY_Z, "y"));
        assertEquals('a', KeyLetters.letter(GLFW_KEY_Q, "a"), "AZERTY: A at US Q");
        assertEquals('m', KeyLetters.letter(GLFW_KEY_SEMICOLON, "m"), "AZERTY: M where US has ';'");
        assertEquals('d', KeyLetters.letter(GLFW_KEY_A + 3, "D"), "a capital as its letter");
    }

    @Test
    void aKeyOfNoLatinLetterKeepsItsUsPlace() {
        assertEquals('z', KeyLetters.letter(GLFW_KEY_Z, "я"), "Cyrillic: Ctrl-Z where US has Z");
        assertEquals('z', KeyLetters.letter(GLFW_KEY_Z, null), "no name from the layout");
        assertEquals(0, KeyLetters.letter(GLFW_KEY_SEMICOLON, "ö"), "a key of no letter");
        assertEquals(0, KeyLetters.letter(GLFW_KEY_SEMICOLON, null));
    }
}
