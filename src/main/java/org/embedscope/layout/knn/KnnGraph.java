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

    /** The first {@code columns} neighbours of each point (this graph itself when it has no more). */
    public KnnGraph firstColumns(int columns) {
        if (columns < 0 || columns > k) throw new IllegalArgumentException("cannot keep " + columns + " of " + k + " neighbours");
        if (columns == k) return this;
        int[] idx = new int[n * columns];
        float[] dist = new float[n * columns];
        for (int i = 0; i < n; i++) {
            System.arraycopy(indices, i * k, idx, i * columns, columns);
            System.arraycopy(distances, i * k, dist, i * columns, columns);
        }
        return new KnnGraph(n, columns, idx, dist);
    }
}
