package org.embedscope.layout.tsne;

/**
 * Points of a 2-D layout in Z-order (Morton order): sorted by the interleaved bits of their
 * coordinates on a 2¹⁶ × 2¹⁶ grid over the layout's bounding box, ties by index. Points close in the
 * layout end up mostly close in this order, which is what makes loops over a layout's neighbours
 * cache-friendly once the points are renumbered by it.
 */
final class MortonOrder {
    private MortonOrder() {}

    /** {@code order[r]} = the point at position {@code r}. */
    static int[] of(double[] y, int n) {
        double[] b = LayoutBounds.of(y, n);
        double sx = 65535.0 / Math.max(b[1] - b[0], 1e-300), sy = 65535.0 / Math.max(b[3] - b[2], 1e-300);
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long qx = Math.min(65535, Math.max(0, (long) ((y[2 * i] - b[0]) * sx)));
            long qy = Math.min(65535, Math.max(0, (long) ((y[2 * i + 1] - b[2]) * sy)));
            keys[i] = (spread(qx) | spread(qy) << 1) << 32 | i;
        }
        java.util.Arrays.sort(keys);
        int[] order = new int[n];
        for (int r = 0; r < n; r++) order[r] = (int) keys[r];
        return order;
    }

    /** The 16 low bits of {@code v} moved to the even bit positions 0, 2, …, 30. */
    private static long spread(long v) {
        v = (v | v << 8) & 0x00FF00FFL;
        v = (v | v << 4) & 0x0F0F0F0FL;
        v = (v | v << 2) & 0x33333333L;
        v = (v | v << 1) & 0x55555555L;
        return v;
    }
}
