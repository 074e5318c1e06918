package org.embedscope.layout.knn;

import org.embedscope.util.Parallel;
import org.embedscope.progress.Progress;

/**
 * Approximate k-nearest-neighbour graph by NN-descent (Dong, Charikar &amp; Li 2011: "a neighbour of a
 * neighbour is likely a neighbour"), seeded by a random projection forest as in PyNNDescent.
 *
 * <p>Each iteration samples, for every point, up to {@code maxCandidates} of its not-yet-joined ("new")
 * neighbours and of its already-joined ("old") ones, forward and reverse, by a hash-derived random
 * priority; then every new–new and new–old pair among a point's candidates is measured and offered to
 * both points' heaps. It stops when an iteration improves fewer than {@code delta·n·k} entries.
 *
 * <p>Parallel and deterministic: work runs in fixed blocks, each in two phases. First all threads measure
 * pairs and keep those below the current heap thresholds (heaps are read-only then), sorting them by
 * owner; then each thread applies the updates of the points it owns. Heaps keep the k smallest by
 * (distance, index) whatever the order of pushes, and sampling priorities are hashes of (seed,
 * iteration, point, neighbour), so the graph depends only on the seed, not on the number of threads.
 *
 * <p>Distances are squared Euclidean inside the search (on unit-normalised rows for the cosine
 * metric, where they rank the same as 1 − cos); the returned distances are recomputed with the metric.
 */
public final class NnDescent implements NearestNeighbors {

    /**
     * Tuning. Zero means automatic: {@code trees} grows slowly with n (8 for 70,000 points),
     * {@code leafSize} is max(k + 1, 30), {@code maxCandidates} is min(k, 20), {@code maxIterations}
     * is log₂ n (at least 5) and {@code delta}, the fraction of the n·k entries that must still change
     * for another iteration, is 0.001·max(1, k/15)² (at most 0.05). {@code threads} 0 means one per core.
     */
    public record Params(int trees, int leafSize, int maxCandidates, int maxIterations, double delta, long seed, int threads) {
        public static Params defaults() {
            return new Params(0, 0, 0, 0, 0, 42, 0);
        }

        public Params withSeed(long s) { return new Params(trees, leafSize, maxCandidates, maxIterations, delta, s, threads); }

        public Params withThreads(int t) { return new Params(trees, leafSize, maxCandidates, maxIterations, delta, seed, t); }

        public Params withTrees(int t) { return new Params(t, leafSize, maxCandidates, maxIterations, delta, seed, threads); }

        public Params withLeafSize(int l) { return new Params(trees, l, maxCandidates, maxIterations, delta, seed, threads); }

        public Params withMaxCandidates(int c) { return new Params(trees, leafSize, c, maxIterations, delta, seed, threads); }

        public Params withMaxIterations(int m) { return new Params(trees, leafSize, maxCandidates, m, delta, seed, threads); }

        public Params withDelta(double d) { return new Params(trees, leafSize, maxCandidates, maxIterations, d, seed, threads); }
    }

    private final Params params;

    public NnDescent() {
        this(Params.defaults());
    }

    public NnDescent(Params params) {
        this.params = params;
    }

    /** Points (or leaf members) per block between update phases. */
    private static final int BLOCK = 8192;

    @Override
    public KnnGraph build(float[] data, int n, int dim, int k, Metric metric, Progress progress) {
        if (k < 1) throw new IllegalArgumentException("k must be positive");
        if (n - 1 <= k) return new ExactNearestNeighbors().build(data, n, dim, k, metric, progress);
        try (Parallel par = new Parallel(params.threads())) {
            progress.stage("neighbours: preparing rows", 0);
            PreparedRows rows = PreparedRows.of(data, n, dim, metric == Metric.COSINE, par);
            NeighborHeaps heaps;
            try {
                heaps = search(rows, k, par, progress);
            } finally {
                rows.restore(par); // the caller's rows as they were, also when cancelled
            }
            return finish(heaps, data, dim, metric, par);
        }
    }

    int trees(int n) {
        return params.trees() > 0 ? params.trees() : Math.min(12, 5 + (int) Math.round(Math.pow(n, 0.25) / 6));
    }

