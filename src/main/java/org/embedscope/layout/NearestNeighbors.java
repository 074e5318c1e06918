package org.embedscope.layout;

import org.embedscope.progress.Progress;

/**
 * Builds a {@link KnnGraph} of the rows of a row-major {@code n × dim} float matrix.
 * Implementations: exact brute force for small inputs, approximate methods for large ones.
 */
public interface NearestNeighbors {
    KnnGraph build(float[] data, int n, int dim, int k, Metric metric, Progress progress);
}
