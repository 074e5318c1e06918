package org.embedscope.layout.quality;

import org.embedscope.util.Parallel;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.embedscope.layout.knn.KnnGraph;
import org.embedscope.layout.knn.PlaneNeighbors;
import org.embedscope.progress.Progress;

/**
 * How well a 2-D layout keeps the structure of its data, by three numbers:
 * <ul>
 * <li><b>knn</b>: on {@code sample} randomly drawn points, the mean fraction of each point's
 * {@code neighbors} nearest neighbours in the data (exact, Euclidean) that are also among its
 * {@code neighbors} nearest in the layout, both searched among all points;</li>
 * <li><b>trustworthiness</b> (Venna &amp; Kaski) with {@code neighbors} neighbours of those m points
 * among themselves, as scikit-learn's {@code trustworthiness(X[sample], Y[sample])}:
 * {@code 1 − 2/(m·k·(2m − 3k − 1)) · Σ_i Σ_{j ∈ U_i} (r(i, j) − k)}, where U_i are the layout neighbours
 * of i that are not among its k data neighbours and r(i, j) is j's rank by data distance from i;</li>
 * <li><b>accuracy</b>: of a {@code classifierNeighbors}-nearest-neighbour majority vote in the layout,
 * fitted on rows {@code [0, trainCount)} and scored on the rest (ties go to the smallest label).</li>
 * </ul>
 * Data distances use {@code |a|² + |b|² − 2a·b} with the dot products of 32 sampled rows at a time
 * against every data row (a loop the JIT vectorises, skipping zero entries), accumulated in double;
 * layout neighbours are searched exactly through {@link PlaneNeighbors}.
 *
 * <p>{@link #perItem} gives knn for every item, from a given graph of data neighbours: the per-item
 * trust that {@code prepare} stores and {@code quality --per-item} writes. Both go through
 * {@link #overlap}, the one definition of how many data neighbours a layout kept.
 */
public final class LayoutQuality {
    private LayoutQuality() {}

    /**
     * The three scores; {@code accuracy} is NaN without labels or without rows to score, {@code trustworthiness}
     * when the neighbours are half the sampled points or more, where it is undefined.
     */
    public record Scores(double knn, double trustworthiness, double accuracy) {}

    /** What to measure: the defaults are the MNIST protocol (5,000 points, 15 neighbours, 10-NN on 60,000 train rows). */
    public record Settings(int sample, int neighbors, int classifierNeighbors, int trainCount, long seed, int threads) {
        public static Settings defaults() {
            return new Settings(5000, 15, 10, 60000, 0, 0);
        }

        public Settings withSample(int s) { return new Settings(s, neighbors, classifierNeighbors, trainCount, seed, threads); }

        public Settings withNeighbors(int k) { return new Settings(sample, k, classifierNeighbors, trainCount, seed, threads); }

        public Settings withTrainCount(int t) { return new Settings(sample, neighbors, classifierNeighbors, t, seed, threads); }

        public Settings withSeed(long s) { return new Settings(sample, neighbors, classifierNeighbors, trainCount, s, threads); }

        public Settings withThreads(int t) { return new Settings(sample, neighbors, classifierNeighbors, trainCount, seed, t); }
    }

    private static final int BLOCK = 32;

    /**
     * Scores the layout ({@code n × layoutDims}, which must be 2) of {@code data} ({@code n × dim});
     * {@code labels} may be null (then accuracy is NaN).
     */
    public static Scores measure(float[] data, int n, int dim, float[] layout, int layoutDims, int[] labels, Settings s, Progress progress) {
        int k = s.neighbors();
        if (n < k + 2) throw new IllegalArgumentException("need more than " + (k + 1) + " points, have " + n);
        if (layoutDims != 2) throw new IllegalArgumentException("layouts must be 2-D, not " + layoutDims + "-D");
        if ((long) n * layoutDims > layout.length) throw new IllegalArgumentException("layout holds fewer than n × " + layoutDims + " values");
        try (Parallel par = new Parallel(s.threads())) {
            int[] sample = sample(n, Math.min(s.sample(), n), s.seed());
            int m = sample.length;
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            int[] low = lowNeighbors("quality: layout neighbours", layout, sample, all, k, par, progress);
            int[] lowInSample = lowNeighbors("quality: layout neighbours in sample", layout, sample, sample, k, par, progress);
            double[] perPoint = new double[2 * m]; // overlap, trust penalty
            highDimensional(data, n, dim, sample, low, lowInSample, k, perPoint, par, progress);
            double overlap = 0, penalty = 0;
            for (int q = 0; q < m; q++) {
                overlap += perPoint[2 * q];
                penalty += perPoint[2 * q + 1];
            }
            double knn = overlap / ((double) m * k);
            // defined for k < m / 2 only (scikit-learn refuses more): beyond, its normaliser turns negative and the score
            // left [0, 1] (1.0978 for 20 items at k = 15)
            double trust = 2 * k >= m ? Double.NaN : 1 - 2.0 / ((double) m * k * (2.0 * m - 3.0 * k - 1)) * penalty;
            double acc = labels == null || s.trainCount() >= n || s.trainCount() < s.classifierNeighbors()
                    ? Double.NaN : accuracy(layout, n, labels, s.trainCount(), s.classifierNeighbors(), par, progress);
            return new Scores(knn, trust, acc);
        }
    }