    int leafSize(int k) {
        return params.leafSize() > 0 ? params.leafSize() : Math.max(k + 1, 30);
    }

    int maxCandidates(int k) {
        return params.maxCandidates() > 0 ? params.maxCandidates() : Math.min(k, 20);
    }

    /**
     * With k well above the candidate count each iteration can join only part of the new entries, so
     * updates die out slowly while recall is already high: the threshold grows as (k/15)², capped at
     * 0.05. On MNIST with k = 90 that stops after 4 iterations at recall ≈ 0.99 instead of 6 (0.997),
     * a third less time.
     */
    double delta(int k) {
        if (params.delta() > 0) return params.delta();
        double r = Math.max(1.0, k / 15.0);
        return Math.min(0.05, 0.001 * r * r);
    }

    int maxIterations(int n) {
        return params.maxIterations() > 0 ? params.maxIterations() : Math.max(5, (int) Math.round(Math.log(n) / Math.log(2)));
    }

    private NeighborHeaps search(PreparedRows rows, int k, Parallel par, Progress progress) {
        int n = rows.n;
        NeighborHeaps heaps = new NeighborHeaps(n, k);
        Updates updates = new Updates(par.threads(), n);
        RandomProjectionForest.Leaves leaves = RandomProjectionForest.build(rows, trees(n), leafSize(k), params.seed(), par, progress);
        rows.dropSparse(); // only the trees' projections used it
        joinLeaves(rows, leaves, heaps, updates, par, progress);
        leaves = null;
        settle(heaps);

        int maxC = maxCandidates(k);
        Candidates fresh = new Candidates(n, maxC), old = new Candidates(n, maxC);
        int iterations = maxIterations(n);
        progress.stage("neighbours: NN-descent", iterations);
        for (int it = 0; it < iterations; it++) {
            sampleCandidates(heaps, fresh, old, it, par);
            localJoin(rows, heaps, fresh, old, updates, par, progress);
            long changed = settle(heaps);
            progress.advance(it + 1);
            progress.info("NN-descent iteration " + (it + 1) + ": " + changed + " updates, " + updates.measuredPairs() + " pairs measured so far");
            if (changed <= delta(k) * n * k) break;
        }
        return heaps;
    }

    /** Every pair within every leaf of the forest. */
    private static void joinLeaves(PreparedRows x, RandomProjectionForest.Leaves leaves, NeighborHeaps heaps, Updates updates,
            Parallel par, Progress progress) {
        int count = leaves.count();
        int[] m = leaves.members(), st = leaves.start();
        progress.stage("neighbours: leaf pairs", count);
        int from = 0;
        while (from < count) {
            // A block of leaves holding about BLOCK points.
            int to = from;
            while (to < count && st[to] - st[from] < BLOCK) to++;
            int base = from;
            par.forRange(to - from, 16, (w, a, b) -> {
                for (int l = base + a; l < base + b; l++) {
                    for (int p = st[l]; p < st[l + 1]; p++) {
                        int i = m[p];
                        for (int q = p + 1; q < st[l + 1]; q++) {
                            int j = m[q];
                            updates.measure(w, heaps, x, i, j);
                        }
                    }
                }
            });
            updates.apply(heaps, par);
            progress.advance(to);
            progress.checkCancelled();
            from = to;
        }
    }

    /** Counts the entries that entered during this round and turns them into ordinary new entries. */
    private static long settle(NeighborHeaps heaps) {
        long c = 0;
        byte[] f = heaps.flag;
        for (int e = 0; e < f.length; e++) {
            if (f[e] == NeighborHeaps.FRESH) {
                f[e] = NeighborHeaps.NEW;
                c++;
            }
        }
        return c;
    }

