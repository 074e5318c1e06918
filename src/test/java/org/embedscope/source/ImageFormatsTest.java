package org.embedscope.source;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.embedscope.bundle.BundleException;
import org.embedscope.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WebP, CMYK JPEG and EXIF orientation, read from files other programs wrote (src/test/resources/images). */
class ImageFormatsTest {
    static final Path DIR = Path.of("src/test/resources/images");

    @TempDir Path tmp;

    private static int[] rgba(DecodedImage img, int x, int y) {
        int c = img.channels(), o = (y * img.width() + x) * c;
        byte[] p = img.pixels();
        int r = p[o] & 0xff, g = c >= 3 ? p[o + 1] & 0xff : r, b = c >= 3 ? p[o + 2] & 0xff : r;
        int a = img.hasAlpha() ? p[o + c - 1] & 0xff : 255;
        return new int[] {r, g, b, a};
    }

    @Test
    void losslessWebpDecodesToTheSamePixelsAsThePng() throws Exception {
        DecodedImage webp = ImageFiles.read(DIR.resolve("lossless.webp"), "item 0");
        DecodedImage png = ImageFiles.read(DIR.resolve("rgba.png"), "item 0");
        assertEquals(8, webp.width());
        assertEquals(6, webp.height());
        assertEquals(4, webp.channels(), "colour with alpha");
        assertArrayEquals(png.pixels(), webp.pixels());
        assertArrayEquals(new int[] {255, 255, 255, 255}, rgba(webp, 1, 1));
        assertArrayEquals(new int[] {8, 6}, ImageFiles.size(DIR.resolve("lossless.webp"), "item 0"));
    }

    @Test
    void lossyWebpIsCloseToWhatWasEncoded() throws Exception {
        DecodedImage img = ImageFiles.read(DIR.resolve("lossy.webp"), "item 0");
        assertArrayEquals(new int[] {16, 12}, ImageFiles.size(DIR.resolve("lossy.webp"), "item 0"));
        assertClose(new int[] {200, 40, 30}, rgba(img, 2, 6), 24);
        assertClose(new int[] {20, 60, 220}, rgba(img, 13, 6), 24);
    }

    @Test
    void cmykJpegIsReadInColour() throws Exception {
        DecodedImage img = ImageFiles.read(DIR.resolve("cmyk.jpg"), "item 0");
        assertEquals(3, img.channels());
        int[] left = rgba(img, 3, 4), right = rgba(img, 12, 4);
        assertTrue(left[0] > 180 && left[1] < 90 && left[2] < 90, "red: " + java.util.Arrays.toString(left));
        assertTrue(right[2] > 120 && right[0] < 90 && right[1] < 120, "blue: " + java.util.Arrays.toString(right));
    }

    @Test
    void tiffOrientationIsShownAsImageMagickShowsIt() throws Exception {
        Path tif = DIR.resolve("oriented-6.tif");
        assertEquals(6, ExifOrientation.of(tif));
        DecodedImage shown = ImageFiles.read(tif, "item 0");
        DecodedImage expected = ImageFiles.read(DIR.resolve("oriented-6-shown.png"), "item 0");
        assertEquals(4, shown.width());
        assertEquals(8, shown.height());
        assertArrayEquals(expected.pixels(), shown.pixels());
        assertArrayEquals(new int[] {4, 8}, ImageFiles.size(tif, "item 0"), "the size is the shown one");
    }

    /**
     * What a viewer shows at the top-left, top-right, bottom-left and bottom-right of an image stored in
     * quadrants red, green / blue, white, per orientation (the EXIF tag's definition).
     */
    private static final String[] SHOWN = {null,
            "RGBW", // 1: as stored
            "GRWB", // 2: mirrored left to right
            "WBGR", // 3: turned 180°
            "BWRG", // 4: flipped top to bottom
            "RBGW", // 5: transposed (stored rows become columns)
            "BRWG", // 6: turned 90° clockwise
            "WGBR", // 7: transverse
            "GWRB", // 8: turned 90° anticlockwise
    };

