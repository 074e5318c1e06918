package org.embedscope.source;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A PNG's colours as viewers show them. The JDK's PNG reader leaves the pixels in the colour space of the
 * file's {@code iCCP} profile (Adobe RGB or ProPhoto from a photo editor, Display P3 from a phone's
 * screenshot) and calls them sRGB, so such images were drawn duller than in any viewer, while the JPEG,
 * TIFF and WebP readers convert theirs.
 *
 * <p>Cheap where nothing is to be done, which is nearly every PNG: the profile is found by a walk over the
 * chunks before the pixels (no metadata tree), an sRGB profile (many writers embed one) is found to leave
 * the values as they are and skipped, and a colour transform is built once per profile and worker thread, not per image (building
 * one took about 20 ms, ten times the decoding of a small image).
 */
final class PngColour {
    private PngColour() {}

    /** Largest inflated profile taken (real ones are a few KB; Photoshop's largest about 1 MB). */
    private static final int MAX_PROFILE_BYTES = 4 << 20;
    /** Transforms kept per thread: a folder's images come from a few cameras and editors. */
    private static final int TRANSFORMS_KEPT = 8;

    private static final ThreadLocal<Map<ByteBuffer, ColorConvertOp>> TRANSFORMS = ThreadLocal.withInitial(
            () -> new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<ByteBuffer, ColorConvertOp> eldest) {
                    return size() > TRANSFORMS_KEPT;
                }
            });

    /**
     * {@code img}, just decoded from the file open in {@code ch}, in sRGB: converted from the file's RGB profile when it is
     * a PNG with one that is not sRGB, else as it is (grey images, whose profiles are grey, stay as stored).
     */
    static BufferedImage inSrgb(BufferedImage img, FileChannel ch) {
        byte[] profileBytes = profileData(ch);
        if (profileBytes == null) return img;
        ColorConvertOp op;
        try {
            op = transform(profileBytes);
        } catch (RuntimeException e) {
            return img; // a profile the colour engine refuses: as stored, as before
        }
        if (op == null) return img;
        int w = img.getWidth(), h = img.getHeight();
        // the stored values, unconverted: the reader's colour model is sRGB, so getRGB passes them through
        BufferedImage stored = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            stored.setRGB(0, y, w, 1, row, 0, w);
        }
        boolean alpha = img.getColorModel().hasAlpha();
        BufferedImage shown = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        WritableRaster from = stored.getRaster().createWritableChild(0, 0, w, h, 0, 0, new int[] {0, 1, 2});
        WritableRaster to = shown.getRaster().createWritableChild(0, 0, w, h, 0, 0, new int[] {0, 1, 2});
        try {
            op.filter(from, to);
        } catch (RuntimeException e) {
            return img;
        }
        if (alpha) shown.getRaster().setSamples(0, 0, w, h, 3, stored.getRaster().getSamples(0, 0, w, h, 3, (int[]) null));
        return shown;
    }

    /** This thread's transform from the profile to sRGB, or null when there is nothing to convert. */
    private static ColorConvertOp transform(byte[] profileBytes) {
        Map<ByteBuffer, ColorConvertOp> kept = TRANSFORMS.get();
        ByteBuffer key = ByteBuffer.wrap(profileBytes);
        if (kept.containsKey(key)) return kept.get(key);
        ICC_Profile profile = ICC_Profile.getInstance(profileBytes);
        ColorConvertOp op = profile.getColorSpaceType() != ColorSpace.TYPE_RGB ? null
                : new ColorConvertOp(new ICC_Profile[] {profile, ICC_Profile.getInstance(ColorSpace.CS_sRGB)}, null);
        if (op != null && leavesAsIs(op)) op = null;
        kept.put(key, op);
        return op;
    }

    /**
     * Whether the transform gives back every colour of an 8×8×8 grid within one level: the profile is sRGB
     * (as most writers embed it) or as good as, and its values are drawn as stored. Tried on colours rather
     * than named: "linear sRGB" is a profile's name too.
     */
    private static boolean leavesAsIs(ColorConvertOp op) {
        int side = 8, n = side * side * side;
        BufferedImage probe = new BufferedImage(n, 1, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < n; i++) {
            int r = 255 * (i / (side * side)) / (side - 1), g = 255 * (i / side % side) / (side - 1), b = 255 * (i % side) / (side - 1);
            probe.setRGB(i, 0, r << 16 | g << 8 | b);
        }
        BufferedImage out = new BufferedImage(n, 1, BufferedImage.TYPE_INT_RGB);
        op.filter(probe.getRaster(), out.getRaster());
        for (int i = 0; i < n; i++) {
            int a = probe.getRGB(i, 0), b = out.getRGB(i, 0);
            for (int shift = 0; shift <= 16; shift += 8) {
                if (Math.abs((a >> shift & 0xff) - (b >> shift & 0xff)) > 1) return false;
            }
        }
        return true;
    }

    /** The inflated profile of the PNG's iCCP chunk, or null when it is no PNG, has none or a damaged one. */
    private static byte[] profileData(FileChannel ch) {
        try {
            long[] iccp = ExifOrientation.pngChunk(ch, "iCCP");
            if (iccp == null || iccp[1] > MAX_PROFILE_BYTES) return null;
            ByteBuffer data = ExifOrientation.read(ch, iccp[0], (int) iccp[1]);
            if (data == null) return null;
            byte[] chunk = data.array();
            int nul = 0;
            while (nul < chunk.length && chunk[nul] != 0) nul++;
            // name, NUL, compression method (0: zlib), the compressed profile
            if (nul + 2 > chunk.length || chunk[nul + 1] != 0) return null;
            return inflate(chunk, nul + 2);
        } catch (IOException | DataFormatException | RuntimeException e) {
            return null; // the pixels as stored
        }
    }

    private static byte[] inflate(byte[] compressed, int from) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed, from, compressed.length - from);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) throw new DataFormatException("the profile ends early");
                out.write(buffer, 0, n);
                if (out.size() > MAX_PROFILE_BYTES) throw new DataFormatException("the profile is too large");
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }
}
