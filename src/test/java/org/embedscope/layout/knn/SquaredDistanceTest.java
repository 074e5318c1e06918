package org.embedscope.layout.knn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SquaredDistanceTest {

    @Test
    void earlyExitNeverChangesADistanceWithinTheBound() {
        int n = 200, dim = 301; // not a multiple of 8 or of the check interval
        Random rnd = new Random(1);
        float[] x = new float[n * dim];
        for (int i = 0; i < x.length; i++) x[i] = (float) rnd.nextGaussian();
        for (int a = 0; a < n; a++) {
            int b = (a * 7 + 3) % n;
            float full = SquaredDistance.between(x, a, b, dim);
            double exact = 0;
            for (int d = 0; d < dim; d++) exact += Math.pow((double) x[a * dim + d] - x[b * dim + d], 2);
            assertEquals(exact, full, 1e-4 * exact);
            assertEquals(full, SquaredDistance.between(x, b, a, dim), "symmetric bit for bit");
            assertEquals(full, SquaredDistance.atMost(x, a, b, dim, full), "at the bound: the full value");
            assertEquals(full, SquaredDistance.atMost(x, a, b, dim, Float.POSITIVE_INFINITY));
            float cut = SquaredDistance.atMost(x, a, b, dim, full * 0.3f);
            assertTrue(cut > full * 0.3f, "above a lower bound it reports some value above it");
        }
    }
}
