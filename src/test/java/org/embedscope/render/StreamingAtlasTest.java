package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Map;
import org.embedscope.atlas.PixelFormat;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.BundleFixture;
import org.embedscope.bundle.BundleReader;
import org.embedscope.ui.OffscreenExplorer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The atlas within a budget too small for it: the finest level streams through a few layers while the
 * view moves from block to block of items. What is on screen is read back: every sprite shows its own
 * item, from the coarser level while its page is on its way and from the finest once it is there,
 * also after its page was evicted and loaded again, and after the array grew to hold more pages; and the
 * bytes on the GPU never exceed the budget.
 */
class StreamingAtlasTest {
    static final int SIZE = 256, BLOCKS = 16, N = 4 * BLOCKS + 4;
    /** Blue tells the level a sprite was drawn from. */
    static final int[] LEVEL_BLUE = {0, 120, 240};
    /** 32² RGB layers of 4 bytes a texel: room for sixteen. */
    static final long BUDGET = 16L * 32 * 32 * 4;

    @TempDir Path dir;
    OffscreenExplorer view;

    @AfterEach
    void tearDown() {
        if (view != null) view.close();
    }

    /**
     * Item i &lt; 64: block i / 4 (a 4 × 4 grid of blocks one unit apart), a 2 × 2 square 0.1 wide
     * within it; four more items a unit beyond the grid's corners, so that a view can centre on any block.
     */
    static float[] positions() {
        float[] xy = new float[2 * N];
        for (int i = 0; i < 4 * BLOCKS; i++) {
            int b = i / 4, k = i % 4;
            xy[2 * i] = (b % 4) + 0.1f * (k % 2);
            xy[2 * i + 1] = -(b / 4) - 0.1f * (k / 2);
        }
        float[][] corners = {{-1, 1}, {4.1f, 1}, {-1, -4.1f}, {4.1f, -4.1f}};
        for (int c = 0; c < 4; c++) {
            xy[2 * (4 * BLOCKS + c)] = corners[c][0];
            xy[2 * (4 * BLOCKS + c) + 1] = corners[c][1];
        }
        return xy;
    }

    static int colour(int item, int level) { return (item * 4) << 16 | (255 - item * 4) << 8 | LEVEL_BLUE[level]; }

    /**
     * Three levels: 16-px cells two by two a page (17 pages, a page per block), 8-px cells four by four
     * (5 pages), 4-px cells all on two; every cell one flat colour naming its item and level.
     */
    Path bundle() throws Exception {
        float[] a = positions();
        BundleFixture f = BundleFixture.items(N).name("blocks").layout("a", "A", a).alpha(AlphaMode.OPAQUE);
        int[][] grids = {{16, 2}, {8, 4}, {4, 8}};
        for (int l = 0; l < 3; l++) {
            int level = l;
            f.level(grids[l][0], grids[l][1], grids[l][1], PixelFormat.RGB, (item, x, y) -> 0xff000000 | colour(item, level));
        }
        return f.write(dir.resolve("b")).dir;
    }

    private AtlasTextures atlas() { return view.scene().atlas(); }

    private void assertWithinBudget(String when) {
        AtlasTextures at = atlas();
        assertTrue(at.allocatedBytes() <= BUDGET, when + ": allocated " + at.allocatedBytes());
        assertTrue(at.residentBytes() <= BUDGET, when + ": resident " + at.residentBytes());
        assertTrue(at.highWaterBytes() <= BUDGET, when + ": high water " + at.highWaterBytes());
    }

    /** Centres the view on block {@code b}. */
    private void look(int b) {
        ViewState st = view.scene().state();
        float[] p = view.scene().layouts()[0]; // as drawn: normalised
        st.setView((p[8 * b] + p[8 * b + 6]) / 2, (p[8 * b + 1] + p[8 * b + 7]) / 2, st.camera().zoom());
    }

    /** The colour at the centre of item {@code i}'s sprite. */
    private int at(int i) {
        Camera cam = view.scene().state().camera();
        float[] p = view.scene().layouts()[0];
        return view.rgb(Math.round(cam.screenX(p[2 * i]) - 0.5f), Math.round(cam.screenY(p[2 * i + 1]) - 0.5f));
    }

    private void assertBlockFrom(int b, int level, String when) {
        for (int i = 4 * b; i < 4 * b + 4; i++) TestScene.assertColor(colour(i, level), at(i), when + ", item " + i);
    }

