package org.embedscope.render;

import org.embedscope.util.Bounds;
import org.embedscope.util.Select;

/**
 * Brings a layout's coordinates, in whatever units the producing tool used, into display space:
 * centred on the middle of its core box ({@link #coreBounds}) and scaled uniformly (aspect kept) so
 * that the core box's longer side spans [-1, 1]. Far outliers therefore land outside [-1, 1]
 * instead of shrinking everyone else. Every layout of a bundle is normalised the same way, so
 * transitions between them stay on screen.
 */
public final class LayoutNormalizer {
    /** The core box spans these quantiles of each axis ... */
    public static final double CORE_QUANTILE = 0.01;
    /** ... widened on each side by this fraction of its span: only items beyond that are outliers. */
    public static final double CORE_MARGIN = 0.25;

    private LayoutNormalizer() {}

    /** Normalised copy of interleaved {@code x, y} coordinates. */
    public static float[] normalize(float[] xy) {
        int n = xy.length / 2;
        if (n == 0) return new float[0];
        float[] b = coreBounds(xy);
        float minX = b[0], minY = b[1], maxX = b[2], maxY = b[3];
        double cx = (minX + (double) maxX) / 2, cy = (minY + (double) maxY) / 2;
        double extent = Math.max((double) maxX - minX, (double) maxY - minY);
        if (!(extent > 0)) {
            // The core is one spot: scale by the whole extent, so outliers still stay in view.
            float[] all = bounds(xy);
            extent = Math.max((double) all[2] - all[0], (double) all[3] - all[1]);
        }
        // A layout with every point in one place is shown as one spot in the middle.
        double scale = extent > 0 ? 2.0 / extent : 1.0;
        float[] out = new float[xy.length];
        for (int i = 0; i < n; i++) {
            out[2 * i] = (float) ((xy[2 * i] - cx) * scale);
            out[2 * i + 1] = (float) ((xy[2 * i + 1] - cy) * scale);
        }
        return out;
    }

    /** Bounding box {minX, minY, maxX, maxY} of interleaved coordinates: {@link Bounds#of(float[])}, by the name the renderer uses. */
    public static float[] bounds(float[] xy) {
        return Bounds.of(xy);
    }

    /**
     * The box {minX, minY, maxX, maxY} holding the layout's core: per axis, the 1st to 99th
     * percentile widened by a quarter of that span on each side, shrunk to the items inside it.
     * Items a cluster's edge away stay inside; a few items far from everything else do not.
     */
    public static float[] coreBounds(float[] xy) {
        int n = xy.length / 2;
        float[] all = bounds(xy);
        if (n < 4) return all;
        float[] axis = new float[n];
        float[] out = new float[4];
        for (int a = 0; a < 2; a++) {
            for (int i = 0; i < n; i++) axis[i] = xy[2 * i + a];
            // The two quantiles by selection, not a sort: linear in the items (a million at load).
            double lo = Select.kth(axis, (int) Math.floor(CORE_QUANTILE * (n - 1)));
            double hi = Select.kth(axis, (int) Math.ceil((1 - CORE_QUANTILE) * (n - 1)));
            double margin = CORE_MARGIN * (hi - lo);
            // The extreme items within the widened span: the box ends where the core's items do.
            float first = Float.POSITIVE_INFINITY, last = Float.NEGATIVE_INFINITY;
            for (float v : axis) {
                if (v >= lo - margin && v < first) first = v;
                if (v <= hi + margin && v > last) last = v;
            }
            out[a] = first;
            out[2 + a] = last;
        }
        return out;
    }

    /** Union {minX, minY, maxX, maxY} of the boxes of several layouts; (-1, -1, 1, 1) for none. */
    public static float[] union(float[][] boxes) {
        float[] u = {Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (float[] b : boxes) {
            u[0] = Math.min(u[0], b[0]);
            u[1] = Math.min(u[1], b[1]);
            u[2] = Math.max(u[2], b[2]);
            u[3] = Math.max(u[3], b[3]);
        }
        if (!(u[0] <= u[2]) || !(u[1] <= u[3])) return new float[] {-1, -1, 1, 1};
        return u;
    }
}
