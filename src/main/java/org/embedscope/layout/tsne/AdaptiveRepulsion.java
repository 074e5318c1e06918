package org.embedscope.layout.tsne;

import org.embedscope.util.Parallel;

/**
 * Repulsion by whichever of two approximations of similar accuracy is cheaper at the moment:
 * {@link InterpolatedRepulsion} (FFT on a grid), whose cost grows with the layout's area, or
 * {@link BarnesHutRepulsion} (θ = 0.5), whose cost grows with n·log n and hardly with the area.
 * Early on, while the layout is compact, the grid is cheaper; once it has spread out, the tree is
 * (MNIST's 70,000 digits: 12 ms for the grid against 34 ms for the tree while the layout is 6 units
 * across, 34 against 200 ms at the end, 215 units across; on 2 cores).
 *
 * <p>The choice is made from deterministic estimates — the grid's size and the number of points, and
 * the tree's counted work in its last evaluation (or {@code 21·n·log₂n} before any) — never from
 * timings, so a run is still
 * reproducible bit for bit. The tree's work changes slowly and hardly with scale; it is measured
 * again every {@value #REMEASURE_EVERY} grid evaluations once the two estimates come within a factor 2.
 */
public final class AdaptiveRepulsion implements RepulsiveForces {
    /**
     * Cost (ns on 2 cores, fitted to steady-state timings on MNIST layouts at six scales) of a unit of
     * grid work ({@code L²·log₂L}), of interpolating one point to and from the grid, and of one
     * interaction in the tree.
     */
    static final double GRID_UNIT = 2.4, GRID_POINT = 76, TREE_VISIT = 1.5;
    /** Grid evaluations between re-measurements of the tree's work. */
    static final int REMEASURE_EVERY = 50;

    private final InterpolatedRepulsion grid = new InterpolatedRepulsion();
    private final BarnesHutRepulsion tree = new BarnesHutRepulsion(0.5);
    private double treeWork = -1;
    private int sinceTree;
    private long gridCalls, treeCalls;

    /** Evaluations done by the grid and by the tree so far. */
    public long[] calls() { return new long[] {gridCalls, treeCalls}; }

    @Override
    public double compute(double[] y, int n, double[] rep, Parallel workers) {
        double treeEstimate = treeWork >= 0 ? treeWork : 21.0 * n * Math.log(Math.max(n, 2)) / Math.log(2);
        double gridCost = GRID_UNIT * grid.predictedWork(y, n) + GRID_POINT * n, treeCost = TREE_VISIT * treeEstimate;
        boolean stale = treeWork < 0 || sinceTree >= REMEASURE_EVERY;
        boolean close = treeCost < 2 * gridCost;
        if (treeCost < gridCost || (stale && close)) {
            double z = tree.compute(y, n, rep, workers);
            treeWork = tree.lastWork();
            sinceTree = 0;
            treeCalls++;
            return z;
        }
        sinceTree++;
        gridCalls++;
        return grid.compute(y, n, rep, workers);
    }
}
