package org.embedscope.layout.knn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.embedscope.progress.Progress;
import org.junit.jupiter.api.Test;

public class NnDescentTest {

    /** n points in `clusters` Gaussian clusters of `dim` dimensions, with cluster-dependent spread. */
    public static float[] clusters(int n, int dim, int clusters, long seed) {
        Random rnd = new Random(seed);
        float[][] centres = new float[clusters][dim];
        for (float[] c : centres) for (int d = 0; d < dim; d++) c[d] = (float) (rnd.nextGaussian() * 5);
        float[] x = new float[n * dim];
        for (int i = 0; i < n; i++) {
            int c = rnd.nextInt(clusters);
            double spread = 0.5 + c % 3;
            for (int d = 0; d < dim; d++) x[i * dim + d] = (float) (centres[c][d] + rnd.nextGaussian() * spread);
        }
        return x;
    }

    /** The fraction of the exact graph's neighbours that the approximate one lists, over its first exact.k() columns. */
    public static double recall(KnnGraph approx, KnnGraph exact) {
        int k = exact.k(), hit = 0;
        for (int i = 0; i < exact.n(); i++) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    if (approx.neighbor(i, a) == exact.neighbor(i, b)) {
                        hit++;
                        break;
                    }
                }
            }
        }
        return hit / (double) (exact.n() * k);
    }

    static void assertWellFormed(KnnGraph g, float[] x, int dim, Metric metric) {
        for (int i = 0; i < g.n(); i++) {
            for (int a = 0; a < g.k(); a++) {
                int j = g.neighbor(i, a);
                assertTrue(j >= 0 && j < g.n() && j != i, "row " + i + " lists " + j);
                for (int b = 0; b < a; b++) assertNotEquals(j, g.neighbor(i, b), "row " + i + " lists " + j + " twice");
                if (a > 0) assertTrue(g.distance(i, a) >= g.distance(i, a - 1), "row " + i + " sorted");
                float d = metric.distance(x, i, j, dim);
                assertEquals(d, g.distance(i, a), 1e-4f * (1 + d), "distance of row " + i + " to " + j);
            }
        }
    }

    /** The search prepare runs when no layout engine built the neighbours (PCA or imported layouts only). */
    @Test
    void mnistSubsetRecallOfTheDefaultSearch() throws Exception {
        org.embedscope.layout.MnistDigits d = org.embedscope.layout.MnistDigits.load();
        KnnGraph g = NearestNeighbors.auto(NnDescent.Params.defaults().withThreads(2)).build(d.pixels(), d.n(), d.dim(), 15, Metric.EUCLIDEAN, Progress.NONE);
        double r = recall(g, org.embedscope.layout.MnistDigits.exact15());
        System.out.printf("NN-descent (k = 15, defaults) on MNIST-5k: recall %.4f%n", r);
        assertTrue(r >= 0.95, "recall " + r);
    }

    @Test
    void highRecallOnClusteredData() {
        int n = 4000, dim = 24, k = 15;
        float[] x = clusters(n, dim, 40, 1);
        KnnGraph exact = new ExactNearestNeighbors().build(x, n, dim, k, Metric.EUCLIDEAN, Progress.NONE);
        KnnGraph approx = new NnDescent(NnDescent.Params.defaults().withThreads(2)).build(x, n, dim, k, Metric.EUCLIDEAN, Progress.NONE);
        assertWellFormed(approx, x, dim, Metric.EUCLIDEAN);
        double r = recall(approx, exact);
        assertTrue(r >= 0.97, "recall@15 " + r);
    }

    @Test
    void highRecallForLargerKAndCosine() {
        int n = 3000, dim = 16, k = 40;
        float[] x = clusters(n, dim, 25, 2);
        Random rnd = new Random(3);
        // Scale rows arbitrarily: cosine distance must not care.
        for (int i = 0; i < n; i++) {
            float s = (float) (0.1 + 10 * rnd.nextDouble());
            for (int d = 0; d < dim; d++) x[i * dim + d] *= s;
        }
        KnnGraph exact = new ExactNearestNeighbors().build(x, n, dim, k, Metric.COSINE, Progress.NONE);
        KnnGraph approx = new NnDescent(NnDescent.Params.defaults().withThreads(2)).build(x, n, dim, k, Metric.COSINE, Progress.NONE);
        assertWellFormed(approx, x, dim, Metric.COSINE);
        double r = recall(approx, exact);
        assertTrue(r >= 0.95, "recall@40 " + r);
    }

    @Test
    void sameGraphOnOneAndThreeThreads() {
        int n = 3000, dim = 12, k = 10;
        float[] x = clusters(n, dim, 20, 4);
        NnDescent.Params p = NnDescent.Params.defaults().withSeed(9);
        KnnGraph a = new NnDescent(p.withThreads(1)).build(x, n, dim, k, Metric.EUCLIDEAN, Progress.NONE);
        KnnGraph b = new NnDescent(p.withThreads(3)).build(x, n, dim, k, Metric.EUCLIDEAN, Progress.NONE);
        assertArrayEquals(a.indices(), b.indices());
        assertArrayEquals(a.distances(), b.distances());
    }

    @Test
    void duplicatesAndConstantColumnsAreHandled() {
        // 2,000 rows, only 50 distinct, with two constant columns.
        int n = 2000, dim = 6, k = 8;
        Random rnd = new Random(5);
        float[] distinct = new float[50 * dim];
        for (int i = 0; i < distinct.length; i++) distinct[i] = (i % dim) < 2 ? 7f : (float) rnd.nextGaussian();
        float[] x = new float[n * dim];
        for (int i = 0; i < n; i++) System.arraycopy(distinct, (i % 50) * dim, x, i * dim, dim);
        KnnGraph g = new NnDescent(NnDescent.Params.defaults().withThreads(2)).build(x, n, dim, k, Metric.EUCLIDEAN, Progress.NONE);
        assertWellFormed(g, x, dim, Metric.EUCLIDEAN);
        // Each row has 39 exact copies: all k neighbours are at distance 0.
        for (int i = 0; i < n; i++) assertEquals(0f, g.distance(i, k - 1), "row " + i);
    }

    @Test
    void autoIsExactForSmallInputs() {
        int n = 600, dim = 8, k = 12;
        float[] x = clusters(n, dim, 6, 6);
        KnnGraph exact = new ExactNearestNeighbors().build(x, n, dim, k, Metric.EUCLIDEAN, Progress.NONE);
        KnnGraph auto = NearestNeighbors.auto().build(x, n, dim, k, Metric.EUCLIDEAN, Progress.NONE);
        assertArrayEquals(exact.indices(), auto.indices());
    }

    @Test
    void cancellationStopsTheSearch() {
        int n = 5000, dim = 8;
        float[] x = clusters(n, dim, 10, 7);
        Progress cancelled = new Progress() {
            @Override public void stage(String name, long total) {}
            @Override public void advance(long done) {}
            @Override public boolean isCancelled() { return true; }
        };
        assertThrows(org.embedscope.progress.CancelledException.class,
                () -> new NnDescent().build(x, n, dim, 10, Metric.EUCLIDEAN, cancelled));
    }

    /** Sparse rows like pixel images: most values 0, two columns always 0, columns of very different spread. */
    static float[] sparseRows(int n, int dim, long seed) {
        Random rnd = new Random(seed);
        float[] x = new float[n * dim];
        for (int i = 0; i < n; i++) {
            int cluster = rnd.nextInt(8);
            for (int d = 2; d < dim; d++) {
                if ((d + cluster) % 4 != 0) continue;
                x[i * dim + d] = (float) Math.abs(rnd.nextGaussian() * (1 + d % 5) + cluster);
            }
        }
        return x;
    }

    @Test
    void theCallersRowsAreAsTheyWereAfterwardsAlsoWhenCancelled() {
        int n = 3000, dim = 40, k = 10;
        float[] x = sparseRows(n, dim, 11);
        float[] before = x.clone();
        NnDescent engine = new NnDescent(NnDescent.Params.defaults().withThreads(2));
        KnnGraph first = engine.build(x, n, dim, k, Metric.EUCLIDEAN, Progress.NONE);
        assertArrayEquals(before, x, "rows reordered in place for the search are put back");
        assertWellFormed(first, x, dim, Metric.EUCLIDEAN);
        KnnGraph second = engine.build(x, n, dim, k, Metric.EUCLIDEAN, Progress.NONE);
        assertArrayEquals(first.indices(), second.indices(), "the same rows give the same graph");
        KnnGraph exact = new ExactNearestNeighbors().build(x, n, dim, k, Metric.EUCLIDEAN, Progress.NONE);
        assertTrue(recall(first, exact) >= 0.95, "recall " + recall(first, exact));

        Progress cancelInDescent = new Progress() {
            volatile boolean descent;
            @Override public void stage(String name, long total) { descent |= name.contains("NN-descent"); }
            @Override public void advance(long done) {}
            @Override public boolean isCancelled() { return descent; }
        };
        assertThrows(org.embedscope.progress.CancelledException.class, () -> engine.build(x, n, dim, k, Metric.EUCLIDEAN, cancelInDescent));
        assertArrayEquals(before, x, "put back also when the search stops half-way");
    }
}
