package org.embedscope.prepare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.BundleFormat;
import org.embedscope.bundle.BundleWriter;
import org.embedscope.bundle.Manifest;
import org.embedscope.bundle.NeighborLists;
import org.embedscope.layout.knn.KnnGraph;
import org.embedscope.layout.knn.Metric;
import org.embedscope.layout.knn.NearestNeighbors;
import org.embedscope.layout.knn.NnDescent;
import org.embedscope.layout.quality.LayoutQuality;
import org.embedscope.progress.Progress;

/**
 * The neighbours {@code prepare} keeps for its bundle, and the per-item trust it derives from them.
 * Of the k-NN graphs the layout engines built on the layouts' input, the one with the most neighbours
 * per item is kept, cut to {@code k}; a search of its own runs only when no engine built one with
 * {@code k} (PCA or imported layouts only, or UMAP with fewer neighbours than {@code k}).
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

    /** True when an engine's graph holds the neighbours: no search of their own, no rows needed. */
    boolean satisfied() { return kept != null; }

    /** Offers the graph (null for none) that the engine of layout {@code layout} built. */
    void offer(KnnGraph graph, String layout) {
        if (graph == null || graph.k() < k || (kept != null && graph.k() <= keptColumns)) return;
        kept = graph.firstColumns(k); // t-SNE's 90 per item would hold 50 MB for 70,000 items
        keptColumns = graph.k();
        keptFrom = layout;
    }

    /**
     * The k nearest neighbours of each of the {@code n} rows of {@code features}: the kept graph cut to
     * k, or one search (exact up to {@link NearestNeighbors#EXACT_LIMIT} items, else NN-descent seeded
     * by {@code seed}) when none was offered.
     */
    private KnnGraph graph(float[] features, int n, int dim, Metric metric, long seed, Progress progress) {
        if (kept == null) {
            kept = NearestNeighbors.auto(NnDescent.Params.defaults().withSeed(seed)).build(features, n, dim, k, metric, progress);
        }
        return kept;
    }

    /**
     * Writes the neighbours file (searching first when no engine offered a graph) and returns, per
     * layout in order, its trust column: each item's share of its k neighbours among its k nearest in
     * that layout ({@link LayoutQuality#perItem}), as {@link BundleFormat#fraction} text.
     */
    Map<String, String[]> write(BundleWriter writer, float[] features, int n, int dim, PreparePipeline.Neighbors spec,
                                List<Manifest.Layout> layouts, List<float[]> coords, Progress progress) throws BundleException {
        KnnGraph graph = graph(features, n, dim, spec.metric(), spec.seed(), progress);
        progress.stage("writing neighbours (" + k + " per item" + (keptFrom != null ? ", from layout " + keptFrom : "") + ")", 0);
        writer.writeNeighbors(BundleFormat.NEIGHBORS_FILE, new NeighborLists(n, k, graph.indices(), graph.distances()));
        Map<String, String[]> trust = new LinkedHashMap<>();
        for (int l = 0; l < layouts.size(); l++) {
            progress.stage("trust in layout " + layouts.get(l).name(), n);
            float[] t = LayoutQuality.perItem(graph, coords.get(l), k, 0, progress);
            String[] column = new String[n];
            for (int i = 0; i < n; i++) column[i] = BundleFormat.fraction(t[i]);
            trust.put(layouts.get(l).trustColumn(), column);
        }
        return trust;
    }

    /** The manifest's entry for the file {@link #write} wrote. */
    Manifest.Neighbors entry(Metric metric) {
        return new Manifest.Neighbors(BundleFormat.NEIGHBORS_FILE, k, metric.name().toLowerCase(Locale.ROOT));
    }

    /** Where the neighbours came from, for the manifest's provenance. */
    String provenance() {
        return keptFrom != null ? "the graph of layout " + keptFrom : "searched";
    }
}
