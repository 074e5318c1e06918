package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The items a moving frame draws of two layouts' kept items, blended by the transition's weights. */
class MovingLevelsTest {
    static final int N = 30_000;
    /** Kept in a: multiples of 2; in b: multiples of 3 (both: multiples of 6). */
    static final int[] A = IntStream.range(0, N).filter(i -> i % 2 == 0).toArray();
    static final int[] B = IntStream.range(0, N).filter(i -> i % 3 == 0).toArray();

    private static int[] blend(float wa) {
        return MovingLevels.blend(new int[][] {A, B}, new float[] {wa, 1 - wa});
    }

    @Test
    void oneLayoutAloneDrawsItsKeptItems() {
        assertArrayEquals(A, MovingLevels.blend(new int[][] {A}, new float[] {1f}));
    }

    @Test
    void itemsKeptAtBothEndsAlwaysShowAndTheOthersFadeByTheirLayoutsWeight() {
        for (float wa : new float[] {0.001f, 0.25f, 0.5f, 0.75f, 0.999f}) {
            int[] drawn = blend(wa);
            for (int k = 1; k < drawn.length; k++) assertTrue(drawn[k] > drawn[k - 1], "ascending, no repeats");
            int both = 0, onlyA = 0, onlyB = 0;
            for (int i : drawn) {
                assertTrue(i % 2 == 0 || i % 3 == 0, "kept somewhere: " + i);
                if (i % 6 == 0) both++;
                else if (i % 2 == 0) onlyA++;
                else onlyB++;
            }
            assertEquals(N / 6, both, "every item kept at both ends, at weight " + wa);
            assertEquals(wa, onlyA / (N / 2.0 - N / 6.0), 0.02, "a's own items at its weight");
            assertEquals(1 - wa, onlyB / (N / 3.0 - N / 6.0), 0.02, "b's own items at its weight");
        }
    }

    @Test
    void anItemThatFadesOutStaysOut() {
        // As a's weight falls, its own items only ever leave: the dither does not flicker.
        int[] before = blend(0.8f);
        for (float wa = 0.7f; wa > 0; wa -= 0.1f) {
            int[] now = blend(wa);
            for (int i : now) if (i % 2 == 0 && i % 3 != 0) assertTrue(Arrays.binarySearch(before, i) >= 0, i + " came back at " + wa);
            before = now;
        }
    }

    @Test
    void thresholdsAreSpreadAndUnrelatedToTheNeighbours() {
        double sum = 0;
        int rising = 0;
        for (int i = 0; i < N; i++) {
            float t = MovingLevels.threshold(i);
            assertTrue(t >= 0f && t < 1f);
            sum += t;
            if (MovingLevels.threshold(i + 1) > t) rising++;
        }
        assertEquals(0.5, sum / N, 0.01);
        assertEquals(0.5, rising / (double) N, 0.02);
    }

    @Test
    void pickCandidatesAreThoseTheFrameDraws() {
        assertArrayEquals(new int[] {0, 6, 9}, MovingLevels.among(new int[] {0, 1, 5, 6, 9}, new int[] {0, 3, 6, 9, 12}));
        assertArrayEquals(new int[0], MovingLevels.among(new int[] {1, 2}, new int[0]));
    }
}
