package org.embedscope.layout.tsne;

import org.embedscope.layout.SparseGraph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.embedscope.layout.knn.ExactNearestNeighbors;
import org.embedscope.layout.knn.KnnGraph;
import org.embedscope.layout.knn.Metric;
import org.embedscope.util.Parallel;
import org.embedscope.progress.Progress;
import org.junit.jupiter.api.Test;

class PerplexityAffinitiesTest {

    /** Points in a few clusters of different spreads, so that σ differs a lot between points. */
    static float[] data(int n, int dim, long seed) {
        Random rnd = new Random(seed);
        float[] x = new float[n * dim];
        for (int i = 0; i < n; i++) {
            double spread = 0.1 + (i % 4) * 2;
            for (int d = 0; d < dim; d++) x[i * dim + d] = (float) ((i % 3) * 5 + rnd.nextGaussian() * spread);
        }
        return x;
    }

    @Test
    void eachRowMeetsTheTargetPerplexity() {
        int n = 600, dim = 10;
        for (double perplexity : new double[] {5, 30}) {
            int k = (int) (3 * perplexity);
            KnnGraph g = new ExactNearestNeighbors().build(data(n, dim, 1), n, dim, k, Metric.EUCLIDEAN, Progress.NONE);
            try (Parallel par = new Parallel(2)) {
                PerplexityAffinities.Conditional c = PerplexityAffinities.conditional(g, perplexity, par);
                for (int i = 0; i < n; i++) {
                    double sum = 0, h = 0;
                    for (int j = 0; j < k; j++) {
                        double p = c.p()[i * k + j];
                        sum += p;
                        if (p > 0) h -= p * Math.log(p);
                    }
                    assertEquals(1.0, sum, 1e-5, "row " + i + " sums to 1");
                    assertEquals(perplexity, Math.exp(h), perplexity * 1e-3, "perplexity of row " + i);
                    // The weights are the Gaussian of the solved precision.
                    double d0 = g.distance(i, 0), dl = g.distance(i, k - 1);
                    double ratio = Math.exp(-c.beta()[i] * (dl * dl - d0 * d0));
                    assertEquals(ratio, c.p()[i * k + k - 1] / c.p()[i * k], 1e-4 + ratio * 1e-3, "Gaussian shape of row " + i);
                }
            }
        }
    }

    @Test
    void jointProbabilitiesAreSymmetricSumToOneAndAverageTheConditionals() {
        int n = 500, dim = 8, k = 30;
        KnnGraph g = new ExactNearestNeighbors().build(data(n, dim, 2), n, dim, k, Metric.EUCLIDEAN, Progress.NONE);
        try (Parallel par = new Parallel(2)) {
            PerplexityAffinities.Conditional c = PerplexityAffinities.conditional(g, 10, par);
            SparseGraph p = PerplexityAffinities.symmetric(g, c, par);
            double total = 0;
            for (int i = 0; i < n; i++) {
                for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
                    int j = p.col()[e];
                    assertTrue(j != i, "no diagonal");
                    if (e > p.rowStart()[i]) assertTrue(p.col()[e - 1] < j, "columns sorted and unique in row " + i);
                    assertEquals(p.weight()[e], p.weight(j, i), 0f, "P(" + i + "," + j + ") = P(" + j + "," + i + ")");
                    total += p.weight()[e];
                }
            }
            assertEquals(1.0, total, 1e-5);
            // Against the definition (p_{j|i} + p_{i|j}) / 2n, computed here from the dense conditionals.
            double[] dense = new double[n * n];
            for (int i = 0; i < n; i++) for (int j = 0; j < k; j++) dense[i * n + g.neighbor(i, j)] = c.p()[i * k + j];
            int nonZero = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double want = (dense[i * n + j] + dense[j * n + i]) / (2.0 * n);
                    if (want > 0) nonZero++;
                    assertEquals(want, p.weight(i, j), 1e-6 * want + 1e-12, "P(" + i + "," + j + ")");
                }
            }
            assertEquals(nonZero, p.entries());
        }
    }

    @Test
    void renumberedAffinitiesHoldTheSameEntriesInSortedRows() {
        int n = 300, dim = 6;
        KnnGraph g = new ExactNearestNeighbors().build(data(n, dim, 4), n, dim, 24, Metric.EUCLIDEAN, Progress.NONE);
        try (Parallel par = new Parallel(2)) {
            SparseGraph p = PerplexityAffinities.compute(g, 8, par);
            int[] order = new int[n];
            for (int r = 0; r < n; r++) order[r] = (r * 7 + 3) % n;  // 7 is prime to 300: a permutation
            int[] position = new int[n];
            for (int r = 0; r < n; r++) position[order[r]] = r;
            SparseGraph q = p.permuted(order);
            assertEquals(p.entries(), q.entries());
            for (int i = 0; i < n; i++) {
                for (int k = p.rowStart()[i]; k < p.rowStart()[i + 1]; k++) {
                    assertEquals(p.weight()[k], q.weight(position[i], position[p.col()[k]]), "entry " + i + ", " + p.col()[k]);
                }
            }
            for (int r = 0; r < n; r++) {
                for (int k = q.rowStart()[r] + 1; k < q.rowStart()[r + 1]; k++) {
                    assertTrue(q.col()[k - 1] < q.col()[k], "row " + r + " sorted");
                }
            }
        }
    }
}
