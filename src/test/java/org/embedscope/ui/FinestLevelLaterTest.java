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
}
