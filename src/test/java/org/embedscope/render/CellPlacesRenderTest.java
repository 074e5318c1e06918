package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.embedscope.atlas.PixelFormat;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.BundleFixture;
import org.embedscope.bundle.BundleReader;
import org.embedscope.ui.OffscreenExplorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sprites that read their places in the atlas from a per-item attribute ({@link CellPlaces}) draw the
 * same picture as sprites that look them up in the page table, at every level, filtered and exact,
 * and mid-transition: every item shows its own image, from the level asked for.
 */
class CellPlacesRenderTest {
    static final int W = 480, H = 360, COLUMNS = 30, ROWS = 20, N = COLUMNS * ROWS;
    /** Sprite sizes that sample levels 0 (filtered, then exact), 1 (filtered, exact) and 2. */
    static final float[] PX = {20f, 16f, 11f, 8f, 5f};
    @TempDir Path dir;

    /** Each item its own grey, and each level its own picture of it (stripes, flat, inverted), so a wrong cell or level shows. */
    private static int grey(int i) { return 40 + (i * 53) % 200; }

    private Path bundle() throws Exception {
        float[] grid = new float[2 * N], shuffled = new float[2 * N];
        for (int i = 0; i < N; i++) {
            grid[2 * i] = i % COLUMNS;
            grid[2 * i + 1] = i / COLUMNS;
            int j = (i * 7) % N; // another layout: the items in another order on the same grid
            shuffled[2 * j] = i % COLUMNS;
            shuffled[2 * j + 1] = i / COLUMNS;
        }
        return BundleFixture.items(N).layout("a", "A", grid).layout("b", "B", shuffled).alpha(AlphaMode.OPAQUE)
                .level(16, 8, 8, PixelFormat.GREY, (i, x, y) -> (x / 3) % 2 == 0 ? grey(i) : grey(i) / 2)
                .level(8, 16, 16, PixelFormat.GREY, (i, x, y) -> grey(i))
                .level(4, 32, 32, PixelFormat.GREY, (i, x, y) -> 255 - grey(i))
                .write(dir.resolve("b")).dir;
    }

    /** Per sprite size of {@link #PX}, then mid-transition, the frame and the level it sampled, from a new explorer. */
    private static int[][] frames(Path b, boolean places, Set<Integer> levels, int[] exact) throws Exception {
        String key = "embedscope.cellPlaces";
        if (!places) System.setProperty(key, "false");
        try (OffscreenExplorer v = new OffscreenExplorer(BundleReader.load(b), W, H)) {
            ViewState st = v.scene().state();
            int[][] out = new int[PX.length + 1][];
            for (int k = 0; k < PX.length; k++) {
                st.setUserScale(st.userScale() * PX[k] / st.spritePixels());
                v.frame(-1, -1, false);
                out[k] = org.embedscope.ui.FramePixels.of(v);
                levels.add(v.scene().currentLevel());
                if (Math.abs(st.spritePixels() - v.scene().atlas().cell(v.scene().currentLevel())) < 1e-3f) exact[0]++;
            }
            st.setUserScale(st.userScale() * 8f / st.spritePixels());
            st.moveTo(1, 0f);
            st.update(Transition.DURATION / 2);
            v.frame(-1, -1, false);
            assertTrue(st.transition().isRunning(), "the frame is mid-transition");
            out[PX.length] = org.embedscope.ui.FramePixels.of(v);
            return out;
        } finally {
            System.clearProperty(key);
        }
    }

    @Test
    void placedSpritesDrawWhatLookedUpSpritesDraw() throws Exception {
        Path b = bundle();
        Set<Integer> levels = new HashSet<>();
        int[] exact = {0};
        int[][] placed = frames(b, true, levels, exact);
        int[][] lookedUp = frames(b, false, new HashSet<>(), new int[1]);
        assertEquals(Set.of(0, 1, 2), levels, "every level sampled");
        assertTrue(exact[0] >= 2, "sprites at exactly their level's cell size too");
        for (int k = 0; k < placed.length; k++) {
            String what = k < PX.length ? "sprites of " + PX[k] + " px" : "mid-transition";
            assertEquals(0, org.embedscope.ui.FramePixels.differing(placed[k], lookedUp[k]), what + ": pixels differing");
            Set<Integer> greys = new HashSet<>();
            for (int p : placed[k]) greys.add(p & 255);
            assertTrue(greys.size() > 100, what + ": the items' own greys are drawn (" + greys.size() + " seen)");
        }
    }
}
