package org.embedscope.render;

import java.util.Arrays;

/**
 * A uniform grid over a fixed set of 2-D points, answering "which points lie in this box" at the cost
 * of the cells the box touches. About two points a cell; the grid spans the bulk of the points (their
 * mean ± 4 standard deviations per axis, within their bounds) and points beyond it sit in the border
 * cells, so a few far outliers cannot make the cells coarse. Built in one counting-sort pass; GL-free.
 */
public final class PointGrid {
    /** Cells per side at most. */
    static final int MAX_SIDE = 2048;

    private final int cols, rows;
    private final float x0, y0, toCellX, toCellY;
    /** Points of cell c: {@code items[cellStart[c] .. cellStart[c+1])}, ascending; {@code xy} holds their positions in that order. */
    private final int[] cellStart, items;
    private final float[] xy;

    private PointGrid(int cols, int rows, float x0, float y0, float toCellX, float toCellY, int[] cellStart, int[] items, float[] xy) {
        this.cols = cols;
        this.rows = rows;
        this.x0 = x0;
        this.y0 = y0;
        this.toCellX = toCellX;
        this.toCellY = toCellY;
        this.cellStart = cellStart;
        this.items = items;
        this.xy = xy;
    }

    /** The grid of interleaved positions {@code xy} (x0, y0, x1, y1, …). */
    public static PointGrid of(float[] xy) {
        return of(xy, null);
    }

    /** The grid of the points {@code items} (ascending; null for all) of {@code xy}; queries answer item numbers. */
    public static PointGrid of(float[] xy, int[] items) {
        int n = items == null ? xy.length / 2 : items.length;
        float[] box = bulk(xy, items);
        int side = (int) Math.max(1, Math.min(MAX_SIDE, Math.sqrt(n / 2.0)));
        float w = box[2] - box[0], h = box[3] - box[1];
        float toX = w > 0 ? side / w : 0, toY = h > 0 ? side / h : 0;
        PointGrid shape = new PointGrid(side, side, box[0], box[1], toX, toY, null, null, null);
        int[] start = new int[side * side + 1];
        int[] cellOf = new int[n];
        for (int p = 0; p < n; p++) {
            int i = items == null ? p : items[p];
            int c = shape.cell(xy[2 * i], xy[2 * i + 1]);
            cellOf[p] = c;
            start[c + 1]++;
        }
        for (int c = 0; c < side * side; c++) start[c + 1] += start[c];
        int[] fill = Arrays.copyOf(start, side * side);
        int[] byCell = new int[n];
        float[] sorted = new float[2 * n];
        for (int p = 0; p < n; p++) { // ascending: each cell's points stay in item order
            int i = items == null ? p : items[p];
            int at = fill[cellOf[p]]++;
            byCell[at] = i;
            sorted[2 * at] = xy[2 * i];
            sorted[2 * at + 1] = xy[2 * i + 1];
        }
        return new PointGrid(side, side, box[0], box[1], toX, toY, start, byCell, sorted);
    }

    /**
     * {minX, minY, maxX, maxY} of the bulk of the points {@code items} (null: all) of {@code xy}: per
     * axis the mean ± 4 standard deviations, within the points' own bounds.
     */
    static float[] bulk(float[] xy, int[] items) {
        int n = items == null ? xy.length / 2 : items.length;
        float[] b = {0, 0, 0, 0};
        if (n == 0) return b;
        for (int a = 0; a < 2; a++) {
            double sum = 0, sq = 0;
            float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
            for (int p = 0; p < n; p++) {
                float v = xy[2 * (items == null ? p : items[p]) + a];
                sum += v;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double mean = sum / n;
            for (int p = 0; p < n; p++) {
                double d = xy[2 * (items == null ? p : items[p]) + a] - mean;
                sq += d * d;
            }
            double sd = Math.sqrt(sq / n);
            b[a] = (float) Math.max(lo, mean - 4 * sd);
            b[2 + a] = (float) Math.min(hi, mean + 4 * sd);
        }
        return b;
    }

    private int column(float x) {
        float c = (x - x0) * toCellX;
        return c <= 0 ? 0 : c >= cols ? cols - 1 : (int) c; // also NaN-safe: NaN fails both tests and casts to 0
    }

    private int row(float y) {
        float r = (y - y0) * toCellY;
        return r <= 0 ? 0 : r >= rows ? rows - 1 : (int) r;
    }

    private int cell(float x, float y) { return row(y) * cols + column(x); }

    /** The points inside the box [minX, maxX] × [minY, maxY] (edges included), ascending. */
    public int[] query(float minX, float minY, float maxX, float maxY) {
        int c0 = column(minX), c1 = column(maxX), r0 = row(minY), r1 = row(maxY);
        int[] out = new int[16];
        int count = 0;
        for (int r = r0; r <= r1; r++) {
            for (int e = cellStart[r * cols + c0], end = cellStart[r * cols + c1 + 1]; e < end; e++) {
                float x = xy[2 * e], y = xy[2 * e + 1];
                if (x < minX || x > maxX || y < minY || y > maxY) continue;
                if (count == out.length) out = Arrays.copyOf(out, count * 2);
                out[count++] = items[e];
            }
        }
        return ascending(out, count);
    }

    /** An upper bound on {@link #query}'s count for the box, from the cells it touches alone. */
    public int countAtMost(float minX, float minY, float maxX, float maxY) {
        int c0 = column(minX), c1 = column(maxX), r0 = row(minY), r1 = row(maxY);
        int count = 0;
        for (int r = r0; r <= r1; r++) count += cellStart[r * cols + c1 + 1] - cellStart[r * cols + c0];
        return count;
    }

    /** The first {@code count} of {@code items} in ascending order: a sort for a few, a bit set for many. */
    private static int[] ascending(int[] items, int count) {
        if (count < 4096) {
            int[] out = Arrays.copyOf(items, count);
            Arrays.sort(out);
            return out;
        }
        int max = 0;
        for (int i = 0; i < count; i++) max = Math.max(max, items[i]);
        long[] bits = new long[(max >> 6) + 1];
        for (int i = 0; i < count; i++) bits[items[i] >> 6] |= 1L << items[i];
        int[] out = new int[count];
        int o = 0;
        for (int w = 0; w < bits.length; w++) {
            for (long b = bits[w]; b != 0; b &= b - 1) out[o++] = (w << 6) | Long.numberOfTrailingZeros(b);
        }
        return out;
    }
}
