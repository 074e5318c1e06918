package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class TexturePlanTest {
    static final long MIB = 1 << 20, GIB = 1L << 30;

    @Test
    void everythingResidentWhenItFits() {
        // assets/mnist: 14 grey pages at 28 px, 4 at 14 px, 1 at 7 px, 2044² each
        TexturePlan p = TexturePlan.of(GIB, new int[] {14, 4, 1}, new int[] {2044, 2044, 2044}, new int[] {2044, 2044, 2044},
                new int[] {1, 1, 1}, 2048);
        assertFalse(p.streams());
        assertEquals(19L * 2044 * 2044, p.totalBytes());
        assertEquals(0, p.poolLayers());
    }

    @Test
    void aMillionColourCellsKeepTheCoarseLevelsAndStreamTheRestWithinTheBudget() {
        // 1,000,000 64-px RGB cells on 2048² pages: 977, 245, 62, 16 and 4 pages at 64, 32, 16, 8, 4 px
        int[] pages = {977, 245, 62, 16, 4};
        int[] side = {2048, 2048, 2048, 2048, 2048};
        TexturePlan p = TexturePlan.of(GIB, pages, side, side, new int[] {3, 3, 3, 3, 3}, 2048);
        assertTrue(p.streams());
        assertTrue(p.resident(4) && p.resident(3), "4 and 8 px resident");
        assertFalse(p.resident(2) || p.resident(1) || p.resident(0));
        assertEquals(20 * 16 * MIB, p.residentBytes(), "RGB counted as four bytes a texel");
        assertEquals((GIB - 20 * 16 * MIB) / (16 * MIB), p.poolLayers());
        assertTrue(p.totalBytes() <= GIB);
    }

    @Test
    void theCoarsestLevelIsKeptEvenOverBudgetAndLayersAreCapped() {
        TexturePlan p = TexturePlan.of(10 * MIB, new int[] {50, 20}, new int[] {1024, 1024}, new int[] {1024, 1024}, new int[] {1, 1}, 2048);
        assertTrue(p.resident(1));
        assertEquals(20 * MIB, p.residentBytes());
        assertEquals(0, p.poolLayers(), "nothing left for the pool");
        TexturePlan capped = TexturePlan.of(100 * GIB, new int[] {5000, 1}, new int[] {64, 64}, new int[] {64, 64}, new int[] {1, 1}, 2048);
        assertFalse(capped.streams(), "fits: all resident");
        TexturePlan layers = TexturePlan.of(300 * MIB, new int[] {5000, 1}, new int[] {1024, 64}, new int[] {1024, 64}, new int[] {1, 1}, 256);
        assertEquals(256, layers.poolLayers(), "no more layers than the GL allows");
    }
}
