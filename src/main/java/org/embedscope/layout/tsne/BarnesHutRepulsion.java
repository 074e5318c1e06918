package org.embedscope.layout.tsne;

import org.embedscope.layout.Parallel;

/**
 * Repulsive forces by the Barnes-Hut approximation (van der Maaten 2014): a quadtree over the layout;
 * a cell whose side is less than {@code θ} times its distance from a point acts on it as one body of
 * all its points at their centre of mass. O(n log n) per evaluation.
 *
 * <p>The tree is rebuilt on every call by recursive partitioning of an index array, so every cell's
 * points are contiguous and leaves can be summed exactly. Points closer than the depth limit allows
 * to separate share a leaf and are summed exactly too.
 */
public final class BarnesHutRepulsion implements RepulsiveForces {
    private static final int MAX_DEPTH = 40;

    private final double theta;
    // The tree: per node its centre of mass, point count, side, children [first, first+count) and,
    // for leaves (childCount 0), the points order[lo, hi).
    private double[] comX, comY, side;
    private int[] count, firstChild, childCount, lo, hi;
    private int nodes;
    private int[] order, scratch;
    private long lastWork;

    /** θ in (0, 0.7]: 0.5 is the usual trade-off; a cell is never summarised for a point inside it. */
    public BarnesHutRepulsion(double theta) {
        if (!(theta > 0 && theta <= 0.7)) throw new IllegalArgumentException("theta must be in (0, 0.7], got " + theta);
        this.theta = theta;
    }

    /**
     * Cells visited plus point pairs summed in the last call: a deterministic measure of its cost, which
     * {@link AdaptiveRepulsion} weighs against the grid's.
     */
    public long lastWork() { return lastWork; }

    @Override
    public double compute(double[] y, int n, double[] rep, Parallel workers) {
        build(y, n);
        double t2 = theta * theta;
        long[] work = new long[(n + 255) / 256];
        double zSum = ChunkSums.sum(workers, n, 256, (from, to) -> {
            int[] stack = new int[4 * MAX_DEPTH + 8];
            double z = 0;
            long visits = 0;
            for (int i = from; i < to; i++) {
                double xi = y[2 * i], yi = y[2 * i + 1], fx = 0, fy = 0;
                int sp = 0;
                stack[sp++] = 0;
                while (sp > 0) {
                    int nd = stack[--sp];
                    visits++;
                    if (childCount[nd] == 0) {
                        visits += hi[nd] - lo[nd];
                        for (int k = lo[nd]; k < hi[nd]; k++) {
                            int j = order[k];
                            if (j == i) continue;
                            double dx = xi - y[2 * j], dy = yi - y[2 * j + 1];
                            double w = 1.0 / (1.0 + dx * dx + dy * dy);
                            z += w;
                            fx += w * w * dx;
                            fy += w * w * dy;
                        }
                        continue;
                    }
                    double dx = xi - comX[nd], dy = yi - comY[nd], d2 = dx * dx + dy * dy;
                    if (side[nd] * side[nd] < t2 * d2) {
                        double w = 1.0 / (1.0 + d2), c = count[nd];
                        z += c * w;
                        fx += c * w * w * dx;
                        fy += c * w * w * dy;
                    } else {
                        for (int c = firstChild[nd] + childCount[nd] - 1; c >= firstChild[nd]; c--) stack[sp++] = c;
                    }
                }
                rep[2 * i] = fx;
                rep[2 * i + 1] = fy;
            }
            work[from / 256] = visits;
            return z;
        });
        long total = 0;
        for (long v : work) total += v;
        lastWork = total;
        return zSum;
    }

    private void build(double[] y, int n) {
        if (order == null || order.length != n) {
            order = new int[n];
            scratch = new int[n];
        }
        ensureNodes(2 * n + 8);
        for (int i = 0; i < n; i++) order[i] = i;
        double[] b = LayoutBounds.of(y, n);
        double s = Math.max(Math.max(b[1] - b[0], b[3] - b[2]), 1e-12) * (1 + 1e-9);
        nodes = 1;
        split(0, 0, n, b[0], b[2], s, 0, y);
    }

    /** Fills node {@code nd} for the points order[a, b) in the square at (x0, y0) of side s. */
    private void split(int nd, int a, int b, double x0, double y0, double s, int depth, double[] y) {
        side[nd] = s;
        count[nd] = b - a;
        lo[nd] = a;
        hi[nd] = b;
        double sx = 0, sy = 0;
        for (int k = a; k < b; k++) {
            sx += y[2 * order[k]];
            sy += y[2 * order[k] + 1];
        }
        comX[nd] = sx / (b - a);
        comY[nd] = sy / (b - a);
        if (b - a <= 1 || depth >= MAX_DEPTH) {
            childCount[nd] = 0;
            return;
        }
        // Stable partition into the four quadrants (SW, SE, NW, NE).
        double mx = x0 + s / 2, my = y0 + s / 2;
        int[] starts = new int[5];
        for (int k = a; k < b; k++) starts[quadrant(y, order[k], mx, my) + 1]++;
        starts[0] = a;
        for (int q = 1; q <= 4; q++) starts[q] += starts[q - 1];
        int[] fill = starts.clone();
        for (int k = a; k < b; k++) scratch[fill[quadrant(y, order[k], mx, my)]++] = order[k];
        System.arraycopy(scratch, a, order, a, b - a);
        int first = nodes, made = 0;
        for (int q = 0; q < 4; q++) if (starts[q + 1] > starts[q]) made++;
        nodes += made;
        ensureNodes(nodes);
        firstChild[nd] = first;
        childCount[nd] = made;
        int c = first;
        for (int q = 0; q < 4; q++) {
            if (starts[q + 1] == starts[q]) continue;
            double cx = (q & 1) == 0 ? x0 : mx, cy = (q & 2) == 0 ? y0 : my;
            split(c++, starts[q], starts[q + 1], cx, cy, s / 2, depth + 1, y);
        }
    }

    private void ensureNodes(int needed) {
        if (comX != null && comX.length >= needed) return;
        int cap = Math.max(needed, comX == null ? 0 : comX.length * 3 / 2);
        comX = grow(comX, cap);
        comY = grow(comY, cap);
        side = grow(side, cap);
        count = grow(count, cap);
        firstChild = grow(firstChild, cap);
        childCount = grow(childCount, cap);
        lo = grow(lo, cap);
        hi = grow(hi, cap);
    }

    private static double[] grow(double[] a, int cap) { return a == null ? new double[cap] : java.util.Arrays.copyOf(a, cap); }

    private static int[] grow(int[] a, int cap) { return a == null ? new int[cap] : java.util.Arrays.copyOf(a, cap); }

    private static int quadrant(double[] y, int i, double mx, double my) {
        return (y[2 * i] >= mx ? 1 : 0) | (y[2 * i + 1] >= my ? 2 : 0);
    }
}
