package org.embedscope.layout;

import org.embedscope.layout.umap.Umap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.embedscope.layout.tsne.Tsne;
import org.embedscope.progress.Progress;

/**
 * The layout engines {@code embedscope prepare --layout} and {@code embedscope layout --algo} know, by
 * name. Each entry makes an engine from its part of the {@link LayoutOptions} and says which parameters
 * to record in the manifest, so a bundle says how it was made. Adding an engine is one {@link #register}
 * line in the static block.
 */
public final class LayoutRegistry {
    private LayoutRegistry() {}

    /** An engine ready to run, its display title and the parameters it was made with. */
    public record Configured(LayoutAlgorithm algorithm, String title, Map<String, Object> params) {}

    /** Makes an engine from the options. */
    @FunctionalInterface
    public interface Factory {
        Configured create(LayoutOptions options);
    }

    private static final Map<String, Factory> FACTORIES = new LinkedHashMap<>();

    static {
        register("pca", o -> new Configured(new PcaLayout(o.pcaSeed(), o.pcaThreads()), "PCA", params("components", 2, "seed", o.pcaSeed())));
        register("umap", o -> {
            Umap.Params p = o.umap();
            return new Configured(new Umap(p), "UMAP",
                    params("neighbors", p.nNeighbors(), "min_dist", p.minDist(), "metric", name(p.metric()), "seed", p.seed()));
        });
        register("tsne", LayoutRegistry::tsne);
    }

    private static Configured tsne(LayoutOptions o) {
        Tsne.Params p = o.tsne();
        LayoutOptions.StartLayout start = o.tsneStart();
        LayoutAlgorithm engine = start == null ? new Tsne(p) : new LayoutAlgorithm() {
            // The start layout is read once n is known; the engine's neighbour graph is passed on.
            @Override public float[] fit(float[] data, int n, int dim, Progress progress) {
                return fitWithNeighbors(data, n, dim, progress).coords();
            }

            @Override public Fit fitWithNeighbors(float[] data, int n, int dim, Progress progress) {
                return fitWithNeighbors(LayoutRows.kept(data), n, dim, progress);
            }

            @Override public Fit fitWithNeighbors(LayoutRows rows, int n, int dim, Progress progress) {
                return new Tsne(p.withInitialLayout(start.coordinates().apply(n))).fitWithNeighbors(rows, n, dim, progress);
            }

            @Override public int graphNeighbors(int n) { return new Tsne(p).graphNeighbors(n); }

            @Override public String adjustedFor(int n) { return new Tsne(p).adjustedFor(n); }
        };
        return new Configured(engine, "t-SNE", params("perplexity", p.perplexity(), "early_exaggeration", p.exaggeration(),
                "early_iterations", p.earlyIterations(), "iterations", p.iterations(), "learning_rate", p.learningRate() > 0 ? p.learningRate() : "auto",
                "init", start != null ? start.name() : name(p.init()), "repulsion", name(p.repulsion()), "pca_dims", p.pcaDims(),
                "metric", name(p.metric()), "seed", p.seed()));
    }

    private static void register(String name, Factory factory) { FACTORIES.put(name, factory); }

    /** Registered names, in registration order. */
    public static Set<String> names() { return Collections.unmodifiableSet(FACTORIES.keySet()); }

    /** The engine called {@code name}; throws IllegalArgumentException for an unknown name. */
    public static Configured create(String name, LayoutOptions options) {
        Factory f = FACTORIES.get(name);
        if (f == null) throw new IllegalArgumentException("unknown layout '" + name + "'; known: " + String.join(", ", names()));
        return f.create(options);
    }

    /** An ordered parameter map from alternating names and values. */
    private static Map<String, Object> params(Object... nameValue) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) m.put((String) nameValue[i], nameValue[i + 1]);
        return m;
    }

    /** An option value as the command line spells it: {@code BARNES_HUT} is {@code barnes-hut}. */
    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
