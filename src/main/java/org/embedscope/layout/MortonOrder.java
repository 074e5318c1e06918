package org.embedscope.layout;

import org.embedscope.util.Bounds;

/**
 * Z-order (Morton order) of the points of a layout: their coordinates quantised to 2¹⁶ steps a side
 * over the layout's bounding box, bits interleaved (y's above x's, so the two top bits of a code name
 * its quadrant SW, SE, NW, NE), codes sorted stably as unsigned numbers (ties keep index order).
 * Points close in the layout end up mostly close in this order, which is what makes loops over a
 * layout's neighbours cache-friendly once the points are renumbered by it (t-SNE's attraction pass,
 * UMAP's chunks of points); t-SNE's Barnes-Hut quadtree is built on the same codes.
 *
 * <p>Each engine quantises in the precision of its own layout (UMAP float, t-SNE double), as each
 * always has: a different rounding would move a few points in the order, and so change the layouts.
 */
public final class MortonOrder {
    private MortonOrder() {}

    /** Bits of a coordinate in a code. */
    public static final int BITS = 16;

    /** {@code order[r]} = the point at position {@code r}, for a 2-D layout in double precision. */
    public static int[] of(double[] y, int n) {
        double[] b = Bounds.of(y, n);
        double max = (1 << BITS) - 1;
        int[] codes = new int[n];
        codes(y, n, b[0], b[1], max / Math.max(b[2] - b[0], 1e-300), max / Math.max(b[3] - b[1], 1e-300), codes);
        return sorted(codes, n);
    }

    /**
     * {@code order[r]} = the point at position {@code r}, by the first two of the {@code dims}
     * coordinates of each row (one when {@code dims} is 1) of a single-precision layout.
     */
    public static int[] of(float[] y, int n, int dims) {
        int last = (1 << BITS) - 1;
        int[] codes = new int[n];
        for (int d = 0; d < Math.min(2, dims); d++) {
            float[] range = Bounds.ofAxis(y, n, dims, d);
            float lo = range[0], extent = range[1] - range[0];
            for (int i = 0; i < n; i++) {
                int q = extent > 0 ? (int) ((y[i * dims + d] - lo) / extent * (float) last) : 0;
                codes[i] |= spread(q) << d;
            }
        }
        return sorted(codes, n);
    }

    /**
     * The codes of the points of a 2-D layout into {@code out}: coordinate {@code v} falls in step
     * {@code ⌊(v − origin)·scale⌋}, clamped to the grid.
     */
    public static void codes(double[] y, int n, double x0, double y0, double scaleX, double scaleY, int[] out) {
        int last = (1 << BITS) - 1;
        for (int i = 0; i < n; i++) {
            int qx = (int) Math.min(last, Math.max(0, (y[2 * i] - x0) * scaleX));
            int qy = (int) Math.min(last, Math.max(0, (y[2 * i + 1] - y0) * scaleY));
            out[i] = spread(qx) | spread(qy) << 1;
        }
    }

    private static int[] sorted(int[] codes, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        sort(codes, order, new int[n], n);
        return order;
    }

    /**
     * Sorts {@code order[0, n)} by {@code codes[order[·]]} taken as unsigned, stably (ties keep their
     * order): four 8-bit passes of a radix sort, with {@code scratch} (n entries) between them.
     */
    public static void sort(int[] codes, int[] order, int[] scratch, int n) {
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
