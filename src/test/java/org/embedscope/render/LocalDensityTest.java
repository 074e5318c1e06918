package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LocalDensityTest {
    @Test
    void uniformGridHasItsOwnSpacing() {
        // 256 × 256 items on a grid of pitch 1/128: spacing 1/128.
        int side = 256;
        float[] xy = new float[2 * side * side];
        for (int i = 0; i < side * side; i++) {
            xy[2 * i] = (i % side) / 128f;
            xy[2 * i + 1] = (i / side) / 128f;
        }
        assertEquals(1 / 128f, LocalDensity.typicalSpacing(xy), 0.1f / 128);
    }

    @Test
    void tightClustersAreDenserThanTheirBoundingBoxSuggests() {
        // 10,000 items in two tiny clusters at opposite corners of a unit square.
        SplittableRandom r = new SplittableRandom(1);
        float[] xy = new float[20000];
        for (int i = 0; i < 10000; i++) {
            float c = i % 2 == 0 ? 0f : 1f;
            xy[2 * i] = c + (float) r.nextDouble() * 0.05f;
            xy[2 * i + 1] = c + (float) r.nextDouble() * 0.05f;
        }
        float typical = LocalDensity.typicalSpacing(xy);
        float boxMean = (float) Math.sqrt(1.05 * 1.05 / 10000);
        // Each cluster holds 5,000 items on 0.05²: spacing ≈ √(0.0025/5000) ≈ 0.0007.
        assertEquals(0.05f / (float) Math.sqrt(5000), typical, 0.0004f);
        assertTrue(typical < boxMean / 5, typical + " vs " + boxMean);
    }

    @Test
    void aFewItemsOnAGridGetTheirPitchNotTheCellSize() {
        // 48 items, pitch 1: too few to fill a fine grid, the estimate still finds the pitch.
        float[] xy = new float[96];
        for (int i = 0; i < 48; i++) {
            xy[2 * i] = i % 8;
            xy[2 * i + 1] = i / 8;
        }
        assertEquals(1f, LocalDensity.typicalSpacing(xy), 0.25f);
    }
}
