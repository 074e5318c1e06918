package org.embedscope.layout.umap;

import org.embedscope.layout.knn.NnDescentTest;
import org.embedscope.util.Parallel;
import org.embedscope.layout.SparseGraph;
import org.embedscope.layout.knn.ExactNearestNeighbors;
import org.embedscope.layout.knn.KnnGraph;
import org.embedscope.layout.knn.Metric;
import static org.junit.jupiter.api.Assertions.*;

import org.embedscope.progress.Progress;
import org.junit.jupiter.api.Test;

class FuzzySimplicialSetTest {

    @Test
    void sigmaSolvesItsEquation() {
        int n = 500, k = 14;
        float[] x = NnDescentTest.clusters(n, 10, 5, 3);
        KnnGraph g = new ExactNearestNeighbors().build(x, n, 10, k, Metric.EUCLIDEAN, Progress.NONE);
        FuzzySimplicialSet.Smoothing s;
        try (Parallel par = new Parallel(2)) {
            s = FuzzySimplicialSet.smooth(g, k + 1, par);
        }
        double target = Math.log(k + 1) / Math.log(2);
        for (int i = 0; i < n; i++) {
            assertEquals(g.distance(i, 0), s.rho()[i], 0f, "ρ is the nearest non-zero distance");
            double sum = 0;
            for (int j = 0; j < k; j++) sum += Math.exp(-Math.max(0, g.distance(i, j) - s.rho()[i]) / s.sigma()[i]);
            assertEquals(target, sum, 1e-4, "row " + i);
        }
    }

    @Test
    void duplicatesAreSkippedForRho() {
        // Point 0 has two exact copies; its ρ is the first non-zero distance.
        float[] x = {0, 0, 0, 1, 3, 6, 10, 15};
        KnnGraph g = new ExactNearestNeighbors().build(x, 8, 1, 4, Metric.EUCLIDEAN, Progress.NONE);
        try (Parallel par = new Parallel(1)) {
            FuzzySimplicialSet.Smoothing s = FuzzySimplicialSet.smooth(g, 5, par);
            assertEquals(1f, s.rho()[0]);
        }
    }

    @Test
    void fuzzyUnionIsSymmetricWithTheUnionFormula() {
        int n = 300, k = 7;
        float[] x = NnDescentTest.clusters(n, 4, 3, 8);
        KnnGraph knn = new ExactNearestNeighbors().build(x, n, 4, k, Metric.EUCLIDEAN, Progress.NONE);
        SparseGraph g;
        FuzzySimplicialSet.Smoothing s;
        try (Parallel par = new Parallel(2)) {
            g = FuzzySimplicialSet.build(knn, k + 1, par, Progress.NONE);
            s = FuzzySimplicialSet.smooth(knn, k + 1, par);
        }
        // Directed memberships straight from the definition.
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double d = knn.distance(i, j) - s.rho()[i];
                w[i][knn.neighbor(i, j)] = d <= 0 ? 1 : Math.exp(-d / s.sigma()[i]);
            }
        }
        int entries = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double expected = w[i][j] + w[j][i] - w[i][j] * w[j][i];
                assertEquals(expected, g.weight(i, j), 1e-6, "(" + i + ", " + j + ")");
                if (expected > 0) entries++;
            }
            for (int e = g.rowStart()[i] + 1; e < g.rowStart()[i + 1]; e++) assertTrue(g.col()[e] > g.col()[e - 1], "columns sorted");
        }
        assertEquals(entries, g.entries());
    }
}