    @Test
    void pagesStreamInEvictAndReloadShowingTheRightCellsWithinTheBudget() throws Exception {
        view = new OffscreenExplorer(BundleReader.load(bundle()), SIZE, SIZE, BUDGET);
        AtlasTextures at = atlas();
        assertTrue(at.streams());
        assertFalse(at.plan().resident(0), "the finest level does not fit");
        assertTrue(at.plan().resident(1) && at.plan().resident(2));
        assertEquals(16 - 5 - 2, at.plan().streamLayers());
        assertEquals((7 + 4) * 32L * 32 * 4, at.allocatedBytes(), "at the start, the resident levels and the first streamed layers only");
        ViewState st = view.scene().state();
        SpriteSizing s = st.sizing();
        st.setSizing(new SpriteSizing(1f, s.maxPx(), s.pointLimit()));
        st.setWorldSizes(new float[] {0.05f});
        // Zoomed so that a block's items are 64 px apart: the view and its guard band hold one block.
        st.setView(0, 0, 1000f / st.camera().fitPixelsPerUnit());
        assertEquals(1000f, st.camera().pixelsPerUnit(), 1f, "zoom " + st.camera().zoom());
        int[] tour = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0};
        for (int step = 0; step < tour.length; step++) {
            int b = tour[step];
            look(b);
            assertEquals(0, view.scene().currentLevel(), "sprites sample the finest level");
            view.frame(-1, -1, false);
            String when = "step " + step + " (block " + b + ")";
            assertBlockFrom(b, 1, when + ", first frame: its page is on its way");
            assertWithinBudget(when);
            for (int f = 0; f < 2000 && view.scene().busy(); f++) {
                Thread.sleep(1);
                view.frame(-1, -1, false);
                assertWithinBudget(when);
            }
            view.frame(-1, -1, false);
            assertBlockFrom(b, 0, when + ", once its page arrived");
            assertTrue(at.layer(0, b) >= 0);
        }
        assertTrue(at.evictions() >= 2, "ten pages through nine layers, the first twice: " + at.evictions());
        assertTrue(at.uploads() >= 7 + 11, "resident pages, then each block's page, block 0 twice: " + at.uploads());
        assertEquals(-1, at.layer(0, 1), "block 1's page, the least recently used, was evicted");
        assertEquals(BUDGET, at.allocatedBytes(), "grown, copying what it held, as the pages needed more layers");
    }

    @Test
    void everythingFitsAndNothingStreamsWithTheDefaultBudget() throws Exception {
        view = new OffscreenExplorer(BundleReader.load(bundle()), SIZE, SIZE);
        AtlasTextures at = atlas();
        assertFalse(at.streams());
        assertFalse(view.scene().busy());
        for (int l = 0; l < 3; l++) for (int p = 0; p < at.level(l).pages().size(); p++) assertTrue(at.layer(l, p) >= 0);
        assertEquals(24L * 32 * 32 * 4, at.allocatedBytes());
        assertEquals(at.allocatedBytes(), at.residentBytes());
    }

    @Test
    void theHoveredItemIsEnlargedFromItsFinestPageOnceItArrives() throws Exception {
        view = new OffscreenExplorer(BundleReader.load(bundle()), SIZE, SIZE, BUDGET);
        // Fitted view with sprites of 4 px: they sample the coarsest level, nothing streams for them.
        ViewState st = view.scene().state();
        SpriteSizing s = st.sizing();
        st.setSizing(new SpriteSizing(1f, s.maxPx(), s.pointLimit()));
        st.setWorldSizes(new float[] {4f / st.camera().pixelsPerUnit()});
        assertEquals(2, view.scene().currentLevel());
        view.frame(-1, -1, false);
        assertFalse(view.scene().busy());
        long scene = view.scene().imageStamp(), coarse = atlas().versionFor(2), finest = atlas().versionFor(0);
        Camera cam = view.scene().state().camera();
        float[] p = view.scene().layouts()[0];
        int item = 37;
        int x = Math.round(cam.screenX(p[2 * item]) - 0.5f), y = Math.round(cam.screenY(p[2 * item + 1]) - 0.5f);
        assertEquals(item, view.frame(x, y, false), "the cursor on the item hovers it");
        float[] r = view.scene().hoverRect(item);
        int cx = Math.round(r[0] + r[2] / 2), cy = Math.round(r[1] + r[2] / 2);
        int first = view.rgb(cx, cy);
        assertEquals(colour(item, 0) >> 8, first >> 8, "the item's own colour (red and green) at once");
        assertNotEquals(LEVEL_BLUE[0], first & 0xff, "from a coarser level while its finest page loads");
        for (int f = 0; f < 2000 && view.scene().busy(); f++) {
            Thread.sleep(1);
            view.frame(x, y, false);
        }
        view.frame(x, y, false);
        TestScene.assertColor(colour(item, 0), view.rgb(cx, cy), "enlarged from the finest level");
        // A finest page changes nothing a scene of coarsest sprites shows: it is not drawn again (at a
        // million items, a zoomed scene is a hundred milliseconds on a software rasteriser).
        assertNotEquals(finest, atlas().versionFor(0), "the finest level changed");
        assertEquals(coarse, atlas().versionFor(2), "what the coarsest level's sprites show did not");
        assertEquals(scene, view.scene().imageStamp(), "the scene was not drawn again for the hovered item's page");
        view.frame(-1, -1, false);
        TestScene.assertColor(colour(item, 2), at(item), "the item's sprite in the scene, unhovered: from the coarsest level");
    }
}