    /** A TIFF structure whose one IFD holds only the Orientation tag: an Exif block. */
    private static byte[] exifWithOrientation(int orientation, ByteOrder order) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4).order(order);
        tiff.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M').put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        tiff.putShort((short) 42).putInt(8);
        tiff.putShort((short) 1); // one entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0); // no next IFD
        return tiff.array();
    }

    /** A JPEG written by ImageIO with an APP1 Exif segment holding only the Orientation tag, put right after SOI. */
    private Path jpegWithOrientation(BufferedImage img, int orientation, ByteOrder order) throws Exception {
        ByteArrayOutputStream jpg = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, "jpg", jpg));
        byte[] plain = jpg.toByteArray();
        byte[] exif = exifWithOrientation(orientation, order);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        int len = 2 + 6 + exif.length;
        out.write(new byte[] {(byte) 0xff, (byte) 0xe1, (byte) (len >> 8), (byte) len, 'E', 'x', 'i', 'f', 0, 0});
        out.write(exif);
        out.write(plain, 2, plain.length - 2);
        Path f = tmp.resolve("o" + orientation + "-" + order + ".jpg");
        Files.write(f, out.toByteArray());
        return f;
    }

    /**
     * A PNG written by ImageIO with an eXIf chunk holding only the Orientation tag, put after IHDR (before
     * the pixels, as the PNG specification has it) or after the last IDAT.
     */
    private Path pngWithOrientation(BufferedImage img, int orientation, boolean beforePixels) throws Exception {
        return pngWithChunk(img, "eXIf", exifWithOrientation(orientation, ByteOrder.BIG_ENDIAN), beforePixels,
                tmp.resolve("o" + orientation + (beforePixels ? "" : "-late") + ".png"));
    }

    /** A PNG written by ImageIO with one more chunk, after IHDR (before the pixels) or before IEND. */
    private static Path pngWithChunk(BufferedImage img, String type, byte[] data, boolean beforePixels, Path f) throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, "png", png));
        byte[] plain = png.toByteArray();
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        int at = beforePixels ? 8 + 12 + 13 : plain.length - 12; // after the signature and IHDR, or before IEND
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, at);
        out.write(chunk.array());
        out.write(plain, at, plain.length - at);
        Files.write(f, out.toByteArray());
        return f;
    }

    /**
     * A PNG from a photo editor or a phone carries its colour space as an ICC profile (iCCP): its colours
     * had been taken as sRGB, so an Adobe RGB or ProPhoto photo was drawn dull, unlike in any viewer (and
     * unlike the same photo as JPEG). Here the profile is linear RGB, whose 128 a viewer shows as sRGB 188.
     */
    @Test
    void aPngsIccProfileIsAppliedAsViewersApplyIt() throws Exception {
        BufferedImage stored = TestData.argb(8, 8, false, (x, y) -> 0xff804020);
        ByteArrayOutputStream profile = new ByteArrayOutputStream();
        profile.write(new byte[] {'l', 'i', 'n', 'e', 'a', 'r', 0, 0}); // name, NUL, compression method 0 (zlib)
        try (var z = new java.util.zip.DeflaterOutputStream(profile)) {
            z.write(java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_LINEAR_RGB).getData());
        }
        Path f = pngWithChunk(stored, "iCCP", profile.toByteArray(), true, tmp.resolve("linear.png"));
        int[] shown = rgba(ImageFiles.read(f, "item 0"), 4, 4);
        int[] expected = new int[3];
        for (int c = 0; c < 3; c++) {
            double linear = (0x80 >> c) / 255.0; // 128, 64, 32
            double srgb = linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
            expected[c] = (int) Math.round(255 * srgb);
        }
        assertClose(expected, java.util.Arrays.copyOf(shown, 3), 3);
        int[] plain = rgba(ImageFiles.read(TestData.save(stored, "png", tmp.resolve("plain.png")), "item 0"), 4, 4);
        assertArrayEquals(new int[] {0x80, 0x40, 0x20}, java.util.Arrays.copyOf(plain, 3), "without a profile the values are sRGB as stored");
    }

    /** An sRGB profile, which many writers embed, leaves the values as stored (they are sRGB already), and so does a grey one. */
    @Test
    void aPngsSrgbOrGreyProfileLeavesItsValuesAsStored() throws Exception {
        BufferedImage stored = TestData.argb(8, 8, false, (x, y) -> 0xff000000 | (x * 31) << 16 | (y * 29) << 8 | 0x37);
        byte[] plain = ImageFiles.read(TestData.save(stored, "png", tmp.resolve("plain.png")), "item 0").pixels();
        for (int space : new int[] {java.awt.color.ColorSpace.CS_sRGB, java.awt.color.ColorSpace.CS_GRAY}) {
            ByteArrayOutputStream profile = new ByteArrayOutputStream();
            profile.write(new byte[] {'p', 0, 0});
            try (var z = new java.util.zip.DeflaterOutputStream(profile)) {
                z.write(java.awt.color.ICC_Profile.getInstance(space).getData());
            }
            Path f = pngWithChunk(stored, "iCCP", profile.toByteArray(), true, tmp.resolve("p" + space + ".png"));
            assertArrayEquals(plain, ImageFiles.read(f, "item 0").pixels(), "profile " + space);
        }
    }

    /** A phone or editor's PNG with an eXIf orientation had been drawn as stored, on its side, where browsers turn it. */
    @Test
    void aPngsExifOrientationIsTurnedUprightWhenItComesBeforeThePixels() throws Exception {
        BufferedImage stored = TestData.argb(32, 16, false, (x, y) -> x < 16 ? (y < 8 ? 0xffff0000 : 0xff0000ff) : (y < 8 ? 0xff00ff00 : 0xffffffff));
        for (int o = 1; o <= 8; o++) {
            Path f = pngWithOrientation(stored, o, true);
            DecodedImage img = ImageFiles.read(f, "item 0");
            assertArrayEquals(o >= 5 ? new int[] {16, 32} : new int[] {32, 16}, new int[] {img.width(), img.height()}, "orientation " + o);
            assertArrayEquals(new int[] {img.width(), img.height()}, ImageFiles.size(f, "item 0"));
            int w = img.width(), h = img.height();
            String corners = "" + colour(rgba(img, 2, 2)) + colour(rgba(img, w - 3, 2)) + colour(rgba(img, 2, h - 3)) + colour(rgba(img, w - 3, h - 3));
            assertEquals(SHOWN[o], corners, "orientation " + o);
        }
        DecodedImage late = ImageFiles.read(pngWithOrientation(stored, 6, false), "item 0");
        assertEquals(32, late.width(), "an eXIf after the pixels is not read, as browsers do not");
    }

    @Test
    void everyJpegExifOrientationIsTurnedUpright() throws Exception {
        // Stored 32×16 in quadrants: top-left red, top-right green, bottom-left blue, bottom-right white.
        BufferedImage stored = TestData.argb(32, 16, false, (x, y) -> x < 16 ? (y < 8 ? 0xffff0000 : 0xff0000ff) : (y < 8 ? 0xff00ff00 : 0xffffffff));
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            for (int o = 1; o <= 8; o++) {
                Path f = jpegWithOrientation(stored, o, order);
                assertEquals(o, ExifOrientation.of(f));
                DecodedImage img = ImageFiles.read(f, "item 0");
                boolean turned = o >= 5;
                assertEquals(turned ? 16 : 32, img.width(), "orientation " + o);
                assertEquals(turned ? 32 : 16, img.height(), "orientation " + o);
                assertArrayEquals(new int[] {img.width(), img.height()}, ImageFiles.size(f, "item 0"));
                int w = img.width(), h = img.height();
                String corners = "" + colour(rgba(img, 2, 2)) + colour(rgba(img, w - 3, 2)) + colour(rgba(img, 2, h - 3)) + colour(rgba(img, w - 3, h - 3));
                assertEquals(SHOWN[o], corners, "orientation " + o + " (" + order + ")");
            }
        }
    }

    /**
     * A WebP from a phone or an editor keeps its EXIF in the extended format's EXIF chunk, after the
     * pixels: it had been drawn as stored, on its side. Made here from lossless.webp (a simple WebP) as
     * such a writer makes it: a VP8X chunk first (EXIF and alpha flags, the canvas size), then its pixels,
     * then the EXIF chunk, with or without JPEG's "Exif\0\0" before the TIFF header.
     */
    @Test
    void aWebpsExifOrientationIsTurnedUpright() throws Exception {
        byte[] simple = Files.readAllBytes(DIR.resolve("lossless.webp"));
        byte[] pixels = java.util.Arrays.copyOfRange(simple, 12, simple.length); // its VP8L chunk
        DecodedImage stored = ImageFiles.read(DIR.resolve("lossless.webp"), "item 0");
        for (boolean jpegId : new boolean[] {false, true}) {
            for (int o = 1; o <= 8; o++) {
                byte[] tiff = exifWithOrientation(o, o % 2 == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
                byte[] exif = jpegId ? java.nio.ByteBuffer.allocate(6 + tiff.length).put(new byte[] {'E', 'x', 'i', 'f', 0, 0}).put(tiff).array() : tiff;
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                body.write(new byte[] {'W', 'E', 'B', 'P'});
                body.write(webpChunk("VP8X", ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN)
                        .put((byte) (0x08 | 0x10)).put(new byte[3]) // EXIF and alpha
                        .put((byte) (8 - 1)).put((byte) 0).put((byte) 0).put((byte) (6 - 1)).put((byte) 0).put((byte) 0).array()));
                body.write(pixels);
                body.write(webpChunk("EXIF", exif));
                ByteArrayOutputStream file = new ByteArrayOutputStream();
                file.write(new byte[] {'R', 'I', 'F', 'F'});
                file.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.size()).array());
                body.writeTo(file);
                Path f = Files.write(tmp.resolve("o" + o + (jpegId ? "-id" : "") + ".webp"), file.toByteArray());
                assertEquals(o, ExifOrientation.of(f), "orientation " + o);
                DecodedImage shown = ImageFiles.read(f, "item 0");
                DecodedImage expected = ExifOrientation.apply(stored, o); // each turn is checked on JPEGs and PNGs above
                assertArrayEquals(new int[] {expected.width(), expected.height()}, new int[] {shown.width(), shown.height()}, "orientation " + o);
                assertArrayEquals(expected.pixels(), shown.pixels(), "orientation " + o);
                assertArrayEquals(new int[] {shown.width(), shown.height()}, ImageFiles.size(f, "item 0"), "orientation " + o);
            }
        }
        assertEquals(1, ExifOrientation.of(DIR.resolve("lossless.webp")), "a simple WebP has no metadata");
    }

    /** A RIFF chunk: its name, its length (little-endian) and its data, padded to an even length. */
    private static byte[] webpChunk(String name, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(name.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(data.length).put(data);
        return b.array();
    }

    @Test
    void aDamagedOrMissingTagShowsTheImageAsStored() throws Exception {
        Path png = TestData.save(TestData.grey(3, 2, (x, y) -> x), "png", tmp.resolve("a.png"));
        assertEquals(1, ExifOrientation.of(png));
        Path cut = tmp.resolve("cut.jpg");
        byte[] full = Files.readAllBytes(jpegWithOrientation(TestData.grey(8, 8, (x, y) -> 0), 6, ByteOrder.BIG_ENDIAN));
        Files.write(cut, java.util.Arrays.copyOf(full, 20)); // the Exif segment ends early
        assertEquals(1, ExifOrientation.of(cut));
    }

    @Test
    void truncatedImagesAreRefusedInPlainWords() throws Exception {
        byte[] png = Files.readAllBytes(DIR.resolve("rgba.png"));
        byte[] webp = Files.readAllBytes(DIR.resolve("lossy.webp"));
        java.util.Map<String, byte[]> cut = new java.util.LinkedHashMap<>();
        cut.put("t.bmp", java.util.Arrays.copyOf("BM".getBytes(), 22)); // a header, then zeros
        cut.put("t.gif", "GIF89a".getBytes());
        cut.put("t.tif", new byte[] {'I', 'I', 42, 0});
        cut.put("t.png", java.util.Arrays.copyOf(png, 40));
        cut.put("t.webp", java.util.Arrays.copyOf(webp, 30));
        for (var e : cut.entrySet()) {
            Path file = Files.write(tmp.resolve(e.getKey()), e.getValue());
            BundleException read = assertThrows(BundleException.class, () -> ImageFiles.read(file, "item 4"));
            assertEquals(file + ": item 4: corrupt or unreadable image: the file ends early (truncated)", read.getMessage());
        }
    }

    @Test
    void anImageTheDecoderRejectsIsNamedByItsFormat() throws Exception {
        byte[] bmp = new byte[64]; // a BMP header that declares a compression no decoder knows
        ByteBuffer b = ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(2, 64).putInt(10, 54).putInt(14, 40).putInt(18, 2).putInt(22, 2)
                .putShort(26, (short) 1).putShort(28, (short) 24).putInt(30, 99);
        Path file = Files.write(tmp.resolve("odd.bmp"), bmp);
        String m = assertThrows(BundleException.class, () -> ImageFiles.read(file, "item 0")).getMessage();
        assertEquals(file + ": item 0: corrupt or unreadable image: not a readable BMP image", m);
    }

    @Test
    void anImageOfMoreThanAHundredMegapixelsIsReadSmallerAndAnAbsurdOneIsRefused() throws Exception {
        // 12,000 × 9,000 (108 MP): white left third, grey top right, black bottom right
        byte[] top = new byte[12_000], bottom = new byte[12_000];
        java.util.Arrays.fill(top, 0, 4000, (byte) 255);
        java.util.Arrays.fill(bottom, 0, 4000, (byte) 255);
        java.util.Arrays.fill(top, 4000, 12_000, (byte) 128);
        Path big = tmp.resolve("scan.png");
        org.embedscope.bundle.TestPng.write(big, org.embedscope.bundle.TestPng.greyRows(12_000, 9_000, y -> y < 4500 ? top : bottom));
        assertArrayEquals(new int[] {12_000, 9_000}, ImageFiles.size(big, "item 0"), "the size is the file's");
        DecodedImage img = ImageFiles.read(big, "item 0");
        assertEquals(6000, img.width(), "every second pixel: 27 MP, the fewest steps within 100 MP");
        assertEquals(4500, img.height());
        assertEquals(255, rgba(img, 1999, 10)[0]);
        assertEquals(128, rgba(img, 2000, 10)[0]);
        assertEquals(128, rgba(img, 5999, 2249)[0]);
        assertEquals(0, rgba(img, 3000, 2250)[0]);
        assertEquals(255, rgba(img, 0, 4499)[0]);
        // a sprite sheet's grid would break if it were read smaller: it is refused instead
        String whole = assertThrows(BundleException.class, () -> ImageFiles.readWhole(big, "the sprite")).getMessage();
        assertEquals(big + ": the sprite: declares 12000×9000 pixels; at most 100,000,000 are read here, at full resolution", whole);
        // a small file that declares 1.2 gigapixels (a decompression bomb) is refused from its header
        Path bomb = tmp.resolve("bomb.png");
        org.embedscope.bundle.TestPng.write(bomb, org.embedscope.bundle.TestPng.greyRows(40_000, 1, y -> new byte[40_000]));
        byte[] b = Files.readAllBytes(bomb);
        ByteBuffer.wrap(b).putInt(8 + 8 + 4, 30_000); // IHDR's height (its CRC now wrong: the header is refused first)
        Files.write(bomb, b);
        String m = assertThrows(BundleException.class, () -> ImageFiles.read(bomb, "item 3")).getMessage();
        assertEquals(bomb + ": item 3: declares 40000×30000 pixels; at most 1,000,000,000 are accepted", m);
    }

    @Test
    void subsamplingIsTheFewestStepsThatKeepAHundredMegapixels() {
        assertEquals(1, ImageFiles.subsampling(10_000, 10_000));
        assertEquals(2, ImageFiles.subsampling(10_001, 10_000));
        assertEquals(2, ImageFiles.subsampling(20_000, 20_000));
        assertEquals(3, ImageFiles.subsampling(20_001, 20_000));
        assertEquals(4, ImageFiles.subsampling(1_000_000, 1_000), "333,334 × 334 is 111 MP");
        assertEquals(1, ImageFiles.subsampling(100_000_000, 1));
        assertEquals(2, ImageFiles.subsampling(100_000_001, 1), "a side of more than 100 million pixels: every second");
    }

    private static char colour(int[] c) {
        if (c[0] > 200 && c[1] > 200 && c[2] > 200) return 'W';
        if (c[0] > 200) return 'R';
        if (c[1] > 200) return 'G';
        if (c[2] > 200) return 'B';
        return '?';
    }

    private static void assertClose(int[] expected, int[] actual, int tolerance) {
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Math.abs(expected[i] - actual[i]) <= tolerance, "channel " + i + ": " + java.util.Arrays.toString(actual)
                    + " against " + java.util.Arrays.toString(expected));
        }
    }
}
