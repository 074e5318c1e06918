package org.embedscope.render;


/**
 * The typical spacing between neighbouring items where most items are, for sizing sprites.
 *
 * <p>Embeddings such as UMAP pack items into tight clusters, so the mean spacing over the whole
 * bounding box overstates the room each item has. This counts items on a grid over the layout and
 * takes the item-weighted median of the cells' densities: half the items sit in cells at least that
 * crowded. The spacing is {@code 1/√density}. Work is one pass over the items, done once per layout
 * at load time.
 */
public final class LocalDensity {
    /** Grid cells per side, at most. */
    public static final int GRID = 64;
    /** Fewer cells for few items: on average at least this many items per cell of the bounding box. */
    public static final int ITEMS_PER_CELL = 8;

    private LocalDensity() {}

    /** Typical spacing of interleaved x, y coordinates, in their units; 0 for fewer than two items. */
    public static float typicalSpacing(float[] xy) {
        int n = xy.length / 2;
        if (n < 2) return 0f;
        // The grid spans the core box: a few far outliers would otherwise make its cells coarse.
        float[] b = LayoutNormalizer.coreBounds(xy);
        float w = b[2] - b[0], h = b[3] - b[1];
        float side = Math.max(w, h);
        if (!(side > 0)) return 0f;
        // A cell must hold several items for a count to measure density: with fewer items than
        // cells, every occupied cell holds one and the spacing would read as the cell size.
        int grid = Math.max(1, Math.min(GRID, (int) Math.sqrt(n / (double) ITEMS_PER_CELL)));
        // Square cells, so density is comparable along both axes.
        int gx = Math.max(1, Math.min(grid, (int) Math.ceil(grid * w / side)));
        int gy = Math.max(1, Math.min(grid, (int) Math.ceil(grid * h / side)));
        float cell = side / grid;
        int[] counts = new int[gx * gy];
        int inside = 0;
        for (int i = 0; i < n; i++) {
            float x = xy[2 * i], y = xy[2 * i + 1];
            if (x < b[0] || x > b[2] || y < b[1] || y > b[3]) continue;
            int cx = Math.min(gx - 1, (int) ((x - b[0]) / cell));
            int cy = Math.min(gy - 1, (int) ((y - b[1]) / cell));
            counts[cy * gx + cx]++;
            inside++;
        }
        // Item-weighted median of the cell counts: sort counts, walk until half the items are covered.
        int[] sorted = counts.clone();
        java.util.Arrays.sort(sorted);
        long seen = 0;
        int median = sorted[sorted.length - 1];
        for (int k = sorted.length - 1; k >= 0; k--) {
            seen += sorted[k];
            if (seen * 2 >= inside) {
                median = sorted[k];
                break;
            }
        }
        return cell / (float) Math.sqrt(Math.max(1, median));
    }
}
