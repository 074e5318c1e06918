package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.embedscope.bundle.BundleReader;
import org.embedscope.ui.FramePixels;
import org.embedscope.ui.OffscreenExplorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pan by whole pixels shifts the last scene and draws only the strips it uncovers: the frame is what a
 * full redraw at the new camera draws, pixel for pixel, in every direction, with a selection and sprites
 * crossing the strips' edges, also after a pan back over what the guard band kept and after a
 * recolouring; anything else changed is drawn in full; at rest it is exact.
 */
class PanShiftRenderTest {
    static final int W = 300, H = 220;
    @TempDir Path dir;

    @Test
    void aShiftedPanDrawsWhatAFullRedrawDraws() throws Exception {
        int n = 3_000;
        Path b = SpriteFixture.gaussianRings(n, 11).write(dir.resolve("b")).dir;
        try (OffscreenExplorer v = new OffscreenExplorer(BundleReader.load(b), W, H)) {
            SceneRenderer scene = v.scene();
            ViewState st = scene.state();
            org.embedscope.select.ItemSet some = new org.embedscope.select.ItemSet(n);
            for (int i = 0; i < n; i += 7) some.add(i);
            st.setView(0.1f, -0.05f, 3f);
            st.setSelection(some);
            v.frame(-1, -1, false);
            assertFalse(scene.lastSceneShifted(), "the first frame is drawn in full");
            panRunsOutAndBack(v, 0.1f, -0.05f, 3f, 0);

            // A change of colours recolours the recorded view only; a pan from there shifts it all the same.
            st.invalidate();
            v.frame(-1, -1, false);
            st.invalidate();
            v.frame(-1, -1, false);
            assertEquals(0, scene.drawnCount(), "the second redraw at the same camera recolours the record");
            int[] recoloured = FramePixels.of(v);
            st.pan(11, 0);
            v.frame(-1, -1, false);
            assertTrue(scene.lastSceneShifted(), "a pan after a recolouring is shifted");
            int[] afterPan = FramePixels.of(v);
            st.invalidate();
            v.frame(-1, -1, false);
            assertTrue(FramePixels.differing(afterPan, FramePixels.of(v)) <= 3, "the shifted recolouring is what a full redraw draws");
            st.pan(-11, 0);
            v.frame(-1, -1, false);
            assertTrue(FramePixels.differing(recoloured, FramePixels.of(v)) <= 3, "and back");

            st.pan(5, 3);
            v.frame(-1, -1, false);
            assertTrue(scene.lastSceneShifted());
            assertTrue(scene.drawnCount() < n / 4, "a shift draws the strips' items only: " + scene.drawnCount());
            st.setThreshold(0.3f); // anything else: in full
            v.frame(-1, -1, false);
            assertFalse(scene.lastSceneShifted(), "another change is drawn in full");
            st.pan(2.5f, 0); // half a pixel: in full
            v.frame(-1, -1, false);
            assertFalse(scene.lastSceneShifted(), "a pan by part of a pixel is drawn in full");

            st.pan(7, 0);
            v.frame(-1, -1, false);
            assertTrue(scene.busy(), "a shifted scene is not final");
            Thread.sleep(SceneRenderer.SHIFT_SETTLE_NS / 1_000_000 + 30);
            v.frame(-1, -1, false);
            assertFalse(scene.lastSceneShifted(), "at rest it is drawn exactly");
            assertFalse(scene.busy());
        }
    }

