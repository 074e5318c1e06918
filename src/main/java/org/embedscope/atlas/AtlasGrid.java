package org.embedscope.atlas;

/**
 * The grid of one level: {@code columns × rows} cells of {@code cell} pixels on each of {@code pages}
 * pages, filled row-major (item {@code i} at page {@code i / (columns*rows)}, cell {@code i mod (columns*rows)}).
 * When every item fits on one page the grid is made about square and no larger than needed;
 * otherwise each page holds as many cells as {@code maxPage} allows.
 */
public record AtlasGrid(int cell, int columns, int rows, int pages) {

    public static AtlasGrid plan(int count, int cell, int maxPage) {
        if (cell > maxPage) throw new IllegalArgumentException("cell " + cell + " is larger than the page " + maxPage);
        int perSide = maxPage / cell;
        long perPage = (long) perSide * perSide;
        if (count <= perPage) {
            int columns = (int) Math.min(perSide, (long) Math.ceil(Math.sqrt(count)));
            int rows = (count + columns - 1) / columns;
            return new AtlasGrid(cell, columns, rows, 1);
        }
        return new AtlasGrid(cell, perSide, perSide, (int) ((count + perPage - 1) / perPage));
    }
}