    /**
     * Fills the candidate lists: each point's new (old) neighbours and the points that list it as a new
     * (old) neighbour, at most {@code maxC} of each by smallest hash priority; then marks the new
     * neighbours that were sampled as old.
     */
    private void sampleCandidates(NeighborHeaps heaps, Candidates fresh, Candidates old, int iteration, Parallel par) {
        int n = heaps.n, k = heaps.k, parts = par.threads();
        int partSize = (n + parts - 1) / parts;
        long salt = mix(params.seed() ^ (0x632BE59BD9B4E019L * (iteration + 1)));
        par.forRange(parts, 1, (w, pf, pt) -> {
            for (int part = pf; part < pt; part++) {
                int lo = part * partSize, hi = Math.min(n, lo + partSize);
                fresh.clear(lo, hi);
                old.clear(lo, hi);
                for (int i = 0; i < n; i++) {
                    boolean own = i >= lo && i < hi;
                    int base = i * k;
                    for (int s = 0; s < k; s++) {
                        int j = heaps.idx[base + s];
                        if (j < 0) continue;
                        boolean ownJ = j >= lo && j < hi;
                        if (!own && !ownJ) continue;
                        int pri = (int) (mix(salt + (((long) Math.min(i, j)) << 32 | Math.max(i, j))) >>> 33);
                        Candidates c = heaps.flag[base + s] == NeighborHeaps.OLD ? old : fresh;
                        if (own) c.push(i, j, pri);
                        if (ownJ) c.push(j, i, pri);
                    }
                }
            }
        });
        // Sampled new neighbours are about to be joined: mark them old. A pass of its own, since the
        // sampling above reads every row's flags.
        par.forRange(n, 4096, (w, from, to) -> {
            for (int i = from; i < to; i++) {
                int base = i * k;
                for (int s = 0; s < k; s++) {
                    if (heaps.flag[base + s] == NeighborHeaps.NEW && fresh.contains(i, heaps.idx[base + s])) {
                        heaps.flag[base + s] = NeighborHeaps.OLD;
                    }
                }
            }
        });
    }

    /** For each point, measures all new–new and new–old pairs among its candidates. */
    private static void localJoin(PreparedRows x, NeighborHeaps heaps, Candidates fresh, Candidates old, Updates updates,
            Parallel par, Progress progress) {
        int n = heaps.n, c = fresh.c;
        for (int from = 0; from < n; from += BLOCK) {
            int base = from, to = Math.min(n, from + BLOCK);
            par.forRange(to - from, 64, (w, a, b) -> {
                for (int i = base + a; i < base + b; i++) {
                    int nf = fresh.count[i], no = old.count[i];
                    int fo = i * c;
                    for (int p = 0; p < nf; p++) {
                        int u = fresh.idx[fo + p];
                        for (int q = p + 1; q < nf; q++) {
                            int v = fresh.idx[fo + q];
                            updates.measure(w, heaps, x, u, v);
                        }
                        for (int q = 0; q < no; q++) {
                            int v = old.idx[fo + q];
                            if (v == u) continue;
                            updates.measure(w, heaps, x, u, v);
                        }
                    }
                }
            });
            updates.apply(heaps, par);
            progress.checkCancelled();
        }
    }

    /**
     * Sorts rows and sets the final distances: for Euclidean the square root of the squared distance
     * the search measured (every entry was measured in full, since it passed its bound), for cosine the
     * metric's own on the original rows (the search ranked by chord length).
     */
    private static KnnGraph finish(NeighborHeaps heaps, float[] data, int dim, Metric metric, Parallel par) {
        int n = heaps.n, k = heaps.k;
        int[] indices = heaps.idx;
        float[] distances = heaps.dist;
        par.forRange(n, 1024, (w, from, to) -> {
            for (int i = from; i < to; i++) {
                int base = i * k;
                heaps.sortRow(i);
                for (int s = 0; s < k; s++) {
                    int j = indices[base + s];
                    if (j < 0) continue;
                    distances[base + s] = metric == Metric.EUCLIDEAN ? (float) Math.sqrt(distances[base + s]) : metric.distance(data, i, j, dim);
                }
                if (metric != Metric.EUCLIDEAN) heaps.sortRow(i);
            }
        });
        return new KnnGraph(n, k, indices, distances);
    }

    /** SplitMix64's finaliser: a well-mixed 64-bit hash. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * Per point, a bounded max-heap (by priority, then index) of up to {@code c} candidate indices.
     * Row {@code i} is {@code [i*c, i*c + count[i])}.
     */
    static final class Candidates {
        final int c;
        final int[] idx, pri, count;

        Candidates(int n, int c) {
            this.c = c;
            idx = new int[n * c];
            pri = new int[n * c];
            count = new int[n];
        }

