package org.embedscope.layout;

import org.embedscope.layout.knn.KnnGraph;
import org.embedscope.progress.Progress;

/**
 * A 2-D layout algorithm (UMAP, t-SNE, PCA): rows of a row-major {@code n × dim} float matrix in,
 * {@code 2n} floats out (x0, y0, x1, y1, …).
 */
public interface LayoutAlgorithm {
    float[] fit(float[] data, int n, int dim, Progress progress);

    /**
     * A layout and the k-NN graph of the input rows that the engine searched on the way, with distances
     * in the input's own space and metric; {@code neighbors} is null when the engine searched none there.
     */
    record Fit(float[] coords, KnnGraph neighbors) {}

    /**
     * The layout together with the neighbour graph the engine built for it, so that a caller who also
     * needs the data's neighbours does not search twice. Engines that build none return the layout alone.
     */
    default Fit fitWithNeighbors(float[] data, int n, int dim, Progress progress) {
        return new Fit(fit(data, n, dim, progress), null);
    }

    /**
     * {@link #fitWithNeighbors(float[], int, int, Progress)} on rows the engine may let go of as soon as
     * its remaining stages do not read them ({@link LayoutRows#release}); engines that cannot, read them
     * throughout.
     */
    default Fit fitWithNeighbors(LayoutRows rows, int n, int dim, Progress progress) {
        return fitWithNeighbors(rows.get(), n, dim, progress);
    }

    /** Neighbours per item of the graph {@code fitWithNeighbors} returns for {@code n} items; 0 when it returns none. */
    default int graphNeighbors(int n) { return 0; }

    /**
     * One line saying which parameter the engine sets otherwise than asked for {@code n} items, and why,
     * or null when it runs as asked: a command says it before the layout is computed.
     */
    default String adjustedFor(int n) { return null; }

    /**
     * The parameters the engine sets otherwise than asked for {@code n} items, under the names the
     * manifest gives them, with the values used (empty when it runs as asked): a bundle records what ran.
     */
    default java.util.Map<String, Object> usedFor(int n) { return java.util.Map.of(); }
}
