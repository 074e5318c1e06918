package org.embedscope.layout.linalg;

import org.embedscope.layout.MnistDigits;
import org.embedscope.util.Parallel;
import org.embedscope.layout.PcaLayout;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.embedscope.progress.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PcaTest {
    private final Parallel par = new Parallel(2);

    @AfterEach
    void close() { par.close(); }

    @Test
    void pointsOnALineProjectOntoTheLine() {
        // Rows (t, 2t): one principal axis (1, 2)/√5, scores t·√5 after centring; the second axis has no variance.
        float[] data = {-2, -4, -1, -2, 0, 0, 1, 2, 5, 10};
        float[] y = Pca.project(data, 5, 2, 1, 1, par, Progress.NONE);
        float mean = 0.6f;
        float[] t = {-2, -1, 0, 1, 5};
        for (int i = 0; i < 5; i++) assertEquals((t[i] - mean) * Math.sqrt(5), y[i], 1e-5);
        Pca.Fit fit = Pca.fit(data, 5, 2, 2, 1, par, Progress.NONE);
        assertEquals(1 / Math.sqrt(5), fit.axis(0)[0], 1e-9);
        assertEquals(2 / Math.sqrt(5), fit.axis(0)[1], 1e-9);
        assertEquals(0, fit.variances()[1], 1e-9);
    }

    @Test
    void everyCountedStageReachesItsTotal() {
        // 305 rows (fewer than one report's 4096) and 5000 (not a multiple of it); the covariance stage ended at 0.
        for (int n : new int[] {305, 5000}) {
            int dim = 12;
            Random rnd = new Random(n);
            float[] x = new float[n * dim];
            for (int i = 0; i < x.length; i++) x[i] = (float) rnd.nextGaussian();
            java.util.Map<String, long[]> stages = new java.util.LinkedHashMap<>(); // name -> {total, last count}
            String[] current = {null};
            Progress recording = new Progress() {
                @Override public synchronized void stage(String name, long total) {
                    current[0] = name;
                    stages.put(name, new long[] {total, 0});
                }

                @Override public synchronized void advance(long done) {
                    long[] s = stages.get(current[0]);
                    s[1] = Math.max(s[1], done);
                }
            };
            Pca.project(x, n, dim, 2, 1, par, recording);
            assertTrue(stages.containsKey("PCA: covariance"), stages.keySet().toString());
            stages.forEach((name, s) -> {
                if (s[0] > 0) assertEquals(s[0], s[1], n + " rows: " + name);
            });
        }
    }

    @Test
    void matchesScikitLearnOnTheMnistSubset() throws Exception {
        MnistDigits digits = MnistDigits.load();
        float[] x = digits.pixels();
        int n = digits.n(), dim = digits.dim();
        // sklearn 1.2.1 PCA(10, svd_solver='full') on these 5,000 images / 255.
        double[] expected = {4.85579524, 3.74087002, 2.86818545, 2.51702598, 2.35164897,
                1.9904435, 1.64005125, 1.40858151, 1.34613228, 1.15482629};
        Pca.Fit fit = Pca.fit(x, n, dim, 10, 3, par, Progress.NONE);
        for (int c = 0; c < 10; c++) assertEquals(expected[c], fit.variances()[c], 1e-6 * expected[0], "variance " + c);
        float[] y = fit.transform(x, n, par, Progress.NONE);
        // sklearn's scores of the first three images on the first two axes (same signs under our convention).
        double[][] scores = {{-1.06338133, -2.09713318}, {-2.48256635e-04, 4.05415351}, {-3.46735030, 1.42663275}};
        for (int i = 0; i < 3; i++) {
            assertEquals(scores[i][0], y[i * 10], 1e-4, "row " + i + " axis 0");
            assertEquals(scores[i][1], y[i * 10 + 1], 1e-4, "row " + i + " axis 1");
        }
    }

    @Test
    void agreesWithAFullDecompositionOfTheCovariance() {
        int n = 3000, dim = 30, k = 6;
        Random rnd = new Random(11);
        float[] x = new float[n * dim];
        // Correlated data with distinct variances and a non-zero mean.
        double[] mix = new double[dim * dim];
        for (int i = 0; i < mix.length; i++) mix[i] = rnd.nextGaussian() / (1 + i % dim);
        for (int i = 0; i < n; i++) {
            double[] z = new double[dim];
            for (int d = 0; d < dim; d++) z[d] = rnd.nextGaussian();
            for (int d = 0; d < dim; d++) {
                double s = 3 + d;
                for (int e = 0; e < dim; e++) s += mix[d * dim + e] * z[e];
                x[i * dim + d] = (float) s;
            }
        }
        double[] mean = new double[dim];
        for (int i = 0; i < n; i++) for (int d = 0; d < dim; d++) mean[d] += x[i * dim + d];
        for (int d = 0; d < dim; d++) mean[d] /= n;
        double[] cov = new double[dim * dim];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < dim; p++) {
                for (int q = 0; q < dim; q++) cov[p * dim + q] += (x[i * dim + p] - mean[p]) * (x[i * dim + q] - mean[q]) / (n - 1);
            }
        }
        SymmetricEigen.Result ref = SymmetricEigen.decompose(cov, dim);
        Pca.Fit fit = Pca.fit(x, n, dim, k, 5, par, Progress.NONE);
        for (int c = 0; c < k; c++) {
            assertEquals(ref.values()[c], fit.variances()[c], 1e-9 * ref.values()[0]);
            double dot = 0;
            int largest = 0;
            for (int d = 0; d < dim; d++) {
                dot += ref.vector(c, d) * fit.axes()[c * dim + d];
                if (Math.abs(fit.axes()[c * dim + d]) > Math.abs(fit.axes()[c * dim + largest])) largest = d;
            }
            assertEquals(1, Math.abs(dot), 1e-7, "axis " + c + " matches the reference up to sign");
            assertTrue(fit.axes()[c * dim + largest] > 0, "largest loading of axis " + c + " is positive");
        }
        float[] y = fit.transform(x, n, par, Progress.NONE);
        for (int i = 0; i < n; i += 97) {
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int d = 0; d < dim; d++) s += (x[i * dim + d] - mean[d]) * fit.axes()[c * dim + d];
                assertEquals(s, y[i * k + c], 1e-4 * (1 + Math.abs(s)));
            }
        }
    }

    @Test
    void rankDeficientDataDoesNotBreakTheSolver() {
        // 12 columns, only 3 independent directions, asking for 8 components.
        int n = 500, dim = 12;
        Random rnd = new Random(2);
        float[] x = new float[n * dim];
        for (int i = 0; i < n; i++) {
            double a = rnd.nextGaussian() * 3, b = rnd.nextGaussian() * 2, c = rnd.nextGaussian();
            for (int d = 0; d < dim; d++) x[i * dim + d] = (float) (d % 3 == 0 ? a : d % 3 == 1 ? b + a : c);
        }
        Pca.Fit fit = Pca.fit(x, n, dim, 8, 1, par, Progress.NONE);
        for (int c = 3; c < 8; c++) assertEquals(0, fit.variances()[c], 1e-4);
        for (int c = 0; c < 8; c++) {
            double norm = 0;
            for (int d = 0; d < dim; d++) norm += fit.axes()[c * dim + d] * fit.axes()[c * dim + d];
            assertEquals(1, norm, 1e-9);
        }
    }

    @Test
    void sameResultOnOneAndThreeThreads() throws Exception {
        float[] x = MnistDigits.load().pixels();
        float[] a, b;
        try (Parallel one = new Parallel(1); Parallel three = new Parallel(3)) {
            a = Pca.fit(x, 2000, 784, 5, 9, one, Progress.NONE).transform(x, 2000, one, Progress.NONE);
            b = Pca.fit(x, 2000, 784, 5, 9, three, Progress.NONE).transform(x, 2000, three, Progress.NONE);
        }
        assertArrayEquals(a, b);
    }

    @Test
    void pcaLayoutIsTheFirstTwoScores() {
        // A cross in 3-D, widest along x, then y, flat in z: the layout is each row's (x, y).
        float[] data = {-3, 0, 0, 3, 0, 0, 0, -1, 0, 0, 1, 0};
        assertArrayEquals(new float[] {-3, 0, 3, 0, 0, -1, 0, 1}, new PcaLayout(1, 1).fit(data, 4, 3, Progress.NONE), 1e-5f);
        // One column: the centred column on x, all on y = 0.
        assertArrayEquals(new float[] {-2, 0, -1, 0, 0, 0, 3, 0}, new PcaLayout(1, 1).fit(new float[] {1, 2, 3, 6}, 4, 1, Progress.NONE), 1e-5f);
    }
}
