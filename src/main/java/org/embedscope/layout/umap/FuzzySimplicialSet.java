package org.embedscope.layout.umap;

import org.embedscope.util.Parallel;
import org.embedscope.layout.SparseGraph;
import org.embedscope.layout.knn.KnnGraph;
import org.embedscope.progress.Progress;

/**
 * UMAP's fuzzy simplicial set of a k-NN graph. Each point {@code i} gets a local distance offset
 * {@code ρ_i} (the distance to its nearest neighbour at non-zero distance) and a scale {@code σ_i}
 * found by bisection so that {@code Σ_j exp(−max(0, d_ij − ρ_i)/σ_i) = log₂(nNeighbors)}; the directed
 * membership strength of edge (i, j) is {@code exp(−max(0, d_ij − ρ_i)/σ_i)}. The directed graph W is
 * symmetrised by fuzzy union, {@code W + Wᵀ − W∘Wᵀ}.
 *
 * <p>As in umap-learn, {@code nNeighbors} counts the point itself, so the k-NN graph passed in has
 * {@code nNeighbors − 1} neighbours per point (it never lists the point itself).
 */
public final class FuzzySimplicialSet {
    private FuzzySimplicialSet() {}

    private static final int BISECTION_STEPS = 64;
    private static final double TOLERANCE = 1e-5;
    /** σ is kept at least this fraction of the mean neighbour distance (umap-learn's MIN_K_DIST_SCALE). */
    private static final double MIN_SCALE = 1e-3;

    /** Per-point {@code ρ} and {@code σ}. */
    public record Smoothing(float[] rho, float[] sigma) {}

    /** Solves for ρ and σ of every point (see the class comment). */
    public static Smoothing smooth(KnnGraph knn, int nNeighbors, Parallel par) {
        int n = knn.n(), k = knn.k();
        float[] dist = knn.distances();
        double target = Math.log(nNeighbors) / Math.log(2);
        // Mean of all distances (the point itself counting as one at 0), for the floor of σ.
        double total = 0;
        long count = 0;
        for (int e = 0; e < dist.length; e++) {
            if (knn.indices()[e] >= 0) {
                total += dist[e];
                count++;
            }
        }
        double meanAll = total / Math.max(1, count + n);
        float[] rho = new float[n], sigma = new float[n];
        par.forRange(n, 2048, (w, from, to) -> {
            for (int i = from; i < to; i++) {
                int base = i * k;
                double r = 0, sum = 0;
                int valid = 0;
                for (int j = 0; j < k; j++) {
                    if (knn.indices()[base + j] < 0) continue;
                    valid++;
                    double d = dist[base + j];
                    sum += d;
                    if (r == 0 && d > 0) r = d; // rows are sorted: the first non-zero distance
                }
                double lo = 0, hi = Double.POSITIVE_INFINITY, mid = 1;
                for (int step = 0; step < BISECTION_STEPS; step++) {
                    double psum = 0;
                    for (int j = 0; j < k; j++) {
                        if (knn.indices()[base + j] < 0) continue;
                        double d = dist[base + j] - r;
                        psum += d > 0 ? Math.exp(-d / mid) : 1;
                    }
                    if (Math.abs(psum - target) < TOLERANCE) break;
                    if (psum > target) {
                        hi = mid;
                        mid = (lo + hi) / 2;
                    } else {
                        lo = mid;
                        mid = hi == Double.POSITIVE_INFINITY ? mid * 2 : (lo + hi) / 2;
                    }
                }
                double meanI = sum / (valid + 1);
                double floor = MIN_SCALE * (r > 0 ? meanI : meanAll);
                rho[i] = (float) r;
                sigma[i] = (float) Math.max(mid, floor);
            }
        });
        return new Smoothing(rho, sigma);
    }

    /** The symmetric fuzzy simplicial set of the k-NN graph. */
    public static SparseGraph build(KnnGraph knn, int nNeighbors, Parallel par, Progress progress) {
        progress.stage("fuzzy simplicial set", 0);
        Smoothing s = smooth(knn, nNeighbors, par);
        int n = knn.n(), k = knn.k();
        // Directed memberships W as sorted rows.
        int[] wStart = new int[n + 1];
        int[] wCol = new int[n * k];
        float[] wVal = new float[n * k];
        int p = 0;
        long[] keys = new long[k];
        for (int i = 0; i < n; i++) {
            int m = 0, base = i * k;
            for (int j = 0; j < k; j++) {
                int c = knn.indices()[base + j];
                if (c < 0 || c == i) continue;
                double d = knn.distances()[base + j] - s.rho()[i];
                float v = d <= 0 || s.sigma()[i] == 0 ? 1f : (float) Math.exp(-d / s.sigma()[i]);
                if (v == 0f) continue;
                keys[m++] = ((long) c << 32) | (Float.floatToRawIntBits(v) & 0xffffffffL);
            }
            java.util.Arrays.sort(keys, 0, m);
            for (int e = 0; e < m; e++) {
                wCol[p] = (int) (keys[e] >>> 32);
                wVal[p++] = Float.intBitsToFloat((int) keys[e]);
            }
            wStart[i + 1] = p;
        }
        // Wᵀ by counting sort on columns (rows of Wᵀ come out sorted because i increases).
        int[] tStart = new int[n + 1];
        for (int e = 0; e < p; e++) tStart[wCol[e] + 1]++;
        for (int i = 0; i < n; i++) tStart[i + 1] += tStart[i];
        int[] fill = java.util.Arrays.copyOf(tStart, n);
        int[] tCol = new int[p];
        float[] tVal = new float[p];
        for (int i = 0; i < n; i++) {
            for (int e = wStart[i]; e < wStart[i + 1]; e++) {
                int slot = fill[wCol[e]]++;
                tCol[slot] = i;
                tVal[slot] = wVal[e];
            }
        }
        // Fuzzy union row by row: merge the sorted rows of W and Wᵀ.
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) start[i + 1] = start[i] + mergedLength(wCol, wStart[i], wStart[i + 1], tCol, tStart[i], tStart[i + 1]);
        int[] col = new int[start[n]];
        float[] val = new float[start[n]];
        par.forRange(n, 4096, (w, from, to) -> {
            for (int i = from; i < to; i++) {
                int a = wStart[i], ae = wStart[i + 1], b = tStart[i], be = tStart[i + 1], o = start[i];
                while (a < ae || b < be) {
                    int ca = a < ae ? wCol[a] : Integer.MAX_VALUE, cb = b < be ? tCol[b] : Integer.MAX_VALUE;
                    float x = 0, y = 0;
                    int c;
                    if (ca <= cb) {
                        c = ca;
                        x = wVal[a++];
                    } else {
                        c = cb;
                    }
                    if (cb == c) y = tVal[b++];
                    col[o] = c;
                    val[o++] = x + y - x * y;
                }
            }
        });
        return new SparseGraph(n, start, col, val);
    }

    private static int mergedLength(int[] a, int as, int ae, int[] b, int bs, int be) {
        int c = 0;
        while (as < ae || bs < be) {
            int ca = as < ae ? a[as] : Integer.MAX_VALUE, cb = bs < be ? b[bs] : Integer.MAX_VALUE;
            if (ca <= cb) as++;
            if (cb <= ca) bs++;
            c++;
        }
        return c;
    }
}
