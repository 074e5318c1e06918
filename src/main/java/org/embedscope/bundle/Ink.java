package org.embedscope.bundle;

import java.util.Locale;

/**
 * What a kept texel of a {@code luminance} atlas shows: the grey level there is both the texel's
 * coverage and its shade, and the two kinds of grey image want different readings of it.
 */
public enum Ink {
    /**
     * Strokes (MNIST): the grey is how much of the texel the ink covers, so a kept texel shows the ink
     * at full strength, white, and small and coarse sprites (whose strokes average to grey) stay bright.
     */
    FULL,
    /**
     * Shaded images (Fashion-MNIST, grey photographs on black): the grey is the picture, so a kept texel
     * shows its own grey, and the alpha threshold is low, keeping the dark parts of the object.
     */
    SHADED;

    /** The alpha threshold a view of such images starts at. */
    public float defaultThreshold() { return this == SHADED ? 0.1f : 0.5f; }

    /** The name used in {@code bundle.json}. */
    public String jsonName() { return name().toLowerCase(Locale.ROOT); }

    /** Parses a manifest value; null when it names no ink. */
    public static Ink fromJson(String value) {
        for (Ink k : values()) if (k.jsonName().equals(value)) return k;
        return null;
    }
}
