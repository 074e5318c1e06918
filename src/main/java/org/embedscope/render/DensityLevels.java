package org.embedscope.render;

import java.util.Arrays;

/**
 * Levels of detail for the sprites of one layout at rest: where many more sprites pile onto a spot
 * than can be told apart, only the top few of them are drawn. Level {@code k} cuts the bulk of the
 * layout into 2^k × 2^k square cells and keeps, in each, the {@value #PER_CELL} items of highest
 * index (the ones drawn last, so on top, when every item is drawn) among those level {@code k + 1}
 * keeps; the finest level keeps every item. Items outside the bulk (far outliers) are kept at every
 * level: a lone item is never dropped. GL-free; built once per layout.
 *
 * <p>A view whose sprites are {@code w} world units wide draws the level whose cells are the smallest
 * still at least {@code w} wide, so each sprite-sized spot has at most {@value #PER_CELL} sprites on
 * it (at least a quarter of that where the items are dense), and the cost of a zoomed-out frame
 * follows the number of spots on screen, not the number of items.
 */
public final class DensityLevels {
    /** Items kept per cell. */
    public static final int PER_CELL = 16;
    /** Finest grid: 2^MAX_LEVEL cells a side. */
    static final int MAX_LEVEL = 12;

    private final float[] xy;
    private final float x0, y0, side;
    /** Per level, the items kept, ascending; the last level holds every item. */
    private final int[][] kept;
    private final PointGrid[] grids;

    private DensityLevels(float[] xy, float x0, float y0, float side, int[][] kept) {
        this.xy = xy;
        this.x0 = x0;
        this.y0 = y0;
        this.side = side;
        this.kept = kept;
        this.grids = new PointGrid[kept.length];
    }

    /** The levels of interleaved positions {@code xy}. */
    public static DensityLevels of(float[] xy) {
        int n = xy.length / 2;
        float[] b = PointGrid.bulk(xy, null);
        float x0 = b[0], y0 = b[1], side = Math.max(b[2] - b[0], b[3] - b[1]);
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        if (!(side > 0) || n <= PER_CELL) return new DensityLevels(xy, x0, y0, side, new int[][] {all});
        // The finest level needed: cells small enough that most hold at most PER_CELL items.
        int finest = (int) Math.min(MAX_LEVEL, Math.ceil(Math.log(Math.max(1.0, (double) n / PER_CELL)) / Math.log(4)) + 2);
        int[][] kept = new int[finest + 1][];
        kept[finest] = all;
        for (int k = finest - 1; k >= 0; k--) kept[k] = keep(xy, kept[k + 1], x0, y0, side, 1 << k);
        return new DensityLevels(xy, x0, y0, side, kept);
    }

    /** Of {@code items} (ascending), the {@value #PER_CELL} highest of each cell of a g × g grid over the square; outliers all. */
    private static int[] keep(float[] xy, int[] items, float x0, float y0, float side, int g) {
        int m = items.length;
        int[] count = new int[g * g + 1];
        int[] cellOf = new int[m];
        float scale = g / side;
        for (int p = 0; p < m; p++) {
            int i = items[p];
            float cx = (xy[2 * i] - x0) * scale, cy = (xy[2 * i + 1] - y0) * scale;
            // Outside the square (or exactly on its far edge, rounding aside): no cell, always kept.
            cellOf[p] = cx >= 0 && cy >= 0 && cx < g && cy < g ? (int) cy * g + (int) cx : -1;
            if (cellOf[p] >= 0) count[cellOf[p]]++;
        }
        // Walking down from the highest index, a cell takes its first PER_CELL arrivals.
        int[] taken = new int[g * g];
        boolean[] keep = new boolean[m];
        int out = 0;
        for (int p = m - 1; p >= 0; p--) {
            int c = cellOf[p];
            if (c < 0 || taken[c]++ < PER_CELL) {
                keep[p] = true;
                out++;
            }
        }
        int[] result = new int[out];
        for (int p = 0, o = 0; p < m; p++) if (keep[p]) result[o++] = items[p];
        return result;
    }

    /** Number of levels; the last keeps every item. */
    public int levels() { return kept.length; }

    /** Side of a cell of level {@code k}, in world units. */
    public float cellSize(int k) { return side / (1 << k); }

    /** The items level {@code k} keeps, ascending. Do not modify. */
    public int[] kept(int k) { return kept[k]; }

    /** The level for sprites {@code spriteWorld} wide: the finest whose cells are at least that wide (the last level when none). */
    public int levelFor(float spriteWorld) {
        for (int k = kept.length - 1; k >= 0; k--) if (cellSize(k) >= spriteWorld) return k;
        return 0;
    }

    /** Level {@code k}'s items whose centre lies in the box, ascending. */
    public int[] inBox(int k, float minX, float minY, float maxX, float maxY) {
        PointGrid g = grids[k];
        if (g == null) grids[k] = g = PointGrid.of(xy, kept[k]);
        return g.query(minX, minY, maxX, maxY);
    }
}
