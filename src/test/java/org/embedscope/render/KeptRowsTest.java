package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What a pan may keep of a cached scene: never a pixel that is not complete (checked against a pixel
 * mask moved the same way), the strips it reports missing cover the rest of the view, and a pan back,
 * straight or diagonal, finds the view kept until it leaves the target.
 */
class KeptRowsTest {
    static final int TW = 120, TH = 90;
    static final int[] VIEW = {30, 20, 90, 70}; // a 60 × 50 view in a target with a 30 / 20 px band

    @Test
    void aShiftMovesTheSpansAndLeavesOneStripOnTheOtherSide() {
        KeptRows k = new KeptRows();
        k.only(VIEW, TW, TH);
        assertEquals(60L * 50, k.area());
        int[] kept = k.shift(7, 0);
        assertArrayEquals(new int[] {37, 20, 97, 70}, kept, "the box a copy carries");
        assertTrue(k.holds(96, 20) && !k.holds(36, 20) && !k.holds(97, 20));
        assertArrayEquals(new int[] {30, 20, 37, 70}, k.missingColumns(VIEW), "the 7 columns uncovered on the left");
        assertNull(k.missingRows(VIEW));
        k.add(VIEW);
        assertArrayEquals(new int[] {30, 20, 97, 70}, k.shift(0, 0), "the view and the 7 columns it moved out");

        k.only(VIEW, TW, TH);
        k.shift(0, -6);
        assertNull(k.missingColumns(VIEW));
        assertArrayEquals(new int[] {30, 64, 90, 70}, k.missingRows(VIEW), "the 6 top rows (GL y up)");
    }

    @Test
    void aPanBackFindsTheViewKeptUntilItLeftTheTarget() {
        KeptRows k = new KeptRows();
        for (int[] step : new int[][] {{-5, 0}, {0, 4}, {-3, -4}, {6, 5}}) {
            k.only(VIEW, TW, TH);
            int frames = 6; // 18 to 36 px: within the band of 20 rows and 30 columns
            for (int f = 0; f < frames; f++) {
                k.shift(step[0], step[1]);
                assertTrue(k.missingColumns(VIEW) != null || k.missingRows(VIEW) != null, "going: a strip each frame");
                k.add(VIEW);
            }
            for (int f = 0; f < frames; f++) {
                k.shift(-step[0], -step[1]);
                if (Math.abs(step[1]) * frames <= 20 && Math.abs(step[0]) * frames <= 30) {
                    assertNull(k.missingColumns(VIEW), java.util.Arrays.toString(step) + " back, frame " + f);
                    assertNull(k.missingRows(VIEW), java.util.Arrays.toString(step) + " back, frame " + f);
                }
                k.add(VIEW);
            }
        }
        // Further than the band: what left the target is gone, and the way back draws it again.
        k.only(VIEW, TW, TH);
        for (int f = 0; f < 5; f++) {
            k.shift(0, 8);
            k.add(VIEW);
        }
        int missing = 0;
        for (int f = 0; f < 5; f++) {
            k.shift(0, -8);
            if (k.missingRows(VIEW) != null) missing++;
            k.add(VIEW);
        }
        assertEquals(3, missing, "40 rows went up, 20 stayed in the band: the last 20 back are drawn again");
        assertNull(k.shift(TW, 0), "a shift past the target keeps nothing");
        assertTrue(k.isEmpty());
    }

    @Test
    void aRandomWalkNeverKeepsAnIncompletePixelAndItsStripsCoverTheView() {
        SplittableRandom rnd = new SplittableRandom(5);
        KeptRows k = new KeptRows();
        boolean[][] mask = new boolean[TH][TW];
        k.only(VIEW, TW, TH);
        markView(mask);
        int keptSome = 0;
        for (int step = 0; step < 3_000; step++) {
            int dx = rnd.nextInt(-12, 13), dy = rnd.nextInt(-10, 11);
            if (step % 200 == 0) { // now and then an exact scene again
                k.only(VIEW, TW, TH);
                mask = new boolean[TH][TW];
                markView(mask);
                continue;
            }
            k.shift(dx, dy);
            mask = shifted(mask, dx, dy);
            for (int y = 0; y < TH; y++) {
                for (int x = 0; x < TW; x++) if (k.holds(x, y)) assertTrue(mask[y][x], "step " + step + ": (" + x + ", " + y + ") kept but not complete");
            }
            int[] cols = k.missingColumns(VIEW), rows = k.missingRows(VIEW);
            for (int y = VIEW[1]; y < VIEW[3]; y++) {
                for (int x = VIEW[0]; x < VIEW[2]; x++) {
                    boolean covered = k.holds(x, y) || inside(cols, x, y) || inside(rows, x, y);
                    assertTrue(covered, "step " + step + ": view pixel (" + x + ", " + y + ") neither kept nor in a strip");
                }
            }
            if (cols == null && rows == null) keptSome++;
            k.add(VIEW);
            markView(mask);
        }
        assertTrue(k.area() >= 60L * 50);
        assertTrue(keptSome > 0, "some random steps land where the band was kept: " + keptSome);
    }

    private static boolean inside(int[] box, int x, int y) {
        return box != null && x >= box[0] && x < box[2] && y >= box[1] && y < box[3];
    }

    private static void markView(boolean[][] mask) {
        for (int y = VIEW[1]; y < VIEW[3]; y++) for (int x = VIEW[0]; x < VIEW[2]; x++) mask[y][x] = true;
    }

    private static boolean[][] shifted(boolean[][] mask, int dx, int dy) {
        boolean[][] out = new boolean[TH][TW];
        for (int y = 0; y < TH; y++) {
            for (int x = 0; x < TW; x++) {
                int fx = x - dx, fy = y - dy;
                out[y][x] = fx >= 0 && fx < TW && fy >= 0 && fy < TH && mask[fy][fx];
            }
        }
        return out;
    }
}
