package org.embedscope.source;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import org.w3c.dom.Node;

/**
 * A PNG's colours as viewers show them. The JDK's PNG reader leaves the pixels in the colour space of the
 * file's {@code iCCP} profile (Adobe RGB or ProPhoto from a photo editor, Display P3 from a phone's
 * screenshot) and calls them sRGB, so such images were drawn duller than in any viewer, while the JPEG,
 * TIFF and WebP readers convert theirs.
 */
final class PngColour {
    private PngColour() {}

    private static final String NATIVE_FORMAT = "javax_imageio_png_1.0";
    /** Largest inflated profile taken (real ones are a few KB; Photoshop's largest about 1 MB). */
    private static final int MAX_PROFILE_BYTES = 4 << 20;

    /** True when {@code reader} must keep the file's metadata for {@link #inSrgb}: it reads PNG. */
    static boolean needsMetadata(ImageReader reader) {
        try {
            return "png".equalsIgnoreCase(reader.getFormatName());
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code img} (just read by {@code reader}) in sRGB: converted from its RGB profile, else as it is. */
    static BufferedImage inSrgb(BufferedImage img, ImageReader reader) throws IOException {
        if (!needsMetadata(reader)) return img;
        ICC_Profile profile = profile(reader.getImageMetadata(0));
        if (profile == null || profile.getColorSpaceType() != ColorSpace.TYPE_RGB) return img; // grey images stay as stored
        int w = img.getWidth(), h = img.getHeight();
        // the stored values, unconverted: the reader's colour model is sRGB, so getRGB passes them through
        BufferedImage stored = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            stored.setRGB(0, y, w, 1, row, 0, w);
        }
        BufferedImage shown = new BufferedImage(w, h, img.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        WritableRaster from = stored.getRaster().createWritableChild(0, 0, w, h, 0, 0, new int[] {0, 1, 2});
        WritableRaster to = shown.getRaster().createWritableChild(0, 0, w, h, 0, 0, new int[] {0, 1, 2});
        try {
            new ColorConvertOp(new ICC_Profile[] {profile, ICC_Profile.getInstance(ColorSpace.CS_sRGB)}, null).filter(from, to);
        } catch (RuntimeException e) {
            return img; // a profile the colour engine refuses: as stored, as before
        }
        if (shown.getColorModel().hasAlpha()) shown.getRaster().setSamples(0, 0, w, h, 3, stored.getRaster().getSamples(0, 0, w, h, 3, (int[]) null));
        return shown;
    }

    /** The profile of the iCCP chunk, or null when there is none or it cannot be read. */
    private static ICC_Profile profile(IIOMetadata metadata) {
        if (metadata == null) return null;
        Node iccp = child(metadata.getAsTree(NATIVE_FORMAT), "iCCP");
        if (!(iccp instanceof IIOMetadataNode node) || !(node.getUserObject() instanceof byte[] compressed)) return null;
        try {
            return ICC_Profile.getInstance(inflate(compressed));
        } catch (IllegalArgumentException | DataFormatException e) {
            return null; // a damaged profile: the pixels as stored
        }
    }

    private static Node child(Node parent, String name) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (name.equals(c.getNodeName())) return c;
        }
        return null;
    }

    private static byte[] inflate(byte[] compressed) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
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
