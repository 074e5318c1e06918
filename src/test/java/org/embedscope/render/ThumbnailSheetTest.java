package org.embedscope.render;

import static org.embedscope.render.TestScene.assertColor;
import static org.junit.jupiter.api.Assertions.*;
import static org.lwjgl.opengl.GL11.*;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lwjgl.system.MemoryUtil;

/** Items' images in one texture, from the atlas on the GPU: each cell of the grid shows its own item. */
class ThumbnailSheetTest {
    @TempDir Path dir;
    private TestScene s;

    @AfterEach
    void tearDown() {
        if (s != null) s.close();
    }

    /** Colour 0xRRGGBB of pixel (x, y) of a texture w wide and h high, origin at the top left of the image. */
    private static int texel(int texture, int w, int h, int x, int y) {
        ByteBuffer buf = MemoryUtil.memAlloc(w * h * 4);
        try {
            glBindTexture(GL_TEXTURE_2D, texture);
            glPixelStorei(GL_PACK_ALIGNMENT, 1);
            glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, buf);
            glBindTexture(GL_TEXTURE_2D, 0);
            int o = ((h - 1 - y) * w + x) * 4; // GL rows run bottom-up
            return ((buf.get(o) & 255) << 16) | ((buf.get(o + 1) & 255) << 8) | (buf.get(o + 2) & 255);
        } finally {
            MemoryUtil.memFree(buf);
        }
    }

    @Test
    void eachCellShowsItsItemLeftToRightTopToBottom() throws Exception {
        s = TestScene.open(dir.resolve("b"), SpriteFixture.A, SpriteFixture.B, false, 0.25f, 128);
        ThumbnailSheet sheet = s.scene().thumbnailSheet();
        int[] items = {9, 4, 1, 3, 0};
        int cell = 32;
        // Items 4, 1, 3 and 0 from index 1, two columns: a 2 × 2 grid.
        int tex = sheet.draw(items, 1, 4, 2, cell);
        assertArrayEquals(new int[] {64, 64}, sheet.size());
        int[][] at = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
        for (int k = 0; k < 4; k++) {
            int x = at[k][0] * cell + cell / 2, y = at[k][1] * cell + cell / 2;
            assertColor(SpriteFixture.color(items[1 + k]), texel(tex, 64, 64, x, y), "cell " + k + " is item " + items[1 + k]);
            // The transparent edge of the cell shows the background.
            assertColor(SceneRenderer.BACKGROUND, texel(tex, 64, 64, at[k][0] * cell + 1, at[k][1] * cell + 1), "edge of cell " + k);
        }
        assertEquals(java.util.List.of(), GlState.deviations());
        // Another list redraws the sheet.
        tex = sheet.draw(new int[] {2, 2}, 0, 2, 2, cell);
        assertColor(SpriteFixture.color(2), texel(tex, 64, 32, cell + cell / 2, cell / 2), "redrawn");
    }
}
