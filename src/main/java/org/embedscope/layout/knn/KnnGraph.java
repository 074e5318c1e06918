package org.embedscope.layout.knn;

/**
 * A k-nearest-neighbour graph: for each of {@code n} points, its {@code k} nearest other points,
 * sorted by increasing distance. Row-major flat arrays: neighbour {@code j} of point {@code i} is
 * {@code indices[i*k + j]} at distance {@code distances[i*k + j]}. A point never lists itself.
 * An index of -1 marks a missing neighbour (only when fewer than k other points exist).
 */
public record KnnGraph(int n, int k, int[] indices, float[] distances) {
    public KnnGraph {
        if (indices.length != (long) n * k || distances.length != (long) n * k) {
            throw new IllegalArgumentException("arrays must hold n*k = " + ((long) n * k) + " entries");
        }
    }

    public int neighbor(int i, int j) { return indices[i * k + j]; }

    public float distance(int i, int j) { return distances[i * k + j]; }
}
