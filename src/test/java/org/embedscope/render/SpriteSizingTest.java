package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class SpriteSizingTest {
    private final SpriteSizing sizing = new SpriteSizing(3f, 200f, 255f);

    @Test
    void growsWithZoomBetweenItsClamps() {
        assertEquals(3f, sizing.pixels(0.01f, 100, 1), 1e-6);    // 1 px in world terms: clamped up
        assertEquals(50f, sizing.pixels(0.01f, 5000, 1), 1e-4);  // in range: world size × pixels per unit
        assertEquals(200f, sizing.pixels(0.01f, 1e6f, 1), 1e-4); // clamped down
    }

    @Test
    void continuousAndMonotoneInZoom() {
        float prev = 0;
        for (float ppu = 10; ppu < 100000; ppu *= 1.01f) {
            float px = sizing.pixels(0.01f, ppu, 1.3f);
            assertTrue(px >= prev, "monotone at " + ppu);
            // A 1 % zoom step never changes the size by more than 1 % (no jumps).
            if (prev > 0) assertTrue(px / prev <= 1.0101f, "continuous at " + ppu + ": " + prev + " -> " + px);
            prev = px;
        }
    }

    @Test
    void userScaleMultipliesButNeverPassesThePointLimit() {
        assertEquals(100f, sizing.pixels(0.01f, 5000, 2), 1e-4);
        assertEquals(255f, sizing.pixels(0.01f, 1e6f, 4), 1e-4);
    }

    @Test
    void worldSizeIsAMultipleOfTheTypicalSpacing() {
        assertEquals(SpriteSizing.DENSITY_FACTOR * 0.02f, SpriteSizing.worldSizeFor(0.02f), 1e-7);
        assertTrue(SpriteSizing.worldSizeFor(0f) > 0, "a single item still gets a size");
    }

    @Test
    void bestLevelMatchesCellSizeInLogScale() {
        int[] cells = {28, 14, 7};
        assertEquals(0, SpriteSizing.bestLevel(cells, 40));
        assertEquals(0, SpriteSizing.bestLevel(cells, 21));
        assertEquals(1, SpriteSizing.bestLevel(cells, 19));
        assertEquals(1, SpriteSizing.bestLevel(cells, 10));
        assertEquals(2, SpriteSizing.bestLevel(cells, 9));
        assertEquals(2, SpriteSizing.bestLevel(cells, 2));
    }

    @Test
    void zoomLimitIsWhereTheWorldSizeReachesTheMaximum() {
        assertEquals(200f, sizing.pixels(0.01f, sizing.pixelsPerUnitAtMax(0.01f), 1), 1e-3);
        assertTrue(sizing.pixels(0.01f, sizing.pixelsPerUnitAtMax(0.01f) * 0.99f, 1) < 200f);
    }

    @Test
    void fittedViewIsReadableForManyAndForFewItems() {
        // 70,000 items in 1280×800: at least 10 px; a few thousand: at least 24 px.
        float mnist = SpriteSizing.readableFitPx(1280, 800, 70_000);
        assertTrue(mnist >= 10f && mnist < 14f, "70k: " + mnist);
        float few = SpriteSizing.readableFitPx(1280, 800, 3_000);
        assertTrue(few >= 24f, "3k: " + few);
        // Never more than a twentieth of the smaller side, however few the items.
        assertEquals(40f, SpriteSizing.readableFitPx(1280, 800, 10), 1e-4);
        SpriteSizing s = SpriteSizing.forView(1280, 800, 70_000, 255f);
        // Tightly packed items (spacing term 1 px at fit) are drawn at the readable size.
        assertEquals(mnist, s.pixels(0.001f, 1000f, 1f, 1f), 1e-4);
    }

    @Test
    void readableSizeGrowsToTwiceAtFourTimesZoomThenTheSpacingTakesOver() {
        SpriteSizing s = new SpriteSizing(3f, 400f, 400f, 12f);
        float fitPpu = 100f, spacing = 0.01f; // 1 px apart at fit
        assertEquals(12f, s.pixels(spacing, fitPpu, 1f, 1f), 1e-4);
        assertEquals(24f, s.pixels(spacing, 4 * fitPpu, 4f, 1f), 1e-4);
        assertEquals(24f, s.pixels(spacing, 20 * fitPpu, 20f, 1f), 1e-4); // items separate
        assertEquals(30f, s.pixels(spacing, 30 * fitPpu, 30f, 1f), 1e-4); // spacing rule
        assertEquals(60f, s.pixels(spacing, 30 * fitPpu, 30f, 2f), 1e-4); // user scale applies
        float prev = 0;
        for (float z = 0.2f; z < 60f; z *= 1.01f) {
            float px = s.pixels(spacing, z * fitPpu, z, 1f);
            assertTrue(px >= prev, "monotone at " + z);
            if (prev > 0) assertTrue(px / prev <= 1.0101f, "continuous at " + z + ": " + prev + " -> " + px);
            prev = px;
        }
    }

    @Test
    void theDemosSizesForSideBySideBenchmarks() {
        SpriteSizing d = SpriteSizing.matchingDemo(400f, 255f);
        assertEquals(14f, d.pixels(0.001f, 100f, 1f, 1f), 1e-5);
        assertEquals(28f, d.pixels(0.001f, 400f, 4f, 1f), 1e-5);
        assertEquals(28f, d.pixels(0.001f, 800f, 8f, 1f), 1e-5);
        // Halfway in camera distance (z from 20 to 5 in the demo: 12.5, i.e. zoom 1.6) is halfway in size.
        assertEquals(21f, d.pixels(0.001f, 160f, 1.6f, 1f), 1e-4);
    }
}
