package org.embedscope.source;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.BundlePaths;

/**
 * Reads image files (PNG, JPEG, GIF, BMP, TIFF, WBMP, and WebP and CMYK JPEG through the TwelveMonkeys
 * plug-ins the jar carries) with {@code javax.imageio} into {@link DecodedImage}s, turned upright as their
 * EXIF orientation says ({@link ExifOrientation}), a PNG's colours taken from its ICC profile ({@link PngColour}). A file that is not an image, is corrupt or truncated
 * (including decoder warnings such as a premature end of JPEG data), or declares an absurd size is
 * refused with one line naming it.
 */
public final class ImageFiles {
    private ImageFiles() {}

    /** File name extensions (lower case) that folder sources pick up. */
    public static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "wbmp", "webp");

    /**
     * Extensions (lower case) of image formats this tool does not read: phones' HEIC, newer web formats,
     * vector and layered files, cameras' raw files. A folder source says how many it left out, where it
     * passes other files without a word: a folder of iPhone photos had lost its HEIC ones silently.
     */
    public static final List<String> OTHER_IMAGE_EXTENSIONS = List.of("heic", "heif", "avif", "jxl", "jp2", "svg", "psd", "exr",
            "dng", "cr2", "cr3", "nef", "arw", "orf", "rw2", "raf");

    /**
     * Largest image decoded at full resolution, in pixels; a larger one is read with every k-th pixel of
     * every k-th row, the smallest k that brings it within this (its cell is at most a few hundred pixels
     * anyway), so a scan or a panorama of 150 megapixels is one more item, not a gigabyte of pixels.
     */
    public static final long MAX_PIXELS = 100_000_000L;
    /**
     * Largest image accepted at all, in pixels: refuses decompression bombs (a small file declaring a
     * huge image) from the header, before decoding. Decoding reads every pixel however few are kept.
     */
    public static final long MAX_DECLARED_PIXELS = 1_000_000_000L;

    static {
        ImageIO.setUseCache(false); // decode in memory, no temporary files
    }

    /** True when the file's name ends with one of {@link #EXTENSIONS}. */
    public static boolean hasImageExtension(Path file) {
        return EXTENSIONS.contains(extension(file));
    }

    /** True when the file's name ends with one of {@link #OTHER_IMAGE_EXTENSIONS}. */
    public static boolean hasOtherImageExtension(Path file) {
        return OTHER_IMAGE_EXTENSIONS.contains(extension(file));
    }

    /** The name's extension in lower case, or "" when it has none (a leading dot starts no extension). */
    static String extension(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(dot + 1) : "";
    }

    /** Width and height as shown (after the EXIF orientation), from the file's header, without decoding the pixels. */
    public static int[] size(Path file, String where) throws BundleException {
        try (ImageInputStream in = open(file, where)) {
            ImageReader reader = reader(in, file, where);
            try {
                int[] wh = checkedSize(reader, file, where);
                return ExifOrientation.swapsSides(ExifOrientation.of(file)) ? new int[] {wh[1], wh[0]} : wh;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw corrupt(file, where, e);
        }
    }

    /** Decodes the first image of the file; one of more than {@link #MAX_PIXELS} is read smaller ({@link #subsampling}). */
    public static DecodedImage read(Path file, String where) throws BundleException {
        return read(file, where, true);
    }

    /**
     * Decodes the first image of the file at its full resolution, refusing one of more than
     * {@link #MAX_PIXELS}: for a sprite sheet, whose grid of cells reading it smaller would break.
     */
    public static DecodedImage readWhole(Path file, String where) throws BundleException {
        return read(file, where, false);
    }

    private static DecodedImage read(Path file, String where, boolean mayShrink) throws BundleException {
        try (ImageInputStream in = open(file, where)) {
            ImageReader reader = reader(in, file, where);
            try {
                int[] wh = checkedSize(reader, file, where);
                int k = subsampling(wh[0], wh[1]);
                if (k > 1 && !mayShrink) {
                    throw new BundleException(file, where, "declares " + wh[0] + "×" + wh[1] + " pixels; at most "
                            + String.format(Locale.ROOT, "%,d", MAX_PIXELS) + " are read here, at full resolution");
                }
                String[] warning = new String[1];
                reader.addIIOReadWarningListener((source, message) -> {
                    if (warning[0] == null && !isColourNotice(message)) warning[0] = message;
                });
                ImageReadParam param = reader.getDefaultReadParam();
                if (k > 1) param.setSourceSubsampling(k, k, 0, 0);
                BufferedImage img = reader.read(0, param);
                if (warning[0] != null) throw new BundleException(file, where, "corrupt image: " + warning[0]);
                // the orientation and a PNG's profile from one more opening of the file, not one each
                try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
                    int orientation = ExifOrientation.of(ch);
                    return ExifOrientation.apply(toDecoded(PngColour.inSrgb(img, ch)).compact(), orientation);
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw corrupt(file, where, e);
        }
    }

    /**
     * Decoders warn about damaged data (a premature end of JPEG data), and also about colour handling
     * (a CMYK JPEG without an ICC profile is converted with a generic one): the latter is no damage.
     */
    static boolean isColourNotice(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return m.contains("icc") || m.contains("color profile") || m.contains("colour profile") || m.contains("color conversion")
                || m.contains("cmyk to rgb");
    }

    private static ImageInputStream open(Path file, String where) throws IOException, BundleException {
        // a pipe listed (or found) as an image would wait for a writer for ever; a folder reads as no image
        BundlePaths.checkRegularFile(file, where, "an image file");
        try {
            ImageInputStream in = ImageIO.createImageInputStream(Files.newInputStream(file));
            if (in == null) throw new BundleException(file, where, "cannot open as an image stream");
            return in;
        } catch (NoSuchFileException e) {
            // a name in another encoding (Latin-1 from an old archive) is listed with U+FFFD in place of its bytes,
            // and that name does not exist: the file is there, its name cannot be spelled
            if (file.toString().indexOf('\uFFFD') >= 0) {
                throw new BundleException(file, where, "its name is not valid " + System.getProperty("sun.jnu.encoding", "UTF-8")
                        + " (the system's encoding of file names), so it cannot be opened; expected a name in that encoding: rename the file");
            }
            throw new BundleException(file, where, "no such file");
        }
    }

    private static ImageReader reader(ImageInputStream in, Path file, String where) throws BundleException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            if (file.toFile().length() == 0) throw new BundleException(file, where, "is empty (0 bytes); expected an image file");
            throw new BundleException(file, where, "not a readable image; expected PNG, JPEG, WebP, GIF, BMP or TIFF");
        }
        ImageReader r = readers.next();
        r.setInput(in, true, true);
        return r;
    }

    private static int[] checkedSize(ImageReader reader, Path file, String where) throws IOException, BundleException {
        int w = reader.getWidth(0), h = reader.getHeight(0);
        if (w <= 0 || h <= 0) throw new BundleException(file, where, "declares an empty image " + w + "×" + h);
        if ((long) w * h > MAX_DECLARED_PIXELS) {
            throw new BundleException(file, where, "declares " + w + "×" + h + " pixels; at most "
                    + String.format(Locale.ROOT, "%,d", MAX_DECLARED_PIXELS) + " are accepted");
        }
        return new int[] {w, h};
    }

    /**
     * The step k an image of {@code w × h} is read with (every k-th pixel of every k-th row): 1 up to
     * {@link #MAX_PIXELS}, else the smallest that keeps at most that many.
     */
    static int subsampling(int w, int h) {
        int k = 1;
        while ((long) ceilDiv(w, k) * ceilDiv(h, k) > MAX_PIXELS) k++;
        return k;
    }

    private static int ceilDiv(int a, int k) {
        return (a + k - 1) / k;
    }

    private static BundleException corrupt(Path file, String where, Exception e) {
        if (e instanceof BundleException b) return b;
        return new BundleException(file, where, "corrupt or unreadable image: " + plainReason(file, e), e);
    }

    /**
     * Why the decoder gave up, in plain words: its own messages name Java classes ("EOFException") or are
     * ImageIO's ("I/O error reading header!"), which say nothing to a person.
     */
    static String plainReason(Path file, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) return "the file ends early (truncated)";
        }
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String ext = n.substring(n.lastIndexOf('.') + 1);
        String format = switch (ext) {
            case "jpg", "jpeg" -> "JPEG ";
            case "tif", "tiff" -> "TIFF ";
            case "png", "gif", "bmp", "wbmp", "webp" -> ext.equals("webp") ? "WebP " : ext.toUpperCase(Locale.ROOT) + " ";
            default -> "";
        };
        return "not a readable " + format + "image";
    }

    /**
     * Samples of a decoded image. Grey images are read from the raster directly: going through
     * {@code getRGB} would apply the linear-grey-to-sRGB conversion and brighten them.
     */
    static DecodedImage toDecoded(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        ColorModel cm = img.getColorModel();
        Raster r = img.getRaster();
        int bands = r.getNumBands();
        int type = r.getTransferType();
        boolean greyModel = cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && cm.getNumColorComponents() == 1
                && (bands == 1 || (bands == 2 && cm.hasAlpha()))
                && (type == DataBuffer.TYPE_BYTE || type == DataBuffer.TYPE_USHORT)
                && !(cm instanceof java.awt.image.IndexColorModel);
        if (greyModel) {
            int bits = cm.getComponentSize(0);
            int shift = Math.max(0, bits - 8);
            int max = (1 << Math.min(bits, 8)) - 1;
            int[] row = new int[w * bands];
            byte[] out = new byte[w * h * bands];
            for (int y = 0; y < h; y++) {
                r.getPixels(0, y, w, 1, row);
                for (int i = 0; i < row.length; i++) {
                    int v = row[i] >>> shift;
                    // widen sub-byte grey (1, 2, 4 bits) to 0–255
                    if (max != 255) v = v * 255 / max;
                    out[y * w * bands + i] = (byte) v;
                }
            }
            return new DecodedImage(w, h, bands, out);
        }
        boolean alpha = cm.hasAlpha();
        int ch = alpha ? 4 : 3;
        byte[] out = new byte[w * h * ch];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0, o = y * w * ch; x < w; x++, o += ch) {
                int argb = row[x];
                out[o] = (byte) (argb >>> 16);
                out[o + 1] = (byte) (argb >>> 8);
                out[o + 2] = (byte) argb;
                if (alpha) out[o + 3] = (byte) (argb >>> 24);
            }
        }
        return new DecodedImage(w, h, ch, out);
    }
}
