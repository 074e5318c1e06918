package org.embedscope.render;

/** Colours packed as {@code 0xRRGGBB} ints (palettes, constants) unpacked to the floats GL and imgui take. */
public final class PackedColor {
    private PackedColor() {}

    /** {r, g, b} in 0..1. */
    public static float[] rgb(int rgb) {
        return new float[] {((rgb >> 16) & 255) / 255f, ((rgb >> 8) & 255) / 255f, (rgb & 255) / 255f};
    }

    /** {r, g, b, alpha} in 0..1. */
    public static float[] rgba(int rgb, float alpha) {
        float[] c = rgb(rgb);
        return new float[] {c[0], c[1], c[2], alpha};
    }
}
