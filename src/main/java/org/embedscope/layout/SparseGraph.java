package org.embedscope.layout;

/**
 * A weighted graph on {@code n} vertices in compressed sparse rows: the edges of vertex {@code i} go
 * to {@code col[rowStart[i] .. rowStart[i+1])} with weights {@code weight[…]}, columns increasing and
 * unique. UMAP's fuzzy simplicial set and t-SNE's joint probabilities P (without the diagonal) are
 * such graphs, both symmetric, so every edge is stored in both rows. {@code float} weights keep the
 * engines' per-iteration passes over the edges light on memory bandwidth.
 */
public record SparseGraph(int n, int[] rowStart, int[] col, float[] weight) {
    public SparseGraph {
        if (rowStart.length != n + 1) throw new IllegalArgumentException("rowStart needs n + 1 entries");
        if (col.length != rowStart[n] || weight.length != rowStart[n]) throw new IllegalArgumentException("col and weight need rowStart[n] entries");
    }

    /**
     * The same graph with its vertices renumbered: vertex {@code order[r]} becomes vertex {@code r}
     * ({@code order} a permutation of 0…n−1). Rows stay sorted by column.
     */
    public SparseGraph permuted(int[] order) {
        if (order.length != n) throw new IllegalArgumentException("order has " + order.length + " entries; expected " + n);
        int[] position = new int[n];
        for (int r = 0; r < n; r++) position[order[r]] = r;
        int[] start = new int[n + 1];
        for (int r = 0; r < n; r++) start[r + 1] = start[r] + rowStart[order[r] + 1] - rowStart[order[r]];
        int[] c = new int[col.length];
        float[] w = new float[weight.length];
        long[] entry = new long[16];
        for (int r = 0; r < n; r++) {
            int from = rowStart[order[r]], len = rowStart[order[r] + 1] - from;
            if (entry.length < len) entry = new long[Math.max(len, 2 * entry.length)];
            // (new column, old slot) pairs sorted by new column.
            for (int k = 0; k < len; k++) entry[k] = (long) position[col[from + k]] << 32 | (from + k);
            java.util.Arrays.sort(entry, 0, len);
            for (int k = 0; k < len; k++) {
                c[start[r] + k] = (int) (entry[k] >>> 32);
                w[start[r] + k] = weight[(int) entry[k]];
            }
        }
        return new SparseGraph(n, start, c, w);
    }

    /** The number of stored (directed) entries. */
    public int entries() {
        return rowStart[n];
    }

    /** The weight of edge (i, j), or 0 when absent (binary search in row i). */
    public float weight(int i, int j) {
        int lo = rowStart[i], hi = rowStart[i + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (col[mid] < j) lo = mid + 1;
            else if (col[mid] > j) hi = mid - 1;
            else return weight[mid];
        }
        return 0f;
    }

    /** The largest weight (0 for an empty graph). */
    public float maxWeight() {
        float m = 0;
        for (float w : weight) m = Math.max(m, w);
        return m;
    }

    /** A copy without the entries of weight below {@code threshold}. */
    public SparseGraph withoutWeightsBelow(float threshold) {
        int[] start = new int[n + 1];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++) if (weight[e] >= threshold && weight[e] > 0) kept++;
            start[i + 1] = kept;
        }
        int[] c = new int[kept];
        float[] w = new float[kept];
        int p = 0;
        for (int e = 0; e < rowStart[n]; e++) {
            if (weight[e] >= threshold && weight[e] > 0) {
                c[p] = col[e];
                w[p++] = weight[e];
            }
        }
        return new SparseGraph(n, start, c, w);
    }
}
