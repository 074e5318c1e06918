package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.embedscope.atlas.PixelFormat;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.BundleFixture;
import org.embedscope.bundle.BundleReader;
import org.embedscope.render.AtlasTextures;
import org.embedscope.render.Camera;
import org.embedscope.render.ViewState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer's start uploads the finest atlas level behind the first frame when that frame samples
 * a coarser one: the first frame is what an explorer with every level on the GPU draws, the pages
 * arriving afterwards do not redraw a scene that does not sample them, and once they are in, the
 * enlarged hovered item is drawn from them. A first frame that samples the finest level waits for it.
 */
class FinestLevelLaterTest {
    static final int W = 480, H = 360;
    @TempDir Path dir;

    private Path bundle() throws Exception {
        int n = 3000;
        // The two levels differ (stripes, a flat square), so a frame shows which one it sampled.
        return BundleFixture.items(n).layout("a", "A", BundleFixture.gaussian(n, 9)).alpha(AlphaMode.LUMINANCE)
                .level(32, 16, 16, PixelFormat.GREY, (i, x, y) -> (x / 4) % 2 == 0 ? 250 : 60)
                .level(8, 64, 64, PixelFormat.GREY, (i, x, y) -> 180)
                .write(dir.resolve("b")).dir;
    }

    /**
     * The fitted view with sprites of {@code px} pixels as an explorer with every level on the GPU draws
     * it (one GL context at a time: made and closed before the explorer under test).
     */
    private static int[] fullyLoadedFrame(Path b, float px) throws Exception {
        try (OffscreenExplorer full = new OffscreenExplorer(BundleReader.load(b), W, H)) {
            spritesOf(full.scene().state(), px);
            full.frame(-1, -1, false);
            return FramePixels.of(full);
        }
    }

    /**
     * {@code b} opened as the window opens a bundle (the finest level held back for after the first
     * frame), with sprites of {@code px} pixels; no frame drawn yet.
     */
    private static OffscreenExplorer openedAsTheWindowDoes(Path b, float px) throws Exception {
        OffscreenExplorer late = OffscreenExplorer.open(b, W, H, AtlasTextures.DEFAULT_BUDGET, null);
        spritesOf(late.scene().state(), px);
        return late;
    }

    /** Draws frames (at most 400, 5 ms apart) until the held-back pages are all on the GPU. */
    private static void framesUntilTheFinestLevelIsIn(OffscreenExplorer late) throws InterruptedException {
        for (int f = 0; f < 400 && late.scene().atlas().deferredPending(); f++) {
            late.frame(-1, -1, false);
            Thread.sleep(5);
        }
    }

    /** Sets the user's scale so that sprites are {@code px} pixels. */
    private static void spritesOf(ViewState st, float px) {
        st.setUserScale(st.userScale() * px / st.spritePixels());
    }

    @Test
    void aFirstFrameOfACoarserLevelComesBeforeTheFinestAndEqualsAFullyLoadedOne() throws Exception {
        Path b = bundle();
        int[] fullFirst, fullHover;
        int cx, cy, hovered;
        // One GL context at a time: the fully loaded explorer's frames first.
        try (OffscreenExplorer full = new OffscreenExplorer(BundleReader.load(b), W, H)) {
            spritesOf(full.scene().state(), 6f);
            full.frame(-1, -1, false);
            fullFirst = FramePixels.of(full);
            float[] xy = full.scene().layouts()[0];
            Camera cam = full.scene().state().camera();
            cx = Math.round(cam.screenX(xy[0]));
            cy = Math.round(cam.screenY(xy[1]));
            hovered = full.frame(cx, cy, false);
            assertTrue(hovered >= 0);
            fullHover = FramePixels.of(full);
        }
        try (OffscreenExplorer late = openedAsTheWindowDoes(b, 6f)) {
            assertEquals(1, late.scene().currentLevel(), "the fitted view samples the coarser level");
            late.frame(-1, -1, false);
            assertTrue(late.scene().atlas().deferredPending(), "the first frame did not wait for the finest level");
            assertEquals(0, FramePixels.differing(FramePixels.of(late), fullFirst), "the first frame as with every level loaded");

            long stamp = late.scene().imageStamp();
            framesUntilTheFinestLevelIsIn(late);
            assertFalse(late.scene().atlas().deferredPending(), "the finest level arrived in the frames after the first");
            assertEquals(stamp, late.scene().imageStamp(), "its pages did not redraw a scene that does not sample them");

            // The enlarged hovered item comes from the finest level now, as in the fully loaded explorer.
            assertEquals(hovered, late.frame(cx, cy, false));
            assertEquals(0, FramePixels.differing(FramePixels.of(late), fullHover), "the hovered item from the finest level");
        }
    }

