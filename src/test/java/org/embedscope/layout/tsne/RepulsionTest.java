package org.embedscope.layout.tsne;

import org.embedscope.util.Parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The approximate back-ends against the exact O(n²) sums, on layouts like those t-SNE produces:
 * a tiny initial cloud (std 1e-4), a mid-size one and a large clustered one.
 *
 * <p>Tolerances (relative L2 error of the normalised forces {@code rep/Z} over all points, relative
 * error of Z): interpolation with its defaults (4 nodes per box, boxes ≤ 1 unit) 1e-2 and 1e-3 on
 * layouts up to ~60 units across; Barnes-Hut at θ = 0.5 3e-2 and 1e-2.
 */
class RepulsionTest {

    static double[] layout(int n, double scale, int clusters, long seed) {
        Random rnd = new Random(seed);
        double[] cx = new double[clusters], cy = new double[clusters];
        for (int c = 0; c < clusters; c++) { cx[c] = rnd.nextGaussian() * scale; cy[c] = rnd.nextGaussian() * scale; }
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            int c = i % clusters;
            y[2 * i] = cx[c] + rnd.nextGaussian() * scale / 8;
            y[2 * i + 1] = cy[c] + rnd.nextGaussian() * scale / 8;
        }
        return y;
    }

    /** {relative force error, relative Z error} of {@code approx} against the exact sums. */
    static double[] errors(RepulsiveForces approx, double[] y, int n, Parallel w) {
        double[] exact = new double[2 * n], got = new double[2 * n];
        double z0 = new ExactRepulsion().compute(y, n, exact, w);
        double z1 = approx.compute(y, n, got, w);
        double num = 0, den = 0;
        for (int k = 0; k < 2 * n; k++) {
            double e = exact[k] / z0, g = got[k] / z1;
            num += (e - g) * (e - g);
            den += e * e;
        }
        return new double[] {Math.sqrt(num / den), Math.abs(z1 - z0) / z0};
    }

    @Test
    void interpolationMatchesExactSums() {
        try (Parallel w = new Parallel(2)) {
            for (double scale : new double[] {1e-4, 3, 10}) {
                int n = 1500;
                double[] y = layout(n, scale, 7, 11);
                double[] e = errors(new InterpolatedRepulsion(), y, n, w);
                assertTrue(e[0] < 1e-2, "force error " + e[0] + " at scale " + scale);
                assertTrue(e[1] < 1e-3, "Z error " + e[1] + " at scale " + scale);
            }
        }
    }

    @Test
    void interpolationErrorShrinksWithFinerBoxesOnALargeLayout() {
        try (Parallel w = new Parallel(2)) {
            int n = 1500;
            double[] y = layout(n, 40, 7, 13);  // ~250 units across: the grid has ~250 boxes a side
            double coarse = errors(new InterpolatedRepulsion(3, 50, 1.0), y, n, w)[0];
            double fine = errors(new InterpolatedRepulsion(3, 50, 0.5), y, n, w)[0];
            double finer = errors(new InterpolatedRepulsion(5, 50, 0.5), y, n, w)[0];
            assertTrue(coarse < 0.1, "coarse " + coarse);
            // Third-order interpolation: halving the box should cut the error by several times.
            assertTrue(fine < coarse / 4, "fine " + fine + " vs coarse " + coarse);
            assertTrue(finer < 1e-3, "5 nodes per half-unit box: " + finer);
        }
    }

    @Test
    void gridStaysBoundedOnAHugeLayout() {
        try (Parallel w = new Parallel(2)) {
            int n = 500;
            double[] y = layout(n, 2e4, 5, 14);  // ~10⁵ units across
            InterpolatedRepulsion r = new InterpolatedRepulsion();
            double[] rep = new double[2 * n];
            double z = r.compute(y, n, rep, w);
            assertTrue(r.boxesPerSide() <= InterpolatedRepulsion.MAX_BOXES, "boxes " + r.boxesPerSide());
            assertTrue(Double.isFinite(z) && z > 0, "Z " + z);
            for (double v : rep) assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void adaptiveRepulsionUsesTheGridForCompactLayoutsAndTheTreeForSpreadOnes() {
        try (Parallel w = new Parallel(2)) {
            // 100,000 points 20 units across: a 400² grid is far cheaper than a tree over 100,000 points.
            int n = 100000;
            double[] y = layout(n, 3, 7, 15);
            double[] got = new double[2 * n], want = new double[2 * n];
            AdaptiveRepulsion a = new AdaptiveRepulsion();
            double z = a.compute(y, n, got, w);
            assertArrayEquals(new long[] {1, 0}, a.calls());
            assertEquals(new InterpolatedRepulsion().compute(y, n, want, w), z);
            assertArrayEquals(want, got);
            // 3,000 points 250 units across: the grid would need ~2,200² nodes; the tree is cheaper.
            n = 3000;
            y = layout(n, 40, 7, 16);
            got = new double[2 * n];
            want = new double[2 * n];
            a = new AdaptiveRepulsion();
            z = a.compute(y, n, got, w);
            assertArrayEquals(new long[] {0, 1}, a.calls());
            assertEquals(new BarnesHutRepulsion(0.5).compute(y, n, want, w), z);
            assertArrayEquals(want, got);
        }
    }

    @Test
    void barnesHutMatchesExactSums() {
        try (Parallel w = new Parallel(2)) {
            for (double scale : new double[] {1e-4, 3, 40}) {
                int n = 1500;
                double[] y = layout(n, scale, 7, 12);
                double[] e = errors(new BarnesHutRepulsion(0.5), y, n, w);
                assertTrue(e[0] < 3e-2, "force error " + e[0] + " at scale " + scale);
                assertTrue(e[1] < 1e-2, "Z error " + e[1] + " at scale " + scale);
            }
        }
    }

    @Test
    void barnesHutSumsCoincidentPointsExactly() {
        try (Parallel w = new Parallel(2)) {
            // 300 points on one spot (more than a leaf holds, closer than the tree can split), 200 within
            // 1e-9 of another, and 1,000 spread around them.
            int n = 1500;
            double[] y = layout(n, 5, 4, 21);
            for (int i = 0; i < 300; i++) { y[2 * i] = 1.25; y[2 * i + 1] = -0.5; }
            for (int i = 300; i < 500; i++) { y[2 * i] = -2 + 1e-9 * (i % 7); y[2 * i + 1] = 3 + 1e-9 * (i % 5); }
            double[] e = errors(new BarnesHutRepulsion(0.5), y, n, w);
            assertTrue(e[0] < 3e-2, "force error " + e[0]);
            assertTrue(e[1] < 1e-2, "Z error " + e[1]);
        }
    }
}
