package org.embedscope.layout.tsne;

import org.embedscope.util.Bounds;
import org.embedscope.layout.MortonOrder;
import org.embedscope.util.Parallel;

/**
 * Repulsive forces by the Barnes-Hut approximation (van der Maaten 2014): a quadtree over the layout;
 * a cell whose side is less than {@code θ} times its distance from a point acts on it as one body of
 * all its points at their centre of mass. O(n log n) per evaluation.
 *
 * <p>The tree is rebuilt on every call from the points' Morton codes (16 bits a coordinate), so every
 * cell's points are contiguous; cells of at most {@link #LEAF_SIZE} points are leaves, summed exactly
 * when they are too close to summarise. Points closer than 2⁻¹⁶ of the layout's extent share a leaf.
 *
 * <p>Laid out for the cache, which decides its speed: the points' coordinates are copied in tree
 * order, every node is one packed record, and the tree is walked once per leaf rather than once per
 * point ({@link #interact}).
 */
public final class BarnesHutRepulsion implements RepulsiveForces {
    /** Bits of a coordinate in the Morton codes, and so the tree's depth limit. */
    private static final int BITS = MortonOrder.BITS;
    /** Most points in a leaf: summing a few points directly is cheaper than visiting their cells. */
    static final int LEAF_SIZE = 16;
    /** Leaves per unit of parallel work (in tree order). */
    private static final int LEAVES_PER_TASK = 16;

    private final double theta;
    /**
     * Per node: centre of mass x and y, (side / θ)² and point count ({@code geo[4·nd …]}); the points
     * order[lo, hi) and the first child, −1 for a leaf ({@code link[4·nd …]}: lo, hi, first child,
     * child count).
     */
    private double[] geo;
    private int[] link;
    private int nodes;
    private int[] order, scratch, codes;
    /** Prefix sums of the coordinates in tree order, relative to the tree's corner. */
    private double[] prefix;
    private double originX, originY;
    private int[] leaves;
    private int leafCount;
    /** Coordinates in tree order: {@code sorted[2k], sorted[2k+1]} are those of point {@code order[k]}. */
    private double[] sorted;
    private long lastWork;

    /** θ in (0, 0.7]: 0.5 is the usual trade-off; a cell is never summarised for a point inside it. */
    public BarnesHutRepulsion(double theta) {
        if (!(theta > 0 && theta <= 0.7)) throw new IllegalArgumentException("theta must be in (0, 0.7], got " + theta);
        this.theta = theta;
    }

    /**
     * Interactions (a point with a cell or with another point) evaluated in the last call: a
     * deterministic measure of its cost, which {@link AdaptiveRepulsion} weighs against the grid's.
     */
    public long lastWork() { return lastWork; }

    @Override
    public double compute(double[] y, int n, double[] rep, Parallel workers) {
        build(y, n);
        return interact(n, rep, workers);
    }

    /**
     * The forces leaf by leaf: one walk of the tree per leaf, with the opening test taken against the
     * leaf's bounding box (so a cell summarised for the leaf is far enough for each of its points),
     * collects the cells to treat as bodies and the leaves to sum exactly; then each of the leaf's points
     * runs through those lists in tight loops. The test is stricter than the per-point one, so the
     * forces are more accurate (1.3% against 1.7% on MNIST's final layout), at the same cost.
     */
    private double interact(int n, double[] rep, Parallel workers) {
        double[] g = geo, s = sorted;
        int[] l = link, ord = order, lv = leaves;
        long[] work = new long[(leafCount + LEAVES_PER_TASK - 1) / LEAVES_PER_TASK];
        double zSum = ChunkSums.sum(workers, leafCount, LEAVES_PER_TASK, (from, to) -> {
            int[] stack = new int[4 * BITS + 8];
            double[] cx = new double[256], cy = new double[256], cn = new double[256];
            int[] rlo = new int[64], rhi = new int[64];
            double z = 0;
            long visits = 0;
            for (int f = from; f < to; f++) {
                int leaf = lv[f], lo = l[4 * leaf], hi = l[4 * leaf + 1];
                double bx0 = Double.POSITIVE_INFINITY, bx1 = Double.NEGATIVE_INFINITY, by0 = bx0, by1 = bx1;
                for (int k = lo; k < hi; k++) {
                    bx0 = Math.min(bx0, s[2 * k]);
                    bx1 = Math.max(bx1, s[2 * k]);
                    by0 = Math.min(by0, s[2 * k + 1]);
                    by1 = Math.max(by1, s[2 * k + 1]);
                }
                int cells = 0, ranges = 0, sp = 0;
                stack[sp++] = 0;
                while (sp > 0) {
                    int nd = stack[--sp], at = 4 * nd;
                    double px = g[at], py = g[at + 1];
                    // Distance from the cell's centre of mass to the nearest point of the leaf's box.
                    double dx = Math.max(0, Math.max(bx0 - px, px - bx1)), dy = Math.max(0, Math.max(by0 - py, py - by1));
                    if (g[at + 2] < dx * dx + dy * dy) {
                        if (cells == cx.length) {
                            cx = java.util.Arrays.copyOf(cx, 2 * cells);
                            cy = java.util.Arrays.copyOf(cy, 2 * cells);
                            cn = java.util.Arrays.copyOf(cn, 2 * cells);
                        }
                        cx[cells] = px;
                        cy[cells] = py;
                        cn[cells++] = g[at + 3];
                        continue;
                    }
                    int first = l[at + 2];
                    if (first >= 0) {
                        for (int c = first + l[at + 3] - 1; c >= first; c--) stack[sp++] = c;
                        continue;
                    }
                    if (ranges == rlo.length) {
                        rlo = java.util.Arrays.copyOf(rlo, 2 * ranges);
                        rhi = java.util.Arrays.copyOf(rhi, 2 * ranges);
                    }
                    rlo[ranges] = l[at];
                    rhi[ranges++] = l[at + 1];
                }
                for (int k = lo; k < hi; k++) {
                    double xi = s[2 * k], yi = s[2 * k + 1], fx = 0, fy = 0;
                    for (int c = 0; c < cells; c++) {
                        double dx = xi - cx[c], dy = yi - cy[c];
                        double w = 1.0 / (1.0 + dx * dx + dy * dy), cw = cn[c] * w;
                        z += cw;
                        fx += cw * w * dx;
                        fy += cw * w * dy;
                    }
                    visits += cells;
                    for (int r = 0; r < ranges; r++) {
                        visits += rhi[r] - rlo[r];
                        for (int j = rlo[r]; j < rhi[r]; j++) {
                            if (j == k) continue;
                            double ex = xi - s[2 * j], ey = yi - s[2 * j + 1];
                            double w = 1.0 / (1.0 + ex * ex + ey * ey);
                            z += w;
                            fx += w * w * ex;
                            fy += w * w * ey;
                        }
                    }
                    int i = ord[k];
                    rep[2 * i] = fx;
                    rep[2 * i + 1] = fy;
                }
            }
            work[from / LEAVES_PER_TASK] = visits;
            return z;
        });
        long total = 0;
        for (long v : work) total += v;
        lastWork = total;
        return zSum;
    }

