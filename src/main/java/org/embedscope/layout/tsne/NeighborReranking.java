package org.embedscope.layout.tsne;

import org.embedscope.layout.knn.KnnGraph;
import org.embedscope.layout.knn.Metric;
import org.embedscope.util.Parallel;

/**
 * Re-ranks candidate neighbours by their distance in the original space: the cheap way to get
 * near-exact neighbours in many dimensions from a search in few. A search among PCA-50 projections
 * with {@code k' ≥ k} candidates per point, re-ranked on the raw rows, recovers most of the true
 * k nearest (on MNIST, 150 PCA-50 candidates hold ~98% of the true 90 nearest, against ~84% for the
 * top 90 of the PCA-50 search itself), for {@code n·k'} distance evaluations; with {@code k' = k} it
 * gives the neighbours found their true distances and order.
 */
public final class NeighborReranking {
    private NeighborReranking() {}

    /**
     * The {@code k} candidates of each point nearest to it in {@code data} ({@code n × dim}), sorted,
     * with their distances in {@code data}; ties keep the lower index first.
     */
    public static KnnGraph rerank(KnnGraph candidates, float[] data, int dim, int k, Metric metric, Parallel par) {
        int n = candidates.n(), kc = candidates.k();
        if (k > kc) throw new IllegalArgumentException("cannot keep " + k + " of " + kc + " candidates");
        int[] indices = new int[n * k];
        float[] distances = new float[n * k];
        double[] squaredLength = new double[n];
        par.forRange(n, 1024, (w, from, to) -> {
            for (int i = from; i < to; i++) {
                double s = 0;
                for (int d = 0, o = i * dim; d < dim; d++) s += (double) data[o + d] * data[o + d];
                squaredLength[i] = s;
            }
        });
        int[] visit = breadthFirstOrder(candidates);
        par.forRange(n, 256, (w, from, to) -> {
            long[] keyed = new long[kc];
            int[] nzAt = new int[dim];
            double[] nzValue = new double[dim];
            for (int v = from; v < to; v++) {
                int i = visit[v];
                // A row mostly of zeros (a digit on a blank background: a fifth of MNIST's pixels are
                // ink) is compared through the dot product over its non-zeros, a few times faster.
                int nz = 0;
                for (int d = 0, o = i * dim; d < dim; d++) {
                    if (data[o + d] != 0) {
                        nzAt[nz] = d;
                        nzValue[nz++] = data[o + d];
                    }
                }
                boolean sparse = 2 * nz <= dim;
                int m = 0;
                for (int c = 0; c < kc; c++) {
                    int j = candidates.indices()[i * kc + c];
                    if (j < 0 || j == i) continue;
                    float d;
                    if (sparse) {
                        double dot = 0;
                        for (int t = 0, o = j * dim; t < nz; t++) dot += nzValue[t] * data[o + nzAt[t]];
                        d = metric.fromDotProduct(dot, squaredLength[i], squaredLength[j]);
                    } else {
                        d = metric.distance(data, i, j, dim);
                    }
                    // Non-negative floats order like their bit patterns: sort by (distance, index).
                    keyed[m++] = ((long) Float.floatToRawIntBits(d) << 32) | j;
                }
                java.util.Arrays.sort(keyed, 0, m);
                for (int r = 0; r < k; r++) {
                    if (r < m) {
                        indices[i * k + r] = (int) keyed[r];
                        distances[i * k + r] = Float.intBitsToFloat((int) (keyed[r] >>> 32));
                    } else {
                        indices[i * k + r] = -1;
                        distances[i * k + r] = Float.POSITIVE_INFINITY;
                    }
                }
            }
        });
        return new KnnGraph(n, k, indices, distances);
    }

    /**
     * The points in breadth-first order of the candidate graph: consecutive points then share most of
     * their candidates, whose rows (3 KB each for MNIST) are still in cache when the next point needs
     * them; in input order the pass is bound by memory traffic.
     */
    static int[] breadthFirstOrder(KnnGraph g) {
        int n = g.n(), k = g.k();
        int[] order = new int[n];
        boolean[] seen = new boolean[n];
        int head = 0, tail = 0;
        for (int start = 0; start < n; start++) {
            if (seen[start]) continue;
            seen[start] = true;
            order[tail++] = start;
            while (head < tail) {
                int i = order[head++];
                for (int c = 0; c < k; c++) {
                    int j = g.indices()[i * k + c];
                    if (j >= 0 && !seen[j]) {
                        seen[j] = true;
                        order[tail++] = j;
                    }
                }
            }
        }
        return order;
    }
}
