package org.embedscope.layout;

import org.embedscope.layout.linalg.Pca;
import org.embedscope.progress.Progress;
import org.embedscope.util.Parallel;

/** A 2-D layout by PCA: each row placed at its scores on the first two principal axes. */
public final class PcaLayout implements LayoutAlgorithm {
    private final long seed;
    private final int threads;

    /**
     * @param seed    seeds the start block of the eigen-solver (the result hardly depends on it)
     * @param threads worker threads, 0 for one per core (the result does not depend on it)
     */
    public PcaLayout(long seed, int threads) {
        this.seed = seed;
        this.threads = threads;
    }

    @Override
    public float[] fit(float[] data, int n, int dim, Progress progress) {
        float[] one;
        try (Parallel par = new Parallel(threads)) {
            if (dim >= 2) return Pca.project(data, n, dim, 2, seed, par, progress);
            // One input column: the layout is that column (centred) on x, all on y = 0.
            one = Pca.project(data, n, dim, 1, seed, par, progress);
        }
        float[] out = new float[2 * n];
        for (int i = 0; i < n; i++) out[2 * i] = one[i];
        return out;
    }
}
