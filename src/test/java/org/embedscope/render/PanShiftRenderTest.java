package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.embedscope.bundle.BundleReader;
import org.embedscope.ui.FramePixels;
import org.embedscope.ui.OffscreenExplorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pan by whole pixels shifts the last scene and draws only the strips it uncovers: the frame, and the
 * scene's active band that later pans bring into view, are what a full redraw at the new camera draws,
 * pixel for pixel, in every direction, with a selection and
 * sprites crossing the strips' edges; anything else changed is drawn in full; at rest it is exact.
 */
class PanShiftRenderTest {
    static final int W = 300, H = 220;
    @TempDir Path dir;

    /** Pixels of two scene targets (rows of {@code tw}) that differ, more than {@code margin} pixels inside the edges. */
    private int differingInside(int[] a, int[] b, int margin) {
        int tw = targetWidth, th = a.length / tw, d = 0;
        for (int y = margin; y < th - margin; y++) {
            for (int x = margin; x < tw - margin; x++) if (a[y * tw + x] != b[y * tw + x]) d++;
        }
        return d;
    }

    private int targetWidth;

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
            targetWidth = W + 2 * scene.guard();
            // Each run of pans in one direction carries what the strips drew (in the guard band at first,
            // 200 px and more) into view, so a strip drawn wrong would show; then it is compared with a
            // full redraw at the same camera.
            int[][] moves = {{13, 0}, {0, -9}, {-21, 4}, {6, 17}, {-3, -3}, {40, 0}};
            int shiftedFrames = 0, steps = 0;
            for (int[] m : moves) {
                int run = (int) Math.ceil(200.0 / Math.max(Math.abs(m[0]), Math.abs(m[1])));
                for (int k = 0; k < run; k++) {
                    st.pan(m[0], m[1]);
                    v.frame(-1, -1, false);
                    if (scene.lastSceneShifted()) shiftedFrames++;
                    steps++;
                }
                int[] shifted = FramePixels.of(v), shiftedTarget = scene.sceneTargetPixels();
                st.invalidate(); // the same camera, drawn in full
                v.frame(-1, -1, false);
                assertFalse(scene.lastSceneShifted());
                int d = FramePixels.differing(shifted, FramePixels.of(v));
                assertTrue(d <= 3, "pan " + m[0] + "," + m[1] + " ×" + run + ": " + d + " pixels differ from a full redraw");
                // The active band too, which later pans carry into view: the target as a full redraw draws it, but
                // for its outermost half sprite, where a shifted copy keeps parts of sprites whose centres it moved
                // out (a full redraw leaves them out) and which a pan back clears and draws again with its strip.
                int outside = scene.guard() - scene.activeGuard();
                assertTrue(outside >= 0 && scene.activeGuard() > st.spritePixels() / 2, "the band holds the reach of a sprite: " + scene.activeGuard());
                int dt = differingInside(shiftedTarget, scene.sceneTargetPixels(), outside + (int) Math.ceil(st.spritePixels() / 2) + 2);
                assertTrue(dt <= 6, "pan " + m[0] + "," + m[1] + " ×" + run + ": " + dt + " pixels of the scene target differ from a full redraw");
            }
            assertTrue(shiftedFrames > steps * 3 / 4, shiftedFrames + " of " + steps + " whole-pixel pans were shifts (the rest met the data's edge)");

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
}
