package org.embedscope.layout.linalg;

import org.embedscope.util.Parallel;
import java.util.Random;
import org.embedscope.progress.Progress;

/**
 * Largest eigenpairs of a symmetric sparse matrix by LOBPCG (Knyazev's locally optimal block
 * preconditioned conjugate gradient, here without a preconditioner): each step does Rayleigh–Ritz on
 * the span of the current block X, its residuals R and the previous search directions P. Blocks are
 * row-major {@code n × m} double arrays. Bases are orthonormalised by SVQB (eigen-decomposition of
 * the Gram matrix, dropping directions that have become dependent), which copes with the
 * rank-deficient [R, P] that appear near convergence. Optional deflation keeps all vectors orthogonal
 * to one known eigenvector. Reductions run over fixed row chunks, so results do not depend on the
 * number of threads.
 */
public final class Lobpcg {
    private Lobpcg() {}

    private static final int CHUNK = 4096;

    /** The result: {@code values} (decreasing) and {@code vectors} ({@code n × want}, row-major). */
    public record Result(double[] values, double[] vectors, int iterations, double residual, boolean converged) {}

    /**
     * The {@code want} largest eigenpairs of the symmetric matrix {@code a} (CSR, entries
     * {@code value}), orthogonal to the unit vector {@code deflate} when it is not null.
     *
     * @param block number of vectors iterated together (≥ want; extra ones speed convergence)
     * @param tol   stop when every wanted residual norm ‖Ax − θx‖ is at most this
     */
    public static Result largest(int n, int[] rowStart, int[] col, double[] value, double[] deflate, int want, int block,
            double tol, int maxIterations, long seed, Parallel par, Progress progress) {
        int m = block;
        Random rnd = new Random(seed);
        double[] x = new double[n * m];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
        if (deflate != null) deflate(x, n, m, deflate, par);
        Basis b = svqb(x, n, m, par);
        x = b.q;
        m = b.m;
        if (m < want) return null;
        double[] ax = multiply(rowStart, col, value, x, n, m, par);
        // Rayleigh–Ritz on X alone to start.
        double[] t = gram(x, m, ax, m, n, par);
        SymmetricEigen.Result e = SymmetricEigen.decompose(t, m);
        double[] c = columns(e, m, m);
        x = times(x, n, m, c, m, par);
        ax = times(ax, n, m, c, m, par);
        double[] theta = java.util.Arrays.copyOf(e.values(), m);
        double[] p = null, ap = null;
        int mp = 0;
        double worst = Double.POSITIVE_INFINITY;
        int it = 0;
        for (; it < maxIterations; it++) {
            double[] r = residual(x, ax, theta, n, m, par);
            if (deflate != null) deflate(r, n, m, deflate, par);
            double[] norms = columnNorms(r, n, m, par);
            worst = 0;
            for (int j = 0; j < want; j++) worst = Math.max(worst, norms[j]);
            if (!(worst > tol)) break; // also stops on NaN, reported as not converged below
            progress.checkCancelled();
            // W = [R | P], orthogonal to X, then orthonormal.
            int mw = m + mp;
            double[] w = new double[n * mw];
            for (int i = 0; i < n; i++) {
                System.arraycopy(r, i * m, w, i * mw, m);
                if (mp > 0) System.arraycopy(p, i * mp, w, i * mw + m, mp);
            }
            for (int pass = 0; pass < 2; pass++) {
                double[] xw = gram(x, m, w, mw, n, par);
                subtract(w, x, xw, n, m, mw, par);
            }
            if (deflate != null) deflate(w, n, mw, deflate, par);
            Basis qb = svqb(w, n, mw, par);
            int mq = qb.m;
            if (mq == 0) break;
            double[] q = qb.q;
            double[] aq = multiply(rowStart, col, value, q, n, mq, par);
            // Rayleigh–Ritz on S = [X | Q].
            int s = m + mq;
            double[] sm = concat(x, m, q, mq, n), as = concat(ax, m, aq, mq, n);
            double[] ts = gram(sm, s, as, s, n, par);
            e = SymmetricEigen.decompose(ts, s);
            double[] cx = new double[m * m], cq = new double[mq * m];
            for (int j = 0; j < m; j++) {
                for (int i = 0; i < m; i++) cx[i * m + j] = e.vector(j, i);
                for (int i = 0; i < mq; i++) cq[i * m + j] = e.vector(j, m + i);
            }
            p = times(q, n, mq, cq, m, par);
            ap = times(aq, n, mq, cq, m, par);
            mp = m;
            double[] nx = times(x, n, m, cx, m, par), nax = times(ax, n, m, cx, m, par);
            add(nx, p);
            add(nax, ap);
            x = nx;
            ax = nax;
            theta = java.util.Arrays.copyOf(e.values(), m);
        }
        boolean finite = true;
        for (int j = 0; j < want; j++) finite &= Double.isFinite(theta[j]);
        for (double v : x) if (!Double.isFinite(v)) { finite = false; break; }
        if (!finite) return null;
        double[] out = new double[n * want];
        for (int i = 0; i < n; i++) System.arraycopy(x, i * m, out, i * want, want);
        return new Result(java.util.Arrays.copyOf(theta, want), out, it, worst, worst <= tol);
    }

