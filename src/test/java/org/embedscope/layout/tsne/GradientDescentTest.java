package org.embedscope.layout.tsne;

import org.embedscope.layout.SparseGraph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.embedscope.layout.knn.ExactNearestNeighbors;
import org.embedscope.layout.knn.KnnGraph;
import org.embedscope.layout.knn.Metric;
import org.embedscope.util.Parallel;
import org.embedscope.progress.Progress;
import org.junit.jupiter.api.Test;

class GradientDescentTest {

    /** KL(P‖Q) from its definition, with dense Q over all pairs. */
    static double kl(SparseGraph p, double[] y) {
        int n = p.n();
        double z = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) continue;
                double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
                z += 1 / (1 + dx * dx + dy * dy);
            }
        }
        double kl = 0;
        for (int i = 0; i < n; i++) {
            for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
                int j = p.col()[e];
                double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
                double q = 1 / (1 + dx * dx + dy * dy) / z, pv = p.weight()[e];
                if (pv == 0) continue;  // 0·log 0 = 0
                kl += pv * Math.log(pv / q);
            }
        }
        return kl;
    }

    static SparseGraph affinities(int n, int dim, double perplexity, long seed, Parallel par) {
        float[] x = PerplexityAffinitiesTest.data(n, dim, seed);
        KnnGraph g = new ExactNearestNeighbors().build(x, n, dim, (int) (3 * perplexity), Metric.EUCLIDEAN, Progress.NONE);
        return PerplexityAffinities.compute(g, perplexity, par);
    }

    @Test
    void gradientIsAQuarterOfTheNumericalDerivativeOfKl() {
        try (Parallel par = new Parallel(2)) {
            int n = 40;
            SparseGraph p = affinities(n, 5, 5, 3, par);
            double[] y = new double[2 * n];
            Random rnd = new Random(5);
            for (int i = 0; i < 2 * n; i++) y[i] = rnd.nextGaussian() * 2;
            GradientDescent gd = new GradientDescent(p, new ExactRepulsion(), par);
            double[] g = new double[2 * n];
            double klReported = gd.gradient(y, 1, true, g);
            assertEquals(kl(p, y), klReported, 1e-9);
            double h = 1e-5;
            for (int d = 0; d < 2 * n; d++) {
                double keep = y[d];
                y[d] = keep + h;
                double up = kl(p, y);
                y[d] = keep - h;
                double down = kl(p, y);
                y[d] = keep;
                double numeric = (up - down) / (2 * h);
                assertEquals(numeric, 4 * g[d], 1e-6 + 1e-4 * Math.abs(numeric), "coordinate " + d);
            }
        }
    }

    @Test
    void klDivergenceDecreasesAfterEarlyExaggeration() {
        try (Parallel par = new Parallel(2)) {
            int n = 300;
            SparseGraph p = affinities(n, 10, 20, 4, par);
            double[] y = Tsne.randomLayout(n, 9);
            GradientDescent gd = new GradientDescent(p, new ExactRepulsion(), par);
            List<Double> kls = new ArrayList<>();
            Progress record = new Progress() {
                @Override public void stage(String name, long total) {}
                @Override public void advance(long done) {}
                @Override public void info(String message) {
                    kls.add(Double.parseDouble(message.substring(message.lastIndexOf(' ') + 1)));
                }
            };
            double start = kl(p, y);
            gd.run(y, 250, 12, 0.5, 200, 0, 50, record);
            gd.run(y, 500, 1, 0.8, 200, 250, 50, record);
            assertEquals(15, kls.size(), "a KL report every 50 iterations");
            assertEquals(kl(p, y), gd.gradient(y, 1, true, new double[2 * n]), 1e-9);
            for (int r = 6; r < kls.size(); r++) {
                assertTrue(kls.get(r) <= kls.get(r - 1) + 1e-3, "KL rises at report " + r + ": " + kls);
            }
            assertTrue(kls.get(kls.size() - 1) < 0.5 * start, "KL fell from " + start + " to " + kls.get(kls.size() - 1));
        }
    }

    @Test
    void renumberingThePointsByTheLayoutChangesNoPointsPath() {
        try (Parallel par = new Parallel(2)) {
            int n = 400;
            SparseGraph p = affinities(n, 8, 10, 6, par);
            double[] start = Tsne.randomLayout(n, 3);
            for (int i = 0; i < 2 * n; i++) start[i] *= 1e4;  // a spread-out start, so the order matters
            double[] plain = start.clone(), renumbered = start.clone();
            GradientDescent a = new GradientDescent(p, new ExactRepulsion(), par);
            a.run(plain, 15, 4, 0.5, 100, 0, 0, Progress.NONE);
            a.run(plain, 15, 1, 0.8, 100, 15, 0, Progress.NONE);

            GradientDescent b = new GradientDescent(p, new ExactRepulsion(), par);
            b.reorder(renumbered);
            boolean moved = false;
            for (int i = 0; i < 2 * n; i++) moved |= renumbered[i] != start[i];
            assertTrue(moved, "the points were renumbered");
            b.run(renumbered, 15, 4, 0.5, 100, 0, 0, Progress.NONE);
            b.reorder(renumbered);
            b.run(renumbered, 15, 1, 0.8, 100, 15, 0, Progress.NONE);
            b.restoreOrder(renumbered);
            // Same forces up to the order of the sums. The descent amplifies rounding by roughly 1.6 an
            // iteration (80 iterations turn 1e-16 into 1e-3), so a short run, compared tightly.
            for (int i = 0; i < 2 * n; i++) {
                assertEquals(plain[i], renumbered[i], 1e-8 * (1 + Math.abs(plain[i])), "coordinate " + i);
            }
        }
    }

    @Test
    void everyIterationsGradientMatchesTheExactlyEvaluatedOne() {
        try (Parallel par = new Parallel(2)) {
            // More points than one chunk of the attraction pass.
            int n = 5000;
            SparseGraph p = affinities(n, 8, 10, 8, par);
            GradientDescent gd = new GradientDescent(p, new ExactRepulsion(), par);
            double[] y = Tsne.randomLayout(n, 4);
            for (int i = 0; i < 2 * n; i++) y[i] *= 3e4;  // ~3 units across
            gd.reorder(y);
            double[] fast = new double[2 * n], exact = new double[2 * n];
            gd.gradient(y, 12, false, fast);
            gd.gradient(y, 12, true, exact);
            double num = 0, den = 0;
            for (int i = 0; i < 2 * n; i++) {
                num += (fast[i] - exact[i]) * (fast[i] - exact[i]);
                den += exact[i] * exact[i];
            }
            assertTrue(Math.sqrt(num / den) < 1e-5, "relative difference " + Math.sqrt(num / den));
        }
    }
}
