package org.embedscope.layout.umap;

import org.embedscope.layout.LayoutAlgorithm;
import org.embedscope.layout.knn.NnDescentTest;
import org.embedscope.layout.MnistDigits;
import org.embedscope.layout.knn.Metric;
import org.embedscope.layout.quality.LayoutQuality;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.embedscope.progress.CancelledException;
import org.embedscope.progress.Progress;
import org.junit.jupiter.api.Test;

class UmapTest {

    /** n points in `blobs` well-separated Gaussian blobs in `dim` dimensions; labels in `labels`. */
    static float[] blobs(int n, int dim, int blobs, int[] labels, long seed) {
        Random rnd = new Random(seed);
        float[][] centres = new float[blobs][dim];
        for (float[] c : centres) for (int d = 0; d < dim; d++) c[d] = (float) (rnd.nextGaussian() * 10);
        float[] x = new float[n * dim];
        for (int i = 0; i < n; i++) {
            labels[i] = i % blobs;
            for (int d = 0; d < dim; d++) x[i * dim + d] = (float) (centres[labels[i]][d] + rnd.nextGaussian());
        }
        return x;
    }

    @Test
    void gaussianBlobsStaySeparated() {
        int n = 3000, dim = 20;
        int[] labels = new int[n];
        float[] x = blobs(n, dim, 6, labels, 1);
        float[] y = new Umap(Umap.Params.defaults().withThreads(2)).fit(x, n, dim, Progress.NONE);
        assertEquals(2 * n, y.length);
        LayoutQuality.Scores s = LayoutQuality.measure(x, n, dim, y, 2, labels,
                LayoutQuality.Settings.defaults().withSample(n).withTrainCount(2000).withThreads(2), Progress.NONE);
        assertTrue(s.trustworthiness() > 0.9, "trustworthiness " + s.trustworthiness());
        assertEquals(1.0, s.accuracy(), 1e-12, "every test point's 10 layout neighbours are of its own blob");
        // Blobs apart: the closest points of two blobs are farther than a typical within-blob neighbour gap.
        double[] cx = new double[6], cy = new double[6];
        for (int i = 0; i < n; i++) {
            cx[labels[i]] += y[2 * i] / (n / 6.0);
            cy[labels[i]] += y[2 * i + 1] / (n / 6.0);
        }
        for (int i = 0; i < n; i++) {
            double own = Math.hypot(y[2 * i] - cx[labels[i]], y[2 * i + 1] - cy[labels[i]]);
            for (int b = 0; b < 6; b++) {
                if (b != labels[i]) assertTrue(Math.hypot(y[2 * i] - cx[b], y[2 * i + 1] - cy[b]) > own, "point " + i + " nearer another blob's centre");
            }
        }
    }

    @Test
    void aSeedGivesTheSameLayoutOnOneOrManyThreads() {
        // More points than one optimiser chunk, so that several tasks run side by side.
        int n = 2 * UmapOptimizer.CHUNK_POINTS + 100, dim = 10;
        float[] x = NnDescentTest.clusters(n, dim, 8, 6);
        Umap.Params p = Umap.Params.defaults().withThreads(1).withSeed(7).withEpochs(30);
        float[] a = new Umap(p).fit(x, n, dim, Progress.NONE);
        float[] b = new Umap(p.withThreads(3)).fit(x, n, dim, Progress.NONE);
        assertArrayEquals(a, b);
        float[] c = new Umap(p.withSeed(8)).fit(x, n, dim, Progress.NONE);
        assertFalse(java.util.Arrays.equals(a, c), "another seed gives another layout");
    }

    @Test
    void mnistSubsetReachesReferenceQuality() throws Exception {
        MnistDigits digits = MnistDigits.load();
        int n = digits.n(), dim = digits.dim();
        float[] x = digits.pixels();
        LayoutAlgorithm.Fit fit = new Umap(Umap.Params.defaults().withThreads(2)).fitWithNeighbors(x, n, dim, Progress.NONE);
        float[] y = fit.coords();
        // Its graph, n_neighbors − 1 = 14 per digit, is what prepare keeps for --neighbors 14 or fewer.
        double recall = NnDescentTest.recall(fit.neighbors(), MnistDigits.exact15().firstColumns(14));
        System.out.printf("UMAP's neighbour graph on MNIST-5k: %d per digit, recall of the exact 14 nearest %.4f%n", fit.neighbors().k(), recall);
        assertEquals(14, fit.neighbors().k());
        assertTrue(recall >= 0.95, "recall " + recall);
        LayoutQuality.Scores s = LayoutQuality.measure(x, n, dim, y, 2, digits.labels(),
                LayoutQuality.Settings.defaults().withTrainCount(4000).withThreads(2), Progress.NONE);
        // umap-learn 0.5.3 (two seeds) on these 5,000 digits, same measure: knn 0.321/0.318,
        // trustworthiness 0.946/0.947, accuracy (train 4,000, test 1,000) 0.907/0.900.
        assertTrue(s.knn() >= 0.30, "knn15 " + s.knn());
        assertTrue(s.trustworthiness() >= 0.935, "trust15 " + s.trustworthiness());
        assertTrue(s.accuracy() >= 0.89, "acc2d " + s.accuracy());
    }

