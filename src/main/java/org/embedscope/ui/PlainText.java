package org.embedscope.ui;

import imgui.ImGui;

/**
 * The panels' lines, drawn as written. imgui-java's {@code text}, {@code textDisabled},
 * {@code textColored}, {@code textWrapped} and {@code setTooltip} pass their string to imgui as a printf
 * format, so a '%' in it read arguments never passed: the export's progress "... 20%" showed old text
 * and "?" rows, and a label typed as "100% sure" read "100(null)ure" (a "%n" could write to memory).
 * Every line of the panels goes through here; constant texts too, so that none is missed later.
 */
final class PlainText {
    private PlainText() { }

    /** {@code s} as a format that prints it: each '%' doubled. */
    static String literal(String s) {
        return s.indexOf('%') < 0 ? s : s.replace("%", "%%");
    }

    static void text(String s) { ImGui.textUnformatted(s); }

    static void disabled(String s) { ImGui.textDisabled(literal(s)); }

    static void colored(float r, float g, float b, float a, String s) { ImGui.textColored(r, g, b, a, literal(s)); }

    static void wrapped(String s) { ImGui.textWrapped(literal(s)); }

    static void tooltip(String s) { ImGui.setTooltip(literal(s)); }
}
