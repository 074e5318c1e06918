package org.embedscope.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** A minimal PNG writer for tests: any colour type and depth, and hooks to damage the result. */
public final class TestPng {
    private TestPng() {}

    /** Channels per pixel of colour type {@code colorType}. */
    static int channels(int colorType) {
        return switch (colorType) {
            case 0 -> 1;
            case 4 -> 2;
            case 2 -> 3;
            case 6 -> 4;
            default -> throw new IllegalArgumentException("colour type " + colorType);
        };
    }

    /** An 8-bit PNG of {@code pixels} (rows top first, {@code channels(colorType)} bytes per pixel). */
    static byte[] encode(int w, int h, int colorType, byte[] pixels) {
        int stride = w * channels(colorType);
        if (pixels.length != stride * h) throw new IllegalArgumentException("pixels " + pixels.length);
        byte[] raw = new byte[(stride + 1) * h];
        for (int y = 0; y < h; y++) System.arraycopy(pixels, y * stride, raw, y * (stride + 1) + 1, stride);
        return build(header(w, h, 8, colorType), deflate(raw));
    }

    static byte[] header(int w, int h, int depth, int colorType) {
        return ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) depth).put((byte) colorType)
                .put((byte) 0).put((byte) 0).put((byte) 0).array();
    }

    static byte[] deflate(byte[] raw) {
        Deflater d = new Deflater();
        d.setInput(raw);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) out.write(buf, 0, d.deflate(buf));
        d.end();
        return out.toByteArray();
    }

    /** Signature, IHDR with {@code ihdr}, one IDAT with {@code idat}, IEND; all CRCs right. */
    static byte[] build(byte[] ihdr, byte[] idat) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PngHeader.SIGNATURE);
        chunk(out, "IHDR", ihdr);
        chunk(out, "IDAT", idat);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /**
     * An 8-bit grey PNG of {@code w × h} whose row {@code y} is {@code row.apply(y)}, deflated row by row:
     * images far larger than the test could hold as one array.
     */
    public static byte[] greyRows(int w, int h, java.util.function.IntFunction<byte[]> row) {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(idat, new Deflater(Deflater.BEST_SPEED), 1 << 16)) {
            for (int y = 0; y < h; y++) {
                byte[] r = row.apply(y);
                if (r.length != w) throw new IllegalArgumentException("row " + y + ": " + r.length + " bytes");
                z.write(0); // filter: none
                z.write(r);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return build(header(w, h, 8, 0), idat.toByteArray());
    }

    public static void write(Path file, byte[] png) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, png);
    }

    /** A grey page whose pixel (x, y) is {@code (x * 7 + y * 13) & 0xff}: every pixel predictable. */
    static byte[] greyPattern(int w, int h) {
        byte[] p = new byte[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) p[y * w + x] = (byte) (x * 7 + y * 13);
        return p;
    }
}
