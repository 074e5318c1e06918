package org.embedscope.layout.knn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.embedscope.util.Parallel;
import org.embedscope.progress.Progress;
import org.junit.jupiter.api.Test;

class PlaneNeighborsTest {

    /** The k nearest candidates of each query by a scan in candidate order: the reference. */
    static int[] bruteForce(float[] xy, int[] queries, int[] candidates, int k) {
        int[] out = new int[queries.length * k];
        for (int q = 0; q < queries.length; q++) {
            int i = queries[q];
            double[] bd = new double[k];
            int[] bi = new int[k];
            java.util.Arrays.fill(bd, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(bi, -1);
            for (int j : candidates) {
                if (j == i) continue;
                double dx = (double) xy[2 * i] - xy[2 * j], dy = (double) xy[2 * i + 1] - xy[2 * j + 1];
                double d = dx * dx + dy * dy;
                if (!(d < bd[k - 1])) continue;
                int p = k - 1;
                while (p > 0 && bd[p - 1] > d) {
                    bd[p] = bd[p - 1];
                    bi[p] = bi[p - 1];
                    p--;
                }
                bd[p] = d;
                bi[p] = j;
            }
            System.arraycopy(bi, 0, out, q * k, k);
        }
        return out;
    }

    static int[] range(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }

    private static void assertSameAsBruteForce(float[] xy, int[] queries, int[] candidates, int k) {
        try (Parallel par = new Parallel(2)) {
            int[] grid = new PlaneNeighbors(xy, candidates).nearest(queries, k, par, Progress.NONE);
            int[] ref = bruteForce(xy, queries, candidates, k);
            for (int q = 0; q < queries.length; q++) {
                for (int a = 0; a < k; a++) {
                    assertEquals(ref[q * k + a], grid[q * k + a], "query " + queries[q] + ", neighbour " + a);
                }
            }
        }
    }

    @Test
    void clusteredLayoutWithOutliersMatchesBruteForce() {
        int n = 6000;
        Random rnd = new Random(1);
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            // Tight clusters (as UMAP makes them), a few far outliers stretching the grid.
            double cx = (i % 7) * 3, cy = (i % 5) * 2, s = i % 97 == 0 ? 40 : 0.05 + (i % 3) * 0.2;
            xy[2 * i] = (float) (cx + rnd.nextGaussian() * s);
            xy[2 * i + 1] = (float) (cy + rnd.nextGaussian() * s);
        }
        assertSameAsBruteForce(xy, range(n), range(n), 15);
    }

    @Test
    void tiesGoToTheCandidateListedFirstAsInAScan() {
        // A lattice: many neighbours at exactly equal distances; candidates in a shuffled order.
        int side = 40, n = side * side;
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = i % side;
            xy[2 * i + 1] = i / side;
        }
        int[] shuffled = range(n);
        Random rnd = new Random(2);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1), t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        assertSameAsBruteForce(xy, range(n), shuffled, 10);
        int[] half = java.util.Arrays.copyOf(shuffled, n / 2);
        assertSameAsBruteForce(xy, range(n), half, 7);
    }

    @Test
    void degenerateLayouts() {
        int n = 300;
        float[] same = new float[2 * n];
        java.util.Arrays.fill(same, 3.5f);
        assertSameAsBruteForce(same, range(n), range(n), 15);
        float[] line = new float[2 * n];
        for (int i = 0; i < n; i++) line[2 * i] = (float) Math.sqrt(i) * (i % 2 == 0 ? 1 : -1e6f);
        assertSameAsBruteForce(line, range(n), range(n), 15);
        // Fewer candidates than k: the row is filled with -1.
        int[] three = {4, 9, 200};
        int[] got;
        try (Parallel par = new Parallel(1)) {
            got = new PlaneNeighbors(line, three).nearest(new int[] {9}, 4, par, Progress.NONE);
        }
        assertEquals(-1, got[2]);
        assertEquals(-1, got[3]);
        assertTrue(got[0] == 4 || got[0] == 200);
    }
}
