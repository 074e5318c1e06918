package org.embedscope.render;

import org.embedscope.util.Bounds;

/**
 * Brings a layout's coordinates, in whatever units the producing tool used, into display space:
 * centred on the middle of its bounding box and scaled uniformly (aspect kept) so that the longer
 * side spans [-1, 1]. Every layout of a bundle is normalised the same way, so transitions between
 * them stay on screen.
 */
public final class LayoutNormalizer {
    private LayoutNormalizer() {}

    /** Normalised copy of interleaved {@code x, y} coordinates. */
    public static float[] normalize(float[] xy) {
        int n = xy.length / 2;
        if (n == 0) return new float[0];
        float[] b = Bounds.of(xy);
        float minX = b[0], minY = b[1], maxX = b[2], maxY = b[3];
        double cx = (minX + (double) maxX) / 2, cy = (minY + (double) maxY) / 2;
        double extent = Math.max((double) maxX - minX, (double) maxY - minY);
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
}
