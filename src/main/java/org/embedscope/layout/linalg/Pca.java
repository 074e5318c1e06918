package org.embedscope.layout.linalg;

import org.embedscope.util.Parallel;
import java.util.Random;
import org.embedscope.progress.Progress;

/**
 * Principal component analysis of the rows of a row-major {@code n × dim} float matrix.
 *
 * <p>Technique: the covariance matrix is accumulated in double precision from the raw rows
 * ({@code XᵀX − n·μμᵀ}), skipping zero entries so that sparse data such as pixel images cost in
 * proportion to their non-zeros; its leading eigenvectors come from block subspace iteration with
 * Rayleigh–Ritz projection (a seeded random start block of {@code components + oversampling}
 * vectors, re-orthonormalised each step, until the leading Ritz values settle). Each covariance entry is
 * summed in a fixed order, so the result depends on the seed only, not on the number of threads.
 *
 * <p>Sign convention: each axis is flipped so that its loading of largest magnitude (the first such
 * on ties) is positive.
 *
 * <p>It runs on the caller's {@link Parallel}, so an engine's thread count holds for its PCA too.
 */
public final class Pca {
    private Pca() {}

    /** Rows per fixed chunk in reductions, so sums never depend on how chunks meet threads. */
    private static final int CHUNK = 2048;
    private static final int MAX_ITERATIONS = 1000;
    private static final double TOLERANCE = 1e-11;

    /**
     * A fitted PCA: the mean row, the unit principal axes ({@code axes[c*dim + d]}, largest variance
     * first) and the variance of the data along each.
     */
    public record Fit(int dim, int components, double[] mean, double[] axes, double[] variances) {

        /** Row {@code c} of the axes as a new array. */
        public double[] axis(int c) {
            return java.util.Arrays.copyOfRange(axes, c * dim, (c + 1) * dim);
        }

        /** Projects the centred rows of {@code data} on the axes: {@code n × components}, row-major. */
        public float[] transform(float[] data, int n, Parallel par, Progress progress) {
            int k = components;
            // Axes transposed to dim × k so that each input value updates k contiguous outputs (an axpy the JIT vectorises).
            double[] at = new double[dim * k];
            double[] shift = new double[k];
            for (int c = 0; c < k; c++) {
                for (int d = 0; d < dim; d++) {
                    at[d * k + c] = axes[c * dim + d];
                    shift[c] += mean[d] * axes[c * dim + d];
                }
            }
            float[] out = new float[n * k];
            progress.stage("PCA: projecting", n);
            java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
            par.forRange(n, CHUNK, (w, from, to) -> {
                double[] acc = new double[k];
                for (int i = from; i < to; i++) {
                    java.util.Arrays.fill(acc, 0);
                    int o = i * dim;
                    for (int d = 0; d < dim; d++) {
                        double x = data[o + d];
                        if (x == 0) continue;
                        int base = d * k;
                        for (int c = 0; c < k; c++) acc[c] += x * at[base + c];
                    }
                    for (int c = 0; c < k; c++) out[i * k + c] = (float) (acc[c] - shift[c]);
                }
                progress.advance(done.addAndGet(to - from));
                progress.checkCancelled();
            });
            return out;
        }
    }

    /**
     * The centred data projected on its top {@code components} principal axes: {@code n × components},
     * row-major. Deterministic for a given seed, on any number of threads.
     */
    public static float[] project(float[] data, int n, int dim, int components, long seed, Parallel par, Progress progress) {
        return fit(data, n, dim, components, seed, par, progress).transform(data, n, par, progress);
    }

    /** Fits the top {@code components} principal axes of the rows of {@code data}. */
    public static Fit fit(float[] data, int n, int dim, int components, long seed, Parallel par, Progress progress) {
        if (n < 1 || dim < 1) throw new IllegalArgumentException("PCA needs at least one row and one column");
        if (components < 1 || components > dim) {
            throw new IllegalArgumentException("components must be in 1.." + dim + ", was " + components);
        }
        if ((long) n * dim > data.length) throw new IllegalArgumentException("data holds fewer than n*dim values");
        double[] mean = mean(data, n, dim, par);
        double[] cov = covariance(data, n, dim, mean, par, progress);
        progress.stage("PCA: eigenvectors", 0);
        double[][] eig = leadingEigenvectors(cov, dim, components, seed, par, progress);
        double[] axes = eig[0], variances = eig[1];
        for (int c = 0; c < components; c++) fixSign(axes, c * dim, dim, 1);
        return new Fit(dim, components, mean, axes, variances);
    }

