package org.embedscope.layout;

import org.embedscope.progress.Progress;

/**
 * UMAP's layout optimisation: stochastic gradient descent on the fuzzy cross-entropy between the
 * graph and the layout's similarities {@code 1/(1 + a·d^(2b))}.
 *
 * <p>Each directed edge of weight w is sampled once every {@code w_max/w} epochs (epochs-per-sample),
 * pulling its two ends together; each such sample also pushes the head away from
 * {@code negativeRate} uniformly drawn vertices. Gradient components are clipped to ±4 and the
 * learning rate decays linearly from {@code alpha} to 0 over the epochs.
 *
 * <p>Threads share the layout without locks (Hogwild!-style, as umap-learn's parallel mode), arranged
 * so that they rarely touch the same cache lines: points are renumbered in Z-order (Morton order) of
 * the initial layout, so an edge's two ends are usually near each other in memory, and each thread
 * works through one contiguous block of points; negative samples read the positions as of the start
 * of the epoch from a snapshot nobody writes. Two negatives of one sample no longer wait for each
 * other either: they all push from the position where the positive step left the point and their steps
 * are summed. With one thread the result is bit-for-bit reproducible for a seed; with several, the
 * interleaving of updates varies from run to run, so runs differ slightly (the quality does not).
 */
final class UmapOptimizer {
    private UmapOptimizer() {}

    /** Curve parameters a, b; repulsion weight gamma; negatives per positive sample; epochs; start learning rate. */
    record Settings(double a, double b, double gamma, int negativeRate, int epochs, double alpha) {}

    private static final int CHUNK = 16384;
    private static final float CLIP = 4f;

