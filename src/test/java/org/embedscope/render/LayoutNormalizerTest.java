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
}
