package org.embedscope.atlas;

import org.embedscope.source.DecodedImage;

/**
 * Fits an image into a square cell: scaled to the cell's size along its longer side with its aspect
 * ratio kept, centred, the rest transparent; downscaled by area averaging (see {@link Resampler}).
 * The result is premultiplied when it has alpha.
 */
public final class CellFitter {
    private CellFitter() {}

    /** A fitted cell: {@code cell × cell} pixels of {@code format}. */
    public record Fitted(PixelFormat format, byte[] pixels) {}

    /** Width and height of a {@code w × h} image fitted into a {@code cell}-pixel cell, aspect kept. */
    static int[] fittedSize(int w, int h, int cell) {
        return w >= h ? new int[] {cell, Math.max(1, (int) Math.round((double) h * cell / w))}
                : new int[] {Math.max(1, (int) Math.round((double) w * cell / h)), cell};
    }

    /** True when a {@code w × h} image leaves transparent padding in a {@code cell}-pixel cell. */
    static boolean padded(int w, int h, int cell) {
        int[] d = fittedSize(w, h, cell);
        return d[0] < cell || d[1] < cell;
    }

    public static Fitted fit(DecodedImage img, int cell) {
        int w = img.width(), h = img.height();
        int[] fitted = fittedSize(w, h, cell);
        int dw = fitted[0], dh = fitted[1];
        boolean padded = dw < cell || dh < cell;
        boolean alpha = img.hasAlpha();
        PixelFormat out = PixelFormat.of(img.isGrey(), alpha || padded);
        int ch = img.channels();
        int colours = img.isGrey() ? 1 : 3;
        byte[] px = img.pixels();

        if (dw == w && dh == h && !padded && !alpha) {
            return new Fitted(out, px.clone()); // already the cell's size: copy, no filtering
        }
        // premultiplied float samples of the source
        int n = w * h;
        float[] src = new float[n * ch];
        for (int i = 0, o = 0; i < n; i++, o += ch) {
            float a = alpha ? (px[o + ch - 1] & 0xff) / 255f : 1f;
            for (int c = 0; c < ch; c++) {
                float v = px[o + c] & 0xff;
                src[o + c] = (alpha && c == ch - 1) ? v : v * a;
            }
        }
        float[] scaled = (dw == w && dh == h) ? src : Resampler.resample(src, w, h, ch, dw, dh);
        int oc = out.channels;
        byte[] cellPx = new byte[cell * cell * oc];
        int ox = (cell - dw) / 2, oy = (cell - dh) / 2;
        for (int y = 0; y < dh; y++) {
            for (int x = 0; x < dw; x++) {
                int s = (y * dw + x) * ch;
                int d = ((oy + y) * cell + ox + x) * oc;
                int coverage = alpha ? quantize(scaled[s + ch - 1]) : 255;
                for (int c = 0; c < colours; c++) cellPx[d + c] = (byte) Math.min(coverage, quantize(scaled[s + c]));
                if (out.hasAlpha()) cellPx[d + oc - 1] = (byte) coverage;
            }
        }
        return new Fitted(out, cellPx);
    }

    static int quantize(float v) {
        int q = Math.round(v);
        return q < 0 ? 0 : Math.min(q, 255);
    }
}
