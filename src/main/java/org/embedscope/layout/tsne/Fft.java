package org.embedscope.layout.tsne;

import java.util.ArrayList;
import java.util.List;

/**
 * Complex discrete Fourier transform of a fixed length {@code n = 2^a · 3^b · 5^c}: the self-sorting
 * Stockham algorithm (decimation in frequency) with radix-4, 2, 3 and 5 butterflies.
 *
 * <p>It transforms a <em>batch</em> of sequences at once, stored interleaved: element {@code t} of
 * sequence {@code b} is at {@code t·batch + b}. The innermost loop then runs over the batch with unit
 * stride, which is what makes columns of a row-major grid cheap to transform. Forward uses
 * {@code e^{-2πi·tk/n}}; the inverse is unnormalised (no {@code 1/n}).
 */
public final class Fft {
    private final int n;
    private final int[] radices;
    /** Per stage: cos and sin of {@code 2π·q·j/len} for q < len/p, 1 ≤ j < p, at {@code q·(p−1) + j−1}. */
    private final double[][] twCos, twSin;

    public Fft(int n) {
        if (!isSupportedSize(n)) throw new IllegalArgumentException("FFT length must be 2^a·3^b·5^c, got " + n);
        this.n = n;
        List<Integer> rs = new ArrayList<>();
        int r = n;
        while (r % 4 == 0) { rs.add(4); r /= 4; }
        while (r % 2 == 0) { rs.add(2); r /= 2; }
        while (r % 3 == 0) { rs.add(3); r /= 3; }
        while (r % 5 == 0) { rs.add(5); r /= 5; }
        radices = rs.stream().mapToInt(Integer::intValue).toArray();
        twCos = new double[radices.length][];
        twSin = new double[radices.length][];
        int len = n;
        for (int st = 0; st < radices.length; st++) {
            int p = radices[st], m = len / p;
            double[] c = new double[m * (p - 1)], s = new double[m * (p - 1)];
            for (int q = 0; q < m; q++) {
                for (int j = 1; j < p; j++) {
                    double a = 2 * Math.PI * ((long) q * j % len) / len;
                    c[q * (p - 1) + j - 1] = Math.cos(a);
                    s[q * (p - 1) + j - 1] = Math.sin(a);
                }
            }
            twCos[st] = c;
            twSin[st] = s;
            len = m;
        }
    }

    /** True when {@code n ≥ 1} has no prime factor other than 2, 3 and 5. */
    public static boolean isSupportedSize(int n) {
        if (n < 1) return false;
        for (int f : new int[] {2, 3, 5}) while (n % f == 0) n /= f;
        return n == 1;
    }

    /** The smallest supported length {@code ≥ min}. */
    public static int sizeAtLeast(int min) {
        int m = Math.max(1, min);
        while (!isSupportedSize(m)) m++;
        return m;
    }

    /**
     * Transforms {@code batch} interleaved sequences held in {@code (xr, xi)}, using {@code (yr, yi)}
     * (same size, at least {@code n·batch}) as scratch.
     *
     * @return true when the result ended up in {@code (yr, yi)}, false when in {@code (xr, xi)}
     */
    public boolean transform(double[] xr, double[] xi, double[] yr, double[] yi, int batch, boolean inverse) {
        double sign = inverse ? 1 : -1;  // the sign of the exponent
        int len = n, s = 1;
        boolean inY = false;
        for (int st = 0; st < radices.length; st++) {
            int p = radices[st];
            double[] ar = inY ? yr : xr, ai = inY ? yi : xi, br = inY ? xr : yr, bi = inY ? xi : yi;
            switch (p) {
                case 4 -> radix4(ar, ai, br, bi, len, s, batch, twCos[st], twSin[st], sign);
                case 2 -> radix2(ar, ai, br, bi, len, s, batch, twCos[st], twSin[st], sign);
                case 3 -> radix3(ar, ai, br, bi, len, s, batch, twCos[st], twSin[st], sign);
                default -> radix5(ar, ai, br, bi, len, s, batch, twCos[st], twSin[st], sign);
            }
            inY = !inY;
            len /= p;
            s *= p;
        }
        return inY;
    }

    // Each stage: for every offset s' < s and q < m = len/p, read the p inputs
    // x[s' + s(q + m·k)], take their length-p DFT b_j, and write b_j · w^{qj} to y[s' + s(p·q + j)],
    // where w = e^{sign·2πi/len}. Indices are in sequence elements; ·batch gives array offsets.

