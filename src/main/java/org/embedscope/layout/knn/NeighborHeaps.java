package org.embedscope.layout.knn;

/**
 * For each of {@code n} points, a bounded max-heap of its best {@code k} neighbour candidates so far,
 * in flat arrays (row {@code i} is {@code [i*k, i*k+k)}, root first). Candidates are ordered by
 * (distance, index), a strict total order, so the heap keeps the k smallest of everything ever pushed
 * no matter in which order the pushes come: the basis of NN-descent's thread-count independence.
 * Each entry carries a flag: {@link #OLD}, {@link #NEW} (not yet joined) or {@link #FRESH}
 * (inserted during the current iteration).
 */
final class NeighborHeaps {
    static final byte OLD = 0, NEW = 1, FRESH = 2;

    final int n, k;
    final int[] idx;
    final float[] dist;
    final byte[] flag;

    NeighborHeaps(int n, int k) {
        this.n = n;
        this.k = k;
        idx = new int[n * k];
        dist = new float[n * k];
        flag = new byte[n * k];
        java.util.Arrays.fill(idx, -1);
        java.util.Arrays.fill(dist, Float.POSITIVE_INFINITY);
    }

    /** The largest distance in row i (infinite while the row is not full): pushes above it fail. */
    float threshold(int i) {
        return dist[i * k];
    }

    /**
     * Offers neighbour {@code j} at distance {@code d} to row {@code i}; true when it entered (flagged
     * {@code flagIn}). Fails when j is already there or (d, j) is not below the row's largest.
     */
    boolean push(int i, int j, float d, byte flagIn) {
        int base = i * k;
        float rd = dist[base];
        if (d > rd || (d == rd && j >= idx[base])) return false;
        for (int s = 0; s < k; s++) if (idx[base + s] == j) return false;
        // Replace the root and sift the new entry down.
        int pos = 0;
        while (true) {
            int l = 2 * pos + 1;
            if (l >= k) break;
            int r = l + 1, c = l;
            if (r < k && greater(dist[base + r], idx[base + r], dist[base + l], idx[base + l])) c = r;
            if (!greater(dist[base + c], idx[base + c], d, j)) break;
            dist[base + pos] = dist[base + c];
            idx[base + pos] = idx[base + c];
            flag[base + pos] = flag[base + c];
            pos = c;
        }
        dist[base + pos] = d;
        idx[base + pos] = j;
        flag[base + pos] = flagIn;
        return true;
    }

    private static boolean greater(float d1, int i1, float d2, int i2) {
        return d1 > d2 || (d1 == d2 && i1 > i2);
    }

    /** Sorts row i by increasing (distance, index); the heap property is lost. */
    void sortRow(int i) {
        int base = i * k;
        // Insertion sort: k is small and rows are heap-ordered (nearly reversed).
        for (int a = 1; a < k; a++) {
            float d = dist[base + a];
            int j = idx[base + a];
            byte f = flag[base + a];
            int p = a;
            while (p > 0 && greater(dist[base + p - 1], idx[base + p - 1], d, j)) {
                dist[base + p] = dist[base + p - 1];
                idx[base + p] = idx[base + p - 1];
                flag[base + p] = flag[base + p - 1];
                p--;
            }
            dist[base + p] = d;
            idx[base + p] = j;
            flag[base + p] = f;
        }
    }
}
