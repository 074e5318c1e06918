package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.embedscope.atlas.PixelFormat;
import org.embedscope.atlas.PngEncoder;
import org.embedscope.bundle.BundleReader;
import org.embedscope.ui.OffscreenExplorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lwjgl.system.MemoryUtil;

/**
 * Bundles written by other tools: one level of 16-px cells on RGB pages whose pixels are grey. They
 * get coarser levels at load (filtered per cell, cached), and are uploaded and drawn as grey.
 */
class AtlasLevelsTest {
    static final int SIZE = 256, CELL = 16, COLS = 4, ROWS = 2, N = 16;
    /** Tests run again and again on one cache: pixels outside the grid make each bundle's pages its own. */
    static final java.util.concurrent.atomic.AtomicInteger SALT = new java.util.concurrent.atomic.AtomicInteger(new Random().nextInt(1 << 23));

    @TempDir Path dir;

    /** Item i is white when even, black when odd: neighbours in the atlas differ as much as they can. */
    static int grey(int item) { return item % 2 == 0 ? 255 : 0; }

    /** Writes the bundle: a 4×4 grid layout, alpha 'opaque', two pages of 4×2 cells (plus a salt column). */
    static Path write(Path dir, boolean rgb, int changedItem) throws IOException {
        return write(dir, rgb, changedItem, SALT.incrementAndGet());
    }

    static Path write(Path dir, boolean rgb, int changedItem, int salt) throws IOException {
        Files.createDirectories(dir.resolve("atlas"));
        StringBuilder csv = new StringBuilder("grid_x,grid_y\n");
        for (int i = 0; i < N; i++) csv.append(i % 4).append(',').append(i / 4).append('\n');
        Files.writeString(dir.resolve("points.csv"), csv);
        Files.writeString(dir.resolve("bundle.json"), """
                { "format": 1, "name": "other tool", "count": 16, "points": "points.csv",
                  "layouts": [ {"name": "grid", "title": "Grid"} ],
                  "atlas": { "alpha": "opaque",
                             "levels": [ {"cell": 16, "columns": 4, "rows": 2, "pages": ["atlas/a.png", "atlas/b.png"]} ] } }
                """);
        int w = COLS * CELL + 1, h = ROWS * CELL, ch = rgb ? 3 : 1;
        for (int p = 0; p < 2; p++) {
            byte[] px = new byte[w * h * ch];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int item = p * COLS * ROWS + (y / CELL) * COLS + Math.min(x / CELL, COLS - 1);
                    int v = x == w - 1 ? (salt >> (8 * (y % 3))) & 255 : item == changedItem ? 128 : grey(item);
                    for (int k = 0; k < ch; k++) px[(y * w + x) * ch + k] = (byte) v;
                }
            }
            try (OutputStream out = Files.newOutputStream(dir.resolve(p == 0 ? "atlas/a.png" : "atlas/b.png"))) {
                PngEncoder.write(out, px, w, h, rgb ? PixelFormat.RGB : PixelFormat.GREY, 6);
            }
        }
        return dir;
    }

    static OffscreenExplorer open(Path bundle) throws Exception {
        return new OffscreenExplorer(BundleReader.load(bundle), SIZE, SIZE);
    }

    static byte[] frame(OffscreenExplorer x, float scale) {
        x.scene().state().setUserScale(scale);
        x.frame(-1, -1, false);
        ByteBuffer px = x.pixels();
        try {
            byte[] out = new byte[px.remaining()];
            px.get(out);
            return out;
        } finally {
            MemoryUtil.memFree(px);
        }
    }

    @Test
    void oneLevelGetsCoarserLevelsFilteredPerCellAndGreyIsUploadedAsOneChannel() throws Exception {
        try (OffscreenExplorer x = open(write(dir.resolve("b"), true, -1))) {
            AtlasTextures atlas = x.scene().atlas();
            assertArrayEquals(new int[] {16, 8, 4}, atlas.cellSizes());
            assertTrue(atlas.levelsMadeNow());
            for (int l = 0; l < 3; l++) assertEquals(1, atlas.channels(l), "level " + l + " uploaded as grey");
            // Small sprites sample the coarsest level.
            ViewState st = x.scene().state();
            st.setUserScale(4.5f / st.spritePixels());
            assertEquals(2, x.scene().currentLevel());
            x.frame(-1, -1, false);
            float[][] layout = x.scene().layouts();
            Camera cam = st.camera();
            int half = (int) Math.floor(st.spritePixels() / 2) - 1;
            for (int i = 0; i < N; i++) {
                int cx = (int) cam.screenX(layout[0][2 * i]), cy = (int) cam.screenY(layout[0][2 * i + 1]);
                int expect = grey(i) * 0x010101;
                // Every pixel of the sprite, its edge included, has its own item's grey: nothing of the
                // neighbouring cells (the opposite grey) was filtered in.
                for (int dy = -half; dy <= half; dy++) {
                    for (int dx = -half; dx <= half; dx++) {
                        assertEquals(expect, x.rgb(cx + dx, cy + dy), "item " + i + " at " + dx + "," + dy);
                    }
                }
            }
        }
        LevelCache.awaitWrites();
    }

    @Test
    void greyRgbPagesDrawExactlyAsGreyPages() throws Exception {
        byte[] rgbFit, rgbSmall, greyFit, greySmall;
        int salt = SALT.incrementAndGet();
        try (OffscreenExplorer x = open(write(dir.resolve("rgb"), true, -1, salt))) {
            rgbFit = frame(x, 1f);
            rgbSmall = frame(x, 0.4f);
        }
        try (OffscreenExplorer x = open(write(dir.resolve("grey"), false, -1, salt))) {
            greyFit = frame(x, 1f);
            greySmall = frame(x, 0.4f);
        }
        assertArrayEquals(greyFit, rgbFit);
        assertArrayEquals(greySmall, rgbSmall);
        LevelCache.awaitWrites();
    }

    @Test
    void theCacheIsReusedAndRebuiltWhenAPageChanges() throws Exception {
        int salt = SALT.incrementAndGet();
        Path b = write(dir.resolve("cached"), true, -1, salt);
        byte[] first, second, changed;
        try (OffscreenExplorer x = open(b)) {
            assertTrue(x.scene().atlas().levelsMadeNow());
            first = frame(x, 0.4f);
        }
        LevelCache.awaitWrites();
        try (OffscreenExplorer x = open(b)) {
            assertTrue(x.scene().atlas().levelsFromCache(), "second load reads the cache");
            assertFalse(x.scene().atlas().levelsMadeNow());
            assertArrayEquals(new int[] {16, 8, 4}, x.scene().atlas().cellSizes());
            second = frame(x, 0.4f);
        }
        assertArrayEquals(first, second, "the cached levels draw the same");
        write(b, true, 5, salt); // item 5 turns mid-grey
        try (OffscreenExplorer x = open(b)) {
            assertTrue(x.scene().atlas().levelsMadeNow(), "a changed page makes the levels again");
            changed = frame(x, 0.4f);
            float[][] layout = x.scene().layouts();
            Camera cam = x.scene().state().camera();
            int rgb = x.rgb((int) cam.screenX(layout[0][10]), (int) cam.screenY(layout[0][11]));
            assertEquals(128 * 0x010101, rgb, "item 5 drawn from the new page");
        }
        assertFalse(java.util.Arrays.equals(first, changed));
        LevelCache.awaitWrites();
    }
}
