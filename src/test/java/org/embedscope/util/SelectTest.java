package org.embedscope.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SelectTest {
    /** Every rank of arrays with many ties, a few NaNs and signed zeros agrees with a sort. */
    @Test
    void agreesWithSortingAtEveryRank() {
        Random r = new Random(7);
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + r.nextInt(trial < 30 ? 40 : 3000);
            float[] a = new float[n];
            for (int i = 0; i < n; i++) {
                int kind = r.nextInt(20);
                a[i] = kind == 0 ? Float.NaN : kind == 1 ? -0f : kind == 2 ? 0f : kind < 8 ? r.nextInt(5) : (float) r.nextGaussian();
            }
            float[] sorted = a.clone();
            Arrays.sort(sorted);
            int[] ranks = n < 50 ? range(n) : new int[] {0, 1, n / 100, n / 2, n - 1 - n / 100, n - 2, n - 1};
            for (int k : ranks) {
                float[] work = a.clone();
                float v = Select.kth(work, k);
                assertEquals(Float.floatToIntBits(sorted[k]), Float.floatToIntBits(v), "rank " + k + " of " + n);
                for (int i = 0; i < k; i++) assertTrue(Float.compare(work[i], v) <= 0, "before k");
                for (int i = k + 1; i < n; i++) assertTrue(Float.compare(work[i], v) >= 0, "after k");
                float[] permuted = work.clone();
                Arrays.sort(permuted);
                assertEquals(Arrays.toString(sorted), Arrays.toString(permuted), "the same values, reordered");
            }
        }
    }

    @Test
    void sortedAndReversedInputs() {
        float[] up = new float[10_001], down = new float[10_001];
        for (int i = 0; i < up.length; i++) {
            up[i] = i;
            down[i] = up.length - 1 - i;
        }
        assertEquals(100f, Select.kth(up, 100));
        assertEquals(9_900f, Select.kth(down, 9_900));
    }

    @Test
    void rankOutsideTheArrayIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Select.kth(new float[3], 3));
        assertThrows(IllegalArgumentException.class, () -> Select.kth(new float[0], 0));
    }

    private static int[] range(int n) {
        int[] k = new int[n];
        for (int i = 0; i < n; i++) k[i] = i;
        return k;
    }
}