    /**
     * Runs of pans in every direction, some out and back, each from the view (cx, cy, zoom) or where the
     * run before ended; each run's end compared with a full redraw (at most 3 pixels differing by more
     * than {@code tolerance} levels in a channel).
     */
    private static void panRunsOutAndBack(OffscreenExplorer v, float cx, float cy, float zoom, int tolerance) {
        SceneRenderer scene = v.scene();
        ViewState st = scene.state();
        // Each run of pans in one direction draws strips (200 px and more of them) that later frames
        // carry across the view, so a strip drawn wrong would show; each run's end is compared with a
        // full redraw at the same camera. Some runs then come back the same way: the band kept what
        // they showed, so the way back draws no strip while that lasts, and a wrongly kept or copied
        // band would show in the frame it ends with (the one before the run, drawn in full).
        int[][] moves = {{-17, 0, 1}, {0, 9, 1}, {13, 0, 0}, {0, -9, 0}, {-6, -17, 1}, {-21, 4, 0}, {6, 17, 0}, {-3, -3, 0}, {40, 0, 0}};
        int shiftedFrames = 0, steps = 0;
        for (int[] m : moves) {
            int run = (int) Math.ceil((m[2] == 1 ? 150.0 : 200.0) / Math.max(Math.abs(m[0]), Math.abs(m[1])));
            if (m[2] == 1) { // from the middle of the data, away from its edges (where the camera stops)
                st.setView(cx, cy, zoom);
                v.frame(-1, -1, false);
            }
            int[] before = FramePixels.of(v);
            for (int way = 0; way <= m[2]; way++) {
                int sign = way == 0 ? 1 : -1, stripless = 0;
                for (int k = 0; k < run; k++) {
                    st.pan(sign * m[0], sign * m[1]);
                    v.frame(-1, -1, false);
                    if (scene.lastSceneShifted()) {
                        shiftedFrames++;
                        if (scene.lastShiftStrips() == 0) stripless++;
                    }
                    steps++;
                }
                String what = "pan " + sign * m[0] + "," + sign * m[1] + " ×" + run;
                // Back over what the band kept (less a pixel of float rounding at its edge): no strip.
                int held = (scene.guard() - 1) / Math.max(Math.abs(m[0]), Math.abs(m[1]));
                if (way == 1) assertTrue(stripless >= held - 1, what + ": " + stripless + " frames drew no strip, not about " + held);
                else assertEquals(0, stripless, what + ": every shift draws a strip");
            }
            int[] shifted = FramePixels.of(v);
            if (m[2] == 1) {
                int d = FramePixels.differing(before, shifted, tolerance);
                assertTrue(d <= 3, "pan " + m[0] + "," + m[1] + " ×" + run + " and back: " + d + " pixels differ from the frame before");
            }
            st.invalidate(); // the same camera, drawn in full
            v.frame(-1, -1, false);
            assertFalse(scene.lastSceneShifted());
            int d = FramePixels.differing(shifted, FramePixels.of(v), tolerance);
            assertTrue(d <= 3, "pan " + m[0] + "," + m[1] + " ×" + run + (m[2] == 1 ? " and back" : "") + ": " + d + " pixels differ from a full redraw");
        }
        assertTrue(shiftedFrames > steps * 3 / 4, shiftedFrames + " of " + steps + " whole-pixel pans were shifts (the rest met the data's edge)");
    }

    /**
     * With smooth alpha (every sprite blended, in item order) the pans draw the same picture too, but for
     * the last bits of a few blended pixels where a sprite across a strip's edge sits a rounding apart.
     */
    @Test
    void aShiftedPanWithSmoothAlphaDrawsWhatAFullRedrawDraws() throws Exception {
        int n = 3_000;
        Path b = SpriteFixture.gaussianRings(n, 11).write(dir.resolve("b")).dir;
        try (OffscreenExplorer v = new OffscreenExplorer(BundleReader.load(b), W, H)) {
            ViewState st = v.scene().state();
            org.embedscope.select.ItemSet some = new org.embedscope.select.ItemSet(n);
            for (int i = 0; i < n; i += 7) some.add(i);
            st.setView(0.1f, -0.05f, 3f);
            st.setSelection(some);
            st.setSmoothAlpha(true);
            v.frame(-1, -1, false);
            panRunsOutAndBack(v, 0.1f, -0.05f, 3f, 8);
        }
    }
}
