package org.embedscope.ui;

import java.util.function.IntFunction;

/**
 * The text of a number that changes rarely but is shown in every frame (imgui rebuilds the panels each
 * frame): formatted again only when the number changes. {@code String.format} in every frame was a
 * good part of a hover frame's own work while the JVM had not compiled it yet (a session's first
 * seconds).
 */
final class CountText {
    private final IntFunction<String> format;
    private int value;
    private String text;

    /** Texts made by {@code format}. */
    CountText(IntFunction<String> format) {
        this.format = format;
    }

    /** Grouped thousands: "12,345". */
    static CountText grouped() {
        return new CountText(v -> String.format("%,d", v));
    }

    String of(int v) {
        if (text == null || v != value) {
            value = v;
            text = format.apply(v);
        }
        return text;
    }
}
