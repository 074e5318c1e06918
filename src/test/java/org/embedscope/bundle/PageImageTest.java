package org.embedscope.bundle;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageImageTest {

    @TempDir Path tmp;

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    /** A pattern where every byte differs from its neighbours, so a wrong stride or channel order shows. */
    private static byte[] pattern(int n) {
        byte[] p = new byte[n];
        for (int i = 0; i < n; i++) p[i] = (byte) (i * 31 + (i >> 3));
        return p;
    }

    @Test
    void keepsEachColourTypesOwnChannelsAndPixels() throws Exception {
        // odd width: rows are not 4-byte aligned, so a stride mistake would shift the pattern
        int w = 7, h = 5;
        for (int type : new int[] {0, 4, 2, 6}) {
            int ch = TestPng.channels(type);
            byte[] pixels = pattern(w * h * ch);
            Path file = tmp.resolve("t" + type + ".png");
            TestPng.write(file, TestPng.encode(w, h, type, pixels));
            try (PageImage img = PageImage.read(file)) {
                assertEquals(w, img.width());
                assertEquals(h, img.height());
                assertEquals(ch, img.channels(), "colour type " + type);
                assertArrayEquals(pixels, bytes(img.pixels()), "colour type " + type);
            }
        }
    }

    @Test
    void readingThePixelsThroughTheirBufferLeavesTheImageIntact() throws Exception {
        Path file = tmp.resolve("p.png");
        byte[] pixels = pattern(6 * 4);
        TestPng.write(file, TestPng.encode(6, 4, 0, pixels));
        try (PageImage img = PageImage.read(file)) {
            byte[] read = new byte[img.pixels().remaining()];
            img.pixels().get(read); // moves that buffer's position: the image must not care (it frees its own)
            assertArrayEquals(pixels, read);
            assertArrayEquals(pixels, bytes(img.pixels()));
        }
    }

    @Test
    void convertsToAskedChannels() throws Exception {
        Path file = tmp.resolve("grey.png");
        TestPng.write(file, TestPng.encode(2, 1, 0, new byte[] {10, (byte) 200}));
        try (PageImage img = PageImage.read(file, 4)) {
            assertEquals(4, img.channels());
            assertArrayEquals(new byte[] {10, 10, 10, (byte) 255, (byte) 200, (byte) 200, (byte) 200, (byte) 255},
                    bytes(img.pixels()));
        }
    }

    @Test
    void readsPngsWrittenByImageIo() throws Exception {
        // another encoder (filters, chunking of its own) than the test writer
        BufferedImage grey = new BufferedImage(30, 20, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage argb = new BufferedImage(30, 20, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 30; x++) {
                grey.getRaster().setSample(x, y, 0, (x * 8 + y) & 0xff);
                argb.setRGB(x, y, (y * 12) << 24 | x << 16 | y << 8 | (x + y));
            }
        }
        Path g = tmp.resolve("grey.png");
        Path c = tmp.resolve("argb.png");
        ImageIO.write(grey, "png", g.toFile());
        ImageIO.write(argb, "png", c.toFile());
        try (PageImage img = PageImage.read(g)) {
            assertEquals(1, img.channels());
            assertEquals((byte) (13 * 8 + 7), img.pixels().get(7 * 30 + 13));
        }
        try (PageImage img = PageImage.read(c)) {
            assertEquals(4, img.channels());
            int at = (7 * 30 + 13) * 4;
            assertArrayEquals(new byte[] {13, 7, 20, (byte) (7 * 12)}, Arrays.copyOfRange(bytes(img.pixels()), at, at + 4));
        }
    }

    @Test
    void expandsPalettePngs() throws Exception {
        byte[] r = {0, (byte) 255}, gr = {0, 0}, b = {0, (byte) 128};
        BufferedImage pal = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 2, r, gr, b));
        pal.getRaster().setSample(1, 1, 0, 1);
        Path file = tmp.resolve("pal.png");
        ImageIO.write(pal, "png", file.toFile());
        try (PageImage img = PageImage.read(file)) {
            assertEquals(3, img.channels());
            assertArrayEquals(new byte[] {(byte) 255, 0, (byte) 128}, Arrays.copyOfRange(bytes(img.pixels()), 15, 18));
            assertEquals(0, img.pixels().get(0));
        }
    }

    @Test
    void closingTwiceIsHarmlessAndPixelsAreGoneAfter() throws Exception {
        Path file = tmp.resolve("p.png");
        TestPng.write(file, TestPng.encode(2, 2, 0, new byte[4]));
        PageImage img = PageImage.read(file);
        img.close();
        img.close();
        assertThrows(IllegalStateException.class, img::pixels);
    }

    @Test
    void refusesEveryTruncationWithTheFileNamed() throws Exception {
        Path file = tmp.resolve("cut.png");
        byte[] png = TestPng.encode(16, 16, 2, pattern(16 * 16 * 3));
        // every possible cut, from an empty file to one missing only IEND's last byte
        for (int len = 0; len < png.length; len++) {
            Files.write(file, Arrays.copyOf(png, len));
            int cut = len;
            BundleException e = assertThrows(BundleException.class, () -> PageImage.read(file).close(), "cut at " + cut);
            assertEquals(file, e.file());
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        }
    }

    @Test
    void refusesAFlippedBitAnywhereInTheFile() throws Exception {
        // stb_image skips chunk CRCs and the zlib checksum: without the chunk walk some of these decode as garbage
        Path file = tmp.resolve("flip.png");
        byte[] png = TestPng.encode(16, 16, 0, pattern(256));
        for (int i = 0; i < png.length; i++) {
            byte[] bad = png.clone();
            bad[i] ^= 0x01;
            Files.write(file, bad);
            int at = i;
            BundleException e = assertThrows(BundleException.class, () -> PageImage.read(file).close(), "bit flipped at byte " + at);
            assertEquals(file, e.file());
        }
    }

    @Test
    void refusesSizesOverTheLimitFromTheHeaderAlone() throws Exception {
        Path file = tmp.resolve("wide.png");
        // 16385 × 1 grey: only 16 KiB decoded, but wider than any page may be
        TestPng.write(file, TestPng.build(TestPng.header(PngHeader.MAX_SIDE + 1, 1, 8, 0), TestPng.deflate(new byte[16386])));
        BundleException e = assertThrows(BundleException.class, () -> PageImage.read(file));
        assertTrue(e.getMessage().contains("16385×1"), e.getMessage());
        // 16384 × 16384 RGBA, exactly 1 GiB: the header passes (no pixels are decoded here)
        PngHeader ok = PngHeader.parse(ByteBuffer.wrap(TestPng.build(TestPng.header(16384, 16384, 8, 6), new byte[0])), file);
        assertEquals(4, ok.channels());
    }
}
