package org.embedscope.layout.tsne;

import org.embedscope.layout.SparseGraph;
import java.util.Random;
import org.embedscope.layout.knn.KnnGraph;
import org.embedscope.layout.LayoutAlgorithm;
import org.embedscope.layout.LayoutRows;
import org.embedscope.layout.knn.Metric;
import org.embedscope.layout.knn.NearestNeighbors;
import org.embedscope.layout.knn.NnDescent;
import org.embedscope.util.Parallel;
import org.embedscope.layout.linalg.Pca;
import org.embedscope.progress.Progress;

/**
 * t-distributed stochastic neighbour embedding (van der Maaten &amp; Hinton 2008) to 2-D, in the
 * FIt-SNE / openTSNE recipe:
 * <ol>
 * <li>a k-NN graph with {@code k = 3·perplexity}; by default the search runs on a PCA-50 projection
 *     (of the unit-length rows for the cosine metric), and {@link NeighborReranking} re-ranks the
 *     neighbours found by their distance in the original space, which the affinities are computed
 *     from (on MNIST: knn15 0.353 against 0.340 with PCA-50 distances; searching 5k/3 candidates
 *     to keep the k nearest raised the graph's recall but not the layout's scores, for ~8 s more);
 * <li>{@link PerplexityAffinities}: per-point Gaussians calibrated to the perplexity, symmetrised;
 * <li>initial layout: PCA to 2-D (or a given layout, or random), scaled to standard deviation 1e-4
 *     (Kobak &amp; Linderman 2021);
 * <li>{@link GradientDescent}: {@code earlyIterations} with exaggeration (12) and momentum 0.5, then
 *     {@code iterations} with no exaggeration and momentum 0.8, learning rate {@code max(200, n/12)}
 *     (Belkina et al. 2019) unless given; repulsion by FFT-accelerated interpolation
 *     ({@link InterpolatedRepulsion}) or Barnes-Hut, whichever is cheaper at the time
 *     ({@link AdaptiveRepulsion}), or exact sums for small n.
 * </ol>
 * With a fixed seed the result is the same bit for bit on any number of threads, provided the
 * nearest-neighbour search is deterministic (the exact search and NN-descent are).
 */
public final class Tsne implements LayoutAlgorithm {

    /** How the layout starts. */
    public enum Init { PCA, RANDOM, GIVEN }

    /** How the repulsive forces are computed. */
    public enum Repulsion {
        /**
         * Exact below {@link #EXACT_BELOW} points; above, FFT interpolation or Barnes-Hut, whichever is
         * cheaper at each iteration ({@link AdaptiveRepulsion}).
         */
        AUTO, FFT, BARNES_HUT, EXACT
    }

    /** Below this many points {@link Repulsion#AUTO} sums exactly (cheaper than the smallest grid or a tree). */
    public static final int EXACT_BELOW = 2000;

