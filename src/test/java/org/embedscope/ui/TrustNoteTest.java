package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.embedscope.bundle.Manifest;
import org.junit.jupiter.api.Test;

/** The overlay's line about a trust column: said for each layout's own column, with its k and mean, and for no other. */
class TrustNoteTest {
    private static Manifest manifest(Manifest.Neighbors nb) {
        Manifest m = new Manifest("t", 3, "points.csv", List.of(new Manifest.Layout("umap", "UMAP"), new Manifest.Layout("tsne", "t-SNE")),
                null, new Manifest.Atlas(org.embedscope.bundle.AlphaMode.CHANNEL, List.of()), Map.of());
        return m.withNeighbors(nb);
    }

    @Test
    void eachLayoutsTrustColumnIsExplainedInOneLine() {
        Manifest m = manifest(new Manifest.Neighbors("neighbors.bin.gz", 15, "euclidean"));
        String umap = TrustNote.line(m, "umap_trust", 0.1208);
        assertTrue(umap.startsWith("umap_trust: ") && umap.contains("15 nearest neighbours") && umap.contains("UMAP also draws")
                && umap.endsWith("mean 0.121"), umap);
        assertFalse(umap.contains("\n"));
        assertTrue(TrustNote.line(m, "tsne_trust", Double.NaN).contains("t-SNE"));
        assertFalse(TrustNote.line(m, "tsne_trust", Double.NaN).contains("mean"));
        assertNull(TrustNote.line(m, "label", 1), "not a trust column");
        assertNull(TrustNote.line(m, "pca_trust", 1), "no layout pca");
        assertNull(TrustNote.line(m, null, 1));
        assertTrue(TrustNote.line(manifest(null), "umap_trust", 0.5).contains("k nearest"), "without a neighbours file, k unnamed");
    }
}
