package org.embedscope.layout.umap;

/**
 * {@code x^p} for a fixed exponent {@code p} by table look-up with linear interpolation: the float's
 * exponent and top {@value #MANTISSA_BITS} mantissa bits select a segment of a 2^{@value #MANTISSA_BITS}-way
 * split of each octave, on which {@code x^p} is interpolated between the segment's ends. Relative error
 * below 1e-5 for p in (0, 2) (below 1e-6 near p = 0.9, umap's usual b); one load, one multiply-add. The UMAP optimiser needs
 * {@code d^(2b)} hundreds of millions of times, where {@link Math#pow} would dominate its running time.
 */
final class PowerTable {
    static final int MANTISSA_BITS = 8;
    private static final int SHIFT = 23 - MANTISSA_BITS;

    private final float exponent;
    /** Per segment: x0^p and the slope to the next segment's start, interleaved. */
    private final float[] table;

    PowerTable(float exponent) {
        this.exponent = exponent;
        int segments = 255 << MANTISSA_BITS; // every finite positive exponent field
        table = new float[2 * segments];
        for (int s = 0; s < segments; s++) {
            double x0 = Float.intBitsToFloat(s << SHIFT), x1 = Float.intBitsToFloat((s + 1) << SHIFT);
            double y0 = Math.pow(x0, exponent), y1 = Math.pow(x1, exponent);
            table[2 * s] = (float) y0;
            table[2 * s + 1] = Double.isFinite(y1) ? (float) ((y1 - y0) / (x1 - x0)) : 0f;
        }
    }

    /** {@code x^p} for x ≥ 0 (exact {@link Math#pow} below the normal range and for infinity or NaN). */
    float pow(float x) {
        int bits = Float.floatToRawIntBits(x);
        int s = bits >> SHIFT;
        if (s < (1 << MANTISSA_BITS) || s >= (255 << MANTISSA_BITS)) return (float) Math.pow(x, exponent);
        float x0 = Float.intBitsToFloat(s << SHIFT);
        return table[2 * s] + table[2 * s + 1] * (x - x0);
    }
}
