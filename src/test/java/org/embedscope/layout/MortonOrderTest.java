package org.embedscope.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MortonOrderTest {

    /** Quadrant of a point of the unit square: 0 SW, 1 SE, 2 NW, 3 NE. */
    private static int quadrant(double x, double y) {
        return (x >= 0.5 ? 1 : 0) | (y >= 0.5 ? 2 : 0);
    }

    @Test
    void visitsTheQuadrantsInZOrderAndEachOnceAtEveryLevel() {
        int n = 4000;
        Random rnd = new Random(2);
        double[] y = new double[2 * n];
        for (int i = 0; i < 2 * n; i++) y[i] = rnd.nextDouble();
        y[0] = 0; y[1] = 0; y[2] = 1; y[3] = 1;  // the box is exactly the unit square
        int[] order = MortonOrder.of(y, n);
        boolean[] seen = new boolean[n];
        int last = -1;
        for (int r = 0; r < n; r++) {
            int i = order[r];
            seen[i] = true;
            int q = quadrant(y[2 * i], y[2 * i + 1]);
            // Top level: SW, then SE, NW, NE, each a single run.
            assertEquals(true, q >= last, "position " + r + " goes back to quadrant " + q + " after " + last);
            last = q;
        }
        for (int i = 0; i < n; i++) assertEquals(true, seen[i], "point " + i + " placed");
        // One level down, within the SW quadrant: its own four quadrants in the same order.
        int lastSub = -1;
        for (int r = 0; r < n; r++) {
            int i = order[r];
            if (quadrant(y[2 * i], y[2 * i + 1]) != 0) continue;
            int q = quadrant(2 * y[2 * i], 2 * y[2 * i + 1]);
            assertEquals(true, q >= lastSub, "SW quadrant, position " + r);
            lastSub = q;
        }
    }

    @Test
    void singlePrecisionRowsOfAnyWidthUseTheirFirstTwoCoordinates() {
        int n = 3000, dims = 3;
        Random rnd = new Random(5);
        float[] y = new float[dims * n];
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            // Coordinates on a grid of 1/64 steps: both precisions quantise them alike.
            y[dims * i] = rnd.nextInt(65) / 64f;
            y[dims * i + 1] = rnd.nextInt(65) / 64f;
            y[dims * i + 2] = rnd.nextFloat();
            xy[2 * i] = y[dims * i];
            xy[2 * i + 1] = y[dims * i + 1];
        }
        assertArrayEquals(MortonOrder.of(xy, n), MortonOrder.of(y, n, dims));
    }
}