    /** {@code count} distinct indices of [0, n) drawn by a seeded partial Fisher–Yates shuffle. */
    static int[] sample(int n, int count, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        Random rnd = new Random(seed);
        for (int i = 0; i < count; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return java.util.Arrays.copyOf(p, count);
    }

    /**
     * Per item, the fraction of its first {@code k} data neighbours in {@code dataNeighbors} that are
     * among its {@code k} nearest in the 2-D {@code layout} (interleaved x, y; searched exactly among
     * all items): knn for every item. {@code threads} 0 means one per core. Advances {@code progress}
     * by items done; the stage is the caller's.
     */
    public static float[] perItem(KnnGraph dataNeighbors, float[] layout, int k, int threads, Progress progress) {
        int n = dataNeighbors.n(), kd = dataNeighbors.k();
        if (k < 1 || k > kd) throw new IllegalArgumentException("k must be 1 to " + kd + ", the graph's neighbours per item; was " + k);
        if (layout.length < 2L * n) throw new IllegalArgumentException("layout holds fewer than 2n = " + 2L * n + " values");
        try (Parallel par = new Parallel(threads)) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            int[] low = new PlaneNeighbors(layout, all).nearest(all, k, par, progress);
            float[] out = new float[n];
            int[] data = dataNeighbors.indices();
            par.forRange(n, 4096, (w, from, to) -> {
                for (int i = from; i < to; i++) out[i] = (float) (overlap(data, i * kd, low, i * k, k) / (double) k);
            });
            return out;
        }
    }

    /**
     * How many of the {@code k} data neighbours at {@code data[dataAt ..]} are among the {@code k} layout
     * neighbours at {@code layout[layoutAt ..]}.
     */
    static int overlap(int[] data, int dataAt, int[] layout, int layoutAt, int k) {
        int overlap = 0;
        for (int a = 0; a < k; a++) {
            int j = layout[layoutAt + a];
            for (int c = 0; c < k; c++) {
                if (data[dataAt + c] == j) {
                    overlap++;
                    break;
                }
            }
        }
        return overlap;
    }

    /** The k nearest layout neighbours of each sampled point among the candidates. */
    private static int[] lowNeighbors(String stage, float[] y, int[] sample, int[] candidates, int k, Parallel par, Progress progress) {
        progress.stage(stage, sample.length);
        return new PlaneNeighbors(y, candidates).nearest(sample, k, par, progress);
    }

    /** Sorted insertion into the k best (ties keep the earlier, lower index first). */
    private static void insert(double[] bd, int[] bi, int k, double d, int j) {
        int p = k - 1;
        while (p > 0 && bd[p - 1] > d) {
            bd[p] = bd[p - 1];
            bi[p] = bi[p - 1];
            p--;
        }
        bd[p] = d;
        bi[p] = j;
    }