    /**
     * Parameters. {@code iterations} counts the iterations after early exaggeration (openTSNE's
     * {@code n_iter}); a {@code learningRate} ≤ 0 means {@code max(200, n/12)}; {@code threads} ≤ 0 means
     * all cores; {@code pcaDims} ≤ 0 means no PCA before the neighbour search (it is skipped as well when
     * the data has no more dimensions than that). {@code initialLayout}
     * ({@code 2n} floats) is used with {@link Init#GIVEN} and rescaled to standard deviation 1e-4.
     */
    public record Params(double perplexity, int earlyIterations, double exaggeration, int iterations,
                         double learningRate, long seed, Init init, float[] initialLayout, int threads,
                         Repulsion repulsion, Metric metric, int pcaDims) {

        public Params {
            if (!(perplexity > 0)) throw new IllegalArgumentException("perplexity must be > 0, got " + perplexity);
            if (earlyIterations < 0 || iterations < 0) throw new IllegalArgumentException("iteration counts must be ≥ 0");
            if (!(exaggeration >= 1)) throw new IllegalArgumentException("exaggeration must be ≥ 1, got " + exaggeration);
            if (init == Init.GIVEN && initialLayout == null) throw new IllegalArgumentException("init GIVEN needs a layout");
        }

        /**
         * Perplexity 30, 250 + 650 iterations, exaggeration 12, automatic learning rate, PCA init,
         * seed 42, all cores, neighbour search on PCA-50. After 650 iterations the KL divergence still
         * falls slowly, but the layout's neighbourhoods hardly change (MNIST: knn15 0.350, against 0.354
         * after scikit-learn's 750), for 4 s less on MNIST.
         */
        public static Params defaults() {
            return new Params(30, 250, 12, 650, 0, 42, Init.PCA, null, 0, Repulsion.AUTO, Metric.EUCLIDEAN, 50);
        }

        public Params withPerplexity(double v) { return new Params(v, earlyIterations, exaggeration, iterations, learningRate, seed, init, initialLayout, threads, repulsion, metric, pcaDims); }
        public Params withEarlyIterations(int v) { return new Params(perplexity, v, exaggeration, iterations, learningRate, seed, init, initialLayout, threads, repulsion, metric, pcaDims); }
        public Params withExaggeration(double v) { return new Params(perplexity, earlyIterations, v, iterations, learningRate, seed, init, initialLayout, threads, repulsion, metric, pcaDims); }
        public Params withIterations(int v) { return new Params(perplexity, earlyIterations, exaggeration, v, learningRate, seed, init, initialLayout, threads, repulsion, metric, pcaDims); }
        public Params withLearningRate(double v) { return new Params(perplexity, earlyIterations, exaggeration, iterations, v, seed, init, initialLayout, threads, repulsion, metric, pcaDims); }
        public Params withSeed(long v) { return new Params(perplexity, earlyIterations, exaggeration, iterations, learningRate, v, init, initialLayout, threads, repulsion, metric, pcaDims); }
        public Params withInit(Init v) { return new Params(perplexity, earlyIterations, exaggeration, iterations, learningRate, seed, v, initialLayout, threads, repulsion, metric, pcaDims); }
        /** Starts from {@code layout} (2n floats, rescaled); sets init to {@link Init#GIVEN}. */
        public Params withInitialLayout(float[] v) { return new Params(perplexity, earlyIterations, exaggeration, iterations, learningRate, seed, Init.GIVEN, v, threads, repulsion, metric, pcaDims); }
        public Params withThreads(int v) { return new Params(perplexity, earlyIterations, exaggeration, iterations, learningRate, seed, init, initialLayout, v, repulsion, metric, pcaDims); }
        public Params withRepulsion(Repulsion v) { return new Params(perplexity, earlyIterations, exaggeration, iterations, learningRate, seed, init, initialLayout, threads, v, metric, pcaDims); }
        public Params withMetric(Metric v) { return new Params(perplexity, earlyIterations, exaggeration, iterations, learningRate, seed, init, initialLayout, threads, repulsion, v, pcaDims); }
        public Params withPcaDims(int v) { return new Params(perplexity, earlyIterations, exaggeration, iterations, learningRate, seed, init, initialLayout, threads, repulsion, metric, v); }
    }

    /** Standard deviation of the initial layout's first axis. */
    public static final double INIT_STD = 1e-4;

    private final Params params;
    private final NearestNeighbors neighbors;
    private double klDivergence = Double.NaN;

    /**
     * NN-descent stops once fewer than this fraction of the {@code n·k} neighbour entries change in an
     * iteration: the affinities weigh neighbours by distance, so the last few percent of recall change
     * nothing (MNIST: 3 iterations instead of 4, the same knn15, trust15 and acc2d).
     */
    static final double NN_DESCENT_DELTA = 0.15;

    /**
     * Neighbours by {@link NearestNeighbors#auto}: exact for small inputs, NN-descent (with this seed and
     * thread count, deterministic on any number of threads; {@link #NN_DESCENT_DELTA}) above.
     */
    public Tsne(Params params) {
        this(params, NearestNeighbors.auto(NnDescent.Params.defaults().withDelta(NN_DESCENT_DELTA)
                .withSeed(params.seed()).withThreads(params.threads())));
    }

    /** With a given neighbour search. */
    public Tsne(Params params, NearestNeighbors neighbors) {
        this.params = params;
        this.neighbors = neighbors;
    }

    /** The KL divergence at the last report of the last run (every 50 iterations), or NaN. */
    public double klDivergence() { return klDivergence; }

    @Override
    public float[] fit(float[] data, int n, int dim, Progress progress) {
        return fitWithNeighbors(data, n, dim, progress).coords();
    }

    /**
     * The layout and its k-NN graph ({@code 3·perplexity} neighbours per point), with distances in the
     * original space: searched among PCA projections but re-ranked on the rows themselves.
     */
    @Override
    public Fit fitWithNeighbors(float[] data, int n, int dim, Progress progress) {
        return fitWithNeighbors(LayoutRows.kept(data), n, dim, progress);
    }

