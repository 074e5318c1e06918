package org.embedscope.render;

import org.embedscope.bundle.Manifest;

/**
 * Where each item's image is drawn from in the atlas, for the level a scene samples, worked out on the
 * CPU once per level and page table instead of per vertex and frame: what {@code residentCell} in
 * atlas.glsl finds (the cell at the wanted level, or at the finest coarser level whose page is on the
 * GPU), packed two ints per item for sprite.vert's {@code PLACED} variant: {@code column | row << 16},
 * {@code layer | level << 16}. On a software rasteriser, which runs integer divisions per lane, those
 * look-ups are about a tenth of a moving frame of 70,000 sprites.
 *
 * <p>A streamed atlas changes pages every few frames: then only the items of the pages that went on or
 * off the GPU are worked out again (their cells are a page's run of cells, found through the items
 * ordered by cell), and only the run of items they span is uploaded; a change of level works out every
 * item. At a million digits that made a redraw of every sprite at 8× and of the fitted view about 4%
 * faster (README, "How it draws"). GL-free.
 */
final class CellPlaces {
    /** What the places are worked out from: the atlas's levels and which of their pages are on the GPU ({@link AtlasTextures}). */
    interface Pages {
        int levels();

        /** Level {@code level}'s grid. */
        Manifest.Level level(int level);

        /** Per page of level {@code level}, the layer holding it, or -1 when it is not on the GPU. */
        int[] pageLayers(int level);

        /** Changes whenever what a picture sampling level {@code level} is drawn from does. */
        long versionFor(int level);
    }

    private final int[] cellOfItem;
    private final int[] packed;
    private int level = Integer.MIN_VALUE;
    private long version = -1;
    /** The page tables the places were last worked out with, per level. */
    private int[][] madeWith;
    /** The items ordered by cell, and where each cell's start in that order (made on the first partial update). */
    private int[] itemsByCell, cellStart;
    /** The items whose places the last update changed: [{@link #from()}, {@link #to()}). */
    private int from, to;

    CellPlaces(int[] cellOfItem) {
        this.cellOfItem = cellOfItem;
        this.packed = new int[2 * cellOfItem.length];
    }

    /**
     * The places for sampling {@code level} with {@code atlas}'s pages as they are now, or null when
     * they are those of the last call (nothing to upload); those of the items [{@link #from()},
     * {@link #to()}) are the ones that changed. The array is reused: upload it before the next call.
     */
    int[] update(Pages atlas, int level) {
        long v = atlas.versionFor(level);
        if (level == this.level && v == version) return null;
        // Per level its grid and page table, in locals: the loop runs once per item, the first time in the interpreter.
        int levels = atlas.levels();
        int[] perPage = new int[levels], columns = new int[levels];
        int[][] layers = new int[levels][];
        for (int l = 0; l < levels; l++) {
            perPage[l] = atlas.level(l).cellsPerPage();
            columns[l] = atlas.level(l).columns();
            layers[l] = atlas.pageLayers(l);
        }
        int wanted = Math.max(0, Math.min(level, levels - 1));
        if (level == this.level && madeWith != null) {
            // The same level, some pages on or off the GPU: the items of those pages' cells only.
            if (itemsByCell == null) orderByCell();
            int lo = Integer.MAX_VALUE, hi = -1;
            for (int l = wanted; l < levels; l++) {
                for (int page = 0; page < layers[l].length; page++) {
                    if (layers[l][page] == madeWith[l][page]) continue;
                    int c0 = Math.min(page * perPage[l], cellStart.length - 1), c1 = Math.min((page + 1) * perPage[l], cellStart.length - 1);
                    for (int k = cellStart[c0]; k < cellStart[c1]; k++) {
                        int i = itemsByCell[k];
                        place(i, wanted, levels, perPage, columns, layers);
                        lo = Math.min(lo, i);
                        hi = Math.max(hi, i);
                    }
                }
            }
            from = hi < 0 ? 0 : lo;
            to = hi + 1;
        } else {
            for (int i = 0; i < cellOfItem.length; i++) place(i, wanted, levels, perPage, columns, layers);
            from = 0;
            to = cellOfItem.length;
        }
        this.level = level;
        this.version = v;
        this.madeWith = layers;
        return packed;
    }

    /** First item whose place the last {@link #update} changed. */
    int from() { return from; }

    /** One past the last item whose place the last {@link #update} changed ({@link #from()} when none did). */
    int to() { return to; }

    private void place(int i, int wanted, int levels, int[] perPage, int[] columns, int[][] layers) {
        int cell = cellOfItem[i];
        int l = wanted;
        int page = cell / perPage[l];
        while (l < levels - 1 && layers[l][page] < 0) page = cell / perPage[++l];
        int k = cell - page * perPage[l];
        int row = k / columns[l];
        packed[2 * i] = (k - row * columns[l]) | row << 16;
        packed[2 * i + 1] = Math.max(layers[l][page], 0) | l << 16;
    }

    /** The items in order of their cells (a counting sort), and each cell's start in that order. */
    private void orderByCell() {
        int cells = 0;
        for (int c : cellOfItem) cells = Math.max(cells, c + 1);
        cellStart = new int[cells + 1];
        for (int c : cellOfItem) cellStart[c + 1]++;
        for (int c = 0; c < cells; c++) cellStart[c + 1] += cellStart[c];
        itemsByCell = new int[cellOfItem.length];
        int[] next = java.util.Arrays.copyOf(cellStart, cells);
        for (int i = 0; i < cellOfItem.length; i++) itemsByCell[next[cellOfItem[i]]++] = i;
    }
}