    /**
     * For each sampled point: the overlap of its exact k nearest data neighbours with its layout
     * neighbours (both among all points), and the trustworthiness penalty Σ (rank − k) of its layout
     * neighbours within the sample that are not among its k nearest data neighbours within the sample.
     */
    private static void highDimensional(float[] x, int n, int dim, int[] sample, int[] low, int[] lowInSample, int k, double[] out,
            Parallel par, Progress progress) {
        int m = sample.length;
        double[] norm = new double[n];
        par.forRange(n, 4096, (w, from, to) -> {
            for (int i = from; i < to; i++) {
                double s = 0;
                for (int d = 0, o = i * dim; d < dim; d++) s += (double) x[o + d] * x[o + d];
                norm[i] = s;
            }
        });
        int blocks = (m + BLOCK - 1) / BLOCK;
        progress.stage("quality: data distances", m);
        AtomicLong done = new AtomicLong();
        par.forRange(blocks, 1, (w, from, to) -> {
            double[] qt = new double[dim * BLOCK];
            double[] dist = new double[BLOCK * n];
            double[] acc = new double[BLOCK];
            double[] bd = new double[k];
            int[] bi = new int[k];
            for (int blk = from; blk < to; blk++) {
                int q0 = blk * BLOCK, bs = Math.min(BLOCK, m - q0);
                java.util.Arrays.fill(qt, 0);
                for (int b = 0; b < bs; b++) {
                    int o = sample[q0 + b] * dim;
                    for (int d = 0; d < dim; d++) qt[d * BLOCK + b] = x[o + d];
                }
                for (int j = 0; j < n; j++) {
                    java.util.Arrays.fill(acc, 0);
                    int o = j * dim;
                    for (int d = 0; d < dim; d++) {
                        double v = x[o + d];
                        if (v == 0) continue;
                        int qo = d * BLOCK;
                        for (int b = 0; b < BLOCK; b++) acc[b] += v * qt[qo + b];
                    }
                    for (int b = 0; b < bs; b++) dist[b * n + j] = Math.max(0, norm[sample[q0 + b]] + norm[j] - 2 * acc[b]);
                }
                for (int b = 0; b < bs; b++) {
                    int q = q0 + b, i = sample[q], ro = b * n;
                    java.util.Arrays.fill(bd, Double.POSITIVE_INFINITY);
                    java.util.Arrays.fill(bi, Integer.MAX_VALUE);
                    for (int j = 0; j < n; j++) {
                        if (j != i && dist[ro + j] < bd[k - 1]) insert(bd, bi, k, dist[ro + j], j);
                    }
                    out[2 * q] = overlap(bi, 0, low, q * k, k);
                    out[2 * q + 1] = rankPenalty(dist, ro, i, sample, lowInSample, q * k, k);
                }
                progress.advance(done.addAndGet(bs));
                progress.checkCancelled();
            }
        });
    }

    /**
     * Σ max(0, r(j) − k) over the k layout neighbours j of point i (at {@code targets[to .. to+k)}),
     * where r(j) is j's 1-based rank by data distance from i among the other candidates (ties by
     * index), found in one pass over the candidates by binary search among the sorted targets.
     */
    private static double rankPenalty(double[] dist, int ro, int i, int[] candidates, int[] targets, int to, int k) {
        long[] before = new long[k];
        double[] td = new double[k];
        int[] tj = new int[k];
        Integer[] order = new Integer[k];
        for (int t = 0; t < k; t++) order[t] = t;
        java.util.Arrays.sort(order, (p, q) -> {
            int c = Double.compare(dist[ro + targets[to + p]], dist[ro + targets[to + q]]);
            return c != 0 ? c : Integer.compare(targets[to + p], targets[to + q]);
        });
        for (int t = 0; t < k; t++) {
            tj[t] = targets[to + order[t]];
            td[t] = dist[ro + tj[t]];
        }
        for (int j : candidates) {
            if (j == i) continue;
            double d = dist[ro + j];
            if (d > td[k - 1] || (d == td[k - 1] && j >= tj[k - 1])) continue;
            // The first target that j precedes in (distance, index) order.
            int lo = 0, hi = k - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (d < td[mid] || (d == td[mid] && j < tj[mid])) hi = mid;
                else lo = mid + 1;
            }
            before[lo]++;
        }
        double penalty = 0;
        long ahead = 0;
        for (int t = 0; t < k; t++) {
            ahead += before[t];
            long rank = ahead + 1; // counts the earlier targets too: they are candidates
            penalty += Math.max(0, rank - k);
        }
        return penalty;
    }

    /** Accuracy of a c-nearest-neighbour majority vote in the layout, trained on [0, train), scored on the rest. */
    static double accuracy(float[] y, int n, int[] labels, int train, int c, Parallel par, Progress progress) {
        int tests = n - train;
        int maxLabel = 0;
        for (int i = 0; i < n; i++) maxLabel = Math.max(maxLabel, labels[i]);
        int classes = maxLabel + 1;
        int[] trainRows = new int[train], testRows = new int[tests];
        for (int j = 0; j < train; j++) trainRows[j] = j;
        for (int t = 0; t < tests; t++) testRows[t] = train + t;
        int[] nearest = lowNeighbors("quality: layout classifier", y, testRows, trainRows, c, par, progress);
        int[] correct = new int[tests];
        par.forRange(tests, 1024, (w, from, to) -> {
            int[] votes = new int[classes];
            for (int t = from; t < to; t++) {
                java.util.Arrays.fill(votes, 0);
                for (int a = 0; a < c; a++) votes[labels[nearest[t * c + a]]]++;
                int best = 0;
                for (int l = 1; l < classes; l++) if (votes[l] > votes[best]) best = l;
                correct[t] = best == labels[train + t] ? 1 : 0;
            }
        });
        long sum = 0;
        for (int v : correct) sum += v;
        return sum / (double) tests;
    }
}