    /** Stages 2 to 4 read no rows: releasable rows are let go after the neighbour search (and the PCA start). */
    @Override
    public Fit fitWithNeighbors(LayoutRows rows, int n, int dim, Progress progress) {
        check(rows.get(), n, dim);
        if (n <= 1) return new Fit(new float[2 * n], null);
        double perplexity = effectivePerplexity(params.perplexity(), n);
        int k = Math.min(n - 1, Math.max(1, (int) (3 * perplexity)));

        if (params.init() == Init.GIVEN && params.initialLayout().length != 2 * n) {
            throw new IllegalArgumentException("initial layout has " + params.initialLayout().length + " values; expected 2n = " + 2 * n);
        }

        double[] y;
        KnnGraph graph;
        try (Parallel par = new Parallel(params.threads())) {
            Neighbourhood nb = neighbourhood(rows.get(), n, dim, k, par, progress);
            graph = nb.graph();
            // The first two of the PCA-50 components are the top two principal components.
            float[] start = params.init() != Init.PCA ? null : nb.projection() != null ? firstTwo(nb.projection(), n, params.pcaDims())
                    : Pca.project(rows.get(), n, dim, Math.min(2, dim), params.seed(), par, progress);
            nb = null; // the projection, and the rows below: the rest reads the graph and the start only
            rows.release();

            double[] y0 = switch (params.init()) {
                case GIVEN -> scaled(params.initialLayout(), n);
                case RANDOM -> randomLayout(n, params.seed());
                case PCA -> {
                    float[] pc = start;
                    if (dim > 1) yield scaled(pc, n);
                    // One feature: PCA gives one axis; the other starts as small noise so it can unfold.
                    double[] line = scaled(interleaveZero(pc, n), n), noise = randomLayout(n, params.seed());
                    for (int i = 0; i < n; i++) line[2 * i + 1] = noise[2 * i + 1];
                    yield line;
                }
            };
            y = layout(graph, perplexity, y0, par, progress);
        }
        float[] out = new float[2 * n];
        for (int i = 0; i < 2 * n; i++) out[i] = (float) y[i];
        return new Fit(out, graph);
    }

    private static void check(float[] data, int n, int dim) {
        if (n < 0 || dim < 1 || (long) n * dim > data.length) {
            throw new IllegalArgumentException("data must hold n·dim = " + ((long) n * dim) + " values, has " + data.length);
        }
        for (int i = 0; i < n * dim; i++) {
            if (!Float.isFinite(data[i])) {
                throw new IllegalArgumentException("item " + (i / dim) + ", feature " + (i % dim) + " is " + data[i] + "; expected a finite number");
            }
        }
    }

    @Override
    public int graphNeighbors(int n) {
        return n <= 1 ? 0 : Math.min(n - 1, Math.max(1, (int) (3 * effectivePerplexity(params.perplexity(), n))));
    }

    /** The k-NN graph, and the PCA projection it was searched in (null when none). */
    record Neighbourhood(KnnGraph graph, float[] projection) {}

    /** Stage 1: the {@code k} nearest neighbours of each row, through PCA and re-ranking when configured. */
    Neighbourhood neighbourhood(float[] data, int n, int dim, int k, Parallel par, Progress progress) {
        boolean reduce = params.pcaDims() > 0 && dim > params.pcaDims() && n > params.pcaDims();
        if (!reduce) return new Neighbourhood(neighbors.build(data, n, dim, k, params.metric(), progress), null);
        // For cosine, project unit-length rows: their Euclidean distances rank like cosine distances.
        float[] rows = params.metric() == Metric.COSINE ? unitRows(data, n, dim) : data;
        float[] projection = Pca.project(rows, n, dim, params.pcaDims(), params.seed(), par, progress);
        KnnGraph candidates = neighbors.build(projection, n, params.pcaDims(), k, Metric.EUCLIDEAN, progress);
        progress.stage("t-SNE: re-ranking neighbours", 0);
        return new Neighbourhood(NeighborReranking.rerank(candidates, data, dim, k, params.metric(), par), projection);
    }

    /**
     * Stages 2 and 4 on a ready graph: affinities for {@code perplexity}, then optimisation from the
     * layout {@code y} (2n values, changed in place and returned).
     */
    public double[] layout(KnnGraph graph, double perplexity, double[] y, Progress progress) {
        try (Parallel par = new Parallel(params.threads())) {
            return layout(graph, perplexity, y, par, progress);
        }
    }

