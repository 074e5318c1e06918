package org.embedscope.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The EXIF Orientation tag (0x0112) of a JPEG (in its APP1 {@code Exif} segment), a PNG (in an
 * {@code eXIf} chunk before the pixels, where the PNG specification puts it and browsers read it), a
 * WebP (in the {@code EXIF} chunk of its extended format, after the pixels as the container's
 * specification orders it) or a TIFF (in its first IFD), and the turn or flip that shows the stored pixels upright, as cameras and viewers mean
 * it: 1 as stored, 2 mirrored, 3 turned 180°, 4 flipped, 5 transposed, 6 turned 90° clockwise,
 * 7 transverse, 8 turned 90° anticlockwise. Files without the tag, or with a damaged one, are shown as stored.
 */
public final class ExifOrientation {
    private ExifOrientation() {}

    private static final int TAG_ORIENTATION = 0x0112;
    private static final int TYPE_SHORT = 3;
    /** JPEG segments (or PNG chunks) searched for the Exif one: it comes first or nearly so. */
    private static final int MAX_SEGMENTS = 64;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** The file's orientation, 1 to 8; 1 when it has none. */
    public static int of(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return of(ch);
        } catch (IOException | RuntimeException e) {
            return 1; // the decoder reports a damaged file; a damaged tag only loses the turn
        }
    }

    /** As {@link #of(Path)}, from a channel open on the file (a reader that also wants its other metadata). */
    static int of(FileChannel ch) {
        try {
            ByteBuffer head = read(ch, 0, 4);
            if (head == null) return 1;
            int b0 = head.get(0) & 0xff, b1 = head.get(1) & 0xff;
            if (b0 == 0xff && b1 == 0xd8) return fromJpeg(ch);
            if (b0 == 0x89 && b1 == 'P') return fromPng(ch);
            if (b0 == 'R' && b1 == 'I') return fromWebp(ch);
            if ((b0 == 'I' && b1 == 'I') || (b0 == 'M' && b1 == 'M')) return fromTiff(ch, 0);
            return 1;
        } catch (IOException | RuntimeException e) {
            return 1; // the decoder reports a damaged file; a damaged tag only loses the turn
        }
    }

    /** True when orientation {@code o} swaps width and height. */
    public static boolean swapsSides(int o) {
        return o >= 5 && o <= 8;
    }

    /** The image as it is meant to be seen. */
    public static DecodedImage apply(DecodedImage img, int o) {
        if (o < 2 || o > 8) return img;
        int w = img.width(), h = img.height(), ch = img.channels();
        boolean swap = swapsSides(o);
        int ow = swap ? h : w, oh = swap ? w : h;
        byte[] src = img.pixels(), dst = new byte[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // where stored pixel (x, y) is shown
                int dx, dy;
                switch (o) {
                    case 2 -> { dx = w - 1 - x; dy = y; }
                    case 3 -> { dx = w - 1 - x; dy = h - 1 - y; }
                    case 4 -> { dx = x; dy = h - 1 - y; }
                    case 5 -> { dx = y; dy = x; }
                    case 6 -> { dx = h - 1 - y; dy = x; }
                    case 7 -> { dx = h - 1 - y; dy = w - 1 - x; }
                    default -> { dx = y; dy = w - 1 - x; }
                }
                System.arraycopy(src, (y * w + x) * ch, dst, (dy * ow + dx) * ch, ch);
            }
        }
        return new DecodedImage(ow, oh, ch, dst);
    }

    private static int fromJpeg(FileChannel ch) throws IOException {
        long pos = 2;
        for (int segment = 0; segment < MAX_SEGMENTS; segment++) {
            ByteBuffer m = read(ch, pos, 4);
            if (m == null || (m.get(0) & 0xff) != 0xff) return 1;
            int marker = m.get(1) & 0xff;
            if (marker == 0xff) { pos++; continue; } // fill byte
            if (marker == 0xd9 || marker == 0xda) return 1; // end of image, start of scan: no Exif before the pixels
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { pos += 2; continue; } // no length
            int length = m.order(ByteOrder.BIG_ENDIAN).getShort(2) & 0xffff;
            if (length < 2) return 1;
            if (marker == 0xe1) {
                ByteBuffer id = read(ch, pos + 4, 6);
                if (id != null && id.get(0) == 'E' && id.get(1) == 'x' && id.get(2) == 'i' && id.get(3) == 'f' && id.get(4) == 0) {
                    return fromTiff(ch, pos + 10);
                }
            }
            pos += 2 + length;
        }
        return 1;
    }

    /**
     * From the {@code eXIf} chunk, whose data is a TIFF structure; one after the first {@code IDAT} is not
     * read, as browsers do not (the picture would turn once shown).
     */
    private static int fromPng(FileChannel ch) throws IOException {
        long[] exif = pngChunk(ch, "eXIf");
        if (exif == null) return 1;
        ByteBuffer id = read(ch, exif[0], 6);
        // some writers keep JPEG's "Exif\0\0" before the TIFF header
        boolean jpegId = id != null && id.get(0) == 'E' && id.get(1) == 'x' && id.get(2) == 'i' && id.get(3) == 'f' && id.get(4) == 0;
        return fromTiff(ch, exif[0] + (jpegId ? 6 : 0));
    }

    /**
     * From the {@code EXIF} chunk of a WebP in the extended format (its first chunk {@code VP8X}); a
     * simple WebP (one {@code VP8 } or {@code VP8L} chunk) has no metadata.
     */
    private static int fromWebp(FileChannel ch) throws IOException {
        ByteBuffer riff = read(ch, 0, 16);
        if (riff == null || !ascii(riff, 0).equals("RIFF") || !ascii(riff, 8).equals("WEBP") || !ascii(riff, 12).equals("VP8X")) return 1;
        long pos = 12;
        for (int chunk = 0; chunk < MAX_SEGMENTS; chunk++) {
            ByteBuffer head = read(ch, pos, 8);
            if (head == null) return 1;
            long length = head.order(ByteOrder.LITTLE_ENDIAN).getInt(4) & 0xffffffffL;
            if (ascii(head, 0).equals("EXIF")) {
                ByteBuffer id = read(ch, pos + 8, 6);
                // as in a PNG, some writers keep JPEG's "Exif\0\0" before the TIFF header
                boolean jpegId = id != null && ascii(id, 0).equals("Exif") && id.get(4) == 0 && id.get(5) == 0;
                return fromTiff(ch, pos + 8 + (jpegId ? 6 : 0));
            }
            pos += 8 + length + (length & 1); // chunks are padded to an even length
        }
        return 1;
    }

    /** The four bytes at {@code at} as text (a PNG chunk's or RIFF chunk's name). */
    private static String ascii(ByteBuffer b, int at) {
        return new String(new byte[] {b.get(at), b.get(at + 1), b.get(at + 2), b.get(at + 3)}, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * Where the data of a PNG's first chunk of {@code type} before the pixels (the first {@code IDAT}) starts
     * and its length, or null when the file is no PNG or has none there (the metadata a viewer applies
     * comes before the pixels: eXIf, iCCP).
     */
    static long[] pngChunk(FileChannel ch, String type) throws IOException {
        ByteBuffer signature = read(ch, 0, PNG_SIGNATURE.length);
        if (signature == null || !signature.rewind().equals(ByteBuffer.wrap(PNG_SIGNATURE))) return null;
        long pos = PNG_SIGNATURE.length;
        for (int chunk = 0; chunk < MAX_SEGMENTS; chunk++) {
            ByteBuffer head = read(ch, pos, 8);
            if (head == null) return null;
            long length = head.order(ByteOrder.BIG_ENDIAN).getInt(0) & 0xffffffffL;
            String name = ascii(head, 4);
            if (name.equals("IDAT") || name.equals("IEND")) return null;
            if (name.equals(type)) return new long[] {pos + 8, length};
            pos += 12 + length;
        }
        return null;
    }

    /** Orientation from the first IFD of a TIFF structure starting at {@code base}. */
    private static int fromTiff(FileChannel ch, long base) throws IOException {
        ByteBuffer hdr = read(ch, base, 8);
        if (hdr == null) return 1;
        ByteOrder order = hdr.get(0) == 'I' && hdr.get(1) == 'I' ? ByteOrder.LITTLE_ENDIAN
                : hdr.get(0) == 'M' && hdr.get(1) == 'M' ? ByteOrder.BIG_ENDIAN : null;
        if (order == null) return 1;
        hdr.order(order);
        if (hdr.getShort(2) != 42) return 1;
        long ifd = base + (hdr.getInt(4) & 0xffffffffL);
        ByteBuffer count = read(ch, ifd, 2);
        if (count == null) return 1;
        int entries = count.order(order).getShort(0) & 0xffff;
        ByteBuffer table = read(ch, ifd + 2, entries * 12);
        if (table == null) return 1;
        table.order(order);
        for (int e = 0; e < entries; e++) {
            int at = e * 12;
            if ((table.getShort(at) & 0xffff) != TAG_ORIENTATION) continue;
            if ((table.getShort(at + 2) & 0xffff) != TYPE_SHORT) return 1;
            int v = table.getShort(at + 8) & 0xffff;
            return v >= 1 && v <= 8 ? v : 1;
        }
        return 1;
    }

    /** {@code length} bytes at {@code pos}, or null when the file ends first. */
    static ByteBuffer read(FileChannel ch, long pos, int length) throws IOException {
        if (length < 0 || pos < 0 || pos + length > ch.size()) return null;
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) return null;
        }
        return b;
    }
}
