package org.embedscope.layout.tsne;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.embedscope.layout.knn.ExactNearestNeighbors;
import org.embedscope.layout.knn.KnnGraph;
import org.embedscope.layout.knn.Metric;
import org.embedscope.util.Parallel;
import org.embedscope.progress.Progress;
import org.junit.jupiter.api.Test;

class NeighborRerankingTest {

    @Test
    void rerankingAllCandidatesGivesTheExactGraphOfTheOriginalRows() {
        int n = 300, dim = 20, few = 4, k = 10;
        Random rnd = new Random(3);
        float[] x = new float[n * dim], head = new float[n * few];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) x[i * dim + d] = (float) rnd.nextGaussian();
            System.arraycopy(x, i * dim, head, i * few, few);
        }
        ExactNearestNeighbors exact = new ExactNearestNeighbors();
        KnnGraph truth = exact.build(x, n, dim, k, Metric.EUCLIDEAN, Progress.NONE);
        try (Parallel par = new Parallel(2)) {
            // All other points as candidates, found in 4 of the 20 dimensions: re-ranking must fix the order.
            KnnGraph all = exact.build(head, n, few, n - 1, Metric.EUCLIDEAN, Progress.NONE);
            KnnGraph got = NeighborReranking.rerank(all, x, dim, k, Metric.EUCLIDEAN, par);
            assertArrayEquals(truth.indices(), got.indices());
            for (int e = 0; e < n * k; e++) assertEquals(truth.distances()[e], got.distances()[e], 1e-5f * truth.distances()[e]);
            // A short candidate list found in few dimensions misses some true neighbours, but keeps the right order.
            KnnGraph some = NeighborReranking.rerank(exact.build(head, n, few, 30, Metric.EUCLIDEAN, Progress.NONE), x, dim, k,
                    Metric.EUCLIDEAN, par);
            int hits = 0;
            for (int i = 0; i < n; i++) {
                for (int r = 1; r < k; r++) assertTrue(some.distance(i, r - 1) <= some.distance(i, r));
                for (int r = 0; r < k; r++) {
                    int j = some.neighbor(i, r);
                    assertEquals(Metric.EUCLIDEAN.distance(x, i, j, dim), some.distance(i, r), 1e-5f);
                    for (int t = 0; t < k; t++) if (truth.neighbor(i, t) == j) hits++;
                }
            }
            assertTrue(hits < n * k, "four dimensions of twenty cannot find every neighbour");
        }
    }

    @Test
    void missingCandidatesStayMissing() {
        int[] idx = {1, -1, 0, -1};
        float[] dist = {1f, Float.POSITIVE_INFINITY, 1f, Float.POSITIVE_INFINITY};
        float[] x = {0f, 3f};
        try (Parallel par = new Parallel(1)) {
            KnnGraph got = NeighborReranking.rerank(new KnnGraph(2, 2, idx, dist), x, 1, 2, Metric.EUCLIDEAN, par);
            assertArrayEquals(new int[] {1, -1, 0, -1}, got.indices());
            assertEquals(3f, got.distance(0, 0));
        }
    }

    @Test
    void sparseRowsGetTheSameDistancesAsDenseOnes() {
        // Rows of 100 values, about 80 of them zero (the sparse path) or about 30 (the dense one).
        int n = 200, dim = 100, k = 12;
        Random rnd = new Random(8);
        float[] x = new float[n * dim];
        for (int i = 0; i < n; i++) {
            double ink = i % 2 == 0 ? 0.2 : 0.7;
            for (int d = 0; d < dim; d++) if (rnd.nextDouble() < ink) x[i * dim + d] = (float) rnd.nextDouble();
        }
        for (int d = 0; d < dim; d++) x[5 * dim + d] = 0;  // a row of zeros
        ExactNearestNeighbors exact = new ExactNearestNeighbors();
        try (Parallel par = new Parallel(2)) {
            for (Metric metric : Metric.values()) {
                KnnGraph all = exact.build(x, n, dim, n - 1, metric, Progress.NONE);
                KnnGraph got = NeighborReranking.rerank(all, x, dim, k, metric, par);
                for (int i = 0; i < n; i++) {
                    for (int r = 0; r < k; r++) {
                        int j = got.neighbor(i, r);
                        assertEquals(metric.distance(x, i, j, dim), got.distance(i, r), 1e-5f, metric + " " + i + "→" + j);
                        if (r > 0) assertTrue(got.distance(i, r - 1) <= got.distance(i, r));
                    }
                    // The nearest by the dense distance is among the first two (ties within rounding aside).
                    int best = all.neighbor(i, 0);
                    assertTrue(got.neighbor(i, 0) == best || got.neighbor(i, 1) == best, metric + " row " + i);
                }
            }
        }
    }
}
