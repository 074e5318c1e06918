package org.embedscope.layout.quality;

import org.embedscope.layout.knn.ExactNearestNeighbors;
import org.embedscope.layout.knn.KnnGraph;
import org.embedscope.layout.knn.Metric;
import org.embedscope.layout.knn.NnDescentTest;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.embedscope.progress.Progress;
import org.junit.jupiter.api.Test;

class LayoutQualityTest {

    /** Trustworthiness straight from its definition (full sort of every row), as scikit-learn computes it. */
    static double naiveTrustworthiness(float[] x, int dim, float[] y, int dims, int n, int k) {
        double penalty = 0;
        for (int i = 0; i < n; i++) {
            Integer[] byData = new Integer[n - 1], byLayout = new Integer[n - 1];
            int p = 0;
            for (int j = 0; j < n; j++) if (j != i) byData[p] = byLayout[p++] = j;
            int fi = i;
            java.util.Arrays.sort(byData, (a, b) -> {
                int c = Double.compare(sq(x, dim, fi, a), sq(x, dim, fi, b));
                return c != 0 ? c : Integer.compare(a, b);
            });
            java.util.Arrays.sort(byLayout, (a, b) -> {
                int c = Double.compare(sq(y, dims, fi, a), sq(y, dims, fi, b));
                return c != 0 ? c : Integer.compare(a, b);
            });
            int[] rank = new int[n];
            for (int r = 0; r < n - 1; r++) rank[byData[r]] = r + 1;
            for (int a = 0; a < k; a++) penalty += Math.max(0, rank[byLayout[a]] - k);
        }
        return 1 - 2.0 / (n * k * (2.0 * n - 3.0 * k - 1)) * penalty;
    }

    static double sq(float[] v, int dim, int a, int b) {
        double s = 0;
        for (int d = 0; d < dim; d++) {
            double t = (double) v[a * dim + d] - v[b * dim + d];
            s += t * t;
        }
        return s;
    }

    @Test
    void trustworthinessMatchesTheDefinition() {
        int n = 400, dim = 10, k = 15;
        float[] x = NnDescentTest.clusters(n, dim, 4, 1);
        // A layout that keeps some structure: two coordinates plus noise.
        Random rnd = new Random(2);
        float[] y = new float[2 * n];
        for (int i = 0; i < n; i++) {
            y[2 * i] = x[i * dim] + (float) rnd.nextGaussian();
            y[2 * i + 1] = x[i * dim + 1] + (float) rnd.nextGaussian();
        }
        LayoutQuality.Scores s = LayoutQuality.measure(x, n, dim, y, 2, null,
                LayoutQuality.Settings.defaults().withSample(n).withNeighbors(k).withThreads(2), Progress.NONE);
        double expected = naiveTrustworthiness(x, dim, y, 2, n, k);
        assertTrue(expected < 0.99 && expected > 0.5, "test layout is neither perfect nor random: " + expected);
        assertEquals(expected, s.trustworthiness(), 1e-12);
        assertTrue(Double.isNaN(s.accuracy()));
    }

    @Test
    void trustworthinessIsUndefinedWithHalfThePointsAsNeighbours() {
        // 20 items at the default k = 15: the normaliser 2n - 3k - 1 is negative, and the score came out 1.0978
        int n = 20, dim = 6;
        Random rnd = new Random(0);
        float[] x = new float[n * dim], y = new float[2 * n];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextFloat();
        for (int i = 0; i < y.length; i++) y[i] = rnd.nextFloat();
        for (int k : new int[] {15, 10}) {
            LayoutQuality.Scores s = LayoutQuality.measure(x, n, dim, y, 2, null,
                    LayoutQuality.Settings.defaults().withSample(n).withNeighbors(k).withThreads(2), Progress.NONE);
            assertTrue(Double.isNaN(s.trustworthiness()), "k = " + k + " of " + n + ": " + s.trustworthiness());
            assertTrue(s.knn() >= 0 && s.knn() <= 1, "knn stays defined: " + s.knn());
        }
        LayoutQuality.Scores s = LayoutQuality.measure(x, n, dim, y, 2, null,
                LayoutQuality.Settings.defaults().withSample(n).withNeighbors(9).withThreads(2), Progress.NONE);
        assertEquals(naiveTrustworthiness(x, dim, y, 2, n, 9), s.trustworthiness(), 1e-12);
    }

