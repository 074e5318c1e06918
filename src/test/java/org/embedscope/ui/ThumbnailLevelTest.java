package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.embedscope.atlas.PixelFormat;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.BundleFixture;
import org.embedscope.bundle.BundleReader;
import org.embedscope.render.ViewState;
import org.embedscope.select.ItemSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The selection panel's thumbnails (48 px) come from the finest atlas level even where the view's
 * sprites are small and sample a coarse one, within a budget that streams the finest level. At a million
 * digits they had shown the 7-px cells the fitted view brought in, soft, until one was hovered (whose
 * page then sharpened every thumbnail on it), and {@code render --overlay}, which never hovers, drew
 * them soft while the window, after a hover, drew them sharp. Read back from the panel's pixels.
 */
class ThumbnailLevelTest {
    static final int N = 64;
    /** Blue names the level a cell belongs to. */
    static final int[] LEVEL_BLUE = {0, 120, 240};
    /** 32² RGB layers of 4 bytes a texel: room for sixteen, fewer than every level's pages. */
    static final long BUDGET = 16L * 32 * 32 * 4;

    @TempDir Path dir;

    static int colour(int item, int level) { return (item * 4) << 16 | (255 - item * 4) << 8 | LEVEL_BLUE[level]; }

    /** Three levels: 16-px cells two by two a page (16 pages), 8-px cells four by four, 4-px cells all on one; flat colours. */
    private Path bundle() throws Exception {
        BundleFixture f = BundleFixture.items(N).name("levels").layout("a", "A", BundleFixture.gaussian(N, 3)).alpha(AlphaMode.OPAQUE);
        int[][] grids = {{16, 2}, {8, 4}, {4, 8}};
        for (int l = 0; l < 3; l++) {
            int level = l;
            f.level(grids[l][0], grids[l][1], grids[l][1], PixelFormat.RGB, (item, x, y) -> 0xff000000 | colour(item, level));
        }
        return f.write(dir.resolve("b")).dir;
    }

    @Test
    void theSelectionsThumbnailsAreDrawnFromTheFinestLevelWhateverTheViewSamples() throws Exception {
        try (OffscreenExplorer x = new OffscreenExplorer(BundleReader.load(bundle()), 800, 600, BUDGET)) {
            assertTrue(x.scene().atlas().streams());
            assertFalse(x.scene().atlas().plan().resident(0), "the finest level streams");
            ViewState st = x.scene().state();
            st.setUserScale(st.userScale() * 4f / st.spritePixels());   // 4-px sprites: the coarsest level
            assertEquals(2, x.scene().currentLevel(), "the view samples the coarsest level");
            int[] chosen = {5, 6, 21, 40, 63};
            st.setSelection(ItemSet.of(N, chosen));
            x.frame(-1, -1, true);
            for (int f = 0; f < 400 && x.scene().busy(); f++) {
                Thread.sleep(2);
                x.frame(-1, -1, true);
            }
            x.frame(-1, -1, true);
            for (int t = 0; t < chosen.length; t++) {
                float[] c = x.overlay().thumbnailCentre(t);
                assertNotNull(c, "thumbnail " + t + " drawn");
                int rgb = x.rgb(Math.round(c[0]), Math.round(c[1]));
                assertEquals(Integer.toHexString(colour(chosen[t], 0)), Integer.toHexString(rgb),
                        "thumbnail of item " + chosen[t] + " from the finest level (blue " + (rgb & 255) + ": 0 finest, 120, 240 coarser)");
            }
        }
    }
}
