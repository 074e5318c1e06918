package org.embedscope.layout.tsne;

import org.embedscope.util.Parallel;

/**
 * Discrete 2-D convolution of values on an {@code m × m} grid with a translation-invariant, even
 * kernel, by FFT: the kernel's {@code (2m−1) × (2m−1)} Toeplitz structure is embedded in a circulant
 * of side {@code L ≥ 2m} (an FFT-friendly size), so that one forward transform, a pointwise product
 * with the kernel's spectrum and one inverse transform give the exact (not cyclic) sums
 * {@code out[a][b] = Σ_{c,d} K(a−c, b−d) · in[c][d]}.
 *
 * <p>Two real grids are convolved at once as the real and imaginary parts of one complex grid: the
 * kernel is real and even, so its spectrum is real and the two parts never mix. The transforms skip
 * the rows that are known to be zero on the way in and those not needed on the way out.
 * Work is split into blocks of columns or rows, so results do not depend on the thread count.
 */
public final class GridConvolution {
    /** Bytes the four scratch arrays of a block may take: half of a typical 1 MiB L2 cache. */
    private static final int BLOCK_BYTES = 512 * 1024;

    /** An even kernel: its value at grid offset {@code (di, dj)}, {@code di, dj ≥ 0}. */
    @FunctionalInterface
    public interface Kernel {
        double at(int di, int dj);
    }

    private final int m, size;
    /** Columns (or rows) transformed together, at most 16, so that their working set stays in L2. */
    private final int block;
    private final Fft fft;
    /** Real spectrum of the embedded kernel, already divided by {@code L²} for the inverse. */
    private final double[] kernelHat;
    private final ThreadLocal<double[][]> scratch;

    /** Prepares the convolution of an {@code m × m} grid with {@code kernel}. */
    public GridConvolution(int m, Kernel kernel, Parallel workers) {
        this.m = m;
        this.size = Fft.sizeAtLeast(2 * m);
        this.fft = new Fft(size);
        this.block = Math.max(2, Math.min(16, Integer.highestOneBit(BLOCK_BYTES / (4 * 8 * size))));
        this.scratch = ThreadLocal.withInitial(() -> new double[4][size * block]);
        int l = size;
        double[] re = new double[l * l], im = new double[l * l];
        // Circulant embedding: offset d ≥ 0 at index d, offset −d at index L − d; the rest stay 0.
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double k = kernel.at(i, j);
                re[i * l + j] = k;
                if (i > 0) re[(l - i) * l + j] = k;
                if (j > 0) re[i * l + l - j] = k;
                if (i > 0 && j > 0) re[(l - i) * l + l - j] = k;
            }
        }
        rows(re, im, 0, l, l, false, workers);
        columns(re, im, null, workers);
        double scale = 1.0 / ((double) l * l);
        for (int p = 0; p < re.length; p++) re[p] *= scale;
        this.kernelHat = re;
    }

    /** The side of the grid this convolution takes. */
    public int gridSide() { return m; }

    /** The side {@code L} of the padded arrays that {@link #convolve} works on. */
    public int paddedSide() { return size; }

    /** A new zeroed working array for {@link #convolve}: {@code L × L}, row-major. */
    public double[] newArray() { return new double[size * size]; }

    /**
     * Convolves two real grids in place. {@code re} and {@code im} are {@code L × L} arrays whose top-left
     * {@code m × m} block holds the input and everything else is zero; afterwards that block holds the
     * convolution. Only the first {@code m} rows are written (columns past {@code m} hold leftovers),
     * so zeroing those rows makes the arrays ready for the next input.
     */
    public void convolve(double[] re, double[] im, Parallel workers) {
        rows(re, im, 0, m, m, false, workers);
        columns(re, im, kernelHat, workers);
        rows(re, im, 0, m, size, true, workers);
    }

    /**
     * Transforms rows {@code [r0, r1)} along their length, {@code block} rows at a time; only their
     * first {@code inCols} entries may be non-zero.
     */
    private void rows(double[] re, double[] im, int r0, int r1, int inCols, boolean inverse, Parallel workers) {
        int l = size;
        int bl = block, blocks = (r1 - r0 + bl - 1) / bl;
        workers.forRange(blocks, 1, (worker, b0, b1) -> {
            double[][] s = scratch.get();
            for (int blk = b0; blk < b1; blk++) {
                int first = r0 + blk * bl, count = Math.min(bl, r1 - first);
                double[] xr = s[0], xi = s[1], yr = s[2], yi = s[3];
                // Gather transposed: element t of row (first+b) at t·count + b.
                for (int b = 0; b < count; b++) {
                    int row = (first + b) * l;
                    for (int t = 0; t < inCols; t++) {
                        xr[t * count + b] = re[row + t];
                        xi[t * count + b] = im[row + t];
                    }
                }
                java.util.Arrays.fill(xr, inCols * count, l * count, 0.0);
                java.util.Arrays.fill(xi, inCols * count, l * count, 0.0);
                boolean inY = fft.transform(xr, xi, yr, yi, count, inverse);
                double[] or = inY ? yr : xr, oi = inY ? yi : xi;
                for (int b = 0; b < count; b++) {
                    int row = (first + b) * l;
                    for (int t = 0; t < l; t++) {
                        re[row + t] = or[t * count + b];
                        im[row + t] = oi[t * count + b];
                    }
                }
            }
        });
    }

    /**
     * Transforms all columns forward; when {@code multiplier} is given, multiplies the spectrum by it,
     * transforms back and keeps only the first {@code m} rows (the ones the inverse row pass needs).
     */
    private void columns(double[] re, double[] im, double[] multiplier, Parallel workers) {
        int l = size;
        boolean convolve = multiplier != null;
        // Rows at or past m are zero on input when convolving (the kernel fills all rows).
        int inRows = convolve ? m : l;
        int bl = block, blocks = (l + bl - 1) / bl;
        workers.forRange(blocks, 1, (worker, b0, b1) -> {
            double[][] s = scratch.get();
            for (int blk = b0; blk < b1; blk++) {
                int first = blk * bl, count = Math.min(bl, l - first);
                double[] xr = s[0], xi = s[1], yr = s[2], yi = s[3];
                for (int t = 0; t < inRows; t++) {
                    System.arraycopy(re, t * l + first, xr, t * count, count);
                    System.arraycopy(im, t * l + first, xi, t * count, count);
                }
                java.util.Arrays.fill(xr, inRows * count, l * count, 0.0);
                java.util.Arrays.fill(xi, inRows * count, l * count, 0.0);
                boolean inY = fft.transform(xr, xi, yr, yi, count, false);
                double[] ar = inY ? yr : xr, ai = inY ? yi : xi;
                int outRows = l;
                if (convolve) {
                    for (int t = 0; t < l; t++) {
                        int g = t * l + first, o = t * count;
                        for (int b = 0; b < count; b++) {
                            double k = multiplier[g + b];
                            ar[o + b] *= k;
                            ai[o + b] *= k;
                        }
                    }
                    double[] br = inY ? xr : yr, bi = inY ? xi : yi;
                    boolean back = fft.transform(ar, ai, br, bi, count, true);
                    if (back) { ar = br; ai = bi; }
                    outRows = m;
                }
                for (int t = 0; t < outRows; t++) {
                    System.arraycopy(ar, t * count, re, t * l + first, count);
                    System.arraycopy(ai, t * count, im, t * l + first, count);
                }
            }
        });
    }
}
