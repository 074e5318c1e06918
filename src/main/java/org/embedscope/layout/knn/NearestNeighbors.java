package org.embedscope.layout.knn;

import org.embedscope.progress.Progress;

/**
 * Builds a {@link KnnGraph} of the rows of a row-major {@code n × dim} float matrix.
 * Implementations: exact brute force for small inputs, approximate methods for large ones.
 */
public interface NearestNeighbors {
    KnnGraph build(float[] data, int n, int dim, int k, Metric metric, Progress progress);

    /** At most this many points, {@link #auto()} searches exhaustively. */
    int EXACT_LIMIT = 1500;

    /** Exact brute force up to {@link #EXACT_LIMIT} points, NN-descent (default parameters) above. */
    static NearestNeighbors auto() {
        return auto(NnDescent.Params.defaults());
    }

    /** Exact brute force up to {@link #EXACT_LIMIT} points, NN-descent with {@code params} above. */
    static NearestNeighbors auto(NnDescent.Params params) {
        return (data, n, dim, k, metric, progress) -> n <= EXACT_LIMIT
                ? new ExactNearestNeighbors().build(data, n, dim, k, metric, progress)
                : new NnDescent(params).build(data, n, dim, k, metric, progress);
    }
}
