package org.embedscope.layout;

/**
 * A weighted graph on {@code n} vertices in compressed sparse rows: the edges of vertex {@code i} go
 * to {@code col[rowStart[i] .. rowStart[i+1])} with weights {@code weight[…]}, columns increasing. The
 * fuzzy simplicial set is symmetric, so every edge is stored in both rows.
 */
public record SparseGraph(int n, int[] rowStart, int[] col, float[] weight) {
    public SparseGraph {
        if (rowStart.length != n + 1) throw new IllegalArgumentException("rowStart needs n + 1 entries");
        if (col.length != rowStart[n] || weight.length != rowStart[n]) throw new IllegalArgumentException("col and weight need rowStart[n] entries");
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
