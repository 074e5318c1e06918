package org.embedscope.layout;

import org.embedscope.progress.Progress;

/**
 * A 2-D layout algorithm (UMAP, t-SNE, PCA): rows of a row-major {@code n × dim} float matrix in,
 * {@code 2n} floats out (x0, y0, x1, y1, …).
 */
public interface LayoutAlgorithm {
    float[] fit(float[] data, int n, int dim, Progress progress);
}