    /**
     * Builds the quadtree from the points' Morton codes ({@link MortonOrder}): sorted by code (stably,
     * so the order is unique), each cell's points are a run of codes sharing a prefix, its quadrants are found
     * by binary search and its centre of mass from prefix sums, all without moving points around.
     */
    private void build(double[] y, int n) {
        if (order == null || order.length != n) {
            order = new int[n];
            scratch = new int[n];
            codes = new int[n];
            sorted = new double[2 * n];
            prefix = new double[2 * n + 2];
        }
        ensureNodes(2 * n / LEAF_SIZE + 64);
        double[] b = Bounds.of(y, n);
        double s = Math.max(Math.max(b[2] - b[0], b[3] - b[1]), 1e-12) * (1 + 1e-9);
        // A square grid over the box, so that the code's digits name the quadrants of square cells.
        double scale = (1 << BITS) / s;
        MortonOrder.codes(y, n, b[0], b[1], scale, scale, codes);
        for (int i = 0; i < n; i++) order[i] = i;
        MortonOrder.sort(codes, order, scratch, n);
        // Coordinates in tree order, and their prefix sums (from the box corner, for precision) for the centres of mass.
        double sx = 0, sy = 0;
        for (int k = 0; k < n; k++) {
            double px = y[2 * order[k]], py = y[2 * order[k] + 1];
            sorted[2 * k] = px;
            sorted[2 * k + 1] = py;
            prefix[2 * k] = sx;
            prefix[2 * k + 1] = sy;
            sx += px - b[0];
            sy += py - b[1];
        }
        prefix[2 * n] = sx;
        prefix[2 * n + 1] = sy;
        originX = b[0];
        originY = b[1];
        nodes = 1;
        leafCount = 0;
        if (leaves == null || leaves.length < n) leaves = new int[n];
        fill(0, 0, n, s, 0);
    }

    /** Fills node {@code nd} for the points order[a, b), whose codes share their first {@code level} digits. */
    private void fill(int nd, int a, int b, double s, int level) {
        int at = 4 * nd;
        geo[at] = originX + (prefix[2 * b] - prefix[2 * a]) / (b - a);
        geo[at + 1] = originY + (prefix[2 * b + 1] - prefix[2 * a + 1]) / (b - a);
        geo[at + 2] = (s / theta) * (s / theta);
        geo[at + 3] = b - a;
        link[at] = a;
        link[at + 1] = b;
        if (b - a <= LEAF_SIZE || level >= BITS) {
            link[at + 2] = -1;
            link[at + 3] = 0;
            leaves[leafCount++] = nd;
            return;
        }
        // Quadrant q (SW, SE, NW, NE) holds the codes whose digit at this level is q: runs in sorted order.
        int shift = 2 * (BITS - 1 - level);
        int[] bounds = new int[5];
        bounds[0] = a;
        bounds[4] = b;
        for (int q = 1; q < 4; q++) bounds[q] = firstDigitAtLeast(bounds[q - 1], b, shift, q);
        int first = nodes, made = 0;
        for (int q = 0; q < 4; q++) if (bounds[q + 1] > bounds[q]) made++;
        nodes += made;
        ensureNodes(nodes);
        link[at + 2] = first;
        link[at + 3] = made;
        int c = first;
        for (int q = 0; q < 4; q++) {
            if (bounds[q + 1] > bounds[q]) fill(c++, bounds[q], bounds[q + 1], s / 2, level + 1);
        }
    }

    /** The first position in [a, b) whose code's digit at {@code shift} is ≥ q (digits ascend there). */
    private int firstDigitAtLeast(int a, int b, int shift, int q) {
        int lo = a, hi = b;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if ((codes[order[mid]] >>> shift & 3) < q) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private void ensureNodes(int needed) {
        if (geo != null && geo.length >= 4 * needed) return;
        int cap = Math.max(needed, geo == null ? 0 : geo.length / 4 * 3 / 2);
        geo = geo == null ? new double[4 * cap] : java.util.Arrays.copyOf(geo, 4 * cap);
        link = link == null ? new int[4 * cap] : java.util.Arrays.copyOf(link, 4 * cap);
    }
}
