package org.embedscope.layout.tsne;

/**
 * A sparse symmetric matrix of joint probabilities {@code P} in compressed sparse row form: the
 * entries of row {@code i} are {@code cols[k], vals[k]} for {@code rowStart[i] ≤ k < rowStart[i+1]},
 * sorted by column, without the diagonal. {@code float} values keep the per-iteration pass over the
 * entries (the attractive forces) light on memory bandwidth.
 */
public record SparseAffinities(int n, int[] rowStart, int[] cols, float[] vals) {
    public SparseAffinities {
        if (rowStart.length != n + 1 || cols.length != vals.length || rowStart[n] != cols.length) {
            throw new IllegalArgumentException("inconsistent CSR arrays");
        }
    }

    /** Number of stored entries. */
    public int nnz() { return cols.length; }

    /** The entry at row {@code i}, column {@code j}, or 0 (binary search in the row). */
    public float get(int i, int j) {
        int k = java.util.Arrays.binarySearch(cols, rowStart[i], rowStart[i + 1], j);
        return k >= 0 ? vals[k] : 0f;
    }

    /**
     * The same matrix with its points renumbered: point {@code order[r]} becomes point {@code r}
     * ({@code order} a permutation of 0…n−1). Rows stay sorted by column.
     */
    public SparseAffinities permuted(int[] order) {
        if (order.length != n) throw new IllegalArgumentException("order has " + order.length + " entries; expected " + n);
        int[] position = new int[n];
        for (int r = 0; r < n; r++) position[order[r]] = r;
        int[] start = new int[n + 1];
        for (int r = 0; r < n; r++) start[r + 1] = start[r] + rowStart[order[r] + 1] - rowStart[order[r]];
        int[] c = new int[cols.length];
        float[] v = new float[vals.length];
        long[] entry = new long[0];
        for (int r = 0; r < n; r++) {
            int from = rowStart[order[r]], len = rowStart[order[r] + 1] - from;
            if (entry.length < len) entry = new long[Math.max(len, 2 * entry.length)];
            // (new column, old slot) pairs sorted by new column.
            for (int k = 0; k < len; k++) entry[k] = (long) position[cols[from + k]] << 32 | (from + k);
            java.util.Arrays.sort(entry, 0, len);
            for (int k = 0; k < len; k++) {
                c[start[r] + k] = (int) (entry[k] >>> 32);
                v[start[r] + k] = vals[(int) entry[k]];
            }
        }
        return new SparseAffinities(n, start, c, v);
    }
}
