package org.embedscope.cli;

import org.embedscope.layout.LayoutOptions;
import org.embedscope.layout.knn.Metric;
import org.embedscope.layout.umap.Umap;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of the layout engines, as {@code prepare} and {@code layout} take them: the seed and
 * metric they share, UMAP's, and t-SNE's ({@link TsneOptions}).
 */
public final class LayoutEngineOptions {

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed of the layouts (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--umap-neighbors", paramLabel = "K", defaultValue = "15",
            description = "UMAP: number of neighbours, the point itself included (default: ${DEFAULT-VALUE}).")
    int umapNeighbors;

    @Option(names = "--umap-min-dist", paramLabel = "D", defaultValue = "0.1", description = "UMAP: minimum distance between points (default: ${DEFAULT-VALUE}).")
    double umapMinDist;

    @Option(names = "--tsne-perplexity", paramLabel = "P", defaultValue = "30", description = "t-SNE: perplexity (default: ${DEFAULT-VALUE}).")
    double tsnePerplexity;

    @Option(names = "--metric", paramLabel = "NAME", defaultValue = "euclidean",
            description = "Distance for neighbour-based layouts: euclidean or cosine (default: ${DEFAULT-VALUE}).")
    String metric;

    @Mixin TsneOptions tsne = new TsneOptions();

    /**
     * The options of every engine, each running on {@code threads} worker threads (0: one per core);
     * {@code IllegalArgumentException} names a bad value.
     */
    LayoutOptions options(int threads) {
        Metric m;
        try {
            m = Metric.parse(metric);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--metric must be euclidean or cosine, not '" + metric + "'");
        }
        if (umapNeighbors < 2) throw new IllegalArgumentException("--umap-neighbors must be at least 2");
        if (!(umapMinDist >= 0)) throw new IllegalArgumentException("--umap-min-dist must be 0 or more");
        if (!(tsnePerplexity > 0)) throw new IllegalArgumentException("--tsne-perplexity must be positive");
        Umap.Params umap;
        try {
            umap = Umap.Params.defaults().withNeighbors(umapNeighbors).withMinDist(umapMinDist).withMetric(m).withSeed(seed).withThreads(threads);
        } catch (IllegalArgumentException e) {
            // UMAP refusing a combination (say min_dist above its spread).
            throw new IllegalArgumentException("layout 'umap': " + e.getMessage(), e);
        }
        return new LayoutOptions(seed, threads, umap, tsne.params(tsnePerplexity, seed, m, threads), tsne.start());
    }
}