    private static void radix2(double[] xr, double[] xi, double[] yr, double[] yi, int len, int s, int batch,
                               double[] tc, double[] ts, double sign) {
        int m = len / 2;
        for (int q = 0; q < m; q++) {
            double wr = tc[q], wi = sign * ts[q];
            for (int sp = 0; sp < s; sp++) {
                int i0 = (sp + s * q) * batch, i1 = (sp + s * (q + m)) * batch;
                int o0 = (sp + s * (2 * q)) * batch, o1 = (sp + s * (2 * q + 1)) * batch;
                for (int b = 0; b < batch; b++) {
                    double ar = xr[i0 + b], ai = xi[i0 + b], br = xr[i1 + b], bi = xi[i1 + b];
                    yr[o0 + b] = ar + br;
                    yi[o0 + b] = ai + bi;
                    double dr = ar - br, di = ai - bi;
                    yr[o1 + b] = dr * wr - di * wi;
                    yi[o1 + b] = dr * wi + di * wr;
                }
            }
        }
    }

    private static void radix4(double[] xr, double[] xi, double[] yr, double[] yi, int len, int s, int batch,
                               double[] tc, double[] ts, double sign) {
        int m = len / 4;
        for (int q = 0; q < m; q++) {
            double w1r = tc[3 * q], w1i = sign * ts[3 * q];
            double w2r = tc[3 * q + 1], w2i = sign * ts[3 * q + 1];
            double w3r = tc[3 * q + 2], w3i = sign * ts[3 * q + 2];
            for (int sp = 0; sp < s; sp++) {
                int i0 = (sp + s * q) * batch, i1 = (sp + s * (q + m)) * batch;
                int i2 = (sp + s * (q + 2 * m)) * batch, i3 = (sp + s * (q + 3 * m)) * batch;
                int o0 = (sp + s * (4 * q)) * batch, o1 = o0 + s * batch, o2 = o1 + s * batch, o3 = o2 + s * batch;
                for (int b = 0; b < batch; b++) {
                    double a0r = xr[i0 + b], a0i = xi[i0 + b], a1r = xr[i1 + b], a1i = xi[i1 + b];
                    double a2r = xr[i2 + b], a2i = xi[i2 + b], a3r = xr[i3 + b], a3i = xi[i3 + b];
                    double t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
                    double t2r = a1r + a3r, t2i = a1i + a3i;
                    // (a1 − a3) times sign·i: forward multiplies by −i, inverse by +i.
                    double dr = a1r - a3r, di = a1i - a3i;
                    double t3r = -sign * di, t3i = sign * dr;
                    yr[o0 + b] = t0r + t2r;
                    yi[o0 + b] = t0i + t2i;
                    double b1r = t1r + t3r, b1i = t1i + t3i;
                    double b2r = t0r - t2r, b2i = t0i - t2i;
                    double b3r = t1r - t3r, b3i = t1i - t3i;
                    yr[o1 + b] = b1r * w1r - b1i * w1i;
                    yi[o1 + b] = b1r * w1i + b1i * w1r;
                    yr[o2 + b] = b2r * w2r - b2i * w2i;
                    yi[o2 + b] = b2r * w2i + b2i * w2r;
                    yr[o3 + b] = b3r * w3r - b3i * w3i;
                    yi[o3 + b] = b3r * w3i + b3i * w3r;
                }
            }
        }
    }

    private static final double SIN60 = Math.sqrt(3) / 2;

    private static void radix3(double[] xr, double[] xi, double[] yr, double[] yi, int len, int s, int batch,
                               double[] tc, double[] ts, double sign) {
        int m = len / 3;
        double h = sign * SIN60;
        for (int q = 0; q < m; q++) {
            double w1r = tc[2 * q], w1i = sign * ts[2 * q];
            double w2r = tc[2 * q + 1], w2i = sign * ts[2 * q + 1];
            for (int sp = 0; sp < s; sp++) {
                int i0 = (sp + s * q) * batch, i1 = (sp + s * (q + m)) * batch, i2 = (sp + s * (q + 2 * m)) * batch;
                int o0 = (sp + s * (3 * q)) * batch, o1 = o0 + s * batch, o2 = o1 + s * batch;
                for (int b = 0; b < batch; b++) {
                    double a0r = xr[i0 + b], a0i = xi[i0 + b];
                    double sr = xr[i1 + b] + xr[i2 + b], si = xi[i1 + b] + xi[i2 + b];
                    double dr = xr[i1 + b] - xr[i2 + b], di = xi[i1 + b] - xi[i2 + b];
                    yr[o0 + b] = a0r + sr;
                    yi[o0 + b] = a0i + si;
                    double cr = a0r - 0.5 * sr, ci = a0i - 0.5 * si;
                    // b1 = c + sign·i·(√3/2)·d, b2 = c − sign·i·(√3/2)·d
                    double b1r = cr - h * di, b1i = ci + h * dr;
                    double b2r = cr + h * di, b2i = ci - h * dr;
                    yr[o1 + b] = b1r * w1r - b1i * w1i;
                    yi[o1 + b] = b1r * w1i + b1i * w1r;
                    yr[o2 + b] = b2r * w2r - b2i * w2i;
                    yi[o2 + b] = b2r * w2i + b2i * w2r;
                }
            }
        }
    }

