package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.embedscope.atlas.PixelFormat;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.BundleFixture;
import org.embedscope.bundle.BundleReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control panel stays readable over the densest data: zoomed in on white sprites that fill the view
 * (a million digits' clusters look like that), the panel's background over them stays dark, so its light
 * text keeps its contrast. Read back from a real frame, with and without the overlay.
 */
class PanelReadabilityTest {
    static final int W = 640, H = 480;
    @TempDir Path dir;

    @Test
    void thePanelOverWhiteSpritesStaysDark() throws Exception {
        int n = 40_000;
        SplittableRandom r = new SplittableRandom(3);
        float[] xy = new float[2 * n];
        for (int i = 0; i < xy.length; i++) xy[i] = (float) r.nextDouble(-1, 1);
        Path b = BundleFixture.items(n).layout("a", "A", xy).alpha(AlphaMode.LUMINANCE)
                .level(8, 64, 64, PixelFormat.GREY, (i, x, y) -> 255)
                .write(dir.resolve("b")).dir;
        try (OffscreenExplorer v = new OffscreenExplorer(BundleReader.load(b), W, H)) {
            v.scene().state().setView(0f, 0f, 3f); // the data under the panel too
            v.frame(-1, -1, false);
            int[] scene = FramePixels.of(v);
            for (int f = 0; f < 3; f++) v.frame(-1, -1, true);
            int[] shown = FramePixels.of(v);

            // The panel's part below its title bar and first lines, well inside it.
            int x0 = (int) (Overlay.MARGIN + 12), x1 = (int) (Overlay.MARGIN + Overlay.PANEL_WIDTH - 12);
            int[] over = new int[W * H];
            int count = 0, area = 0;
            for (int y = 60; y < 300; y++) {
                for (int x = x0; x < x1; x++) {
                    area++;
                    if (luminance(scene[y * W + x]) >= 200) over[count++] = luminance(shown[y * W + x]);
                }
            }
            assertTrue(count > area / 3, "white sprites lie under the panel: " + count + " of " + area + " pixels");
            int[] sorted = Arrays.copyOf(over, count);
            Arrays.sort(sorted);
            int median = sorted[count / 2];
            // Mostly the panel's plain background there: dark over white means the data barely shows through.
            assertTrue(median <= 60, "the panel over white sprites is " + median + " of 255 bright (its text is light)");
        }
    }

    /** Luminance 0–255 of a pixel as FramePixels packs it (its RGBA bytes in native order: red lowest here). */
    private static int luminance(int rgba) {
        int red = rgba & 255, green = (rgba >>> 8) & 255, blue = (rgba >>> 16) & 255;
        return (299 * red + 587 * green + 114 * blue) / 1000;
    }
}
