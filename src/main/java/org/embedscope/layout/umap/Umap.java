package org.embedscope.layout.umap;

import org.embedscope.util.Bounds;
import org.embedscope.layout.LayoutAlgorithm;
import org.embedscope.layout.LayoutRows;
import org.embedscope.util.Parallel;
import org.embedscope.layout.SparseGraph;
import org.embedscope.layout.knn.KnnGraph;
import org.embedscope.layout.knn.Metric;
import org.embedscope.layout.knn.NearestNeighbors;
import org.embedscope.layout.knn.NnDescent;
import org.embedscope.layout.linalg.Pca;
import java.util.Random;
import org.embedscope.progress.Progress;

/**
 * UMAP (McInnes, Healy &amp; Melville 2018) in pure Java, stage by stage as umap-learn 0.5 does it:
 * <ol>
 * <li>optionally, PCA to {@code pcaDims} dimensions (off by default, as in umap-learn);</li>
 * <li>the k-NN graph ({@link NearestNeighbors#auto}: exact for small inputs, else {@link NnDescent});</li>
 * <li>its fuzzy simplicial set ({@link FuzzySimplicialSet}), edges below {@code w_max/n_epochs} dropped;</li>
 * <li>a spectral initial layout ({@link SpectralLayout}), scaled to [0, 10] per axis after a 1e-4 jitter;</li>
 * <li>SGD on the fuzzy cross-entropy ({@link UmapOptimizer}) with a, b from {@link CurveFit}.</li>
 * </ol>
 * Reproducibility: every stage depends on the seed only, not on the number of threads or how they are
 * scheduled, so a seed gives bit-for-bit the same layout on any machine with the same Java floating-point
 * semantics (Java 17: strict IEEE everywhere), on one thread or many.
 */
public final class Umap implements LayoutAlgorithm {

    /**
     * Parameters, named as in umap-learn. {@code nNeighbors} counts the point itself (15 means 14
     * neighbours besides it); {@code nEpochs} 0 means 500 for up to 10,000 points, 200 above;
     * {@code threads} 0 means one per core; {@code pcaFirst} reduces the input to {@code pcaDims}
     * principal components before the neighbour search (faster for wide inputs, slightly different
     * neighbours).
     */
    public record Params(int nNeighbors, double minDist, double spread, int nEpochs, Metric metric, long seed, int threads,
            boolean pcaFirst, int pcaDims) {
        public Params {
            if (nNeighbors < 2) throw new IllegalArgumentException("n_neighbors must be at least 2, was " + nNeighbors);
            if (!(spread > 0)) throw new IllegalArgumentException("spread must be positive, was " + spread);
            if (!(minDist >= 0) || minDist > spread) throw new IllegalArgumentException("min_dist must be in [0, spread], was " + minDist);
            if (nEpochs < 0) throw new IllegalArgumentException("n_epochs must be 0 (automatic) or positive, was " + nEpochs);
            if (pcaDims < 1) throw new IllegalArgumentException("PCA dimensions must be positive, was " + pcaDims);
        }

        public static Params defaults() {
            return new Params(15, 0.1, 1.0, 0, Metric.EUCLIDEAN, 42, 0, false, 50);
        }

        public Params withNeighbors(int k) { return new Params(k, minDist, spread, nEpochs, metric, seed, threads, pcaFirst, pcaDims); }

        public Params withMinDist(double d) { return new Params(nNeighbors, d, spread, nEpochs, metric, seed, threads, pcaFirst, pcaDims); }

        public Params withSpread(double s) { return new Params(nNeighbors, minDist, s, nEpochs, metric, seed, threads, pcaFirst, pcaDims); }

        public Params withEpochs(int e) { return new Params(nNeighbors, minDist, spread, e, metric, seed, threads, pcaFirst, pcaDims); }

        public Params withMetric(Metric m) { return new Params(nNeighbors, minDist, spread, nEpochs, m, seed, threads, pcaFirst, pcaDims); }

        public Params withSeed(long s) { return new Params(nNeighbors, minDist, spread, nEpochs, metric, s, threads, pcaFirst, pcaDims); }

        public Params withThreads(int t) { return new Params(nNeighbors, minDist, spread, nEpochs, metric, seed, t, pcaFirst, pcaDims); }

        public Params withPca(boolean on, int dims) { return new Params(nNeighbors, minDist, spread, nEpochs, metric, seed, threads, on, dims); }

        /** The number of epochs for n points. */
        public int epochsFor(int n) {
            return nEpochs > 0 ? nEpochs : n <= 10_000 ? 500 : 200;
        }
    }

    private final Params params;

    public Umap() {
        this(Params.defaults());
    }

    public Umap(Params params) {
        this.params = params;
    }

    /** The 2-D layout: {@code x0, y0, x1, y1, …}. */
    @Override
    public float[] fit(float[] data, int n, int dim, Progress progress) {
        return fit(data, n, dim, 2, progress);
    }

    /** A layout in {@code dims} dimensions, row-major {@code n × dims}. */
    public float[] fit(float[] data, int n, int dim, int dims, Progress progress) {
        return fitWithNeighbors(data, n, dim, dims, progress).coords();
    }

    /** The 2-D layout and its k-NN graph ({@code nNeighbors − 1} per point; none when searched after PCA). */
    @Override
    public Fit fitWithNeighbors(float[] data, int n, int dim, Progress progress) {
        return fitWithNeighbors(data, n, dim, 2, progress);
    }

