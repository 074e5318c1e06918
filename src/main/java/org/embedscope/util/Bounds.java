package org.embedscope.util;

/**
 * Bounding boxes of point sets, in one convention: a 2-D box is {@code {minX, minY, maxX, maxY}} (as
 * {@code Camera.setBounds} takes it), one axis {@code {min, max}}. An empty set gives +∞ minima and
 * −∞ maxima.
 */
public final class Bounds {
    private Bounds() {}

    /** The box of interleaved {@code x, y} pairs. */
    public static float[] of(float[] xy) {
        float minX = Float.POSITIVE_INFINITY, minY = Float.POSITIVE_INFINITY;
        float maxX = Float.NEGATIVE_INFINITY, maxY = Float.NEGATIVE_INFINITY;
        for (int i = 0; i + 1 < xy.length; i += 2) {
            minX = Math.min(minX, xy[i]);
            maxX = Math.max(maxX, xy[i]);
            minY = Math.min(minY, xy[i + 1]);
            maxY = Math.max(maxY, xy[i + 1]);
        }
        return new float[] {minX, minY, maxX, maxY};
    }

    /** The box of the points {@code points} (indices of pairs) of the interleaved {@code x, y} pairs. */
    public static float[] of(float[] xy, int[] points) {
        float minX = Float.POSITIVE_INFINITY, minY = Float.POSITIVE_INFINITY;
        float maxX = Float.NEGATIVE_INFINITY, maxY = Float.NEGATIVE_INFINITY;
        for (int j : points) {
            minX = Math.min(minX, xy[2 * j]);
            maxX = Math.max(maxX, xy[2 * j]);
            minY = Math.min(minY, xy[2 * j + 1]);
            maxY = Math.max(maxY, xy[2 * j + 1]);
        }
        return new float[] {minX, minY, maxX, maxY};
    }

    /** The box of the first {@code n} interleaved {@code x, y} pairs of a double-precision layout (finite values). */
    public static double[] of(double[] xy, int n) {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double a = xy[2 * i], b = xy[2 * i + 1];
            if (a < minX) minX = a;
            if (a > maxX) maxX = a;
            if (b < minY) minY = b;
            if (b > maxY) maxY = b;
        }
        return new double[] {minX, minY, maxX, maxY};
    }

    /** {@code {min, max}} of coordinate {@code axis} of {@code n} rows of {@code stride} values. */
    public static float[] ofAxis(float[] rows, int n, int stride, int axis) {
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, rows[i * stride + axis]);
            hi = Math.max(hi, rows[i * stride + axis]);
        }
        return new float[] {lo, hi};
    }
}