    private record Basis(double[] q, int m) {}

    /**
     * SVQB: with G = VᵀV scaled to unit diagonal, G = UΛUᵀ, the block V·D·U·Λ^(−1/2) is orthonormal;
     * directions with Λ below a relative threshold are dropped. Done twice for accuracy.
     */
    private static Basis svqb(double[] v, int n, int m, Parallel par) {
        double[] cur = v;
        int cm = m;
        for (int pass = 0; pass < 2 && cm > 0; pass++) {
            double[] g = gram(cur, cm, cur, cm, n, par);
            double[] dscale = new double[cm];
            for (int j = 0; j < cm; j++) dscale[j] = g[j * cm + j] > 0 ? 1 / Math.sqrt(g[j * cm + j]) : 0;
            for (int i = 0; i < cm; i++) for (int j = 0; j < cm; j++) g[i * cm + j] *= dscale[i] * dscale[j];
            SymmetricEigen.Result e = SymmetricEigen.decompose(g, cm);
            double top = Math.max(e.values()[0], 0);
            int keep = 0;
            while (keep < cm && e.values()[keep] > 1e-12 * Math.max(top, 1e-300)) keep++;
            double[] c = new double[cm * keep];
            for (int j = 0; j < keep; j++) {
                double inv = 1 / Math.sqrt(e.values()[j]);
                for (int i = 0; i < cm; i++) c[i * keep + j] = dscale[i] * e.vector(j, i) * inv;
            }
            cur = times(cur, n, cm, c, keep, par);
            cm = keep;
        }
        return new Basis(cur, cm);
    }

    /** Column j of the result is eigenvector j (the first {@code count} of them). */
    private static double[] columns(SymmetricEigen.Result e, int m, int count) {
        double[] c = new double[m * count];
        for (int j = 0; j < count; j++) for (int i = 0; i < m; i++) c[i * count + j] = e.vector(j, i);
        return c;
    }

