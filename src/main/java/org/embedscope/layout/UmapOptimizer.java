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
 * <p>Threads share the layout without locks (Hogwild!-style, as umap-learn's parallel mode): each
 * thread owns fixed chunks of consecutive edges and their random streams. With one thread the result is
 * bit-for-bit reproducible for a seed; with several, the interleaving of updates varies from run to run,
 * so runs differ slightly (the quality does not).
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
        float attract = (float) (-2 * s.a() * s.b()), repel = (float) (2 * s.gamma() * s.b());
        progress.stage("UMAP: optimising layout", s.epochs());
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            float alpha = (float) (s.alpha() * (1 - epoch / (double) s.epochs()));
            int ep = epoch;
            par.forRange(chunks, 1, (w, from, to) -> {
                for (int c = from; c < to; c++) {
                    int e0 = c * CHUNK, e1 = Math.min(edges, e0 + CHUNK);
                    rng[c] = dims == 2
                            ? chunk2d(embedding, n, head, tail, perSample, nextSample, perNegative, nextNegative, e0, e1, ep, alpha, a, b, attract, repel, rng[c])
                            : chunk(embedding, n, dims, head, tail, perSample, nextSample, perNegative, nextNegative, e0, e1, ep, alpha, a, b, attract, repel, rng[c]);
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
    private static long chunk2d(float[] y, int n, int[] head, int[] tail, float[] perSample, float[] nextSample, float[] perNegative,
            float[] nextNegative, int e0, int e1, int epoch, float alpha, float a, float b, float attract, float repel, long state) {
        for (int e = e0; e < e1; e++) {
            if (nextSample[e] > epoch) continue;
            int j = head[e], k = tail[e];
            float cx = y[2 * j], cy = y[2 * j + 1];
            float dx = cx - y[2 * k], dy = cy - y[2 * k + 1];
            float d2 = dx * dx + dy * dy;
            if (d2 > 0) {
                float pb = FastPow.pow(d2, b);
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
            // The negatives of one sample all see the head where the positive step left it and their
            // steps are applied together: no step waits for the previous one's power function.
            float fx = 0, fy = 0;
            for (int p = 0; p < negatives; p++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                int r = (int) (((state >>> 32) * n) >>> 32);
                if (r == j) continue;
                float ex = cx - y[2 * r], ey = cy - y[2 * r + 1];
                float q2 = ex * ex + ey * ey;
                if (q2 > 0) {
                    float coeff = repel / ((0.001f + q2) * (a * FastPow.pow(q2, b) + 1));
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
    private static long chunk(float[] y, int n, int dims, int[] head, int[] tail, float[] perSample, float[] nextSample, float[] perNegative,
            float[] nextNegative, int e0, int e1, int epoch, float alpha, float a, float b, float attract, float repel, long state) {
        float[] cur = new float[dims];
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
                float pb = FastPow.pow(d2, b);
                float coeff = attract * pb / d2 / (a * pb + 1);
                for (int d = 0; d < dims; d++) {
                    float gd = clip(coeff * (cur[d] - y[k * dims + d])) * alpha;
                    cur[d] += gd;
                    y[k * dims + d] -= gd;
                }
            }
            nextSample[e] += perSample[e];
            int negatives = (int) ((epoch - nextNegative[e]) / perNegative[e]);
            for (int p = 0; p < negatives; p++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                int r = (int) (((state >>> 32) * n) >>> 32);
                if (r == j) continue;
                float q2 = 0;
                for (int d = 0; d < dims; d++) {
                    float t = cur[d] - y[r * dims + d];
                    q2 += t * t;
                }
                if (q2 > 0) {
                    float coeff = repel / ((0.001f + q2) * (a * FastPow.pow(q2, b) + 1));
                    for (int d = 0; d < dims; d++) cur[d] += clip(coeff * (cur[d] - y[r * dims + d])) * alpha;
                } else {
                    for (int d = 0; d < dims; d++) cur[d] += CLIP * alpha;
                }
            }
            System.arraycopy(cur, 0, y, j * dims, dims);
            nextNegative[e] += negatives * perNegative[e];
        }
        return state;
    }
}
