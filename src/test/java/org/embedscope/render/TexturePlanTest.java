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
        assertEquals(19, p.layers());
        assertEquals(19L * 2044 * 2044, p.bytes());
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
        assertEquals(20, p.residentLayers());
        assertEquals(64 - 20, p.streamLayers(), "16 MiB layers (RGB counted as four bytes a texel): 64 in 1 GiB");
        assertTrue(p.bytes() <= GIB);
    }

    @Test
    void aMillionDigitsStreamTheFinestLevel() {
        // 1,050,000 grey 28-px digits: 198, 50 and 13 pages of 2044²
        int[] side = {2044, 2044, 2044};
        TexturePlan p = TexturePlan.of(GIB, new int[] {198, 50, 13}, side, side, new int[] {1, 1, 1}, 2048);
        assertTrue(p.resident(2) && p.resident(1) && !p.resident(0));
        assertEquals(63, p.residentLayers());
        assertEquals((int) (GIB / (2044L * 2044)) - 63, p.streamLayers());
        assertTrue(p.bytes() <= GIB);
    }

    @Test
    void theCoarsestLevelIsKeptEvenOverBudgetAndLayersAreCapped() {
        TexturePlan p = TexturePlan.of(10 * MIB, new int[] {50, 20}, new int[] {1024, 512}, new int[] {1024, 512}, new int[] {1, 1}, 2048);
        assertTrue(p.resident(1));
        assertEquals(20, p.residentLayers(), "padded to the largest page");
        assertEquals(0, p.streamLayers(), "nothing left to stream with");
        TexturePlan layers = TexturePlan.of(100 * GIB, new int[] {5000, 1}, new int[] {64, 64}, new int[] {64, 64}, new int[] {1, 1}, 256);
        assertTrue(layers.streams(), "more pages than layers");
        assertEquals(256, layers.layers(), "no more layers than the GL allows");
    }
}