    static double[] multiply(int[] rowStart, int[] col, double[] value, double[] x, int n, int m, Parallel par) {
        double[] y = new double[n * m];
        par.forRange(n, 2048, (w, from, to) -> {
            for (int i = from; i < to; i++) {
                int yo = i * m;
                for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                    double a = value[e];
                    int xo = col[e] * m;
                    for (int j = 0; j < m; j++) y[yo + j] += a * x[xo + j];
                }
            }
        });
        return y;
    }

    /** AᵀB for row-major n × ma and n × mb blocks; fixed chunks summed in order. */
    static double[] gram(double[] a, int ma, double[] b, int mb, int n, Parallel par) {
        int chunks = (n + CHUNK - 1) / CHUNK;
        double[][] partial = new double[chunks][];
        par.forRange(chunks, 1, (w, from, to) -> {
            for (int ch = from; ch < to; ch++) {
                double[] g = new double[ma * mb];
                for (int i = ch * CHUNK, end = Math.min(n, (ch + 1) * CHUNK); i < end; i++) {
                    int ao = i * ma, bo = i * mb;
                    for (int p = 0; p < ma; p++) {
                        double v = a[ao + p];
                        int go = p * mb;
                        for (int q = 0; q < mb; q++) g[go + q] += v * b[bo + q];
                    }
                }
                partial[ch] = g;
            }
        });
        double[] g = new double[ma * mb];
        for (double[] part : partial) for (int i = 0; i < g.length; i++) g[i] += part[i];
        return g;
    }

    /** A·C for a row-major n × ma block and an ma × mc matrix. */
    static double[] times(double[] a, int n, int ma, double[] c, int mc, Parallel par) {
        double[] out = new double[n * mc];
        par.forRange(n, 2048, (w, from, to) -> {
            for (int i = from; i < to; i++) {
                int ao = i * ma, oo = i * mc;
                for (int p = 0; p < ma; p++) {
                    double v = a[ao + p];
                    int co = p * mc;
                    for (int q = 0; q < mc; q++) out[oo + q] += v * c[co + q];
                }
            }
        });
        return out;
    }

    /** w −= x · xw for blocks w (n × mw), x (n × m) and the m × mw matrix xw. */
    private static void subtract(double[] w, double[] x, double[] xw, int n, int m, int mw, Parallel par) {
        par.forRange(n, 2048, (t, from, to) -> {
            for (int i = from; i < to; i++) {
                int wo = i * mw, xo = i * m;
                for (int p = 0; p < m; p++) {
                    double v = x[xo + p];
                    int co = p * mw;
                    for (int q = 0; q < mw; q++) w[wo + q] -= v * xw[co + q];
                }
            }
        });
    }

    /** Makes every column of the block orthogonal to the unit vector u. */
    static void deflate(double[] x, int n, int m, double[] u, Parallel par) {
        double[] ux = gram(u, 1, x, m, n, par);
        par.forRange(n, 2048, (w, from, to) -> {
            for (int i = from; i < to; i++) for (int j = 0; j < m; j++) x[i * m + j] -= u[i] * ux[j];
        });
    }

    private static double[] residual(double[] x, double[] ax, double[] theta, int n, int m, Parallel par) {
        double[] r = new double[n * m];
        par.forRange(n, 2048, (w, from, to) -> {
            for (int i = from; i < to; i++) for (int j = 0; j < m; j++) r[i * m + j] = ax[i * m + j] - theta[j] * x[i * m + j];
        });
        return r;
    }

    private static double[] columnNorms(double[] r, int n, int m, Parallel par) {
        int chunks = (n + CHUNK - 1) / CHUNK;
        double[][] partial = new double[chunks][];
        par.forRange(chunks, 1, (w, from, to) -> {
            for (int ch = from; ch < to; ch++) {
                double[] s = new double[m];
                for (int i = ch * CHUNK, end = Math.min(n, (ch + 1) * CHUNK); i < end; i++) {
                    for (int j = 0; j < m; j++) s[j] += r[i * m + j] * r[i * m + j];
                }
                partial[ch] = s;
            }
        });
        double[] s = new double[m];
        for (double[] part : partial) for (int j = 0; j < m; j++) s[j] += part[j];
        for (int j = 0; j < m; j++) s[j] = Math.sqrt(s[j]);
        return s;
    }

    private static double[] concat(double[] a, int ma, double[] b, int mb, int n) {
        int s = ma + mb;
        double[] out = new double[n * s];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a, i * ma, out, i * s, ma);
            System.arraycopy(b, i * mb, out, i * s + ma, mb);
        }
        return out;
    }

    private static void add(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) a[i] += b[i];
    }
}