    private static final double C1 = Math.cos(2 * Math.PI / 5), C2 = Math.cos(4 * Math.PI / 5);
    private static final double S1 = Math.sin(2 * Math.PI / 5), S2 = Math.sin(4 * Math.PI / 5);

    private static void radix5(double[] xr, double[] xi, double[] yr, double[] yi, int len, int s, int batch,
                               double[] tc, double[] ts, double sign) {
        int m = len / 5;
        double s1 = sign * S1, s2 = sign * S2;
        for (int q = 0; q < m; q++) {
            int t = 4 * q;
            double w1r = tc[t], w1i = sign * ts[t], w2r = tc[t + 1], w2i = sign * ts[t + 1];
            double w3r = tc[t + 2], w3i = sign * ts[t + 2], w4r = tc[t + 3], w4i = sign * ts[t + 3];
            for (int sp = 0; sp < s; sp++) {
                int i0 = (sp + s * q) * batch, i1 = (sp + s * (q + m)) * batch, i2 = (sp + s * (q + 2 * m)) * batch;
                int i3 = (sp + s * (q + 3 * m)) * batch, i4 = (sp + s * (q + 4 * m)) * batch;
                int o0 = (sp + s * (5 * q)) * batch, o1 = o0 + s * batch, o2 = o1 + s * batch, o3 = o2 + s * batch,
                        o4 = o3 + s * batch;
                for (int b = 0; b < batch; b++) {
                    double a0r = xr[i0 + b], a0i = xi[i0 + b];
                    double u1r = xr[i1 + b] + xr[i4 + b], u1i = xi[i1 + b] + xi[i4 + b];
                    double v1r = xr[i1 + b] - xr[i4 + b], v1i = xi[i1 + b] - xi[i4 + b];
                    double u2r = xr[i2 + b] + xr[i3 + b], u2i = xi[i2 + b] + xi[i3 + b];
                    double v2r = xr[i2 + b] - xr[i3 + b], v2i = xi[i2 + b] - xi[i3 + b];
                    yr[o0 + b] = a0r + u1r + u2r;
                    yi[o0 + b] = a0i + u1i + u2i;
                    double c1r = a0r + C1 * u1r + C2 * u2r, c1i = a0i + C1 * u1i + C2 * u2i;
                    double c2r = a0r + C2 * u1r + C1 * u2r, c2i = a0i + C2 * u1i + C1 * u2i;
                    // e1 = sign·(S1·v1 + S2·v2), e2 = sign·(S2·v1 − S1·v2); b1,4 = c1 ± i·e1, b2,3 = c2 ± i·e2
                    double e1r = s1 * v1r + s2 * v2r, e1i = s1 * v1i + s2 * v2i;
                    double e2r = s2 * v1r - s1 * v2r, e2i = s2 * v1i - s1 * v2i;
                    double b1r = c1r - e1i, b1i = c1i + e1r, b4r = c1r + e1i, b4i = c1i - e1r;
                    double b2r = c2r - e2i, b2i = c2i + e2r, b3r = c2r + e2i, b3i = c2i - e2r;
                    yr[o1 + b] = b1r * w1r - b1i * w1i;
                    yi[o1 + b] = b1r * w1i + b1i * w1r;
                    yr[o2 + b] = b2r * w2r - b2i * w2i;
                    yi[o2 + b] = b2r * w2i + b2i * w2r;
                    yr[o3 + b] = b3r * w3r - b3i * w3i;
                    yi[o3 + b] = b3r * w3i + b3i * w3r;
                    yr[o4 + b] = b4r * w4r - b4i * w4i;
                    yi[o4 + b] = b4r * w4i + b4i * w4r;
                }
            }
        }
    }
}
