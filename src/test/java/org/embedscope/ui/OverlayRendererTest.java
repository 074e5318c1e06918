package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.embedscope.atlas.PixelFormat;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.BundleFixture;
import org.embedscope.bundle.BundleReader;
import org.embedscope.render.Camera;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overlay drawn with its unchanged windows from the cached layer looks as it does drawn window by
 * window (each channel within 2 levels: the layer's own rounding), with the hovered item's panel, which
 * changes, drawn live on top; a window that changes is drawn anew, not from the stale layer.
 */
class OverlayRendererTest {
    static final int W = 640, H = 480;
    @TempDir Path dir;

    @Test
    void theCachedLayerShowsWhatDrawingEachWindowShows() throws Exception {
        int n = 500;
        Path b = BundleFixture.items(n).layout("a", "A", BundleFixture.gaussian(n, 3)).alpha(AlphaMode.LUMINANCE)
                .level(16, 16, 16, PixelFormat.GREY, (i, x, y) -> (x * 16 + y * 9 + i) & 255)
                .write(dir.resolve("b")).dir;
        try (OffscreenExplorer v = new OffscreenExplorer(BundleReader.load(b), W, H)) {
            float[] item = v.scene().layouts()[0];
            Camera cam = v.scene().state().camera();
            int cx = 0, cy = 0;
            for (int f = 0; f < 4; f++) {
                cx = Math.round(cam.screenX(item[2 * f])) ;
                cy = Math.round(cam.screenY(item[2 * f + 1]));
                v.frame(cx, cy, true);
            }
            assertTrue(v.frame(cx, cy, true) >= 0, "an item is hovered: its panel is drawn on top");
            OverlayRenderer renderer = v.overlay().renderer();
            assertTrue(renderer.usedLayer(), "the control panel, unchanged, comes from the layer");
            int[] cached = FramePixels.of(v);

            renderer.setCaching(false);
            v.frame(cx, cy, true);
            assertFalse(renderer.usedLayer());
            int[] direct = FramePixels.of(v);
            assertEquals(0, FramePixels.differing(cached, direct, 2), "pixels differing by more than 2 levels from the overlay drawn window by window");

            // A change in the panel (the threshold slider) is drawn, not taken from the layer made before it.
            renderer.setCaching(true);
            v.frame(cx, cy, true);
            v.frame(cx, cy, true);
            assertTrue(renderer.usedLayer());
            v.scene().state().setThreshold(0.8f);
            for (int f = 0; f < 3; f++) v.frame(cx, cy, true);
            assertTrue(renderer.usedLayer(), "the changed panel is cached again once it stays");
            int[] changed = FramePixels.of(v);
            renderer.setCaching(false);
            v.frame(cx, cy, true);
            int[] changedDirect = FramePixels.of(v);
            assertEquals(0, FramePixels.differing(changed, changedDirect, 2), "after a change in the panel");
            assertTrue(FramePixels.differing(direct, changedDirect, 2) > 0, "the change shows");
        }
    }
}
