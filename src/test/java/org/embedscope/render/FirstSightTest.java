package org.embedscope.render;

import org.embedscope.bundle.BundleReader;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.embedscope.ui.OffscreenExplorer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user sees first, on a real GL context, read back: the fitted view, smooth alpha, transitions. */
class FirstSightTest {
    static final int W = 320, H = 200;

    @TempDir Path dir;
    private OffscreenExplorer view;

    @AfterEach
    void tearDown() {
        if (view != null) view.close();
    }

    private static int background() { return SceneRenderer.BACKGROUND; }

    /** Bounds {minX, minY, maxX, maxY} of the pixels that are not background, or null. */
    private int[] litBounds() {
        int[] b = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        var px = view.pixels();
        try {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int o = (y * W + x) * 4;
                    int rgb = ((px.get(o) & 255) << 16) | ((px.get(o + 1) & 255) << 8) | (px.get(o + 2) & 255);
                    if (rgb == background()) continue;
                    b[0] = Math.min(b[0], x);
                    b[1] = Math.min(b[1], y);
                    b[2] = Math.max(b[2], x);
                    b[3] = Math.max(b[3], y);
                }
            }
        } finally {
            org.lwjgl.system.MemoryUtil.memFree(px);
        }
        return b[2] < 0 ? null : b;
    }

    @Test
    void theCoreFillsTheFittedViewAndTheOutliersAreAZoomAway() throws Exception {
        // 400 items in a unit square, 3 of them a hundred units away.
        SplittableRandom r = new SplittableRandom(5);
        int n = 400;
        float[] a = new float[2 * n];
        for (int i = 0; i < n; i++) {
            a[2 * i] = (float) r.nextDouble();
            a[2 * i + 1] = (float) r.nextDouble();
        }
        a[0] = 100; a[1] = 0.5f;
        a[2] = -100; a[3] = 0.5f;
        a[4] = 0.5f; a[5] = 100;
        view = new OffscreenExplorer(BundleReader.load(SpriteFixture.write(dir.resolve("b"), a, a.clone(), false)), W, H);
        view.frame(-1, -1, false);
        int[] lit = litBounds();
        assertNotNull(lit);
        // The core spans (nearly) the whole height: 92 % fill less the sprites' own margins.
        assertTrue(lit[3] - lit[1] >= 0.8 * H, "core height on screen: " + (lit[3] - lit[1]));
        Camera cam = view.scene().state().camera();
        float[][] l = view.scene().layouts();
        assertTrue(cam.screenX(l[0][0]) > W && cam.screenX(l[0][2]) < 0, "the outliers are outside the fitted view");
        // Zoomed out all the way, every item is in view, outliers included.
        view.scene().state().zoomAbout(W / 2f, H / 2f, 1e-6f);
        view.frame(-1, -1, false);
        for (int i = 0; i < 3; i++) {
            int sx = (int) cam.screenX(l[0][2 * i]), sy = (int) cam.screenY(l[0][2 * i + 1]);
            assertTrue(sx >= 0 && sx < W && sy >= 0 && sy < H, "outlier " + i + " at " + sx + "," + sy);
            assertNotEquals(background(), view.rgb(Math.min(W - 1, Math.max(0, sx)), Math.min(H - 1, Math.max(0, sy))),
                    "outlier " + i + " is drawn");
        }
    }

    @Test
    void smoothAlphaBlendsAHalfTransparentTexel() throws Exception {
        float[] one = {0, 0};
        view = new OffscreenExplorer(BundleReader.load(SpriteFixture.write(dir.resolve("b"), one, one, false)), W, H);
        ViewState st = view.scene().state();
        // Exactly one level-0 texel per pixel: the ring (coverage 80/255) lies 3 px from the cell's edge.
        st.setUserScale(SpriteFixture.CELL / st.spritePixels());
        assertEquals(0, view.scene().currentLevel());
        Camera cam = st.camera();
        int cx = Math.round(cam.screenX(0)), cy = Math.round(cam.screenY(0));
        int ringX = cx - SpriteFixture.CELL / 2 + 3, coreX = cx;
        view.frame(-1, -1, false);
        assertEquals(background(), view.rgb(ringX, cy), "the threshold drops the ring");
        int core = view.rgb(coreX, cy);
        st.setSmoothAlpha(true);
        view.frame(-1, -1, false);
        int ring = view.rgb(ringX, cy);
        float k = SpriteFixture.RING_ALPHA / 255f;
        int colour = SpriteFixture.color(0);
        for (int shift = 0; shift <= 16; shift += 8) {
            int bg = (background() >> shift) & 255, c = (colour >> shift) & 255, got = (ring >> shift) & 255;
            assertEquals(bg + k * (c - bg), got, 3, String.format("ring blended %.2f over the background: #%06x", k, ring));
        }
        assertEquals(core, view.rgb(coreX, cy), "opaque texels stay as they were");
    }

    @Test
    void aTransitionKeepsATrackedItemOnScreenAtEveryStep() throws Exception {
        // 64 items on a grid; layout b turns it a quarter (no two paths meet): item 0 goes from one corner to the next.
        int n = 64;
        float[] a = new float[2 * n], b = new float[2 * n];
        for (int i = 0; i < n; i++) {
            a[2 * i] = i % 8;
            a[2 * i + 1] = i / 8;
            b[2 * i] = i / 8;
            b[2 * i + 1] = 7 - i % 8;
        }
        view = new OffscreenExplorer(BundleReader.load(SpriteFixture.write(dir.resolve("b"), a, b, false)), W, H);
        ViewState st = view.scene().state();
        float[][] l = view.scene().layouts();
        int item = 9; // at (1, 1) in a, (1, 6) in b
        Camera cam = st.camera();
        st.setView(l[0][2 * item], l[0][2 * item + 1], 4);
        st.moveTo(1, 0f);
        float[] p = new float[2];
        for (int f = 1; f <= 20; f++) {
            st.update(f / 20f * Transition.DURATION);
            view.frame(-1, -1, false);
            st.transition().position(l, item, p);
            int sx = Math.round(cam.screenX(p[0])), sy = Math.round(cam.screenY(p[1]));
            assertTrue(sx >= 0 && sx < W && sy >= 0 && sy < H, "frame " + f + ": item at " + sx + "," + sy);
            assertEquals(SpriteFixture.color(item), view.rgb(sx, sy), "frame " + f + ": the item is drawn there");
        }
    }

    @Test
    void aSpriteAtExactlyItsCellSizeShowsEveryTexelOnce() throws Exception {
        // One item off the pixel grid; drawn at its cell's size it lands on the grid, a texel per pixel.
        float[] one = {0.0137f, -0.0071f, 1, 1, -1, -1};
        view = new OffscreenExplorer(BundleReader.load(SpriteFixture.write(dir.resolve("b"), one, one.clone(), false)), W, H);
        ViewState st = view.scene().state();
        st.setView(0.0137f, -0.0071f, 3.3f);
        st.setUserScale(SpriteFixture.CELL / st.spritePixels());
        assertEquals(0, view.scene().currentLevel());
        for (float threshold : new float[] {0.5f, 0.2f}) {
            st.setThreshold(threshold);
            view.frame(-1, -1, false);
            int colour = SpriteFixture.color(0), lit = 0;
            var px = view.pixels();
            try {
                for (int i = 0; i < W * H; i++) {
                    int rgb = ((px.get(4 * i) & 255) << 16) | ((px.get(4 * i + 1) & 255) << 8) | (px.get(4 * i + 2) & 255);
                    if (rgb == colour) lit++;
                }
            } finally {
                org.lwjgl.system.MemoryUtil.memFree(px);
            }
            // The core is 8×8 texels; with the ring (coverage 80/255) it is 12×12.
            assertEquals(threshold == 0.5f ? 64 : 144, lit, "pixels of the item's colour at threshold " + threshold);
        }
    }
}
