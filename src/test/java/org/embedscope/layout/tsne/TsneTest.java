package org.embedscope.layout.tsne;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.embedscope.progress.CancelledException;
import org.embedscope.progress.Progress;
import org.junit.jupiter.api.Test;

class TsneTest {

    /** {@code clusters} Gaussian blobs in {@code dim} dimensions, centres 10 apart, std 1; label = i % clusters. */
    static float[] blobs(int n, int dim, int clusters, long seed) {
        Random rnd = new Random(seed);
        float[][] centres = new float[clusters][dim];
        for (int c = 0; c < clusters; c++) centres[c][c % dim] = 10 * (1 + c / dim);
        float[] x = new float[n * dim];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) x[i * dim + d] = centres[i % clusters][d] + (float) rnd.nextGaussian();
        }
        return x;
    }

    /** Fraction of points whose {@code k} nearest neighbours in the 2-D layout all share their blob. */
    static double pureNeighbourhoods(float[] y, int n, int clusters, int k) {
        int pure = 0;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
                d[j] = j == i ? Double.POSITIVE_INFINITY : dx * dx + dy * dy;
            }
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) order[j] = j;
            java.util.Arrays.sort(order, (a, b) -> Double.compare(d[a], d[b]));
            boolean ok = true;
            for (int r = 0; r < k; r++) ok &= order[r] % clusters == i % clusters;
            if (ok) pure++;
        }
        return (double) pure / n;
    }

    @Test
    void separatedBlobsStaySeparatedWithEveryBackEnd() {
        int n = 1200, dim = 20, clusters = 6;
        float[] x = blobs(n, dim, clusters, 1);
        for (Tsne.Repulsion r : new Tsne.Repulsion[] {Tsne.Repulsion.EXACT, Tsne.Repulsion.FFT, Tsne.Repulsion.BARNES_HUT}) {
            Tsne.Params p = Tsne.Params.defaults().withRepulsion(r).withEarlyIterations(150).withIterations(300).withThreads(2);
            float[] y = new Tsne(p).fit(x, n, dim, Progress.NONE);
            double pure = pureNeighbourhoods(y, n, clusters, 10);
            assertTrue(pure > 0.99, r + ": only " + pure + " of the points have 10 neighbours from their own blob");
        }
    }

    @Test
    void searchThroughPcaAndRerankingFindsTheTrueNeighboursForBothMetrics() {
        // Rows near a 20-dimensional subspace (five directions, each with three directions of spread),
        // times a length from 0.01 to 100 (log-uniform). Cosine ignores the lengths; Euclidean distance
        // is dominated by them, so Euclidean candidates among projections of the raw rows would miss
        // most cosine neighbours.
        int n = 1200, dim = 60, clusters = 5, spread = 3, k = 30;
        Random rnd = new Random(6);
        float[][] basis = new float[clusters * (1 + spread)][dim];
        for (float[] b : basis) for (int j = 0; j < dim; j++) b[j] = (float) rnd.nextGaussian();
        float[] x = new float[n * dim];
        for (int i = 0; i < n; i++) {
            int c = i % clusters;
            double len = Math.pow(10, -2 + 4 * rnd.nextDouble());
            double[] a = new double[spread];
            for (int t = 0; t < spread; t++) a[t] = 0.4 * rnd.nextGaussian();
            for (int j = 0; j < dim; j++) {
                double v = basis[c * (1 + spread)][j] + 0.01 * rnd.nextGaussian();
                for (int t = 0; t < spread; t++) v += a[t] * basis[c * (1 + spread) + 1 + t][j];
                x[i * dim + j] = (float) (len * v);
            }
        }
        for (org.embedscope.layout.knn.Metric metric : org.embedscope.layout.knn.Metric.values()) {
            Tsne tsne = new Tsne(Tsne.Params.defaults().withMetric(metric).withPcaDims(20).withThreads(2));
            Tsne.Neighbourhood nb;
            try (org.embedscope.util.Parallel par = new org.embedscope.util.Parallel(2)) {
                nb = tsne.neighbourhood(x, n, dim, k, par, Progress.NONE);
            }
            org.embedscope.layout.knn.KnnGraph truth = new org.embedscope.layout.knn.ExactNearestNeighbors().build(x, n, dim, k, metric, Progress.NONE);
            int hits = 0;
            for (int i = 0; i < n; i++) {
                java.util.Set<Integer> want = new java.util.HashSet<>();
                for (int r = 0; r < k; r++) want.add(truth.neighbor(i, r));
                for (int r = 0; r < k; r++) if (want.contains(nb.graph().neighbor(i, r))) hits++;
            }
            double recall = (double) hits / (n * k);
            assertTrue(recall > 0.9, metric + ": recall " + recall);
        }
    }

    @Test
    void sameSeedGivesTheSameLayoutOnOneThreadOrTwo() {
        int n = 2500, dim = 10;
        float[] x = blobs(n, dim, 4, 2);
        Tsne.Params p = Tsne.Params.defaults().withEarlyIterations(60).withIterations(60).withSeed(7);
        float[] one = new Tsne(p.withThreads(1)).fit(x, n, dim, Progress.NONE);
        float[] again = new Tsne(p.withThreads(1)).fit(x, n, dim, Progress.NONE);
        float[] two = new Tsne(p.withThreads(2)).fit(x, n, dim, Progress.NONE);
        assertArrayEquals(one, again);
        assertArrayEquals(one, two);
        float[] otherSeed = new Tsne(p.withThreads(2).withInit(Tsne.Init.RANDOM).withSeed(8)).fit(x, n, dim, Progress.NONE);
        assertFalse(java.util.Arrays.equals(one, otherSeed), "a random start gives another layout");
    }

    @Test
    void reportsKlEveryFiftyIterationsAndCanBeCancelled() {
        int n = 300, dim = 5;
        float[] x = blobs(n, dim, 3, 3);
        List<String> infos = new ArrayList<>();
        AtomicLong last = new AtomicLong();
        Progress recording = new Progress() {
            @Override public void stage(String name, long total) {}
            @Override public void advance(long done) { last.set(done); }
            @Override public void info(String message) { infos.add(message); }
        };
        Tsne tsne = new Tsne(Tsne.Params.defaults().withEarlyIterations(100).withIterations(200));
        tsne.fit(x, n, dim, recording);
        assertEquals(6, infos.size(), infos.toString());
        assertTrue(infos.get(5).startsWith("iteration 300, KL divergence "), infos.get(5));
        assertEquals(300, last.get());
        assertTrue(tsne.klDivergence() > 0 && tsne.klDivergence() < 3, "KL " + tsne.klDivergence());

        AtomicLong advanced = new AtomicLong();
        List<String> stages = new ArrayList<>();
        Progress cancelAt40 = new Progress() {
            @Override public void stage(String name, long total) { stages.add(name); advanced.set(0); }
            @Override public void advance(long done) { advanced.set(done); }
            @Override public boolean isCancelled() {
                return stages.get(stages.size() - 1).equals("t-SNE: optimising") && advanced.get() >= 40;
            }
        };
        assertThrows(CancelledException.class, () -> tsne.fit(x, n, dim, cancelAt40));
        assertEquals(40, advanced.get(), "stops at the first check after the request");
    }

    @Test
    void rejectsBadInputWithTheItemNamed() {
        float[] x = blobs(50, 3, 2, 4);
        x[3 * 17 + 1] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Tsne(Tsne.Params.defaults()).fit(x, 50, 3, Progress.NONE));
        assertTrue(e.getMessage().contains("item 17, feature 1"), e.getMessage());
        float[] ok = blobs(50, 3, 2, 4);
        Tsne.Params given = Tsne.Params.defaults().withInitialLayout(new float[10]);
        assertThrows(IllegalArgumentException.class, () -> new Tsne(given).fit(ok, 50, 3, Progress.NONE));
    }

    @Test
    void tinyInputsGiveFiniteLayouts() {
        for (int n : new int[] {1, 2, 3, 5}) {
            float[] x = blobs(n, 4, 1, n);
            float[] y = new Tsne(Tsne.Params.defaults().withEarlyIterations(50).withIterations(50)).fit(x, n, 4, Progress.NONE);
            assertEquals(2 * n, y.length);
            for (float v : y) assertTrue(Float.isFinite(v), "n=" + n);
        }
    }
}
