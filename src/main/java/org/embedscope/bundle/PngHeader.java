package org.embedscope.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * A PNG's signature and {@code IHDR} chunk, read and checked without decoding any pixels, plus a
 * walk over the chunk structure that finds truncated or corrupt files before a decoder sees them.
 *
 * <p>Decompression bombs are refused here: a PNG of a few kilobytes can declare a 100 000 × 100 000
 * image, so the declared size is bounded ({@link #MAX_SIDE}, {@link #MAX_BYTES}) before any memory is
 * allocated for pixels. Only 8-bit images are accepted (the bundle format's pages are 8-bit).
 *
 * @param width     pixels, at least 1
 * @param height    pixels, at least 1
 * @param colorType PNG colour type: 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA (8 bits per sample once checked)
 */
public record PngHeader(int width, int height, int colorType) {

    /** Largest accepted width or height. */
    public static final int MAX_SIDE = 16384;
    /** Largest accepted decoded size, {@code width * height * channels} bytes: 1 GiB. */
    public static final long MAX_BYTES = 1L << 30;

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Signature, IHDR length and type, 13 bytes of IHDR data, CRC. */
    static final int HEADER_BYTES = 8 + 8 + 13 + 4;

    /**
     * Channels a decoder gives for this image: 1 grey, 2 grey+alpha, 3 RGB, 4 RGBA. A palette image
     * counts as 4 here (its transparency is only known from a later chunk); the decoder reports 3 or 4.
     */
    public int channels() {
        return switch (colorType) {
            case 0 -> 1;
            case 4 -> 2;
            case 2 -> 3;
            default -> 4;
        };
    }

    /** Reads and checks the header of {@code png}: a missing, short, non-PNG or absurd file is refused. */
    public static PngHeader read(Path png) throws BundleException {
        byte[] head = new byte[HEADER_BYTES];
        int n = 0;
        try (InputStream in = Files.newInputStream(png)) {
            while (n < head.length) {
                int r = in.read(head, n, head.length - n);
                if (r < 0) break;
                n += r;
            }
        } catch (NoSuchFileException e) {
            throw new BundleException(png, null, "missing: no such file; expected a PNG image");
        } catch (IOException e) {
            throw new BundleException(png, null, "cannot read: " + e);
        }
        return parse(ByteBuffer.wrap(head, 0, n), png);
    }

    /** Parses and checks the header at the start of {@code data} (position 0; not modified). */
    public static PngHeader parse(ByteBuffer data, Path png) throws BundleException {
        ByteBuffer b = data.duplicate().order(ByteOrder.BIG_ENDIAN);
        b.position(0);
        if (b.limit() < SIGNATURE.length || !hasSignature(b)) {
            throw new BundleException(png, null, "not a PNG file (no PNG signature at its start); expected an 8-bit PNG image");
        }
        if (b.limit() < HEADER_BYTES) {
            throw new BundleException(png, null, "truncated PNG: the file ends inside its IHDR header (" + b.limit() + " bytes)");
        }
        int length = b.getInt(8);
        if (length != 13 || !"IHDR".equals(chunkType(b, 12))) {
            throw new BundleException(png, null, "corrupt PNG: expected the IHDR chunk (13 bytes) right after the signature");
        }
        if (crc(b, 12, 4 + 13) != b.getInt(29)) {
            throw new BundleException(png, "chunk IHDR", "corrupt PNG: CRC mismatch in the IHDR header");
        }
        long w = Integer.toUnsignedLong(b.getInt(16));
        long h = Integer.toUnsignedLong(b.getInt(20));
        int depth = b.get(24) & 0xff;
        int color = b.get(25) & 0xff;
        int compression = b.get(26) & 0xff;
        int filter = b.get(27) & 0xff;
        int interlace = b.get(28) & 0xff;
        if (w == 0 || h == 0) throw new BundleException(png, "chunk IHDR", "corrupt PNG: declares a " + w + "×" + h + " image");
        if (color != 0 && color != 2 && color != 3 && color != 4 && color != 6) {
            throw new BundleException(png, "chunk IHDR", "corrupt PNG: unknown colour type " + color);
        }
        if (depth != 8) {
            throw new BundleException(png, "chunk IHDR", "bit depth " + depth + " (" + colorName(color)
                    + "); expected an 8-bit PNG (grey, grey+alpha, RGB or RGBA)");
        }
        if (compression != 0 || filter != 0 || interlace > 1) {
            throw new BundleException(png, "chunk IHDR", "corrupt PNG: unknown compression, filter or interlace method");
        }
        PngHeader header = new PngHeader((int) Math.min(w, Integer.MAX_VALUE), (int) Math.min(h, Integer.MAX_VALUE), color);
        long bytes = w * h * header.channels();
        if (w > MAX_SIDE || h > MAX_SIDE || bytes > MAX_BYTES) {
            throw new BundleException(png, "chunk IHDR", "declares a " + w + "×" + h + " " + colorName(color)
                    + " image (" + bytes + " bytes decoded); refusing sizes over " + MAX_SIDE + " pixels a side or "
                    + MAX_BYTES + " bytes (a decompression bomb or a corrupt header)");
        }
        return header;
    }

    /**
     * Walks the chunks of a whole PNG file in {@code data} (position 0 to limit): each chunk must fit in
     * the file and match its CRC, at least one {@code IDAT} must come, and {@code IEND} must close it.
     * The decoder skips CRCs and may read past a short zlib stream, so this is what catches a file cut
     * short or damaged in transit.
     */
    static void checkChunks(ByteBuffer data, Path png) throws BundleException {
        ByteBuffer b = data.duplicate().order(ByteOrder.BIG_ENDIAN);
        long size = b.limit();
        int pos = SIGNATURE.length;
        boolean idat = false;
        while (true) {
            if (pos + 8 > size) {
                throw new BundleException(png, null, "truncated PNG: the file ends at byte " + size
                        + " without the closing IEND chunk" + (idat ? "" : " (and without image data)"));
            }
            long length = Integer.toUnsignedLong(b.getInt(pos));
            String type = chunkType(b, pos + 4);
            if (type == null) {
                throw new BundleException(png, "byte " + pos, "corrupt PNG: not a chunk header");
            }
            if (length > Integer.MAX_VALUE || pos + 12 + length > size) {
                throw new BundleException(png, "chunk " + type + " at byte " + pos, "truncated PNG: the chunk declares "
                        + length + " bytes but the file ends " + (size - pos - 8) + " bytes later");
            }
            int len = (int) length;
            if (crc(b, pos + 4, 4 + len) != b.getInt(pos + 8 + len)) {
                throw new BundleException(png, "chunk " + type + " at byte " + pos, "corrupt PNG: CRC mismatch (damaged data)");
            }
            if (type.equals("IDAT")) idat = true;
            if (type.equals("IEND")) {
                if (!idat) throw new BundleException(png, null, "corrupt PNG: no image data (IDAT) before IEND");
                return;
            }
            pos += 12 + len;
        }
    }

    private static boolean hasSignature(ByteBuffer b) {
        for (int i = 0; i < SIGNATURE.length; i++) if (b.get(i) != SIGNATURE[i]) return false;
        return true;
    }

    /** The four ASCII letters at {@code pos}, or null when they are not letters. */
    private static String chunkType(ByteBuffer b, int pos) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            int x = b.get(pos + i) & 0xff;
            if (!((x >= 'A' && x <= 'Z') || (x >= 'a' && x <= 'z'))) return null;
            c[i] = (char) x;
        }
        return new String(c);
    }

    private static int crc(ByteBuffer b, int pos, int length) {
        CRC32 crc = new CRC32();
        ByteBuffer slice = b.duplicate();
        slice.limit(pos + length).position(pos);
        crc.update(slice);
        return (int) crc.getValue();
    }

    private static String colorName(int color) {
        return switch (color) {
            case 0 -> "grey";
            case 2 -> "RGB";
            case 3 -> "palette";
            case 4 -> "grey+alpha";
            case 6 -> "RGBA";
            default -> "colour type " + color;
        };
    }
}
