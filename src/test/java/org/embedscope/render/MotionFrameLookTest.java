package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Map;
import org.embedscope.atlas.PixelFormat;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.BundleFixture;
import org.embedscope.bundle.BundleReader;
import org.embedscope.ui.FramePixels;
import org.embedscope.ui.OffscreenExplorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transition's motion frames, drawn at a third of the resolution where an exact frame is slow, show
 * what the resting frames show: white images stay white while they move. Sprites of 4.5 px are
 * images at rest; in the third-resolution target they are 1.5 px, under the size at which sprites
 * become flat squares of their label's colour, and the moving frames were drawn so (at a million
 * digits the white clusters flashed red, orange and teal all through every transition).
 */
class MotionFrameLookTest {
    @TempDir Path dir;

    /** The share of the inked pixels (not the black background) that are coloured rather than grey. */
    private static double colouredShare(int[] px) {
        int inked = 0, coloured = 0;
        for (int p : px) {
            int r = p & 255, g = (p >> 8) & 255, b = (p >> 16) & 255;
            int max = Math.max(r, Math.max(g, b)), min = Math.min(r, Math.min(g, b));
            if (max < 40) continue;
            inked++;
            if (max - min > 60) coloured++;
        }
        assertTrue(inked > 500, "the frame shows items: " + inked + " inked pixels");
        return coloured / (double) inked;
    }

    @Test
    void aThirdResolutionMotionFrameOfSmallWhiteImagesIsWhiteNotLabelColoured() throws Exception {
        int side = 60, n = side * side;
        float[] a = new float[2 * n], b = new float[2 * n];
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            a[2 * i] = i % side;
            a[2 * i + 1] = i / side;
            b[2 * i] = i / side + 0.5f;   // the grid turned a quarter and moved half a step
            b[2 * i + 1] = i % side;
            labels[i] = String.valueOf(i % 3);
        }
        // White squares (grey 255, the luminance their ink), labelled 0, 1, 2: palette colours, not grey.
        Path bundle = BundleFixture.items(n).layout("a", "A", a).layout("b", "B", b)
                .labels("label", Map.of(), labels).alpha(AlphaMode.LUMINANCE)
                .level(8, 64, 64, PixelFormat.GREY, (i, x, y) -> x >= 1 && x <= 6 && y >= 1 && y <= 6 ? 255 : 0)
                .write(dir.resolve("b")).dir;
        try (OffscreenExplorer x = new OffscreenExplorer(BundleReader.load(bundle), 640, 480)) {
            SceneRenderer sc = x.scene();
            ViewState st = sc.state();
            st.setUserScale(4.5f / st.spritePixels());
            x.frame(-1, -1, false);
            float px = st.spritePixels();
            assertTrue(px >= 3f && px < 7f, "images at rest, flat squares at a third of their size: " + px + " px");
            assertTrue(sc.currentLevel() >= 0, "images at rest, not flat squares");
            double rest = colouredShare(FramePixels.of(x));
            assertTrue(rest < 0.02, "at rest the images are white: " + rest + " of the inked pixels coloured");

            sc.forceMotionScale(1f / 3);
            st.moveTo(1, 0f);
            st.update(0.05f);
            assertTrue(st.transition().isRunning());
            x.frame(-1, -1, false);
            assertTrue(sc.lastFrameWasMotion(), "a motion frame at a third of the resolution");
            assertTrue(sc.drawnLevel() >= 0, "drawn from a level: images, not flat squares");
            double moving = colouredShare(FramePixels.of(x));
            assertTrue(moving < 0.02, "the moving images are white too: " + moving + " of the inked pixels coloured");
        }
    }

    /** Pixels of the selection ring's colour. */
    private static int ringPixels(int[] px) {
        int n = 0;
        for (int p : px) {
            int r = p & 255, g = (p >> 8) & 255, b = (p >> 16) & 255;
            if (Math.abs(r - 0xff) < 40 && Math.abs(g - 0xc4) < 40 && b < 40) n++;
        }
        return n;
    }

    /**
     * A motion frame at a third of the resolution rings the selected sprites about as thick as the frame at
     * rest does: the ring's width was the full one in the small target, three times as thick once stretched
     * (thick amber blocks around small sprites all through a transition, seen by the QA session).
     */
    @Test
    void aThirdResolutionMotionFrameRingsTheSelectionAsThinAsAtRest() throws Exception {
        int side = 10, n = side * side;
        float[] a = new float[2 * n], b = new float[2 * n];
        for (int i = 0; i < n; i++) {
            a[2 * i] = i % side;
            a[2 * i + 1] = i / side;
            b[2 * i] = i % side + 0.5f;
            b[2 * i + 1] = i / side;
        }
        Path bundle = BundleFixture.items(n).layout("a", "A", a).layout("b", "B", b).alpha(AlphaMode.LUMINANCE)
                .level(16, 64, 64, PixelFormat.GREY, (i, x, y) -> 255)
                .write(dir.resolve("ringed")).dir;
        try (OffscreenExplorer x = new OffscreenExplorer(BundleReader.load(bundle), 640, 480)) {
            SceneRenderer sc = x.scene();
            ViewState st = sc.state();
            st.setUserScale(15f / st.spritePixels());
            int[] picked = new int[n / 2];
            for (int k = 0; k < picked.length; k++) picked[k] = 2 * k;
            st.setSelection(org.embedscope.select.ItemSet.of(n, picked));
            x.frame(-1, -1, false);
            float px = st.spritePixels();
            assertTrue(px > 13f && px < 17f, "sprites of 15 px: " + px);
            int rest = ringPixels(FramePixels.of(x));
            assertTrue(rest > 50 * 60, "every selected sprite ringed at rest: " + rest + " ring pixels");

            sc.forceMotionScale(1f / 3);
            st.moveTo(1, 0f);
            st.update(0.02f);
            x.frame(-1, -1, false);
            assertTrue(sc.lastFrameWasMotion(), "a motion frame at a third of the resolution");
            int moving = ringPixels(FramePixels.of(x));
            // At rest a ring of 1.5 px; moving, a pixel of the third-resolution target (its 0.5 px at least a
            // pixel), stretched and filtered: 3,707 ring pixels against 4,950 at rest here, where the ring
            // drawn 1.5 target pixels wide gave 9,608.
            assertTrue(moving > 0.4 * rest, "the moving frame rings them too: " + moving + " against " + rest);
            assertTrue(moving < 1.4 * rest, "about as thin as at rest: " + moving + " ring pixels against " + rest);
        }
    }
}