    private static double[] mean(float[] data, int n, int dim, Parallel par) {
        int chunks = (n + CHUNK - 1) / CHUNK;
        double[][] partial = new double[chunks][];
        par.forRange(chunks, 1, (w, from, to) -> {
            for (int ch = from; ch < to; ch++) {
                double[] s = new double[dim];
                int end = Math.min(n, (ch + 1) * CHUNK);
                for (int i = ch * CHUNK; i < end; i++) {
                    int o = i * dim;
                    for (int d = 0; d < dim; d++) s[d] += data[o + d];
                }
                partial[ch] = s;
            }
        });
        double[] mean = new double[dim];
        for (double[] s : partial) for (int d = 0; d < dim; d++) mean[d] += s[d];
        for (int d = 0; d < dim; d++) mean[d] /= n;
        return mean;
    }

    /**
     * The sample covariance ({@code dim × dim}, full, row-major). Threads own disjoint bands of rows of
     * the upper triangle, cut so that each holds about the same number of entries; every thread scans
     * all data rows and only their non-zero entries.
     */
    private static double[] covariance(float[] data, int n, int dim, double[] mean, Parallel par, Progress progress) {
        double[] s = new double[dim * dim];
        int bands = Math.min(dim, 4 * par.threads());
        int[] bandStart = new int[bands + 1];
        double total = (double) dim * (dim + 1) / 2, acc = 0;
        int b = 1;
        for (int p = 0; p < dim && b < bands; p++) {
            acc += dim - p;
            if (acc >= total * b / bands) bandStart[b++] = p + 1;
        }
        while (b <= bands) bandStart[b++] = dim;
        progress.stage("PCA: covariance", (long) bands * n);
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        par.forRange(bands, 1, (w, from, to) -> {
            int[] idx = new int[dim];
            double[] val = new double[dim];
            for (int band = from; band < to; band++) {
                int p0 = bandStart[band], p1 = bandStart[band + 1];
                // Rows of this band counted so far: the rest are counted when it ends, so that the
                // stage reaches its total (fewer than 4096 rows never reached a report before).
                int counted = 0;
                for (int i = 0; i < n && p0 < p1; i++) {
                    int o = i * dim, nnz = 0, first = -1;
                    for (int d = 0; d < dim; d++) {
                        float x = data[o + d];
                        if (x != 0) {
                            if (first < 0 && d >= p0) first = nnz;
                            idx[nnz] = d;
                            val[nnz++] = x;
                        }
                    }
                    if (first >= 0) {
                        for (int a = first; a < nnz && idx[a] < p1; a++) {
                            double xa = val[a];
                            int row = idx[a] * dim;
                            for (int c = a; c < nnz; c++) s[row + idx[c]] += xa * val[c];
                        }
                    }
                    if ((i & 4095) == 4095) {
                        progress.advance(done.addAndGet(i + 1 - counted));
                        counted = i + 1;
                        progress.checkCancelled();
                    }
                }
                progress.advance(done.addAndGet(n - counted));
            }
        });
        double norm = n > 1 ? 1.0 / (n - 1) : 1.0;
        for (int p = 0; p < dim; p++) {
            for (int q = p; q < dim; q++) {
                double c = (s[p * dim + q] - n * mean[p] * mean[q]) * norm;
                s[p * dim + q] = c;
                s[q * dim + p] = c;
            }
        }
        return s;
    }

