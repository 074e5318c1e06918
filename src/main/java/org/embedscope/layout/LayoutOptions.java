package org.embedscope.layout;

/**
 * The options of every registered layout engine, as the command line sets them; each engine's
 * factory in {@link LayoutRegistry} picks its own and records them in the manifest.
 *
 * @param seed           seeds every random choice: the same seed gives the same layout
 * @param umapNeighbors  UMAP's number of nearest neighbours (local versus global structure)
 * @param umapMinDist    UMAP's minimum distance between embedded points (tightness of clusters)
 * @param tsnePerplexity t-SNE's perplexity (effective number of neighbours)
 * @param metric         distance between input vectors for neighbour-based engines
 */
public record LayoutOptions(long seed, int umapNeighbors, double umapMinDist, double tsnePerplexity, Metric metric) {
    public static final LayoutOptions DEFAULTS = new LayoutOptions(42, 15, 0.1, 30, Metric.EUCLIDEAN);
}
