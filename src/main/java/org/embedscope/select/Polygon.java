package org.embedscope.select;

import java.util.Arrays;

/**
 * A polygon (a lasso), tested by the even-odd rule: a point is inside when a ray from it towards +x
 * crosses the outline an odd number of times, so a self-crossing freehand outline works too.
 *
 * <p>Points on the outline get one consistent answer: each edge is read from its lower to its upper
 * end whichever way the outline runs, counts for the heights {@code lowY <= y < highY} only, and a
 * point counts as left of it only when strictly so. So two polygons sharing an edge never both hold a
 * point on it, and horizontal or zero-length edges (duplicate vertices) count for nothing.
 *
 * <p>Speed: a bounding-box test first; then only the edges spanning the point's horizontal band are
 * tested (the outline's height is cut into bands, each listing the edges that reach into it), so a
 * 100-vertex lasso costs a few edge tests per point, not a hundred.
 */
public final class Polygon implements Region {
    /** Edge endpoints, lower end (lx, ly) to upper end (ux, uy); horizontal edges are left out. */
    private final double[] lx, ly, ux, uy;
    private final int vertices;
    private final double minX, minY, maxX, maxY;
    private final int bands;
    private final double bandScale;
    /** Band {@code b}'s edges are {@code bandEdges[bandStart[b] .. bandStart[b + 1])}. */
    private final int[] bandStart, bandEdges;

    /**
     * @param outline vertices interleaved (x0, y0, x1, y1, …), at least 3, all finite; the outline
     *                closes by itself (the last vertex joins the first; repeating the first is harmless)
     */
    public Polygon(float[] outline) {
        if (outline.length % 2 != 0) throw new IllegalArgumentException("odd number of coordinates");
        vertices = outline.length / 2;
        if (vertices < 3) throw new IllegalArgumentException("a polygon needs at least 3 vertices, not " + vertices);
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < vertices; v++) {
            double x = outline[2 * v], y = outline[2 * v + 1];
            if (!Double.isFinite(x) || !Double.isFinite(y)) throw new IllegalArgumentException("vertex " + v + " is not finite");
            x0 = Math.min(x0, x);
            x1 = Math.max(x1, x);
            y0 = Math.min(y0, y);
            y1 = Math.max(y1, y);
        }
        minX = x0;
        maxX = x1;
        minY = y0;
        maxY = y1;
        double[] elx = new double[vertices], ely = new double[vertices], eux = new double[vertices], euy = new double[vertices];
        int e = 0;
        for (int v = 0; v < vertices; v++) {
            int w = (v + 1) % vertices;
            double ax = outline[2 * v], ay = outline[2 * v + 1], bx = outline[2 * w], by = outline[2 * w + 1];
            if (ay == by) continue; // never crossed by a horizontal ray under the half-open rule
            boolean up = by > ay;
            elx[e] = up ? ax : bx;
            ely[e] = up ? ay : by;
            eux[e] = up ? bx : ax;
            euy[e] = up ? by : ay;
            e++;
        }
        lx = Arrays.copyOf(elx, e);
        ly = Arrays.copyOf(ely, e);
        ux = Arrays.copyOf(eux, e);
        uy = Arrays.copyOf(euy, e);
        bands = Math.max(1, Math.min(1024, e));
        bandScale = maxY > minY ? bands / (maxY - minY) : 0;
        // Count, then fill: each edge goes to every band from its lower end's to its upper end's.
        bandStart = new int[bands + 1];
        for (int k = 0; k < e; k++) {
            for (int b = band(ly[k]), top = band(uy[k]); b <= top; b++) bandStart[b + 1]++;
        }
        for (int b = 0; b < bands; b++) bandStart[b + 1] += bandStart[b];
        bandEdges = new int[bandStart[bands]];
        int[] fill = Arrays.copyOf(bandStart, bands);
        for (int k = 0; k < e; k++) {
            for (int b = band(ly[k]), top = band(uy[k]); b <= top; b++) bandEdges[fill[b]++] = k;
        }
    }

    /** Parses {@code "X1,Y1 X2,Y2 ..."} (see {@link PointList}) into a polygon. */
    public static Polygon parse(String text) throws org.embedscope.query.QueryException {
        return new Polygon(PointList.parse(text, 3));
    }

    /** How many vertices the outline has, as given. */
    public int vertices() { return vertices; }

    /** The bounding box of the outline: {minX, minY, maxX, maxY}. */
    public double[] bounds() { return new double[] {minX, minY, maxX, maxY}; }

    /** The band of height {@code y} (monotonic in y, clamped to the bands). */
    private int band(double y) {
        int b = (int) ((y - minY) * bandScale);
        return b < 0 ? 0 : Math.min(bands - 1, b);
    }

    @Override
    public boolean contains(double x, double y) {
        if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) return false;
        int b = band(y);
        boolean inside = false;
        for (int j = bandStart[b], end = bandStart[b + 1]; j < end; j++) {
            int k = bandEdges[j];
            if (y >= ly[k] && y < uy[k]) {
                // left of the upward edge: cross((u - l), (p - l)) > 0
                double t = (ux[k] - lx[k]) * (y - ly[k]) - (x - lx[k]) * (uy[k] - ly[k]);
                if (t > 0) inside = !inside;
            }
        }
        return inside;
    }
}
