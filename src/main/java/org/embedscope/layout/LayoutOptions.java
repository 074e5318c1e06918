package org.embedscope.layout;

import org.embedscope.layout.umap.Umap;
import java.util.function.IntFunction;
import org.embedscope.layout.tsne.Tsne;

/**
 * The full options of every registered layout engine, as the command line sets them; each engine's
 * factory in {@link LayoutRegistry} builds its engine from its own part and records it in the manifest.
 *
 * @param pcaSeed   seeds PCA's eigen-solver (the result hardly depends on it)
 * @param pcaThreads PCA's worker threads, 0 for one per core (the result does not depend on it)
 * @param umap      UMAP's parameters
 * @param tsne      t-SNE's parameters
 * @param tsneStart where t-SNE starts when that is only known once the number of items is (a
 *                  coordinates file), replacing {@code tsne.init()}; null to start as {@code tsne} says
 */
public record LayoutOptions(long pcaSeed, int pcaThreads, Umap.Params umap, Tsne.Params tsne, StartLayout tsneStart) {

    /** PCA on one thread per core. */
    public LayoutOptions(long pcaSeed, Umap.Params umap, Tsne.Params tsne, StartLayout tsneStart) {
        this(pcaSeed, 0, umap, tsne, tsneStart);
    }

    /**
     * A start layout read once the number of items {@code n} is known: {@code coordinates.apply(n)} gives
     * {@code 2n} floats. The manifest records it by {@code name} (say, the file it is read from).
     */
    public record StartLayout(String name, IntFunction<float[]> coordinates) {}

    /** These options with other UMAP parameters. */
    public LayoutOptions withUmap(Umap.Params p) {
        return new LayoutOptions(pcaSeed, pcaThreads, p, tsne, tsneStart);
    }
}