    /** Per item, straight from the definition: the share of its k data neighbours among its k nearest by a full sort of the layout. */
    static float[] naivePerItem(KnnGraph data, float[] y, int n, int k) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            Integer[] byLayout = new Integer[n - 1];
            int p = 0;
            for (int j = 0; j < n; j++) if (j != i) byLayout[p++] = j;
            int fi = i;
            java.util.Arrays.sort(byLayout, (a, b) -> {
                int c = Double.compare(sq(y, 2, fi, a), sq(y, 2, fi, b));
                return c != 0 ? c : Integer.compare(a, b);
            });
            java.util.Set<Integer> near = new java.util.HashSet<>(java.util.Arrays.asList(byLayout).subList(0, k));
            int kept = 0;
            for (int r = 0; r < k; r++) if (near.contains(data.neighbor(i, r))) kept++;
            out[i] = (float) (kept / (double) k);
        }
        return out;
    }

    @Test
    void perItemTrustIsTheDefinitionAndAveragesToKnn() {
        int n = 500, dim = 12, k = 15;
        float[] x = NnDescentTest.clusters(n, dim, 5, 7);
        Random rnd = new Random(8);
        float[] y = new float[2 * n];
        for (int i = 0; i < n; i++) {
            y[2 * i] = x[i * dim] + (float) rnd.nextGaussian() * 2;
            y[2 * i + 1] = x[i * dim + 1] + (float) rnd.nextGaussian() * 2;
        }
        // More data neighbours than k: only the first k count.
        KnnGraph exact = new ExactNearestNeighbors().build(x, n, dim, 20, Metric.EUCLIDEAN, Progress.NONE);
        float[] t = LayoutQuality.perItem(exact, y, k, 2, Progress.NONE);
        assertArrayEquals(naivePerItem(exact.firstColumns(k), y, n, k), t);
        double sum = 0;
        int partial = 0;
        for (float v : t) {
            sum += v;
            if (v > 0 && v < 1) partial++;
        }
        assertTrue(partial > n / 2, "the layout keeps some neighbourhoods, not all: " + partial + " items in between");
        // The mean over every item is knn with every item sampled.
        LayoutQuality.Scores s = LayoutQuality.measure(x, n, dim, y, 2, null,
                LayoutQuality.Settings.defaults().withSample(n).withNeighbors(k).withThreads(2), Progress.NONE);
        assertEquals(s.knn(), sum / n, 1e-6);
        assertThrows(IllegalArgumentException.class, () -> LayoutQuality.perItem(exact, y, 21, 1, Progress.NONE));
    }

    @Test
    void aLayoutEqualToTheDataScoresPerfectly() {
        int n = 2000;
        Random rnd = new Random(3);
        float[] x = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 4;
            x[2 * i] = (float) (labels[i] * 100 + rnd.nextGaussian());
            x[2 * i + 1] = (float) rnd.nextGaussian();
        }
        LayoutQuality.Scores s = LayoutQuality.measure(x, n, 2, x, 2, labels,
                LayoutQuality.Settings.defaults().withSample(500).withTrainCount(1500).withThreads(2), Progress.NONE);
        assertEquals(1.0, s.knn(), 1e-12);
        assertEquals(1.0, s.trustworthiness(), 1e-12);
        assertEquals(1.0, s.accuracy(), 1e-12);
    }

    @Test
    void aRandomLayoutScoresNearChance() {
        int n = 3000, dim = 8;
        float[] x = NnDescentTest.clusters(n, dim, 10, 4);
        int[] labels = new int[n];
        Random rnd = new Random(5);
        float[] y = new float[2 * n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 5;
            y[2 * i] = rnd.nextFloat();
            y[2 * i + 1] = rnd.nextFloat();
        }
        LayoutQuality.Scores s = LayoutQuality.measure(x, n, dim, y, 2, labels,
                LayoutQuality.Settings.defaults().withSample(1000).withTrainCount(2000).withThreads(2), Progress.NONE);
        assertTrue(s.knn() < 0.02, "knn " + s.knn());
        assertEquals(0.5, s.trustworthiness(), 0.03);
        assertEquals(0.2, s.accuracy(), 0.05);
    }
}
