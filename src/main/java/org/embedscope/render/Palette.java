package org.embedscope.render;

/**
 * Label colours: ten well-separated categorical colours (the "Tableau 10" set, readable on a dark
 * background), then hues spaced by the golden angle for any further labels.
 */
public final class Palette {
    private Palette() {}

    private static final int[] BASE = {
            0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
            0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac,
    };

    /** Colour of label {@code index} as 0xRRGGBB. */
    public static int rgb(int index) {
        if (index < BASE.length) return BASE[index];
        float hue = (float) ((index * 0.618033988749895) % 1.0);
        float sat = 0.55f + 0.25f * ((index / 7) % 2), val = 0.85f;
        return hsv(hue, sat, val);
    }

    static int hsv(float h, float s, float v) {
        float r, g, b;
        int i = (int) Math.floor(h * 6);
        float f = h * 6 - i, p = v * (1 - s), q = v * (1 - f * s), t = v * (1 - (1 - f) * s);
        switch (((i % 6) + 6) % 6) {
            case 0 -> { r = v; g = t; b = p; }
            case 1 -> { r = q; g = v; b = p; }
            case 2 -> { r = p; g = v; b = t; }
            case 3 -> { r = p; g = q; b = v; }
            case 4 -> { r = t; g = p; b = v; }
            default -> { r = v; g = p; b = q; }
        }
        return (Math.round(r * 255) << 16) | (Math.round(g * 255) << 8) | Math.round(b * 255);
    }
}
