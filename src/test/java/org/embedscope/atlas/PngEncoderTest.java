package org.embedscope.atlas;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Round trips through javax.imageio's PNG decoder, for every pixel format and every filter. */
class PngEncoderTest {

    /** Pixels with smooth areas (Sub/Up/Average/Paeth win) and noise (None wins), so every filter is chosen. */
    private static byte[] mixed(int w, int h, int ch, long seed) {
        Random r = new Random(seed);
        byte[] px = new byte[w * h * ch];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < ch; c++) {
                    int v = switch ((y / 7) % 4) {
                        case 0 -> r.nextInt(256);
                        case 1 -> x * 3 + c * 40;
                        case 2 -> y * 5 + c;
                        default -> (x + y) * 2 + r.nextInt(3);
                    };
                    px[(y * w + x) * ch + c] = (byte) v;
                }
            }
        }
        return px;
    }

    @Test
    void decodesBackExactlyInEveryFormat() throws Exception {
        for (PixelFormat f : PixelFormat.values()) {
            int w = 301, h = 97; // more than one IDAT chunk for the wider formats
            byte[] px = mixed(w, h, f.channels, f.ordinal());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PngEncoder.write(out, px, w, h, f, 6);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
            assertNotNull(img, f.name());
            assertEquals(w, img.getWidth());
            assertEquals(h, img.getHeight());
            assertEquals(f.channels, img.getRaster().getNumBands(), f.name());
            int[] row = new int[w * f.channels];
            for (int y = 0; y < h; y++) {
                img.getRaster().getPixels(0, y, w, 1, row);
                for (int i = 0; i < row.length; i++) {
                    assertEquals(px[y * w * f.channels + i] & 0xff, row[i], f + " row " + y + " sample " + i);
                }
            }
        }
    }

    @Test
    void choosesDifferentFiltersForDifferentRows() {
        int w = 64, bpp = 1;
        byte[] px = mixed(w, 28, bpp, 1);
        byte[] out = new byte[1 + w];
        java.util.Set<Integer> used = new java.util.HashSet<>();
        for (int y = 0; y < 28; y++) used.add(PngEncoder.filterRow(px, y * w, y == 0 ? -1 : (y - 1) * w, w, bpp, out));
        assertTrue(used.size() >= 3, "filters used: " + used);
    }

    @Test
    void levelZeroStoresAndNineCompresses() throws Exception {
        byte[] px = new byte[512 * 512];
        ByteArrayOutputStream stored = new ByteArrayOutputStream(), packed = new ByteArrayOutputStream();
        PngEncoder.write(stored, px, 512, 512, PixelFormat.GREY, 0);
        PngEncoder.write(packed, px, 512, 512, PixelFormat.GREY, 9);
        assertTrue(stored.size() > 512 * 512, "stored: " + stored.size());
        assertTrue(packed.size() < 2000, "zeros compress: " + packed.size());
        assertNotNull(ImageIO.read(new ByteArrayInputStream(stored.toByteArray())));
    }
}
