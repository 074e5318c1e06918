package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.embedscope.atlas.PixelFormat;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.BundleFixture;
import org.embedscope.bundle.BundleReader;
import org.embedscope.render.Camera;
import org.embedscope.render.RenderTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lwjgl.system.MemoryUtil;

/**
 * A frame drawn only where it changed (the hovered sprite's and the live panels' boxes, this frame's
 * and the last one's) has every pixel a whole frame of the same state has: through a hover sweep
 * that passes over items and gaps, the hovered item's panel coming and going, and changes that
 * redraw the scene between partial frames.
 */
class FramePainterTest {
    static final int W = 640, H = 480;
    @TempDir Path dir;

    @Test
    void framesDrawnInPartEqualWholeFrames() throws Exception {
        int n = 400;
        Path b = BundleFixture.items(n).layout("a", "A", BundleFixture.gaussian(n, 5)).alpha(AlphaMode.LUMINANCE)
                .level(16, 16, 16, PixelFormat.GREY, (i, x, y) -> (x * 16 + y * 9 + i * 7) & 255)
                .write(dir.resolve("b")).dir;
        try (OffscreenExplorer v = new OffscreenExplorer(BundleReader.load(b), W, H);
             RenderTarget whole = new RenderTarget(RenderTarget.Kind.COLOR)) {
            whole.ensureSize(W, H);
            float[] xy = v.scene().layouts()[0];
            Camera cam = v.scene().state().camera();
            FramePainter painter = v.painter();
            int partial = 0, hoveredFrames = 0, emptyFrames = 0, frames = 0;
            for (int f = 0; f < 48; f++) {
                int cx, cy;
                if (f % 6 == 5) {
                    // Off every item (the bottom right corner): the enlarged sprite and its panel go away.
                    cx = W - 3;
                    cy = H - 3;
                } else {
                    cx = Math.round(cam.screenX(xy[2 * f])) + (f % 3);
                    cy = Math.round(cam.screenY(xy[2 * f + 1]));
                }
                if (f == 20) v.scene().state().setThreshold(0.7f);       // the scene is redrawn, the panel changes
                if (f == 33) v.scene().state().setTintByLabel(true);     // colours only: recoloured
                int hovered = v.frame(cx, cy, true);
                if (hovered >= 0) hoveredFrames++;
                else emptyFrames++;
                if (painter.lastWasPartial()) partial++;
                int[] drawn = FramePixels.of(v);
                painter.paintWholeAgain(whole.fbo(), v.overlay());
                int[] expected = pixels(v, whole);
                frames++;
                assertEquals(0, FramePixels.differing(drawn, expected),
                        "frame " + f + (painter.lastWasPartial() ? " (drawn in part)" : " (whole)") + ": pixels differing from the whole frame");
            }
            assertTrue(hoveredFrames > 20 && emptyFrames >= 8, "the sweep hovers items and gaps: " + hoveredFrames + " / " + emptyFrames);
            assertTrue(partial >= frames / 2, "most frames of a hover sweep are drawn in part: " + partial + " of " + frames);
        }
    }

    private static int[] pixels(OffscreenExplorer v, RenderTarget t) {
        ByteBuffer px = v.scene().readPixels(t.fbo());
        try {
            int[] out = new int[W * H];
            for (int i = 0; i < out.length; i++) out[i] = px.getInt(4 * i);
            return out;
        } finally {
            MemoryUtil.memFree(px);
        }
    }
}
