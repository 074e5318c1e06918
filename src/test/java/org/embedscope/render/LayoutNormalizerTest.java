package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class LayoutNormalizerTest {
    @Test
    void centresAndScalesTheLongerSideToMinusOneOne() {
        float[] xy = {100, 50, 300, 50, 200, 100}; // 200 wide, 50 tall
        float[] n = LayoutNormalizer.normalize(xy);
        assertArrayEquals(new float[] {-1, -0.25f, 1, -0.25f, 0, 0.25f}, n, 1e-6f);
    }

    @Test
    void aSinglePlaceStaysInTheMiddle() {
        float[] n = LayoutNormalizer.normalize(new float[] {5, 5, 5, 5});
        assertArrayEquals(new float[] {0, 0, 0, 0}, n);
    }

    @Test
    void farOutliersAreLeftOutOfTheCoreBoxAndOfTheScale() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        int n = 2000;
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = (float) r.nextDouble(10, 20);
            xy[2 * i + 1] = (float) r.nextDouble(0, 5);
        }
        xy[0] = 500; // one item far away
        xy[3] = -300;
        float[] core = LayoutNormalizer.coreBounds(xy);
        assertTrue(core[0] >= 9.9f && core[0] <= 10.1f && core[2] >= 19.9f && core[2] <= 20.1f, java.util.Arrays.toString(core));
        assertTrue(core[1] >= -0.1f && core[3] <= 5.1f, java.util.Arrays.toString(core));
        float[] norm = LayoutNormalizer.normalize(xy);
        float[] b = LayoutNormalizer.coreBounds(norm);
        assertEquals(2f, b[2] - b[0], 0.02f, "the core spans -1..1");
        assertTrue(norm[0] > 40, "the outlier lies far outside: " + norm[0]);
    }

    @Test
    void uniformDataKeepsItsWholeBox() {
        float[] xy = new float[2 * 1000];
        for (int i = 0; i < 1000; i++) {
            xy[2 * i] = i % 40;
            xy[2 * i + 1] = i / 40;
        }
        assertArrayEquals(LayoutNormalizer.bounds(xy), LayoutNormalizer.coreBounds(xy));
    }
}