        void clear(int from, int to) {
            java.util.Arrays.fill(count, from, to, 0);
        }

        boolean contains(int i, int j) {
            int base = i * c;
            for (int s = 0, e = count[i]; s < e; s++) if (idx[base + s] == j) return true;
            return false;
        }

        void push(int i, int j, int p) {
            int base = i * c, size = count[i];
            if (size == c && !less(p, j, pri[base], idx[base])) return;
            if (contains(i, j)) return;
            int pos;
            if (size < c) {
                // Sift up from the end.
                pos = size;
                count[i] = size + 1;
                while (pos > 0) {
                    int parent = (pos - 1) >> 1;
                    if (!less(pri[base + parent], idx[base + parent], p, j)) break;
                    pri[base + pos] = pri[base + parent];
                    idx[base + pos] = idx[base + parent];
                    pos = parent;
                }
            } else {
                // Replace the root (the largest) and sift down.
                pos = 0;
                while (true) {
                    int l = 2 * pos + 1;
                    if (l >= c) break;
                    int r = l + 1, ch = l;
                    if (r < c && less(pri[base + l], idx[base + l], pri[base + r], idx[base + r])) ch = r;
                    if (!less(p, j, pri[base + ch], idx[base + ch])) break;
                    pri[base + pos] = pri[base + ch];
                    idx[base + pos] = idx[base + ch];
                    pos = ch;
                }
            }
            pri[base + pos] = p;
            idx[base + pos] = j;
        }

        private static boolean less(int p1, int i1, int p2, int i2) {
            return p1 < p2 || (p1 == p2 && i1 < i2);
        }
    }

    /**
     * Heap updates collected during a measuring phase, bucketed by the worker that found them and the
     * partition (contiguous index range) of the point they update.
     */
    static final class Updates {
        private final int workers, parts, partSize;
        private final int[][][] target, other;
        private final float[][][] dist;
        private final int[][] size;
        /** Pairs measured by each worker, at {@code w * 16} (apart, so workers do not share a cache line). */
        private final long[] counts;

        Updates(int workers, int n) {
            this.workers = workers;
            this.parts = workers;
            this.partSize = (n + parts - 1) / parts;
            target = new int[workers][parts][256];
            other = new int[workers][parts][256];
            dist = new float[workers][parts][256];
            size = new int[workers][parts];
            counts = new long[workers * 16];
        }

        /**
         * Measures the pair (i, j), giving up as soon as it is farther than both heaps' thresholds, and
         * records it for each side whose heap it could enter.
         */
        void measure(int w, NeighborHeaps heaps, PreparedRows x, int i, int j) {
            float ti = heaps.threshold(i), tj = heaps.threshold(j);
            float d = SquaredDistance.atMost(x.x, i, j, x.stride, x.dim, Math.max(ti, tj));
            counts[w * 16]++;
            if (d <= ti) add(w, i, j, d);
            if (d <= tj) add(w, j, i, d);
        }

        long measuredPairs() {
            long s = 0;
            for (int w = 0; w < workers; w++) s += counts[w * 16];
            return s;
        }

        private void add(int w, int t, int o, float d) {
            int p = t / partSize;
            int s = size[w][p];
            if (s == target[w][p].length) {
                int cap = s * 2;
                target[w][p] = java.util.Arrays.copyOf(target[w][p], cap);
                other[w][p] = java.util.Arrays.copyOf(other[w][p], cap);
                dist[w][p] = java.util.Arrays.copyOf(dist[w][p], cap);
            }
            target[w][p][s] = t;
            other[w][p][s] = o;
            dist[w][p][s] = d;
            size[w][p] = s + 1;
        }

        /** Pushes every recorded update into the heaps (each partition by one thread) and empties the buffers. */
        void apply(NeighborHeaps heaps, Parallel par) {
            par.forRange(parts, 1, (w, from, to) -> {
                for (int p = from; p < to; p++) {
                    for (int src = 0; src < workers; src++) {
                        int[] t = target[src][p], o = other[src][p];
                        float[] d = dist[src][p];
                        for (int e = 0, s = size[src][p]; e < s; e++) heaps.push(t[e], o[e], d[e], NeighborHeaps.FRESH);
                        size[src][p] = 0;
                    }
                }
            });
        }
    }
}