    /**
     * Top {@code k} eigenpairs of the symmetric {@code dim × dim} matrix {@code a} by block subspace
     * iteration with Rayleigh–Ritz: {@code [axes (k × dim, row-major), eigenvalues]}.
     */
    static double[][] leadingEigenvectors(double[] a, int dim, int k, long seed, Parallel par, Progress progress) {
        int l = Math.min(dim, k + Math.max(10, k / 2));
        // q[d*l + c]: the block of l column vectors, row-major so that A·Q is a row-by-row axpy.
        double[] q = new double[dim * l];
        Random rnd = new Random(seed);
        for (int i = 0; i < q.length; i++) q[i] = rnd.nextGaussian();
        orthonormalise(q, dim, l, rnd);
        double[] z = new double[dim * l];
        double[] prev = null;
        SymmetricEigen.Result ritz = null;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            multiply(a, q, z, dim, l, par);
            // Rayleigh–Ritz: T = Qᵀ A Q, rotate the block onto T's eigenvectors.
            double[] t = new double[l * l];
            for (int d = 0; d < dim; d++) {
                int o = d * l;
                for (int i = 0; i < l; i++) {
                    double qi = q[o + i];
                    for (int j = 0; j < l; j++) t[i * l + j] += qi * z[o + j];
                }
            }
            ritz = SymmetricEigen.decompose(t, l);
            boolean converged = prev != null;
            if (prev != null) {
                double scale = Math.max(Math.abs(ritz.values()[0]), Double.MIN_NORMAL);
                for (int c = 0; c < k && converged; c++) {
                    converged = Math.abs(ritz.values()[c] - prev[c]) <= TOLERANCE * scale;
                }
            }
            prev = ritz.values();
            if (converged || it == MAX_ITERATIONS - 1) break;
            // Next block: (A Q) W, orthonormalised.
            rotate(z, ritz, dim, l, q);
            orthonormalise(q, dim, l, rnd);
            progress.checkCancelled();
        }
        // Ritz vectors Q W of the last projection.
        double[] v = new double[dim * l];
        rotate(q, ritz, dim, l, v);
        double[] axes = new double[k * dim];
        double[] values = new double[k];
        for (int c = 0; c < k; c++) {
            values[c] = Math.max(0, ritz.values()[c]);
            double norm = 0;
            for (int d = 0; d < dim; d++) norm += v[d * l + c] * v[d * l + c];
            norm = Math.sqrt(norm);
            for (int d = 0; d < dim; d++) axes[c * dim + d] = v[d * l + c] / norm;
        }
        return new double[][] {axes, values};
    }

    /** out = x · W where W's columns are the eigenvectors of the Ritz decomposition. */
    private static void rotate(double[] x, SymmetricEigen.Result w, int dim, int l, double[] out) {
        double[] vec = w.vectors();
        for (int d = 0; d < dim; d++) {
            int o = d * l;
            for (int c = 0; c < l; c++) {
                double s = 0;
                for (int j = 0; j < l; j++) s += x[o + j] * vec[c * l + j];
                out[o + c] = s;
            }
        }
    }

    /** z = a · q for the symmetric dim × dim matrix a and the dim × l block q. */
    private static void multiply(double[] a, double[] q, double[] z, int dim, int l, Parallel par) {
        par.forRange(dim, 16, (w, from, to) -> {
            for (int p = from; p < to; p++) {
                int zo = p * l;
                java.util.Arrays.fill(z, zo, zo + l, 0);
                int ao = p * dim;
                for (int r = 0; r < dim; r++) {
                    double apr = a[ao + r];
                    if (apr == 0) continue;
                    int qo = r * l;
                    for (int c = 0; c < l; c++) z[zo + c] += apr * q[qo + c];
                }
            }
        });
    }

    /**
     * Orthonormalises the l columns of the row-major dim × l block in place: modified Gram–Schmidt,
     * run twice ("twice is enough") to keep orthogonality at rounding level. A column that (nearly)
     * lies in the span of the previous ones, as happens for a rank-deficient matrix, is replaced by a
     * random one, drawn from {@code rnd}, and orthogonalised again.
     */
    static void orthonormalise(double[] q, int dim, int l, Random rnd) {
        for (int c = 0; c < l; c++) {
            for (int attempt = 0; ; attempt++) {
                double before = columnNorm(q, dim, l, c);
                for (int pass = 0; pass < 2; pass++) {
                    for (int j = 0; j < c; j++) {
                        double dot = 0;
                        for (int d = 0; d < dim; d++) dot += q[d * l + c] * q[d * l + j];
                        for (int d = 0; d < dim; d++) q[d * l + c] -= dot * q[d * l + j];
                    }
                }
                double norm = columnNorm(q, dim, l, c);
                if (norm > 1e-10 * before && norm > 1e-300) {
                    for (int d = 0; d < dim; d++) q[d * l + c] /= norm;
                    break;
                }
                if (attempt >= 8) throw new IllegalStateException("cannot extend an orthonormal basis of " + c + " vectors in " + dim + " dimensions");
                for (int d = 0; d < dim; d++) q[d * l + c] = rnd.nextGaussian();
            }
        }
    }

    private static double columnNorm(double[] q, int dim, int l, int c) {
        double s = 0;
        for (int d = 0; d < dim; d++) s += q[d * l + c] * q[d * l + c];
        return Math.sqrt(s);
    }

    /**
     * Flips the vector of {@code len} entries {@code v[o], v[o + stride], …} so that its entry of largest
     * magnitude (the first such on ties) is positive.
     */
    public static void fixSign(double[] v, int o, int len, int stride) {
        int end = o + len * stride, best = o;
        for (int i = o + stride; i < end; i += stride) if (Math.abs(v[i]) > Math.abs(v[best])) best = i;
        if (v[best] < 0) for (int i = o; i < end; i += stride) v[i] = -v[i];
    }
}
