package org.embedscope.layout.tsne;

/** The bounding box of a 2-D layout, which both the quadtree and the interpolation grid are laid over. */
final class LayoutBounds {
    private LayoutBounds() {}

    /** {@code {minX, maxX, minY, maxY}} of the layout {@code y} (x0, y0, x1, y1, …) of {@code n} points. */
    static double[] of(double[] y, int n) {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double a = y[2 * i], b = y[2 * i + 1];
            if (a < minX) minX = a;
            if (a > maxX) maxX = a;
            if (b < minY) minY = b;
            if (b > maxY) maxY = b;
        }
        return new double[] {minX, maxX, minY, maxY};
    }
}
