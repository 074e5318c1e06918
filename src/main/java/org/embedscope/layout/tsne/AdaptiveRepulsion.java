package org.embedscope.layout.tsne;

import org.embedscope.layout.Parallel;

/**
 * Repulsion by whichever of two approximations of similar accuracy is cheaper at the moment:
 * {@link InterpolatedRepulsion} (FFT on a grid), whose cost grows with the layout's area, or
 * {@link BarnesHutRepulsion} (θ = 0.5), whose cost grows with n·log n and hardly with the area.
 * Early on, and for large n, the grid is far cheaper; once a layout of a few tens of thousands of
 * points has spread out, the tree is (MNIST's 10,000 digits: 12 against 70 ms an evaluation at the end).
 *
 * <p>The choice is made from deterministic estimates — the grid's size, and the tree's counted work
 * in its last evaluation (or {@code 19·n·log₂n} before any) — never from timings, so a run is still
 * reproducible bit for bit. The tree's work changes slowly and hardly with scale; it is measured
 * again every {@value #REMEASURE_EVERY} grid evaluations once the two estimates come within a factor 2.
 */
public final class AdaptiveRepulsion implements RepulsiveForces {
    /** Relative cost of a unit of grid work ({@code L²·log₂L}) and of a tree visit, measured on 2 cores. */
    static final double GRID_UNIT = 3.0, TREE_VISIT = 6.0;
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
        double treeEstimate = treeWork >= 0 ? treeWork : 19.0 * n * Math.log(Math.max(n, 2)) / Math.log(2);
        double gridCost = GRID_UNIT * grid.predictedWork(y, n), treeCost = TREE_VISIT * treeEstimate;
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
