package org.embedscope.layout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.embedscope.layout.tsne.Tsne;

/**
 * The layout engines {@code embedscope prepare --layout} knows, by name. Each entry makes an engine
 * from the {@link LayoutOptions} and says which parameters to record in the manifest, so a bundle says
 * how it was made. Adding an engine is one {@link #register} line in the static block.
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
        register("pca", o -> new Configured(new PcaLayout(o.seed()), "PCA", params("components", 2, "seed", o.seed())));
        register("umap", o -> new Configured(
                new Umap(Umap.Params.defaults().withNeighbors(o.umapNeighbors()).withMinDist(o.umapMinDist()).withMetric(o.metric()).withSeed(o.seed())),
                "UMAP", params("neighbors", o.umapNeighbors(), "min_dist", o.umapMinDist(), "metric", o.metric().name().toLowerCase(java.util.Locale.ROOT),
                        "seed", o.seed())));
        register("tsne", o -> new Configured(
                new Tsne(Tsne.Params.defaults().withPerplexity(o.tsnePerplexity()).withMetric(o.metric()).withSeed(o.seed())),
                "t-SNE", params("perplexity", o.tsnePerplexity(), "early_exaggeration", 12.0, "early_iterations", 250, "iterations", 750,
                        "learning_rate", "auto", "init", "pca", "pca_dims", 50, "metric", o.metric().name().toLowerCase(java.util.Locale.ROOT),
                        "seed", o.seed())));
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
    public static Map<String, Object> params(Object... nameValue) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) m.put((String) nameValue[i], nameValue[i + 1]);
        return m;
    }
}
