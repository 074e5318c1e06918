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
}