    @Test
    void pcaFirstStillSeparatesBlobs() {
        int n = 1200, dim = 80;
        int[] labels = new int[n];
        float[] x = blobs(n, dim, 4, labels, 2);
        float[] y = new Umap(Umap.Params.defaults().withThreads(2).withPca(true, 10).withEpochs(100)).fit(x, n, dim, Progress.NONE);
        LayoutQuality.Scores s = LayoutQuality.measure(x, n, dim, y, 2, labels,
                LayoutQuality.Settings.defaults().withSample(n).withTrainCount(900).withThreads(2), Progress.NONE);
        assertEquals(1.0, s.accuracy(), 1e-12);
    }

    @Test
    void cosineMetricIgnoresRowScale() {
        int n = 1500, dim = 12;
        int[] labels = new int[n];
        float[] x = blobs(n, dim, 5, labels, 3);
        Random rnd = new Random(4);
        for (int i = 0; i < n; i++) {
            float s = (float) (0.01 + 100 * rnd.nextDouble());
            for (int d = 0; d < dim; d++) x[i * dim + d] *= s;
        }
        float[] y = new Umap(Umap.Params.defaults().withThreads(2).withMetric(Metric.COSINE).withEpochs(100)).fit(x, n, dim, Progress.NONE);
        LayoutQuality.Scores s = LayoutQuality.measure(x, n, dim, y, 2, labels,
                LayoutQuality.Settings.defaults().withSample(500).withTrainCount(1000).withThreads(2), Progress.NONE);
        assertTrue(s.accuracy() > 0.99, "blobs by direction stay apart: " + s.accuracy());
    }

    @Test
    void disconnectedNeighbourGraphStillLaysOut() {
        // Two blobs a million units apart and 5 neighbours: no edge joins them.
        int n = 1600, dim = 4;
        float[] x = NnDescentTest.clusters(n, dim, 1, 5);
        for (int i = n / 2; i < n; i++) x[i * dim] += 1e6f;
        float[] y = new Umap(Umap.Params.defaults().withThreads(2).withNeighbors(5).withEpochs(50)).fit(x, n, dim, Progress.NONE);
        double[] c = new double[4]; // centroids of the two halves
        for (int i = 0; i < n; i++) {
            assertTrue(Float.isFinite(y[2 * i]) && Float.isFinite(y[2 * i + 1]), "point " + i);
            int h = i < n / 2 ? 0 : 2;
            c[h] += y[2 * i] / (n / 2.0);
            c[h + 1] += y[2 * i + 1] / (n / 2.0);
        }
        for (int i = 0; i < n; i++) {
            int own = i < n / 2 ? 0 : 2, other = 2 - own;
            double dOwn = Math.hypot(y[2 * i] - c[own], y[2 * i + 1] - c[own + 1]);
            double dOther = Math.hypot(y[2 * i] - c[other], y[2 * i + 1] - c[other + 1]);
            assertTrue(dOwn < dOther, "point " + i + " nearer the other component");
        }
    }

    @Test
    void nonFiniteInputIsRefused() {
        float[] x = NnDescentTest.clusters(100, 3, 2, 1);
        x[17] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Umap().fit(x, 100, 3, Progress.NONE));
        assertTrue(e.getMessage().contains("row 5"), e.getMessage());
    }

    @Test
    void tinyInputsDoNotBreak() {
        for (int n : new int[] {1, 2, 3, 5, 17}) {
            float[] x = NnDescentTest.clusters(n, 3, 2, n);
            float[] y = new Umap(Umap.Params.defaults().withThreads(1).withEpochs(20)).fit(x, n, 3, Progress.NONE);
            assertEquals(2 * n, y.length);
            for (float v : y) assertTrue(Float.isFinite(v), "n " + n);
        }
    }

    @Test
    void cancellationReachesTheCaller() {
        int n = 3000;
        float[] x = NnDescentTest.clusters(n, 5, 4, 9);
        int[] stages = {0};
        Progress cancelInSecondStage = new Progress() {
            @Override public void stage(String name, long total) { stages[0]++; }
            @Override public void advance(long done) {}
            @Override public boolean isCancelled() { return stages[0] >= 2; }
        };
        assertThrows(CancelledException.class, () -> new Umap().fit(x, n, 5, cancelInSecondStage));
    }

    @Test
    void reportsEachStage() {
        int n = 2000;
        float[] x = NnDescentTest.clusters(n, 5, 4, 10);
        java.util.List<String> names = new java.util.ArrayList<>();
        Progress record = new Progress() {
            @Override public void stage(String name, long total) { names.add(name); }
            @Override public void advance(long done) {}
        };
        new Umap(Umap.Params.defaults().withEpochs(10).withThreads(2)).fit(x, n, 5, record);
        for (String want : new String[] {"neighbours: NN-descent", "fuzzy simplicial set", "spectral initialisation", "UMAP: optimising layout"}) {
            assertTrue(names.contains(want), want + " in " + names);
        }
    }
}
