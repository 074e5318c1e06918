package org.embedscope.render;

/**
 * A perceptual colour map for numbers: viridis (matplotlib's default; dark blue-violet through green
 * to yellow, lightness rising steadily, readable with the common colour-vision deficiencies). Held
 * as its values at every 16th of its 256 entries (0, 16, …, 240, 255), interpolated linearly between
 * them, which stays within one step of eight bits of the full table. GL-free.
 */
public final class ColourMap {
    /** Entries of the sampled table: the GPU reads the same 256 colours the CPU computes. */
    public static final int SIZE = 256;

    /** Viridis at entries 0, 16, 32, …, 240 and 255, as 0xRRGGBB. */
    private static final int[] ANCHORS = {
            0x440154, 0x48186a, 0x472d7b, 0x424086, 0x3b528b, 0x33638d, 0x2c728e, 0x26828e, 0x21918c,
            0x1fa088, 0x28ae80, 0x3fbc73, 0x5ec962, 0x84d44b, 0xaddc30, 0xd8e219, 0xfde725,
    };

    private static final int[] TABLE = table();

    private ColourMap() {}

    private static int[] table() {
        int[] t = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            int a = Math.min(i / 16, ANCHORS.length - 2);
            int from = 16 * a, to = a + 1 == ANCHORS.length - 1 ? SIZE - 1 : 16 * (a + 1);
            float f = (i - from) / (float) (to - from);
            int rgb = 0;
            for (int shift = 16; shift >= 0; shift -= 8) {
                int x = (ANCHORS[a] >> shift) & 255, y = (ANCHORS[a + 1] >> shift) & 255;
                rgb |= Math.round(x + f * (y - x)) << shift;
            }
            t[i] = rgb;
        }
        return t;
    }

    /** The colour at position {@code t} in [0, 1] (clamped; NaN gives the start), as 0xRRGGBB. */
    public static int rgb(float t) {
        return TABLE[entry(t)];
    }

    /** The table entry of position {@code t}: what the shaders' texture lookup lands on. */
    static int entry(float t) {
        if (!(t > 0f)) return 0;
        if (t >= 1f) return SIZE - 1;
        return Math.round(t * (SIZE - 1));
    }

    /** The whole table, entry 0 first. */
    public static int[] table256() { return TABLE.clone(); }
}
