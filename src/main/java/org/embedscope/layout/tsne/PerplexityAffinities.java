package org.embedscope.layout.tsne;

import org.embedscope.layout.SparseGraph;
import org.embedscope.layout.knn.KnnGraph;
import org.embedscope.util.Parallel;

/**
 * t-SNE's input similarities on a k-nearest-neighbour graph (van der Maaten 2014): per point a
 * Gaussian over its neighbours' squared distances, {@code p_{j|i} ∝ exp(−β_i·d_ij²)}, with the
 * precision {@code β_i = 1/(2σ_i²)} found by bisection so that the perplexity
 * {@code exp(H(P_i))} (H in nats) equals the target; then {@code P = (P_cond + P_condᵀ) / (2n)}, symmetric, summing
 * to 1, as a sparse matrix. Neighbours beyond the graph get probability 0.
 */
public final class PerplexityAffinities {
    private static final int MAX_STEPS = 200;
    /** Entropy tolerance in nats. */
    private static final double TOLERANCE = 1e-5;

    private PerplexityAffinities() {}

    /** Row-wise conditional probabilities and the precisions that produced them. */
    public record Conditional(int n, int k, float[] p, double[] beta) {}

    /**
     * {@code p_{j|i}} for each graph edge, in the graph's layout (row {@code i}, slot {@code j}), each
     * row summing to 1; missing neighbours (index −1) get 0.
     */
    public static Conditional conditional(KnnGraph graph, double perplexity, Parallel workers) {
        int n = graph.n(), k = graph.k();
        if (!(perplexity > 0)) throw new IllegalArgumentException("perplexity must be > 0, got " + perplexity);
        float[] p = new float[n * k];
        double[] beta = new double[n];
        double target = Math.log(perplexity);
        workers.forRange(n, 512, (worker, from, to) -> {
            double[] d2 = new double[k], e = new double[k];
            for (int i = from; i < to; i++) {
                int valid = 0;
                for (int j = 0; j < k; j++) {
                    if (graph.indices()[i * k + j] < 0) break;
                    double d = graph.distances()[i * k + j];
                    d2[valid++] = d * d;
                }
                if (valid == 0) continue;
                beta[i] = solveRow(d2, valid, target, e);
                double sum = 0;
                for (int j = 0; j < valid; j++) sum += e[j];
                for (int j = 0; j < valid; j++) p[i * k + j] = (float) (e[j] / sum);
            }
        });
        return new Conditional(n, k, p, beta);
    }

    /**
     * Bisection on β for one row of squared distances {@code d2[0, m)}; leaves the unnormalised
     * weights in {@code e}. Distances are shifted by the smallest so the largest weight is 1.
     */
    static double solveRow(double[] d2, int m, double targetEntropy, double[] e) {
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < m; j++) min = Math.min(min, d2[j]);
        double beta = 1, lo = 0, hi = Double.POSITIVE_INFINITY;
        // Start at a scale matched to the data: β·(typical squared distance gap) ≈ 1.
        double spread = 0;
        for (int j = 0; j < m; j++) spread += d2[j] - min;
        spread /= m;
        if (spread > 0) beta = 1 / spread;
        for (int step = 0; step < MAX_STEPS; step++) {
            double h = entropy(d2, m, min, beta, e);
            double diff = h - targetEntropy;
            if (Math.abs(diff) < TOLERANCE) break;
            if (diff > 0) {  // too flat: sharpen
                lo = beta;
                beta = Double.isInfinite(hi) ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = (beta + lo) / 2;
            }
        }
        entropy(d2, m, min, beta, e);
        return beta;
    }

    /** Entropy (nats) of the distribution {@code ∝ exp(−β(d2 − min))}; fills the weights into e. */
    private static double entropy(double[] d2, int m, double min, double beta, double[] e) {
        double sum = 0, weighted = 0;
        for (int j = 0; j < m; j++) {
            double s = d2[j] - min;
            double w = Math.exp(-beta * s);
            e[j] = w;
            sum += w;
            weighted += w * s;
        }
        return Math.log(sum) + beta * weighted / sum;
    }

    /**
     * The symmetric joint probabilities {@code (p_{j|i} + p_{i|j}) / (2n)}, normalised to sum to 1.
     * Built deterministically: entries are placed in a fixed order, then each row is sorted by column
     * and duplicates (an edge present in both directions) are merged.
     */
    public static SparseGraph symmetric(KnnGraph graph, Conditional cond, Parallel workers) {
        int n = graph.n(), k = graph.k();
        int[] idx = graph.indices();
        float[] p = cond.p();
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                int t = idx[i * k + j];
                if (t < 0 || t == i) continue;
                start[i + 1]++;
                start[t + 1]++;
            }
        }
        for (int i = 0; i < n; i++) start[i + 1] += start[i];
        // Entries packed as (column << 32) | float bits, so sorting a row sorts by column.
        long[] packed = new long[start[n]];
        int[] fill = java.util.Arrays.copyOf(start, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                int t = idx[i * k + j];
                if (t < 0 || t == i) continue;
                long bits = Float.floatToRawIntBits(p[i * k + j]) & 0xffffffffL;
                packed[fill[i]++] = ((long) t << 32) | bits;
                packed[fill[t]++] = ((long) i << 32) | bits;
            }
        }
        p = null; // the conditional probabilities are placed: let them go before the rows are merged
        cond = null;
        int[] kept = new int[n];
        workers.forRange(n, 1024, (worker, from, to) -> {
            for (int i = from; i < to; i++) {
                int a = start[i], b = start[i + 1];
                java.util.Arrays.sort(packed, a, b);
                // Merge runs of the same column in place; the merged values stay float bits.
                int w = a;
                for (int r = a; r < b; ) {
                    long col = packed[r] >>> 32;
                    double v = 0;
                    int s = r;
                    while (s < b && (packed[s] >>> 32) == col) v += Float.intBitsToFloat((int) packed[s++]);
                    packed[w++] = (col << 32) | (Float.floatToRawIntBits((float) v) & 0xffffffffL);
                    r = s;
                }
                kept[i] = w - a;
            }
        });
        int[] rowStart = new int[n + 1];
        for (int i = 0; i < n; i++) rowStart[i + 1] = rowStart[i] + kept[i];
        int[] cols = new int[rowStart[n]];
        float[] vals = new float[rowStart[n]];
        double total = ChunkSums.sum(workers, n, 1024, (from, to) -> {
            double s = 0;
            for (int i = from; i < to; i++) {
                for (int r = 0; r < kept[i]; r++) {
                    long e = packed[start[i] + r];
                    float v = Float.intBitsToFloat((int) e);
                    cols[rowStart[i] + r] = (int) (e >>> 32);
                    vals[rowStart[i] + r] = v;
                    s += v;
                }
            }
            return s;
        });
        if (total > 0) {
            float scale = (float) (1 / total);
            for (int e = 0; e < vals.length; e++) vals[e] *= scale;
        }
        return new SparseGraph(n, rowStart, cols, vals);
    }

    /** The joint probabilities for {@code perplexity} on {@code graph}. */
    public static SparseGraph compute(KnnGraph graph, double perplexity, Parallel workers) {
        return symmetric(graph, conditional(graph, perplexity, workers), workers);
    }
}
