package org.embedscope.bundle;

/**
 * Each item's {@code k} nearest other items in the space its layouts were computed on, nearest first:
 * neighbour {@code r} (0-based) of item {@code i} is {@code indices[i*k + r]} at {@code distances[i*k + r]}.
 * As a bundle's neighbours file holds them (see {@link NeighborsFile}); the arrays are shared, not copied.
 */
public record NeighborLists(int n, int k, int[] indices, float[] distances) {
    public NeighborLists {
        if (n < 0 || k < 0 || indices.length != (long) n * k || distances.length != (long) n * k) {
            throw new IllegalArgumentException("indices and distances must hold n × k = " + ((long) n * k) + " entries");
        }
    }

    /** Item {@code i}'s neighbour of 0-based rank {@code r}. */
    public int neighbor(int i, int r) { return indices[i * k + r]; }

    /** The distance from item {@code i} to its neighbour of 0-based rank {@code r}. */
    public float distance(int i, int r) { return distances[i * k + r]; }
}
