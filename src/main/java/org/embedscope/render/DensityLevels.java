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
 * <p>A view draws the finest level that puts no more than a given number of items on screen
 * ({@link #finestWithin}): all of them while they are few, and where there are very many, the top
 * {@value #PER_CELL} of each spot of the screen, so the cost of a zoomed-out frame follows the
 * number of spots on screen rather than the number of items.
 */
public final class DensityLevels {
    /** Items kept per cell. */
    public static final int PER_CELL = 16;
    /** Finest grid: 2^MAX_LEVEL cells a side. */
    static final int MAX_LEVEL = 12;

    private final float[] xy;
    private final float x0, y0, side;
    /** Bounds {minX, minY, maxX, maxY} of every item of the levels. */
    private final float[] bounds;
    /** Per level, the items kept, ascending; the last level holds every item. */
    private final int[][] kept;
    private final PointGrid[] grids;

    private DensityLevels(float[] xy, float x0, float y0, float side, int[][] kept) {
        this.xy = xy;
        this.bounds = bounds(xy, kept[kept.length - 1]);
        this.x0 = x0;
        this.y0 = y0;
        this.side = side;
        this.kept = kept;
        this.grids = new PointGrid[kept.length];
    }

    /** The levels of interleaved positions {@code xy}. */
    public static DensityLevels of(float[] xy) {
        return of(xy, null);
    }

    /** The levels of the items {@code items} (ascending; null for all) of {@code xy}: the others are never drawn. */
    public static DensityLevels of(float[] xy, int[] items) {
        return of(xy, items, null);
    }

    /**
     * As above, on the grids of {@code frame} (levels of more of the same positions; null: the items'
     * own): level {@code k} then keeps, in each of the frame's cells, the top items among these, so a
     * cell none of whose items are left out keeps what the frame's level keeps there.
     */
    public static DensityLevels of(float[] xy, int[] items, DensityLevels frame) {
        int[] all = items;
        if (all == null) {
            all = new int[xy.length / 2];
            for (int i = 0; i < all.length; i++) all[i] = i;
        }
        int n = all.length;
        float x0, y0, side;
        if (frame != null) {
            x0 = frame.x0;
            y0 = frame.y0;
            side = frame.side;
        } else {
            float[] b = PointGrid.bulk(xy, all);
            x0 = b[0];
            y0 = b[1];
            side = Math.max(b[2] - b[0], b[3] - b[1]);
        }
        if (frame != null ? frame.levels() == 1 : !(side > 0) || n <= PER_CELL) {
            return new DensityLevels(xy, x0, y0, side, new int[][] {all});
        }
        // The finest level needed: cells small enough that most hold at most PER_CELL items.
        int finest = frame != null ? frame.levels() - 1
                : (int) Math.min(MAX_LEVEL, Math.ceil(Math.log(Math.max(1.0, (double) n / PER_CELL)) / Math.log(4)) + 2);
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

    private static float[] bounds(float[] xy, int[] items) {
        float[] b = {Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (int i : items) {
            b[0] = Math.min(b[0], xy[2 * i]);
            b[1] = Math.min(b[1], xy[2 * i + 1]);
            b[2] = Math.max(b[2], xy[2 * i]);
            b[3] = Math.max(b[3], xy[2 * i + 1]);
        }
        return b;
    }

    /** Level {@code k}'s items whose centre lies in the box, ascending (the level's own array when the box holds them all: do not modify). */
    public int[] inBox(int k, float minX, float minY, float maxX, float maxY) {
        if (holdsAll(minX, minY, maxX, maxY)) return kept[k];
        return grid(k).query(minX, minY, maxX, maxY);
    }

    /** At least as many as {@link #inBox} finds, from the grid cells alone: cheap. */
    public int countAtMost(int k, float minX, float minY, float maxX, float maxY) {
        if (holdsAll(minX, minY, maxX, maxY)) return kept[k].length;
        return grid(k).countAtMost(minX, minY, maxX, maxY);
    }

    /**
     * The finest level with at most {@code most} items (by {@link #countAtMost}) in the box; the
     * coarsest when none has so few.
     */
    public int finestWithin(int most, float minX, float minY, float maxX, float maxY) {
        int k = kept.length - 1;
        while (k > 0 && countAtMost(k, minX, minY, maxX, maxY) > most) k--;
        return k;
    }

    private boolean holdsAll(float minX, float minY, float maxX, float maxY) {
        return minX <= bounds[0] && minY <= bounds[1] && maxX >= bounds[2] && maxY >= bounds[3];
    }

    private PointGrid grid(int k) {
        PointGrid g = grids[k];
        if (g == null) grids[k] = g = PointGrid.of(xy, kept[k]);
        return g;
    }
}
