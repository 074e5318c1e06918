package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DensityLevelsTest {
    @Test
    void eachCellKeepsItsTopItemsAndNothingElseIsLost() {
        int n = 60_000;
        float[] xy = PickIndexTest.layout(n, 5);
        DensityLevels d = DensityLevels.of(xy);
        int last = d.levels() - 1;
        assertEquals(n, d.kept(last).length, "the finest level keeps every item");
        float[] bulk = PointGrid.bulk(xy, null);
        float side = Math.max(bulk[2] - bulk[0], bulk[3] - bulk[1]);
        for (int k = last - 1; k >= 0; k--) {
            int[] finer = d.kept(k + 1), kept = d.kept(k);
            assertTrue(kept.length < finer.length || finer.length <= DensityLevels.PER_CELL, "level " + k + " drops some");
            // Brute force: group level k+1's items by level k's cells, keep the top PER_CELL indices of each.
            int g = 1 << k;
            Map<Integer, List<Integer>> cells = new HashMap<>();
            List<Integer> want = new ArrayList<>();
            for (int i : finer) {
                float scale = g / side, cx = (xy[2 * i] - bulk[0]) * scale, cy = (xy[2 * i + 1] - bulk[1]) * scale;
                if (cx >= 0 && cy >= 0 && cx < g && cy < g) cells.computeIfAbsent((int) cy * g + (int) cx, c -> new ArrayList<>()).add(i);
                else want.add(i); // outliers stay
            }
            for (List<Integer> members : cells.values()) want.addAll(members.subList(Math.max(0, members.size() - DensityLevels.PER_CELL), members.size()));
            int[] expected = want.stream().mapToInt(Integer::intValue).sorted().toArray();
            assertArrayEquals(expected, kept, "level " + k);
            assertEquals(side / g, d.cellSize(k), 1e-6f * side);
        }
        assertTrue(d.kept(0).length < 200, "the coarsest level is a handful: " + d.kept(0).length);
    }

    @Test
    void farOutliersAreKeptAtEveryLevel() {
        int n = 20_000;
        float[] xy = new float[2 * n];
        Random r = new Random(2);
        for (int i = 0; i < 2 * n; i++) xy[i] = (float) r.nextGaussian() * 0.01f;
        xy[2 * 17] = 500f; // one far away
        xy[2 * 17 + 1] = -300f;
        DensityLevels d = DensityLevels.of(xy);
        for (int k = 0; k < d.levels(); k++) assertTrue(Arrays.binarySearch(d.kept(k), 17) >= 0, "level " + k);
    }

    @Test
    void theFinestLevelWithinACountAndExactBoxQueries() {
        float[] xy = PickIndexTest.layout(30_000, 8);
        DensityLevels d = DensityLevels.of(xy);
        int last = d.levels() - 1;
        assertEquals(last, d.finestWithin(30_000, -100, -100, 100, 100), "all items when they are few enough");
        for (int most : new int[] {20_000, 5_000, 500, 1}) {
            int k = d.finestWithin(most, -0.5f, -0.5f, 0.5f, 0.5f);
            assertTrue(k == 0 || d.countAtMost(k, -0.5f, -0.5f, 0.5f, 0.5f) <= most, "within " + most);
            if (k < last) assertTrue(d.countAtMost(k + 1, -0.5f, -0.5f, 0.5f, 0.5f) > most, "the finest such level, " + most);
        }
        Random r = new Random(3);
        for (int q = 0; q < 100; q++) {
            int k = r.nextInt(d.levels());
            float cx = (float) r.nextGaussian() * 0.5f, cy = (float) r.nextGaussian() * 0.5f, h = (float) Math.exp(-r.nextDouble() * 6);
            int[] got = d.inBox(k, cx - h, cy - h, cx + h, cy + h);
            assertTrue(d.countAtMost(k, cx - h, cy - h, cx + h, cy + h) >= got.length, "an upper bound");
            int[] want = Arrays.stream(d.kept(k)).filter(i -> xy[2 * i] >= cx - h && xy[2 * i] <= cx + h
                    && xy[2 * i + 1] >= cy - h && xy[2 * i + 1] <= cy + h).toArray();
            assertArrayEquals(want, got, "query " + q + " at level " + k);
        }
    }

    @Test
    void fewItemsAreOneLevel() {
        DensityLevels d = DensityLevels.of(new float[] {0, 0, 1, 1, 2, 2});
        assertEquals(1, d.levels());
        assertArrayEquals(new int[] {0, 1, 2}, d.kept(0));
    }
}