    private double[] layout(KnnGraph graph, double perplexity, double[] y, Parallel par, Progress progress) {
        int n = graph.n();
        progress.stage("t-SNE: affinities", 0);
        SparseGraph p = PerplexityAffinities.compute(graph, perplexity, par);
        progress.checkCancelled();
        RepulsiveForces repulsion = switch (params.repulsion()) {
            case EXACT -> new ExactRepulsion();
            case BARNES_HUT -> new BarnesHutRepulsion(0.5);
            case FFT -> new InterpolatedRepulsion();
            case AUTO -> n < EXACT_BELOW ? new ExactRepulsion() : new AdaptiveRepulsion();
        };
        double lr = params.learningRate() > 0 ? params.learningRate() : Math.max(200, n / 12.0);
        GradientDescent gd = new GradientDescent(p, repulsion, par);
        p = null; // the descent renumbers its own copy: this one would double the affinities' memory
        int early = params.earlyIterations(), total = early + params.iterations();
        progress.stage("t-SNE: optimising", total);
        // Renumber the points by the layout twice: the start has little structure, the end of early
        // exaggeration has the clusters, which stay put while the layout expands.
        try {
            gd.reorder(y);
            gd.run(y, early, params.exaggeration(), 0.5, lr, 0, 50, progress);
            gd.reorder(y);
            gd.run(y, params.iterations(), 1, 0.8, lr, early, 50, progress);
        } finally {
            gd.restoreOrder(y);  // also when cancelled: y is the caller's, in the caller's order
        }
        klDivergence = gd.lastKlDivergence();
        return y;
    }

    @Override
    public String adjustedFor(int n) {
        double used = effectivePerplexity(params.perplexity(), n);
        if (used == params.perplexity()) return null;
        return String.format(java.util.Locale.ROOT, "t-SNE: perplexity %s used, not %s: %s allow at most (n − 1)/3 = %s, as each item's "
                + "3·perplexity nearest must be other items", plain(used), plain(params.perplexity()), org.embedscope.util.Counted.of(n, "item"),
                plain((n - 1) / 3.0));
    }

    @Override
    public java.util.Map<String, Object> usedFor(int n) {
        double used = effectivePerplexity(params.perplexity(), n);
        return used == params.perplexity() ? java.util.Map.of()
                : java.util.Map.of("perplexity", used, "perplexity_asked", params.perplexity());
    }

    /** A perplexity as a user would type it: 30, 133.3. */
    private static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    /** openTSNE's rule: the perplexity can be at most (n − 1)/3, so that 3·perplexity neighbours exist. */
    static double effectivePerplexity(double perplexity, int n) {
        return Math.max(Math.min(perplexity, (n - 1) / 3.0), Math.min(1.0, n - 1));
    }

    /** A copy of {@code layout} scaled (about its mean) so that its first axis has std {@link #INIT_STD}. */
    static double[] scaled(float[] layout, int n) {
        double mean0 = 0, mean1 = 0;
        for (int i = 0; i < n; i++) { mean0 += layout[2 * i]; mean1 += layout[2 * i + 1]; }
        mean0 /= n;
        mean1 /= n;
        double var = 0;
        for (int i = 0; i < n; i++) var += (layout[2 * i] - mean0) * (layout[2 * i] - mean0);
        double std = Math.sqrt(var / n);
        double s = std > 0 ? INIT_STD / std : 1;
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            y[2 * i] = (layout[2 * i] - mean0) * s;
            y[2 * i + 1] = (layout[2 * i + 1] - mean1) * s;
        }
        return y;
    }

    /** Gaussian noise of std {@link #INIT_STD}, from the seed. */
    static double[] randomLayout(int n, long seed) {
        Random rnd = new Random(seed);
        double[] y = new double[2 * n];
        for (int i = 0; i < 2 * n; i++) y[i] = rnd.nextGaussian() * INIT_STD;
        return y;
    }

    /** The rows scaled to unit length (rows of zeros stay zero). */
    private static float[] unitRows(float[] data, int n, int dim) {
        float[] out = new float[n * dim];
        for (int i = 0; i < n; i++) {
            float f = Metric.unitScale(data, i, dim);
            for (int d = 0; d < dim; d++) out[i * dim + d] = data[i * dim + d] * f;
        }
        return out;
    }

    private static float[] firstTwo(float[] rows, int n, int dim) {
        float[] out = new float[2 * n];
        for (int i = 0; i < n; i++) {
            out[2 * i] = rows[i * dim];
            out[2 * i + 1] = rows[i * dim + 1];
        }
        return out;
    }

    private static float[] interleaveZero(float[] col, int n) {
        float[] out = new float[2 * n];
        for (int i = 0; i < n; i++) out[2 * i] = col[i];
        return out;
    }
}
