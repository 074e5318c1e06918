package org.embedscope.atlas;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A PNG encoder for 8-bit grey, grey+alpha, RGB and RGBA images: each row gets the filter (None, Sub,
 * Up, Average, Paeth) whose output has the smallest sum of absolute values — the heuristic the PNG
 * specification recommends — and the rows are compressed with {@link Deflater} at a chosen level. It writes
 * grey, grey+alpha, RGB and RGBA straight from byte arrays (no {@code BufferedImage}). Measured on a
 * 2044² MNIST page ({@code PngEncoderBench}): as fast as {@code javax.imageio} at level 1, about 1.4× its time
 * at level 4 (same size) once both are warmed up; level 6 is 2.6% smaller, level 9 5% smaller but 10× slower.
 */
public final class PngEncoder {
    private PngEncoder() {}

    private static final byte[] SIGNATURE = {(byte) 137, 'P', 'N', 'G', '\r', '\n', 26, '\n'};
    private static final int IDAT_SIZE = 1 << 16;

    /**
     * Writes {@code width × height} pixels of {@code format} (straight, not premultiplied alpha),
     * row by row from the top, to {@code out} as a PNG. {@code level} is the Deflater level, 0–9.
     */
    public static void write(OutputStream out, byte[] pixels, int width, int height, PixelFormat format, int level) throws IOException {
        write(out, pixels, width, height, format, level, rows -> { });
    }

    /** As above, telling {@code rowsDone} how many rows are compressed after each (a large sheet takes seconds). */
    public static void write(OutputStream out, byte[] pixels, int width, int height, PixelFormat format, int level,
            java.util.function.IntConsumer rowsDone) throws IOException {
        int bpp = format.channels;
        int rowLen = width * bpp;
        if (pixels.length != (long) rowLen * height) throw new IllegalArgumentException("expected " + ((long) rowLen * height) + " bytes");
        out.write(SIGNATURE);
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, width);
        putInt(ihdr, 4, height);
        ihdr[8] = 8;
        ihdr[9] = (byte) format.pngColourType;
        chunk(out, "IHDR", ihdr, ihdr.length);

        Deflater deflater = new Deflater(level);
        try {
            byte[] idat = new byte[IDAT_SIZE];
            int[] fill = {0};
            byte[] filtered = new byte[1 + rowLen];
            for (int y = 0; y < height; y++) {
                filterRow(pixels, y * rowLen, y == 0 ? -1 : (y - 1) * rowLen, rowLen, bpp, filtered);
                deflater.setInput(filtered, 0, 1 + rowLen);
                while (!deflater.needsInput()) drain(out, deflater, idat, fill);
                rowsDone.accept(y + 1);
            }
            deflater.finish();
            while (!deflater.finished()) drain(out, deflater, idat, fill);
            if (fill[0] > 0) chunk(out, "IDAT", idat, fill[0]);
        } finally {
            deflater.end();
        }
        chunk(out, "IEND", new byte[0], 0);
    }

    private static void drain(OutputStream out, Deflater d, byte[] idat, int[] fill) throws IOException {
        fill[0] += d.deflate(idat, fill[0], idat.length - fill[0]);
        if (fill[0] == idat.length) {
            chunk(out, "IDAT", idat, fill[0]);
            fill[0] = 0;
        }
    }

    /**
     * Picks the filter for one row (minimum sum of absolute filtered values) and writes the filtered row
     * after its leading filter-type byte into {@code out}; returns the filter type. One pass measures all
     * five filters without storing them, a second writes only the chosen one.
     */
    static int filterRow(byte[] px, int row, int prev, int len, int bpp, byte[] out) {
        int sNone = 0, sSub = 0, sUp = 0, sAvg = 0, sPaeth = 0;
        if (prev < 0) {
            // first row: the row above is zero, so Up = None, and Paeth = Sub
            for (int i = 0; i < len; i++) {
                int x = px[row + i] & 0xff, a = i >= bpp ? px[row + i - bpp] & 0xff : 0;
                sNone += Math.abs((byte) x);
                sSub += Math.abs((byte) (x - a));
                sAvg += Math.abs((byte) (x - (a >>> 1)));
            }
            sUp = sNone;
            sPaeth = sSub;
        } else {
            for (int i = 0; i < bpp; i++) { // no left neighbour: Sub = None, Paeth = Up
                int x = px[row + i] & 0xff, b = px[prev + i] & 0xff;
                sNone += Math.abs((byte) x);
                sSub += Math.abs((byte) x);
                sUp += Math.abs((byte) (x - b));
                sAvg += Math.abs((byte) (x - (b >>> 1)));
                sPaeth += Math.abs((byte) (x - b));
            }
            for (int i = bpp; i < len; i++) {
                int x = px[row + i] & 0xff, a = px[row + i - bpp] & 0xff, b = px[prev + i] & 0xff, c = px[prev + i - bpp] & 0xff;
                sNone += Math.abs((byte) x);
                sSub += Math.abs((byte) (x - a));
                sUp += Math.abs((byte) (x - b));
                sAvg += Math.abs((byte) (x - ((a + b) >>> 1)));
                sPaeth += Math.abs((byte) (x - paeth(a, b, c)));
            }
        }
        int best = 0, min = sNone;
        if (sSub < min) { min = sSub; best = 1; }
        if (sUp < min) { min = sUp; best = 2; }
        if (sAvg < min) { min = sAvg; best = 3; }
        if (sPaeth < min) best = 4;
        out[0] = (byte) best;
        for (int i = 0; i < len; i++) {
            int x = px[row + i] & 0xff;
            int a = i >= bpp ? px[row + i - bpp] & 0xff : 0;
            int b = prev >= 0 ? px[prev + i] & 0xff : 0;
            int v = switch (best) {
                case 0 -> x;
                case 1 -> x - a;
                case 2 -> x - b;
                case 3 -> x - ((a + b) >>> 1);
                default -> x - paeth(a, b, (i >= bpp && prev >= 0) ? px[prev + i - bpp] & 0xff : 0);
            };
            out[1 + i] = (byte) v;
        }
        return best;
    }

    /** The Paeth predictor: whichever of left, up, upper-left is closest to left + up − upper-left. */
    private static int paeth(int a, int b, int c) {
        int pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c);
        return (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c);
    }

    private static void chunk(OutputStream out, String type, byte[] data, int len) throws IOException {
        byte[] head = new byte[8];
        putInt(head, 0, len);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, head, 4, 4);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data, 0, len);
        out.write(head);
        out.write(data, 0, len);
        byte[] tail = new byte[4];
        putInt(tail, 0, (int) crc.getValue());
        out.write(tail);
    }

    private static void putInt(byte[] b, int o, int v) {
        b[o] = (byte) (v >>> 24);
        b[o + 1] = (byte) (v >>> 16);
        b[o + 2] = (byte) (v >>> 8);
        b[o + 3] = (byte) v;
    }
}
