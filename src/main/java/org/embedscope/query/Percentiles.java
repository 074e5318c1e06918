package org.embedscope.query;

import java.util.Arrays;

/**
 * Percentiles of a column's values, missing values (NaN) left out: the finite values sorted once,
 * then read with linear interpolation between closest ranks (numpy's default).
 */
public final class Percentiles {
    private final double[] sorted;

    private Percentiles(double[] sorted) {
        this.sorted = sorted;
    }

    /** The percentiles of {@code values}; NaN and infinite values are ignored. */
    public static Percentiles of(double[] values) {
        double[] s = new double[values.length];
        int m = 0;
        for (double v : values) if (Double.isFinite(v)) s[m++] = v;
        s = Arrays.copyOf(s, m);
        Arrays.sort(s);
        return new Percentiles(s);
    }

    /** How many values count (the finite ones). */
    public int count() { return sorted.length; }

    /** The {@code percent}-th percentile (0 = smallest, 100 = largest); NaN when there are no values. */
    public double at(double percent) {
        if (sorted.length == 0) return Double.NaN;
        double p = Math.max(0, Math.min(100, percent)) / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(p);
        int hi = Math.min(sorted.length - 1, lo + 1);
        double f = p - lo;
        return f == 0 ? sorted[lo] : sorted[lo] + f * (sorted[hi] - sorted[lo]);
    }
}
