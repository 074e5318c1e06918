package org.embedscope.layout.tsne;

/**
 * Z-order (Morton order) of the points of a 2-D layout: their coordinates quantised to 2¹⁶ steps a
 * side, bits interleaved (y's above x's, so the two top bits of a code name its quadrant SW, SE, NW,
 * NE), codes sorted. Points close in the layout end up mostly close in this order, which is what makes
 * loops over a layout's neighbours cache-friendly once the points are renumbered by it
 * ({@link GradientDescent#reorder}); the quadtree of {@link BarnesHutRepulsion} is built on the same codes.
 */
final class MortonOrder {
    private MortonOrder() {}

    /** Bits of a coordinate in a code. */
    static final int BITS = 16;

    /** {@code order[r]} = the point at position {@code r}, over the layout's bounding box. */
    static int[] of(double[] y, int n) {
        double[] b = LayoutBounds.of(y, n);
        double max = (1 << BITS) - 1;
        int[] codes = new int[n], order = new int[n];
        codes(y, n, b[0], b[2], max / Math.max(b[1] - b[0], 1e-300), max / Math.max(b[3] - b[2], 1e-300), codes);
        for (int i = 0; i < n; i++) order[i] = i;
        sort(codes, order, new int[n], n);
        return order;
    }

    /**
     * The codes of the points into {@code out}: coordinate {@code v} falls in step
     * {@code ⌊(v − origin)·scale⌋}, clamped to the grid.
     */
    static void codes(double[] y, int n, double x0, double y0, double scaleX, double scaleY, int[] out) {
        int last = (1 << BITS) - 1;
        for (int i = 0; i < n; i++) {
            int qx = (int) Math.min(last, Math.max(0, (y[2 * i] - x0) * scaleX));
            int qy = (int) Math.min(last, Math.max(0, (y[2 * i + 1] - y0) * scaleY));
            out[i] = spread(qx) | spread(qy) << 1;
        }
    }

    /**
     * Sorts {@code order[0, n)} by {@code codes[order[·]]} taken as unsigned, stably (ties keep their
     * order): four 8-bit passes of a radix sort, with {@code scratch} (n entries) between them.
     */
    static void sort(int[] codes, int[] order, int[] scratch, int n) {
        int[] from = order, to = scratch;
        int[] count = new int[257];
        for (int shift = 0; shift < 32; shift += 8) {
            java.util.Arrays.fill(count, 0);
            for (int k = 0; k < n; k++) count[(codes[from[k]] >>> shift & 255) + 1]++;
            for (int d = 0; d < 256; d++) count[d + 1] += count[d];
            for (int k = 0; k < n; k++) to[count[codes[from[k]] >>> shift & 255]++] = from[k];
            int[] t = from;
            from = to;
            to = t;
        }
        // An even number of passes: the result is back in order[].
    }

    /** The 16 low bits of {@code v} moved to the even bit positions 0, 2, …, 30. */
    private static int spread(int v) {
        v = (v | v << 8) & 0x00FF00FF;
        v = (v | v << 4) & 0x0F0F0F0F;
        v = (v | v << 2) & 0x33333333;
        v = (v | v << 1) & 0x55555555;
        return v;
    }
}
