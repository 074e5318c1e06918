package org.embedscope.atlas;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A PNG encoder for 8-bit grey, grey+alpha, RGB and RGBA images: each row gets the filter (None, Sub,
 * Up, Average, Paeth) whose output has the smallest sum of absolute values — the heuristic the PNG
 * specification recommends — and the rows are compressed with {@link Deflater}. Several times faster
 * than {@code javax.imageio} on atlas pages, with files no larger.
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
            byte[][] candidates = new byte[5][1 + rowLen];
            for (int f = 0; f < 5; f++) candidates[f][0] = (byte) f;
            for (int y = 0; y < height; y++) {
                byte[] best = candidates[filterRow(pixels, y * rowLen, y == 0 ? -1 : (y - 1) * rowLen, rowLen, bpp, candidates)];
                deflater.setInput(best, 0, 1 + rowLen);
                while (!deflater.needsInput()) drain(out, deflater, idat, fill);
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

    /** Fills the five filtered versions of one row (after each leading filter-type byte); returns the best one's type. */
    static int filterRow(byte[] px, int row, int prev, int len, int bpp, byte[][] c) {
        byte[] none = c[0], sub = c[1], up = c[2], avg = c[3], paeth = c[4];
        long sNone = 0, sSub = 0, sUp = 0, sAvg = 0, sPaeth = 0;
        for (int i = 0; i < len; i++) {
            int x = px[row + i] & 0xff;
            int a = i >= bpp ? px[row + i - bpp] & 0xff : 0;
            int b = prev >= 0 ? px[prev + i] & 0xff : 0;
            int cc = (i >= bpp && prev >= 0) ? px[prev + i - bpp] & 0xff : 0;
            byte vNone = (byte) x, vSub = (byte) (x - a), vUp = (byte) (x - b), vAvg = (byte) (x - ((a + b) >>> 1));
            int p = a + b - cc, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - cc);
            int pred = (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : cc);
            byte vPaeth = (byte) (x - pred);
            none[1 + i] = vNone;
            sub[1 + i] = vSub;
            up[1 + i] = vUp;
            avg[1 + i] = vAvg;
            paeth[1 + i] = vPaeth;
            sNone += Math.abs(vNone);
            sSub += Math.abs(vSub);
            sUp += Math.abs(vUp);
            sAvg += Math.abs(vAvg);
            sPaeth += Math.abs(vPaeth);
        }
        int best = 0;
        long min = sNone;
        if (sSub < min) { min = sSub; best = 1; }
        if (sUp < min) { min = sUp; best = 2; }
        if (sAvg < min) { min = sAvg; best = 3; }
        if (sPaeth < min) best = 4;
        return best;
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
