package org.embedscope.prepare;

import org.embedscope.layout.knn.KnnGraph;
import org.embedscope.layout.knn.Metric;
import org.embedscope.layout.knn.NearestNeighbors;
import org.embedscope.layout.knn.NnDescent;
import org.embedscope.progress.Progress;

/**
 * The neighbours {@code prepare} keeps for its bundle: of the k-NN graphs the layout engines built on
 * the layouts' input, the one with the most neighbours per item, cut to {@code k}; a search of its own
 * only when no engine built one with {@code k} (PCA or imported layouts only, or UMAP with fewer
 * neighbours than {@code k}).
 *
 * <p>Why the most neighbours: t-SNE's graph (3·perplexity per item: 90) is searched among PCA-50
 * projections but re-ranked on exact distances in the input, so its first k are the k nearest of 90
 * good candidates; UMAP's holds only {@code n_neighbors − 1} (14) found by NN-descent as they are.
 */
final class KeptNeighbors {
    private final int k;
    private KnnGraph kept;
    /** Neighbours per item of the graph kept, before the cut to k. */
    private int keptColumns;
    private String keptFrom;

    /** @param k neighbours per item to keep, at least 1 and fewer than the items */
    KeptNeighbors(int k) {
        if (k < 1) throw new IllegalArgumentException("k must be positive");
        this.k = k;
    }

    int k() { return k; }

    /** Offers the graph (null for none) that the engine of layout {@code layout} built. */
    void offer(KnnGraph graph, String layout) {
        if (graph == null || graph.k() < k || (kept != null && graph.k() <= keptColumns)) return;
        kept = graph.firstColumns(k); // t-SNE's 90 per item would hold 50 MB for 70,000 items
        keptColumns = graph.k();
        keptFrom = layout;
    }

    /** Which layout's graph is kept; null before a search. */
    String from() { return keptFrom; }

    /**
     * The k nearest neighbours of each of the {@code n} rows of {@code features}: the kept graph cut to
     * k, or one search (exact up to {@link NearestNeighbors#EXACT_LIMIT} items, else NN-descent seeded
     * by {@code seed}) when none was offered.
     */
    KnnGraph graph(float[] features, int n, int dim, Metric metric, long seed, Progress progress) {
        if (kept == null) {
            kept = NearestNeighbors.auto(NnDescent.Params.defaults().withSeed(seed)).build(features, n, dim, k, metric, progress);
        }
        return kept;
    }
}
