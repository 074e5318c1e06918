package org.embedscope.layout.umap;

import org.embedscope.util.Parallel;
import org.embedscope.layout.MortonOrder;
import org.embedscope.layout.SparseGraph;
import org.embedscope.layout.knn.NnDescent;
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
 * <p>Parallel and deterministic. Points are renumbered in Z-order (Morton order) of the initial layout
 * and cut into chunks of {@value #CHUNK_POINTS} consecutive points, each with its own random stream; a
 * chunk is one task of an epoch. Within its chunk a task updates positions at once, as umap-learn does;
 * everything outside it, it reads as of the start of the epoch (a snapshot), and its pulls on edge tails
 * outside the chunk are applied after the epoch, chunk by chunk. Thanks to the Z-order most edges stay
 * inside a chunk. So no two threads ever write or read-while-written the same position (no locks, no
 * cache-line ping-pong), and the layout depends on the seed only: bit-for-bit the same on any number of
 * threads. The negatives of one sample are all measured from where its positive step left the point
 * and their steps summed, so their costly power functions overlap instead of waiting for each other.
 */
final class UmapOptimizer {
    private UmapOptimizer() {}

    /** Curve parameters a, b; repulsion weight gamma; negatives per positive sample; epochs; start learning rate. */
    record Settings(double a, double b, double gamma, int negativeRate, int epochs, double alpha) {}

    /** Points per task: large enough to keep most edges inside, small enough to spread over cores. */
    static final int CHUNK_POINTS = 4096;
    private static final float CLIP = 4f;

    /**
     * Optimises {@code embedding} ({@code n × dims}, row-major) in place over the edges of the
     * symmetric graph {@code g}.
     */
    static void optimize(float[] embedding, int dims, SparseGraph g, Settings s, long seed, Parallel par, Progress progress) {
        int n = g.n();
        int[] order = MortonOrder.of(embedding, n, dims);
        SparseGraph local = g.permuted(order);
        float[] y = new float[n * dims];
        for (int r = 0; r < n; r++) System.arraycopy(embedding, order[r] * dims, y, r * dims, dims);
        optimizeInOrder(y, dims, local, s, seed, par, progress);
        for (int r = 0; r < n; r++) System.arraycopy(y, r * dims, embedding, order[r] * dims, dims);
    }

    private static void optimizeInOrder(float[] embedding, int dims, SparseGraph g, Settings s, long seed, Parallel par, Progress progress) {
        int n = g.n();
        Schedule schedule = new Schedule(g, s.negativeRate());
        int chunks = (n + CHUNK_POINTS - 1) / CHUNK_POINTS;
        Chunk[] chunk = new Chunk[chunks];
        for (int c = 0; c < chunks; c++) {
            int p0 = c * CHUNK_POINTS, p1 = Math.min(n, p0 + CHUNK_POINTS);
            chunk[c] = new Chunk(p0, p1, g.rowStart()[p0], g.rowStart()[p1], dims, NnDescent.mix(seed * 0x9E3779B97F4A7C15L + c) | 1L);
        }
        Step step = new Step(embedding, new float[embedding.length], n, dims, schedule, s);
        progress.stage("UMAP: optimising layout", s.epochs());
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            System.arraycopy(embedding, 0, step.snap, 0, embedding.length);
            float alpha = (float) (s.alpha() * (1 - epoch / (double) s.epochs()));
            int ep = epoch;
            par.forRange(chunks, 1, (w, from, to) -> {
                for (int c = from; c < to; c++) {
                    if (dims == 2) step.epoch2d(chunk[c], ep, alpha);
                    else step.epoch(chunk[c], ep, alpha);
                }
            });
            // Pulls on tails outside their chunk, in chunk order.
            for (Chunk c : chunk) {
                for (int q = 0; q < c.deferred; q++) {
                    int o = c.pullPoint[q] * dims;
                    for (int d = 0; d < dims; d++) embedding[o + d] -= c.pull[q * dims + d];
                }
                c.deferred = 0;
            }
            progress.advance(epoch + 1);
            progress.checkCancelled();
        }
    }

    /**
     * When each edge is sampled: an edge of weight w every {@code w_max/w} epochs (n_epochs·w/w_max times
     * over the run), with {@code negativeRate} negative samples per positive one. Single precision keeps
     * the per-epoch scan over all edges light; the schedule only needs times to a fraction of an epoch.
     */
    private static final class Schedule {
        final int[] head, tail;
        final float[] perSample, nextSample, perNegative, nextNegative;

        Schedule(SparseGraph g, int negativeRate) {
            int n = g.n(), edges = g.entries();
            head = new int[edges];
            tail = g.col();
            for (int i = 0; i < n; i++) for (int e = g.rowStart()[i]; e < g.rowStart()[i + 1]; e++) head[e] = i;
            float max = g.maxWeight();
            perSample = new float[edges];
            nextSample = new float[edges];
            perNegative = new float[edges];
            nextNegative = new float[edges];
            for (int e = 0; e < edges; e++) {
                float w = g.weight()[e];
                perSample[e] = w > 0 ? max / w : Float.POSITIVE_INFINITY;
                nextSample[e] = perSample[e];
                perNegative[e] = perSample[e] / negativeRate;
                nextNegative[e] = perNegative[e];
            }
        }
    }

    /** One task: points [p0, p1) with their edges [e0, e1), its random state and its deferred pulls. */
    private static final class Chunk {
        final int p0, p1, e0, e1;
        long state;
        final int[] pullPoint;
        final float[] pull;
        int deferred;

        Chunk(int p0, int p1, int e0, int e1, int dims, long state) {
            this.p0 = p0;
            this.p1 = p1;
            this.e0 = e0;
            this.e1 = e1;
            this.state = state;
            // An edge is sampled at most once an epoch (w ≤ w_max), so one slot per edge suffices.
            pullPoint = new int[e1 - e0];
            pull = new float[(e1 - e0) * dims];
        }

        int nextPoint(int n) {
            long x = state;
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            state = x;
            return (int) (((x >>> 32) * n) >>> 32);
        }
    }

    /** The gradient steps, shared by all tasks of a run. */
    private static final class Step {
        final float[] y, snap;
        final int n, dims;
        final Schedule sch;
        final float a, attract, repel;
        final PowerTable power;

        Step(float[] y, float[] snap, int n, int dims, Schedule sch, Settings s) {
            this.y = y;
            this.snap = snap;
            this.n = n;
            this.dims = dims;
            this.sch = sch;
            a = (float) s.a();
            power = new PowerTable((float) s.b());
            attract = (float) (-2 * s.a() * s.b());
            repel = (float) (2 * s.gamma() * s.b());
        }

        /** One epoch of a chunk, in two dimensions. */
        void epoch2d(Chunk c, int epoch, float alpha) {
            int[] head = sch.head, tail = sch.tail;
            float[] nextSample = sch.nextSample, nextNegative = sch.nextNegative;
            for (int e = c.e0; e < c.e1; e++) {
                if (nextSample[e] > epoch) continue;
                int j = head[e], k = tail[e];
                boolean inside = k >= c.p0 && k < c.p1;
                float[] tk = inside ? y : snap;
                float cx = y[2 * j], cy = y[2 * j + 1];
                float dx = cx - tk[2 * k], dy = cy - tk[2 * k + 1];
                float d2 = dx * dx + dy * dy;
                if (d2 > 0) {
                    float pb = power.pow(d2);
                    // −2ab·d^(2(b−1)) / (1 + a·d^(2b)), with d^(2(b−1)) = d^(2b)/d².
                    float coeff = attract * pb / d2 / (a * pb + 1);
                    float gx = clip(coeff * dx) * alpha, gy = clip(coeff * dy) * alpha;
                    cx += gx;
                    cy += gy;
                    if (inside) {
                        y[2 * k] -= gx;
                        y[2 * k + 1] -= gy;
                    } else {
                        c.pullPoint[c.deferred] = k;
                        c.pull[2 * c.deferred] = gx;
                        c.pull[2 * c.deferred + 1] = gy;
                        c.deferred++;
                    }
                }
                nextSample[e] += sch.perSample[e];
                int negatives = (int) ((epoch - nextNegative[e]) / sch.perNegative[e]);
                float fx = 0, fy = 0;
                for (int p = 0; p < negatives; p++) {
                    int r = c.nextPoint(n);
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
                y[2 * j] = cx + fx * alpha;
                y[2 * j + 1] = cy + fy * alpha;
                nextNegative[e] += negatives * sch.perNegative[e];
            }
        }

        /** One epoch of a chunk in any number of dimensions (the same steps as {@link #epoch2d}). */
        void epoch(Chunk c, int epoch, float alpha) {
            int[] head = sch.head, tail = sch.tail;
            float[] cur = new float[dims], push = new float[dims];
            for (int e = c.e0; e < c.e1; e++) {
                if (sch.nextSample[e] > epoch) continue;
                int j = head[e], k = tail[e];
                boolean inside = k >= c.p0 && k < c.p1;
                float[] tk = inside ? y : snap;
                System.arraycopy(y, j * dims, cur, 0, dims);
                float d2 = 0;
                for (int d = 0; d < dims; d++) {
                    float t = cur[d] - tk[k * dims + d];
                    d2 += t * t;
                }
                if (d2 > 0) {
                    float pb = power.pow(d2);
                    float coeff = attract * pb / d2 / (a * pb + 1);
                    for (int d = 0; d < dims; d++) {
                        float gd = clip(coeff * (cur[d] - tk[k * dims + d])) * alpha;
                        cur[d] += gd;
                        if (inside) y[k * dims + d] -= gd;
                        else c.pull[c.deferred * dims + d] = gd;
                    }
                    if (!inside) c.pullPoint[c.deferred++] = k;
                }
                sch.nextSample[e] += sch.perSample[e];
                int negatives = (int) ((epoch - sch.nextNegative[e]) / sch.perNegative[e]);
                java.util.Arrays.fill(push, 0f);
                for (int p = 0; p < negatives; p++) {
                    int r = c.nextPoint(n);
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
                for (int d = 0; d < dims; d++) y[j * dims + d] = cur[d] + push[d] * alpha;
                sch.nextNegative[e] += negatives * sch.perNegative[e];
            }
        }
    }

    private static float clip(float v) {
        return v > CLIP ? CLIP : v < -CLIP ? -CLIP : v;
    }
}
