package org.embedscope.layout;

import org.embedscope.layout.knn.NnDescentTest;
import org.embedscope.layout.knn.Metric;
import org.embedscope.layout.umap.Umap;
import static org.junit.jupiter.api.Assertions.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.embedscope.layout.tsne.Tsne;
import org.embedscope.progress.Progress;
import org.junit.jupiter.api.Test;

class LayoutRegistryTest {

    static Map<String, Object> map(Object... nameValue) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) m.put((String) nameValue[i], nameValue[i + 1]);
        return m;
    }

    static final Tsne.Params TSNE = Tsne.Params.defaults().withPerplexity(12).withEarlyIterations(20).withIterations(30)
            .withLearningRate(150).withRepulsion(Tsne.Repulsion.BARNES_HUT).withMetric(Metric.COSINE).withSeed(9).withThreads(1);

    @Test
    void eachEngineRecordsTheParametersItWasMadeWith() {
        LayoutOptions o = new LayoutOptions(5, Umap.Params.defaults().withNeighbors(7).withMinDist(0.3).withMetric(Metric.COSINE).withSeed(8),
                TSNE.withInit(Tsne.Init.RANDOM), null);
        assertEquals(List.of("pca", "umap", "tsne"), List.copyOf(LayoutRegistry.names()));
        LayoutRegistry.Configured pca = LayoutRegistry.create("pca", o);
        assertEquals("PCA", pca.title());
        assertEquals(map("components", 2, "seed", 5L), pca.params());
        LayoutRegistry.Configured umap = LayoutRegistry.create("umap", o);
        assertEquals("UMAP", umap.title());
        assertEquals(map("neighbors", 7, "min_dist", 0.3, "metric", "cosine", "seed", 8L), umap.params());
        LayoutRegistry.Configured tsne = LayoutRegistry.create("tsne", o);
        assertEquals("t-SNE", tsne.title());
        assertEquals(map("perplexity", 12.0, "early_exaggeration", 12.0, "early_iterations", 20, "iterations", 30, "learning_rate", 150.0,
                "init", "random", "repulsion", "barnes-hut", "pca_dims", 50, "metric", "cosine", "seed", 9L), tsne.params());
        assertEquals("auto", LayoutRegistry.create("tsne", new LayoutOptions(5, o.umap(), Tsne.Params.defaults(), null)).params().get("learning_rate"));
    }

    @Test
    void tsneReadsItsStartLayoutOnceItKnowsTheNumberOfItems() {
        int n = 40, dim = 3;
        float[] x = NnDescentTest.clusters(n, dim, 2, 1);
        float[] start = new float[2 * n];
        for (int i = 0; i < n; i++) start[2 * i] = i;
        int[] asked = {-1};
        LayoutOptions o = new LayoutOptions(1, Umap.Params.defaults(), TSNE, new LayoutOptions.StartLayout("start.csv", count -> {
            asked[0] = count;
            return start;
        }));
        LayoutRegistry.Configured c = LayoutRegistry.create("tsne", o);
        assertEquals("start.csv", c.params().get("init"));
        assertEquals(-1, asked[0], "nothing is read before the layout runs");
        float[] y = c.algorithm().fit(x, n, dim, Progress.NONE);
        assertEquals(n, asked[0]);
        assertArrayEquals(new Tsne(TSNE.withInitialLayout(start)).fit(x, n, dim, Progress.NONE), y, "starts from the given layout");
        assertFalse(java.util.Arrays.equals(new Tsne(TSNE).fit(x, n, dim, Progress.NONE), y), "not from PCA");
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LayoutRegistry.create("umapp", new LayoutOptions(1, Umap.Params.defaults(), Tsne.Params.defaults(), null)));
        assertEquals("unknown layout 'umapp'; known: pca, umap, tsne", e.getMessage());
    }
}
