package org.embedscope.atlas;

import static org.junit.jupiter.api.Assertions.*;

import org.embedscope.source.DecodedImage;
import org.junit.jupiter.api.Test;

class CellFitterTest {

    private static DecodedImage greyImage(int w, int h, int[] values) {
        byte[] b = new byte[w * h];
        for (int i = 0; i < b.length; i++) b[i] = (byte) values[i];
        return new DecodedImage(w, h, 1, b);
    }

    private static int[] unsigned(byte[] b) {
        int[] u = new int[b.length];
        for (int i = 0; i < b.length; i++) u[i] = b[i] & 0xff;
        return u;
    }

    @Test
    void halvingAveragesEachBlock() {
        DecodedImage img = greyImage(4, 4, new int[] {
                0, 8, 100, 100,
                4, 12, 100, 104,
                255, 255, 1, 2,
                255, 255, 3, 4});
        CellFitter.Fitted f = CellFitter.fit(img, 2);
        assertEquals(PixelFormat.GREY, f.format());
        assertArrayEquals(new int[] {6, 101, 255, 3}, unsigned(f.pixels()));
    }

    @Test
    void areaAveragingIsNotNearestNeighbour() {
        int[] checker = new int[64];
        for (int i = 0; i < 64; i++) checker[i] = ((i % 8) + (i / 8)) % 2 == 0 ? 0 : 255;
        int[] out = unsigned(CellFitter.fit(greyImage(8, 8, checker), 4).pixels());
        for (int v : out) assertEquals(128, v, "every output pixel averages two black and two white");
    }

    @Test
    void fractionalCoverageWeighsPartlyCoveredPixels() {
        // 3 → 2 pixels: output 0 covers input 0 fully and half of input 1; output 1 the other half and input 2
        int[] row = {0, 90, 180};
        int[] img = new int[9];
        for (int y = 0; y < 3; y++) System.arraycopy(row, 0, img, y * 3, 3);
        int[] out = unsigned(CellFitter.fit(greyImage(3, 3, img), 2).pixels());
        assertArrayEquals(new int[] {30, 150, 30, 150}, out);
    }

    @Test
    void keepsAspectAndLeavesTheRestTransparent() {
        int[] img = new int[20 * 10];
        java.util.Arrays.fill(img, 200);
        CellFitter.Fitted f = CellFitter.fit(greyImage(20, 10, img), 8);
        assertEquals(PixelFormat.GREY_ALPHA, f.format());
        int[] px = unsigned(f.pixels());
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                boolean inside = y >= 2 && y < 6; // 20×10 → 8×4, centred vertically
                int o = (y * 8 + x) * 2;
                assertEquals(inside ? 255 : 0, px[o + 1], "alpha at " + x + "," + y);
                assertEquals(inside ? 200 : 0, px[o], "premultiplied grey at " + x + "," + y);
            }
        }
    }

    @Test
    void transparentColourDoesNotBleed() {
        // red but fully transparent, next to opaque blue: the average is half-covered pure blue
        DecodedImage img = new DecodedImage(2, 2, 4, new byte[] {
                (byte) 255, 0, 0, 0, 0, 0, (byte) 255, (byte) 255,
                (byte) 255, 0, 0, 0, 0, 0, (byte) 255, (byte) 255});
        CellFitter.Fitted f = CellFitter.fit(img, 1);
        assertEquals(PixelFormat.RGBA, f.format());
        assertArrayEquals(new int[] {0, 0, 128, 128}, unsigned(f.pixels()), "premultiplied");
    }

    @Test
    void smallImagesAreMagnifiedSmoothly() {
        int[] out = unsigned(CellFitter.fit(greyImage(2, 2, new int[] {0, 200, 0, 200}), 4).pixels());
        // bilinear: columns 0, 50, 150, 200 — nearest would repeat 0 0 200 200
        assertArrayEquals(new int[] {0, 50, 150, 200}, java.util.Arrays.copyOf(out, 4));
    }

    @Test
    void levelSizesHalveDownToAboutFourPixels() {
        assertArrayEquals(new int[] {28, 14, 7}, LevelsOfDetail.cellSizes(28, 16));
        assertArrayEquals(new int[] {64, 32, 16, 8, 4}, LevelsOfDetail.cellSizes(64, 16));
        assertArrayEquals(new int[] {64, 32}, LevelsOfDetail.cellSizes(64, 2));
        assertArrayEquals(new int[] {5}, LevelsOfDetail.cellSizes(5, 16));
    }

    @Test
    void oddCellsReduceByArea() {
        int[] img = new int[49];
        for (int i = 0; i < 49; i++) img[i] = (i % 7) < 3 ? 0 : 210; // columns 0-2 black, 3-6 grey
        byte[] r = LevelsOfDetail.reduce(greyImage(7, 7, img).pixels(), 7, 1, 3);
        // output column 1 covers input columns 7/3 … 14/3: 2/3 of column 2 (black), all of column 3, 2/3 of column 4
        double expected = 210 * (1 + 2 / 3.0) / (7 / 3.0);
        assertEquals(0, r[0] & 0xff);
        assertEquals(Math.round(expected), r[1] & 0xff);
        assertEquals(210, r[2] & 0xff);
    }
}