    /**
     * Optimises {@code embedding} ({@code n × dims}, row-major) in place over the edges of the
     * symmetric graph {@code g}.
     */
    static void optimize(float[] embedding, int dims, SparseGraph g, Settings s, long seed, Parallel par, Progress progress) {
        int n = g.n();
        int[] order = zOrder(embedding, n, dims);
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) rank[order[r]] = r;
        SparseGraph local = renumber(g, order, rank);
        float[] y = new float[n * dims];
        for (int r = 0; r < n; r++) System.arraycopy(embedding, order[r] * dims, y, r * dims, dims);
        optimizeInOrder(y, dims, local, s, seed, par, progress);
        for (int r = 0; r < n; r++) System.arraycopy(y, r * dims, embedding, order[r] * dims, dims);
    }

    /** The points sorted by the Morton code of their first two coordinates (16 bits each; ties by index). */
    static int[] zOrder(float[] y, int n, int dims) {
        float[] lo = {Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY}, hi = {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY};
        int axes = Math.min(2, dims);
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < axes; d++) {
                lo[d] = Math.min(lo[d], y[i * dims + d]);
                hi[d] = Math.max(hi[d], y[i * dims + d]);
            }
        }
        long[] key = new long[n];
        for (int i = 0; i < n; i++) {
            long code = 0;
            for (int d = 0; d < axes; d++) {
                float range = hi[d] - lo[d];
                int q = range > 0 ? (int) ((y[i * dims + d] - lo[d]) / range * 65535f) : 0;
                for (int bit = 0; bit < 16; bit++) code |= (long) ((q >>> bit) & 1) << (2 * bit + d);
            }
            key[i] = code << 31 | i;
        }
        java.util.Arrays.sort(key);
        int[] order = new int[n];
        for (int r = 0; r < n; r++) order[r] = (int) (key[r] & 0x7fffffff);
        return order;
    }

    /** The graph with vertex {@code order[r]} renamed r (rows re-sorted by column). */
    private static SparseGraph renumber(SparseGraph g, int[] order, int[] rank) {
        int n = g.n();
        int[] start = new int[n + 1];
        for (int r = 0; r < n; r++) start[r + 1] = start[r] + g.rowStart()[order[r] + 1] - g.rowStart()[order[r]];
        int[] col = new int[start[n]];
        float[] w = new float[start[n]];
        long[] row = new long[16];
        for (int r = 0; r < n; r++) {
            int i = order[r], from = g.rowStart()[i], len = g.rowStart()[i + 1] - from;
            if (row.length < len) row = new long[len];
            for (int q = 0; q < len; q++) row[q] = (long) rank[g.col()[from + q]] << 32 | (Float.floatToRawIntBits(g.weight()[from + q]) & 0xffffffffL);
            java.util.Arrays.sort(row, 0, len);
            for (int q = 0; q < len; q++) {
                col[start[r] + q] = (int) (row[q] >>> 32);
                w[start[r] + q] = Float.intBitsToFloat((int) row[q]);
            }
        }
        return new SparseGraph(n, start, col, w);
    }

    private static void optimizeInOrder(float[] embedding, int dims, SparseGraph g, Settings s, long seed, Parallel par, Progress progress) {
        int n = g.n(), edges = g.entries();
        int[] head = new int[edges], tail = g.col();
        for (int i = 0; i < n; i++) for (int e = g.rowStart()[i]; e < g.rowStart()[i + 1]; e++) head[e] = i;
        float max = g.maxWeight();
        // Single precision keeps the per-epoch scan over all edges light; the schedule only needs
        // sample times to a fraction of an epoch.
        float[] perSample = new float[edges], nextSample = new float[edges];
        float[] perNegative = new float[edges], nextNegative = new float[edges];
        for (int e = 0; e < edges; e++) {
            float w = g.weight()[e];
            // An edge with weight w is sampled n_epochs·w/w_max times over the run.
            perSample[e] = w > 0 ? max / w : Float.POSITIVE_INFINITY;
            nextSample[e] = perSample[e];
            perNegative[e] = perSample[e] / s.negativeRate();
            nextNegative[e] = perNegative[e];
        }
        int chunks = (edges + CHUNK - 1) / CHUNK;
        long[] rng = new long[chunks];
        for (int c = 0; c < chunks; c++) rng[c] = NnDescent.mix(seed * 0x9E3779B97F4A7C15L + c) | 1L;
        float a = (float) s.a(), b = (float) s.b();
        PowerTable power = new PowerTable(b);
        float attract = (float) (-2 * s.a() * s.b()), repel = (float) (2 * s.gamma() * s.b());
        progress.stage("UMAP: optimising layout", s.epochs());
        float[] snapshot = new float[embedding.length];
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            System.arraycopy(embedding, 0, snapshot, 0, embedding.length);
            float alpha = (float) (s.alpha() * (1 - epoch / (double) s.epochs()));
            int ep = epoch;
            // One contiguous block of chunks per thread: threads stay in different regions of the layout.
            par.forBlocks(chunks, (w, from, to) -> {
                for (int c = from; c < to; c++) {
                    int e0 = c * CHUNK, e1 = Math.min(edges, e0 + CHUNK);
                    rng[c] = dims == 2
                            ? chunk2d(embedding, snapshot, n, head, tail, perSample, nextSample, perNegative, nextNegative, e0, e1, ep, alpha, a, power, attract, repel, rng[c])
                            : chunk(embedding, snapshot, n, dims, head, tail, perSample, nextSample, perNegative, nextNegative, e0, e1, ep, alpha, a, power, attract, repel, rng[c]);
                }
            });
            progress.advance(epoch + 1);
            progress.checkCancelled();
        }
    }

    private static float clip(float v) {
        return v > CLIP ? CLIP : v < -CLIP ? -CLIP : v;
    }

    /** One epoch over edges [e0, e1) in two dimensions; returns the random state. */
    private static long chunk2d(float[] y, float[] snap, int n, int[] head, int[] tail, float[] perSample, float[] nextSample, float[] perNegative,
            float[] nextNegative, int e0, int e1, int epoch, float alpha, float a, PowerTable power, float attract, float repel, long state) {
        for (int e = e0; e < e1; e++) {
            if (nextSample[e] > epoch) continue;
            int j = head[e], k = tail[e];
            float cx = y[2 * j], cy = y[2 * j + 1];
            float dx = cx - y[2 * k], dy = cy - y[2 * k + 1];
            float d2 = dx * dx + dy * dy;
            if (d2 > 0) {
                float pb = power.pow(d2);
                // −2ab·d^(2(b−1)) / (1 + a·d^(2b)), with d^(2(b−1)) = d^(2b)/d².
                float coeff = attract * pb / d2 / (a * pb + 1);
                float gx = clip(coeff * dx) * alpha, gy = clip(coeff * dy) * alpha;
                cx += gx;
                cy += gy;
                y[2 * k] -= gx;
                y[2 * k + 1] -= gy;
            }
            nextSample[e] += perSample[e];
            int negatives = (int) ((epoch - nextNegative[e]) / perNegative[e]);
            float fx = 0, fy = 0;
            for (int p = 0; p < negatives; p++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                int r = (int) (((state >>> 32) * n) >>> 32);
                if (r == j) continue;
                float ex = cx - snap[2 * r], ey = cy - snap[2 * r + 1];
                float q2 = ex * ex + ey * ey;
                if (q2 > 0) {
                    float coeff = repel / ((0.001f + q2) * (a * power.pow(q2) + 1));
                    fx += clip(coeff * ex);
                    fy += clip(coeff * ey);
                } else {
                    // Coincident with another point: a full step apart.
                    fx += CLIP;
                    fy += CLIP;
                }
            }
            cx += fx * alpha;
            cy += fy * alpha;
            y[2 * j] = cx;
            y[2 * j + 1] = cy;
            nextNegative[e] += negatives * perNegative[e];
        }
        return state;
    }

    /** One epoch over edges [e0, e1) in any number of dimensions; returns the random state. */
    private static long chunk(float[] y, float[] snap, int n, int dims, int[] head, int[] tail, float[] perSample, float[] nextSample, float[] perNegative,
            float[] nextNegative, int e0, int e1, int epoch, float alpha, float a, PowerTable power, float attract, float repel, long state) {
        float[] cur = new float[dims], push = new float[dims];
        for (int e = e0; e < e1; e++) {
            if (nextSample[e] > epoch) continue;
            int j = head[e], k = tail[e];
            System.arraycopy(y, j * dims, cur, 0, dims);
            float d2 = 0;
            for (int d = 0; d < dims; d++) {
                float t = cur[d] - y[k * dims + d];
                d2 += t * t;
            }
            if (d2 > 0) {
                float pb = power.pow(d2);
                float coeff = attract * pb / d2 / (a * pb + 1);
                for (int d = 0; d < dims; d++) {
                    float gd = clip(coeff * (cur[d] - y[k * dims + d])) * alpha;
                    cur[d] += gd;
                    y[k * dims + d] -= gd;
                }
            }
            nextSample[e] += perSample[e];
            int negatives = (int) ((epoch - nextNegative[e]) / perNegative[e]);
            java.util.Arrays.fill(push, 0f);
            for (int p = 0; p < negatives; p++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                int r = (int) (((state >>> 32) * n) >>> 32);
                if (r == j) continue;
                float q2 = 0;
                for (int d = 0; d < dims; d++) {
                    float t = cur[d] - snap[r * dims + d];
                    q2 += t * t;
                }
                if (q2 > 0) {
                    float coeff = repel / ((0.001f + q2) * (a * power.pow(q2) + 1));
                    for (int d = 0; d < dims; d++) push[d] += clip(coeff * (cur[d] - snap[r * dims + d]));
                } else {
                    for (int d = 0; d < dims; d++) push[d] += CLIP;
                }
            }
            for (int d = 0; d < dims; d++) cur[d] += push[d] * alpha;
            System.arraycopy(cur, 0, y, j * dims, dims);
            nextNegative[e] += negatives * perNegative[e];
        }
        return state;
    }
}