    @Test
    void aFirstFrameOfTheFinestLevelWaitsForIt() throws Exception {
        Path b = bundle();
        int[] fullFirst = fullyLoadedFrame(b, 24f);
        try (OffscreenExplorer late = openedAsTheWindowDoes(b, 24f)) {
            assertEquals(0, late.scene().currentLevel(), "the view samples the finest level");
            late.frame(-1, -1, false);
            assertFalse(late.scene().atlas().deferredPending());
            assertEquals(0, FramePixels.differing(FramePixels.of(late), fullFirst), "the first frame drawn from the finest level");
        }
    }

    @Test
    void aViewZoomedToTheFinestLevelWhileItArrivesIsRedrawnWithIt() throws Exception {
        Path b = bundle();
        int[] expected = fullyLoadedFrame(b, 28f);
        try (OffscreenExplorer late = openedAsTheWindowDoes(b, 6f)) {
            late.frame(-1, -1, false);
            // Right after the first frame, before the finest pages are in: drawn from the coarser level meanwhile.
            spritesOf(late.scene().state(), 28f);
            late.frame(-1, -1, false);
            framesUntilTheFinestLevelIsIn(late);
            assertFalse(late.scene().atlas().deferredPending());
            late.frame(-1, -1, false);
            assertEquals(0, FramePixels.differing(FramePixels.of(late), expected), "every page that arrived is drawn");
        }
    }

    /**
     * Three levels, the finest streamed within {@code STREAMING_BUDGET} (a million digits' 28-px cells
     * within 1 GiB): the finest resident one (the middle) is the one held back, and the first frame of
     * the coarsest, drawn before it arrives, is what an explorer with both resident levels loaded draws.
     */
    @Test
    void withTheFinestLevelStreamedTheNextOneComesBehindTheFirstFrame() throws Exception {
        int n = 3000;
        Path b = BundleFixture.items(n).layout("a", "A", BundleFixture.gaussian(n, 9)).alpha(AlphaMode.LUMINANCE)
                .level(32, 16, 16, PixelFormat.GREY, (i, x, y) -> (x / 4) % 2 == 0 ? 250 : 60)
                .level(16, 32, 32, PixelFormat.GREY, (i, x, y) -> (y / 2) % 2 == 0 ? 230 : 90)
                .level(8, 64, 64, PixelFormat.GREY, (i, x, y) -> 180)
                .write(dir.resolve("three")).dir;
        int[][] full = new int[2][];
        float[] px = {4f, 12f};
        for (int k = 0; k < 2; k++) {
            try (OffscreenExplorer e = new OffscreenExplorer(BundleReader.load(b), W, H, STREAMING_BUDGET)) {
                assertFalse(e.scene().atlas().plan().resident(0), "the finest level streams within the budget");
                assertTrue(e.scene().atlas().plan().resident(1) && e.scene().atlas().plan().resident(2));
                spritesOf(e.scene().state(), px[k]);
                e.frame(-1, -1, false);
                full[k] = FramePixels.of(e);
            }
        }
        try (OffscreenExplorer late = OffscreenExplorer.open(b, W, H, STREAMING_BUDGET, null)) {
            spritesOf(late.scene().state(), px[0]);
            assertEquals(2, late.scene().currentLevel(), "small sprites sample the coarsest level");
            assertEquals(1, late.scene().atlas().deferredLevel(), "the finest resident level is held back");
            late.frame(-1, -1, false);
            assertTrue(late.scene().atlas().deferredPending(), "the first frame did not wait for it");
            assertEquals(0, FramePixels.differing(FramePixels.of(late), full[0]), "the first frame as with both resident levels loaded");
            long stamp = late.scene().imageStamp();
            framesUntilTheFinestLevelIsIn(late);
            assertFalse(late.scene().atlas().deferredPending());
            assertEquals(stamp, late.scene().imageStamp(), "its pages did not redraw a scene of the coarsest level");
        }
        try (OffscreenExplorer late = OffscreenExplorer.open(b, W, H, STREAMING_BUDGET, null)) {
            spritesOf(late.scene().state(), px[1]);
            assertEquals(1, late.scene().currentLevel());
            late.frame(-1, -1, false);
            assertFalse(late.scene().atlas().deferredPending(), "a first frame of the held level waits for it");
            assertEquals(0, FramePixels.differing(FramePixels.of(late), full[1]), "drawn from it");
        }
    }

    /** Holds the two coarser levels of {@code withTheFinestLevelStreamed...}'s bundle (1 MB) but not its finest (3 MB). */
    static final long STREAMING_BUDGET = 2L << 20;
}
