package org.embedscope.atlas;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** One sprite sheet for TensorBoard: ⌈√n⌉ columns, cells shrunk alike when they do not fit. */
class SpriteSheetTest {
    private static byte[] twoTone(int cell, int left, int right) {
        byte[] px = new byte[cell * cell * 3];
        for (int y = 0; y < cell; y++) {
            for (int x = 0; x < cell; x++) {
                int v = x < cell / 2 ? left : right, o = (y * cell + x) * 3;
                px[o] = (byte) v;
                px[o + 1] = (byte) (255 - v);
                px[o + 2] = (byte) (v / 2);
            }
        }
        return px;
    }

    private static BufferedImage png(SpriteSheet s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.writePng(out, 6);
        return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void cellsKeepTheirSizeWhenTheyFit() throws Exception {
        SpriteSheet s = SpriteSheet.plan(10, 8, PixelFormat.RGB, 8192);
        assertEquals(4, s.columns());
        assertEquals(8, s.cell());
        assertEquals(32, s.width());
        assertEquals(24, s.height(), "3 rows for 10 cells");
        for (int i = 0; i < 10; i++) s.put(i, twoTone(8, i * 20, 200));
        BufferedImage img = png(s);
        assertEquals(32, img.getWidth());
        // cell 6: row 1, column 2; its left half holds the first tone
        int rgb = img.getRGB(2 * 8 + 1, 8 + 5) & 0xffffff;
        assertEquals(120 << 16 | (255 - 120) << 8 | 60, rgb);
        assertEquals(200 << 16 | 55 << 8 | 100, img.getRGB(2 * 8 + 6, 8 + 5) & 0xffffff);
    }

    @Test
    void cellsShrinkAlikeToFitTheLimit() throws Exception {
        SpriteSheet s = SpriteSheet.plan(17, 8, PixelFormat.RGB, 20); // 5 columns of at most 4 px
        assertEquals(5, s.columns());
        assertEquals(4, s.cell());
        assertTrue(s.width() <= 20 && s.height() <= 20);
        for (int i = 0; i < 17; i++) s.put(i, twoTone(8, i * 10, 250));
        BufferedImage img = png(s);
        for (int i = 0; i < 17; i++) {
            int x0 = (i % 5) * 4, y0 = (i / 5) * 4;
            // area averaging of 2×2 blocks of one tone gives that tone exactly
            assertEquals((i * 10) << 16 | (255 - i * 10) << 8 | (i * 10 / 2), img.getRGB(x0 + 1, y0 + 2) & 0xffffff, "cell " + i);
            assertEquals(250 << 16 | 5 << 8 | 125, img.getRGB(x0 + 2, y0 + 3) & 0xffffff, "cell " + i);
        }
    }

    @Test
    void tooManyForOneSheetIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpriteSheet.plan(500, 8, PixelFormat.GREY, 20));
        assertTrue(e.getMessage().contains("500 images do not fit in one sprite of at most 20×20"), e.getMessage());
    }
}
