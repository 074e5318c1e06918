package org.embedscope.select;

/** A region of a layout's plane (a lasso polygon or a box), in the same units as the positions tested. */
public interface Region {
    /** True when point (x, y) lies in the region. NaN coordinates never do. */
    boolean contains(double x, double y);

    /**
     * The items whose position lies in the region: {@code xy} holds positions interleaved
     * (x0, y0, x1, y1, …), as {@code Bundle.coords} does, one item per pair.
     */
    default ItemSet select(float[] xy) {
        int n = xy.length / 2;
        // A word of 64 items at a time: the set's own layout, no per-item call into it.
        long[] words = new long[(n + 63) >>> 6];
        for (int k = 0; k < words.length; k++) {
            int base = k << 6, end = Math.min(64, n - base);
            long bits = 0;
            for (int b = 0; b < end; b++) {
                int i = base + b;
                if (contains(xy[2 * i], xy[2 * i + 1])) bits |= 1L << b;
            }
            words[k] = bits;
        }
        return ItemSet.ofWords(n, words);
    }
}
