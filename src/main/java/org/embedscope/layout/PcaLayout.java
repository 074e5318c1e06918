package org.embedscope.layout;

import org.embedscope.layout.linalg.Pca;
import org.embedscope.progress.Progress;

/** A 2-D layout by PCA: each row placed at its scores on the first two principal axes. */
public final class PcaLayout implements LayoutAlgorithm {
    private final long seed;

    /** @param seed seeds the start block of the eigen-solver (the result hardly depends on it) */
    public PcaLayout(long seed) {
        this.seed = seed;
    }

    @Override
    public float[] fit(float[] data, int n, int dim, Progress progress) {
        if (dim >= 2) return Pca.project(data, n, dim, 2, seed, progress);
        // One input column: the layout is that column (centred) on x, all on y = 0.
        float[] one = Pca.project(data, n, dim, 1, seed, progress);
        float[] out = new float[2 * n];
        for (int i = 0; i < n; i++) out[2 * i] = one[i];
        return out;
    }
}
