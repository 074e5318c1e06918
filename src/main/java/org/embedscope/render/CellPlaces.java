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
 * <p>Used where the atlas does not stream: its page table changes only while it loads. A streamed
 * atlas changes pages every few frames, and recomputing a million places each time would cost more
 * than the look-ups save. GL-free.
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

    CellPlaces(int[] cellOfItem) {
        this.cellOfItem = cellOfItem;
        this.packed = new int[2 * cellOfItem.length];
    }

    /**
     * The places for sampling {@code level} with {@code atlas}'s pages as they are now, or null when
     * they are those of the last call (nothing to upload). The array is reused: upload it before the next call.
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
        for (int i = 0; i < cellOfItem.length; i++) {
            int cell = cellOfItem[i];
            int l = wanted;
            int page = cell / perPage[l];
            while (l < levels - 1 && layers[l][page] < 0) page = cell / perPage[++l];
            int k = cell - page * perPage[l];
            int row = k / columns[l];
            packed[2 * i] = (k - row * columns[l]) | row << 16;
            packed[2 * i + 1] = Math.max(layers[l][page], 0) | l << 16;
        }
        this.level = level;
        this.version = v;
        return packed;
    }
}
