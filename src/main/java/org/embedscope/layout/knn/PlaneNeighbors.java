package org.embedscope.layout.knn;

import java.util.concurrent.atomic.AtomicLong;
import org.embedscope.util.Bounds;
import org.embedscope.util.Parallel;
import org.embedscope.progress.Progress;

/**
 * Exact k nearest neighbours among 2-D points (a layout), through a uniform grid over the candidates'
 * bounding box with about two candidates per cell: a query visits rings of cells around its own until
 * no cell left can hold a nearer candidate. Each query costs a few dozen distances instead of one per
 * candidate (brute force over 70,000 points: 5·10⁹ distances per layout).
 *
 * <p>The result is bit for bit what a scan of the candidates in their given order keeps: distances are
 * squared Euclidean in double of the float coordinates, and of equal distances the candidate listed
 * first wins.
 */
public final class PlaneNeighbors {
    private final float[] xy;
    private final int[] candidates;
    private final double minX, minY, cell;
    private final int columns, rows;
    /** Cell {@code c} holds candidate positions {@code members[cellStart[c] .. cellStart[c+1])}, in increasing order. */
    private final int[] cellStart, members;

    /** A grid over all {@code n} points of {@code xy} (interleaved x, y). */
    public PlaneNeighbors(float[] xy, int n) {
        this(xy, identity(n));
    }

    /** A grid over the points {@code candidates} of {@code xy} (interleaved x, y); queries may be any point of xy. */
    public PlaneNeighbors(float[] xy, int[] candidates) {
        this.xy = xy;
        this.candidates = candidates;
        int m = candidates.length;
        float[] box = m == 0 ? new float[4] : Bounds.of(xy, candidates);
        double x0 = box[0], y0 = box[1], x1 = box[2], y1 = box[3];
        double w = x1 - x0, h = y1 - y0, target = Math.max(1, m / 2.0);
        // Square cells of area w·h/target, but no more than `target` of them along the longer side,
        // which bounds the cell count for thin boxes; coincident points share one cell.
        double side = Math.max(Math.sqrt(w * h / target), Math.max(w, h) / target);
        if (!(side > 0)) side = 1;
        minX = x0;
        minY = y0;
        cell = side;
        columns = (int) Math.min(Integer.MAX_VALUE / 4, Math.max(1, Math.ceil(w / side)));
        rows = (int) Math.min(Integer.MAX_VALUE / 4, Math.max(1, Math.ceil(h / side)));
        // Counting sort of the candidate positions by cell.
        int cells = columns * rows;
        cellStart = new int[cells + 1];
        int[] cellOf = new int[m];
        for (int p = 0; p < m; p++) {
            int j = candidates[p];
            cellOf[p] = cellY(xy[2 * j + 1]) * columns + cellX(xy[2 * j]);
            cellStart[cellOf[p] + 1]++;
        }
        for (int c = 0; c < cells; c++) cellStart[c + 1] += cellStart[c];
        members = new int[m];
        int[] fill = java.util.Arrays.copyOf(cellStart, cells);
        for (int p = 0; p < m; p++) members[fill[cellOf[p]]++] = p;
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }

    private int cellX(double x) {
        return (int) Math.max(0, Math.min(columns - 1, Math.floor((x - minX) / cell)));
    }

    private int cellY(double y) {
        return (int) Math.max(0, Math.min(rows - 1, Math.floor((y - minY) / cell)));
    }

    /**
     * For each query point, its {@code k} nearest candidates other than itself, nearest first: row
     * {@code q} of the result is {@code [q*k, q*k + k)}; -1 fills a row when fewer candidates exist.
     * Advances {@code progress} by queries done (its stage is the caller's) and stops when it is cancelled.
     */
    public int[] nearest(int[] queries, int k, Parallel par, Progress progress) {
        int count = queries.length;
        int[] out = new int[count * k];
        AtomicLong done = new AtomicLong();
        par.forRange(count, 256, (w, from, to) -> {
            double[] bestDistance = new double[k];
            int[] bestPosition = new int[k];
            for (int q = from; q < to; q++) nearest(queries[q], k, bestDistance, bestPosition, out, q * k);
            progress.advance(done.addAndGet(to - from));
            progress.checkCancelled();
        });
        return out;
    }

    /** The k nearest candidates of point i into {@code out[offset ..]}, with the two scratch arrays of length k. */
    private void nearest(int i, int k, double[] bd, int[] bp, int[] out, int offset) {
        java.util.Arrays.fill(bd, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(bp, Integer.MAX_VALUE);
        double px = xy[2 * i], py = xy[2 * i + 1];
        int cx = cellX(px), cy = cellY(py);
        int last = Math.max(Math.max(cx, columns - 1 - cx), Math.max(cy, rows - 1 - cy));
        for (int r = 0; r <= last; r++) {
            // Every cell not yet visited lies r or more cells away, so its points more than (r − 1)·cell
            // (less a margin for rounding in the cell of a point on a boundary).
            double reach = (r - 1 - 1e-3) * cell;
            if (r > 1 && bd[k - 1] < reach * reach) break;
            int y0 = cy - r, y1 = cy + r, x0 = Math.max(0, cx - r), x1 = Math.min(columns - 1, cx + r);
            if (y0 >= 0) for (int gx = x0; gx <= x1; gx++) visit(y0 * columns + gx, i, px, py, k, bd, bp);
            if (r > 0 && y1 < rows) for (int gx = x0; gx <= x1; gx++) visit(y1 * columns + gx, i, px, py, k, bd, bp);
            int ys = Math.max(0, y0 + 1), ye = Math.min(rows - 1, y1 - 1);
            if (r > 0) {
                for (int gy = ys; gy <= ye; gy++) {
                    if (cx - r >= 0) visit(gy * columns + cx - r, i, px, py, k, bd, bp);
                    if (cx + r < columns) visit(gy * columns + cx + r, i, px, py, k, bd, bp);
                }
            }
        }
        for (int a = 0; a < k; a++) out[offset + a] = bp[a] == Integer.MAX_VALUE ? -1 : candidates[bp[a]];
    }

    private void visit(int c, int i, double px, double py, int k, double[] bd, int[] bp) {
        for (int e = cellStart[c], end = cellStart[c + 1]; e < end; e++) {
            int p = members[e], j = candidates[p];
            if (j == i) continue;
            double dx = px - xy[2 * j], dy = py - xy[2 * j + 1];
            double d = dx * dx + dy * dy;
            if (d > bd[k - 1] || (d == bd[k - 1] && p >= bp[k - 1])) continue;
            // Sorted insertion by (distance, candidate position).
            int s = k - 1;
            while (s > 0 && (bd[s - 1] > d || (bd[s - 1] == d && bp[s - 1] > p))) {
                bd[s] = bd[s - 1];
                bp[s] = bp[s - 1];
                s--;
            }
            bd[s] = d;
            bp[s] = p;
        }
    }
}
