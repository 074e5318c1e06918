package org.embedscope.digits;

import java.util.SplittableRandom;

/**
 * A small affine change of a square grey image about its centre: scaled by {@code scale}, turned by
 * {@code degrees} (counter-clockwise as seen), then shifted by ({@code dx}, {@code dy}) pixels (x to the
 * right, y down). {@link #apply} resamples bilinearly, black outside the source.
 *
 * <p>Random transforms are drawn already rounded to the decimals {@link #csv} prints, so the metadata
 * file says exactly which transform made each image. {@link StrictMath} keeps the pixels the same on
 * every JVM.
 */
public record DigitTransform(double dx, double dy, double degrees, double scale) {

    /** Largest shift in pixels, rotation in degrees and relative change of scale of {@link #random}. */
    public static final double MAX_SHIFT = 2, MAX_DEGREES = 12, MAX_SCALE_CHANGE = 0.1;

    public static final DigitTransform IDENTITY = new DigitTransform(0, 0, 0, 1);

    /** A transform drawn uniformly within the bounds above, each value rounded to 3 decimals. */
    public static DigitTransform random(SplittableRandom rnd) {
        double dx = round3(uniform(rnd, MAX_SHIFT));
        double dy = round3(uniform(rnd, MAX_SHIFT));
        double degrees = round3(uniform(rnd, MAX_DEGREES));
        double scale = round3(1 + uniform(rnd, MAX_SCALE_CHANGE));
        return new DigitTransform(dx, dy, degrees, scale);
    }

    private static double uniform(SplittableRandom rnd, double half) { return (rnd.nextDouble() * 2 - 1) * half; }

    private static double round3(double v) { return Math.round(v * 1000) / 1000.0; }

    /**
     * Draws image {@code src} ({@code side × side} bytes from {@code srcOffset}) through this transform
     * into {@code dst} from {@code dstOffset}. Each output pixel centre is mapped back into the source
     * and sampled between its four nearest pixel centres.
     */
    public void apply(byte[] src, int srcOffset, int side, byte[] dst, int dstOffset) {
        double rad = StrictMath.toRadians(degrees);
        double cos = StrictMath.cos(rad) / scale, sin = StrictMath.sin(rad) / scale;
        double c = side / 2.0;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                // Undo the shift, then the rotation and scale (y points down, so a visually
                // counter-clockwise turn by θ maps (x, y) to (x cos θ + y sin θ, −x sin θ + y cos θ)).
                double qx = x + 0.5 - c - dx, qy = y + 0.5 - c - dy;
                double u = c + qx * cos - qy * sin - 0.5;
                double v = c + qx * sin + qy * cos - 0.5;
                dst[dstOffset + y * side + x] = (byte) sample(src, srcOffset, side, u, v);
            }
        }
    }

    /** Bilinear sample at (u, v) in pixel-centre coordinates, 0 outside the image; rounded to 0–255. */
    private static int sample(byte[] src, int off, int side, double u, double v) {
        double fu = Math.floor(u), fv = Math.floor(v);
        int x0 = (int) fu, y0 = (int) fv;
        if (x0 < -1 || y0 < -1 || x0 >= side || y0 >= side) return 0;
        double ax = u - fu, ay = v - fv;
        double top = (1 - ax) * pixel(src, off, side, x0, y0) + ax * pixel(src, off, side, x0 + 1, y0);
        double bottom = (1 - ax) * pixel(src, off, side, x0, y0 + 1) + ax * pixel(src, off, side, x0 + 1, y0 + 1);
        long r = Math.round((1 - ay) * top + ay * bottom);
        return (int) Math.max(0, Math.min(255, r));
    }

    private static int pixel(byte[] src, int off, int side, int x, int y) {
        if (x < 0 || y < 0 || x >= side || y >= side) return 0;
        return src[off + y * side + x] & 0xff;
    }

    /** The CSV fields {@code dx,dy,rotation,scale}, 3 decimals each. */
    public void csv(StringBuilder out) {
        decimal(out, dx).append(',');
        decimal(out, dy).append(',');
        decimal(out, degrees).append(',');
        decimal(out, scale);
    }

    /** {@code v} with exactly 3 decimals, without the cost of a format string per value. */
    private static StringBuilder decimal(StringBuilder out, double v) {
        long milli = Math.round(v * 1000);
        if (milli < 0) {
            out.append('-');
            milli = -milli;
        }
        out.append(milli / 1000).append('.');
        long frac = milli % 1000;
        if (frac < 100) out.append('0');
        if (frac < 10) out.append('0');
        return out.append(frac);
    }
}