    private Fit fitWithNeighbors(float[] data, int n, int dim, int dims, Progress progress) {
        return fitWithNeighbors(LayoutRows.kept(data), n, dim, dims, progress);
    }

    /** The optimisation reads no rows: releasable rows are let go after the initial layout. */
    @Override
    public Fit fitWithNeighbors(LayoutRows rows, int n, int dim, Progress progress) {
        return fitWithNeighbors(rows, n, dim, 2, progress);
    }

    @Override
    public int graphNeighbors(int n) {
        return n <= 1 || params.pcaFirst() ? 0 : neighborsUsed(n) - 1;
    }

    /** The neighbour count that runs on {@code n} items: umap-learn's n_neighbors counts the item itself, so at most n. */
    private int neighborsUsed(int n) {
        return Math.min(params.nNeighbors(), n);
    }

    @Override
    public String adjustedFor(int n) {
        if (n <= 1 || neighborsUsed(n) == params.nNeighbors()) return null;
        return "UMAP: " + neighborsUsed(n) + " neighbours used, not " + params.nNeighbors() + ": " + org.embedscope.util.Counted.of(n, "item")
                + " allow at most " + n + " (each item counts as one of its own neighbours)";
    }

    @Override
    public java.util.Map<String, Object> usedFor(int n) {
        return n <= 1 || neighborsUsed(n) == params.nNeighbors() ? java.util.Map.of()
                : java.util.Map.of("neighbors", neighborsUsed(n), "neighbors_asked", params.nNeighbors());
    }

    private Fit fitWithNeighbors(LayoutRows rows, int n, int dim, int dims, Progress progress) {
        check(rows.get(), n, dim);
        if (n == 1) return new Fit(new float[dims], null);
        try (Parallel par = new Parallel(params.threads())) {
            LayoutRows x = rows;
            int xd = dim;
            if (params.pcaFirst() && dim > params.pcaDims()) {
                Pca.Fit pca = Pca.fit(rows.get(), n, dim, params.pcaDims(), params.seed(), par, progress);
                x = LayoutRows.releasable(pca.transform(rows.get(), n, par, progress));
                xd = params.pcaDims();
                rows.release();
            }
            // n ≥ 2 here, so k ≥ 1: the neighbours besides the point itself, which umap-learn's n_neighbors counts.
            int k = neighborsUsed(n) - 1;
            NnDescent.Params nn = NnDescent.Params.defaults().withSeed(params.seed()).withThreads(par.threads());
            KnnGraph knn = NearestNeighbors.auto(nn).build(x.get(), n, xd, k, params.metric(), progress);
            boolean own = x == rows;
            // After PCA the graph's distances are not the input's: keep it to ourselves then.
            return new Fit(embed(knn, x, xd, dims, par, progress), own ? knn : null);
        }
    }

    private static void check(float[] data, int n, int dim) {
        if (n < 1 || dim < 1) throw new IllegalArgumentException("UMAP needs at least one row and one column");
        if ((long) n * dim > data.length) throw new IllegalArgumentException("data holds fewer than n*dim values");
        for (int i = 0; i < n * dim; i++) {
            if (!Float.isFinite(data[i])) throw new IllegalArgumentException("row " + i / dim + ", column " + i % dim + " is " + data[i] + "; UMAP needs finite values");
        }
    }

    /** Stages 3–5 on the k-NN graph; the rows serve the fallbacks of the initial layout, then are released. */
    private float[] embed(KnnGraph knn, LayoutRows rows, int dim, int dims, Parallel par, Progress progress) {
        int n = knn.n();
        SparseGraph graph = FuzzySimplicialSet.build(knn, knn.k() + 1, par, progress);
        progress.checkCancelled();
        int epochs = params.epochsFor(n);
        graph = graph.withoutWeightsBelow(graph.maxWeight() / epochs);
        SpectralLayout.Result init = SpectralLayout.layout(graph, dims, rows.get(), dim, params.seed(), par, progress);
        rows.release();
        if (!init.method().equals("spectral")) progress.info("initial layout: " + init.method());
        float[] y = scaleInitial(init.coords(), n, dims, params.seed());
        progress.checkCancelled();
        double[] ab = CurveFit.fitAB(params.minDist(), params.spread());
        UmapOptimizer.Settings s = new UmapOptimizer.Settings(ab[0], ab[1], 1.0, 5, epochs, 1.0);
        UmapOptimizer.optimize(y, dims, graph, s, params.seed(), par, progress);
        return y;
    }

    /**
     * As umap-learn: expand so the largest coordinate is 10, add Gaussian noise of 1e-4 (breaks exact
     * ties), then map each axis onto [0, 10].
     */
    static float[] scaleInitial(float[] init, int n, int dims, long seed) {
        float max = 0;
        for (float v : init) max = Math.max(max, Math.abs(v));
        float expansion = max > 0 ? 10f / max : 1f;
        Random rnd = new Random(seed ^ 0x2545F4914F6CDD1DL);
        float[] y = new float[n * dims];
        for (int i = 0; i < y.length; i++) y[i] = init[i] * expansion + (float) (rnd.nextGaussian() * 1e-4);
        for (int d = 0; d < dims; d++) {
            float[] axis = Bounds.ofAxis(y, n, dims, d);
            float lo = axis[0], range = axis[1] - axis[0];
            for (int i = 0; i < n; i++) y[i * dims + d] = range > 0 ? 10f * (y[i * dims + d] - lo) / range : 5f;
        }
        return y;
    }
}
