package org.embedscope.render;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.embedscope.atlas.LevelsOfDetail;
import org.embedscope.bundle.Manifest;

/**
 * Coarser levels of detail for a bundle that brings only its finest: the same halving sizes as
 * {@code prepare} makes ({@link LevelsOfDetail#cellSizes}), each item's coarser cell box-filtered
 * from its own finer cell only ({@link LevelsOfDetail#reduce}), so nothing bleeds in from a
 * neighbouring cell. Alpha is premultiplied while filtering and straight again in the pages.
 *
 * <p>Pages of the finest level are fed in any order, from several threads ({@link #accept}); each
 * is filtered on its caller's thread and written into the coarser pages under a lock. The coarser
 * pages take the largest channel count fed so far (grey pages stay grey).
 */
public final class DerivedLevels {
    /** Bumped whenever the filtering or the grids change: cached levels of another version are not used. */
    public static final int VERSION = 1;
    /** Levels in all, the finest included. */
    public static final int MAX_LEVELS = 6;

    private final int count;
    private final Manifest.Level base;
    private final Manifest.Level[] grids;
    private final int[] pageW, pageH;
    private byte[][][] pages;
    private int channels;

    /**
     * @param count    items
     * @param base     the bundle's only level
     * @param pageSide side of the base level's pages: coarser pages are no larger
     */
    public DerivedLevels(int count, Manifest.Level base, int pageSide) {
        this.count = count;
        this.base = base;
        int[] sizes = LevelsOfDetail.cellSizes(base.cell(), MAX_LEVELS);
        grids = new Manifest.Level[sizes.length - 1];
        pageW = new int[grids.length];
        pageH = new int[grids.length];
        for (int l = 0; l < grids.length; l++) {
            grids[l] = grid(count, sizes[l + 1], pageSide, l + 1);
            pageW[l] = grids[l].columns() * grids[l].cell();
            pageH[l] = grids[l].rows() * grids[l].cell();
        }
        pages = new byte[grids.length][][];
    }

    /** The grid of a coarser level: as many cells per row as fit {@code pageSide}; a single page only as tall as needed. */
    static Manifest.Level grid(int count, int cell, int pageSide, int level) {
        int cols = Math.max(1, pageSide / cell);
        int rows = cols;
        int pageCount = (int) Math.ceil(count / (double) (cols * rows));
        if (pageCount <= 1) {
            pageCount = 1;
            rows = Math.max(1, (int) Math.ceil(count / (double) cols));
        }
        List<String> names = new ArrayList<>();
        for (int p = 0; p < pageCount; p++) names.add(String.format("%d-%02d.png", level, p));
        return new Manifest.Level(cell, cols, rows, names);
    }

    /** Whether a bundle whose only level has {@code cell}-px cells gets coarser levels. */
    public static boolean applies(List<Manifest.Level> levels) {
        return levels.size() == 1 && LevelsOfDetail.cellSizes(levels.get(0).cell(), MAX_LEVELS).length > 1;
    }

    /** Coarser levels made, finest first. */
    public int levels() { return grids.length; }

    public Manifest.Level grid(int level) { return grids[level]; }

    public int pageWidth(int level) { return pageW[level]; }

    public int pageHeight(int level) { return pageH[level]; }

    /** Channels of the coarser pages: the most of any page fed. */
    public synchronized int channels() { return channels; }

    /** Page {@code page} of coarser level {@code level}: rows from the top, {@link #channels()} per pixel. Complete once every base page was fed. */
    public synchronized byte[] page(int level, int page) { return pages[level][page]; }

    /**
     * Filters the cells of base page {@code page} ({@code px}: {@code ch} channels, straight alpha,
     * rows of {@code pageWidth} pixels from the top) into the coarser levels.
     */
    public void accept(int page, ByteBuffer px, int pageWidth, int ch) {
        int cpp = base.cellsPerPage(), c0 = base.cell();
        int first = page * cpp, last = Math.min(count, first + cpp);
        if (first >= last) return;
        int[] sizes = new int[grids.length + 1];
        sizes[0] = c0;
        for (int l = 0; l < grids.length; l++) sizes[l + 1] = grids[l].cell();
        boolean alpha = ch == 2 || ch == 4;
        byte[][][] cells = new byte[grids.length][last - first][];
        byte[] cell = new byte[c0 * c0 * ch];
        int base0 = px.position();
        for (int i = first; i < last; i++) {
            int x0 = base.column(i) * c0, y0 = base.row(i) * c0;
            for (int y = 0; y < c0; y++) px.get(base0 + ((y0 + y) * pageWidth + x0) * ch, cell, y * c0 * ch, c0 * ch);
            byte[] finer = alpha ? premultiply(cell, ch) : cell;
            for (int l = 0; l < grids.length; l++) {
                byte[] coarser = LevelsOfDetail.reduce(finer, sizes[l], ch, sizes[l + 1]);
                cells[l][i - first] = coarser;
                finer = coarser;
            }
        }
        synchronized (this) {
            widen(ch);
            for (int l = 0; l < grids.length; l++) {
                Manifest.Level g = grids[l];
                int c = g.cell();
                for (int i = first; i < last; i++) {
                    byte[] src = cells[l][i - first];
                    if (alpha) unpremultiply(src, ch);
                    byte[] dst = pageFor(l, g.page(i));
                    int x0 = g.column(i) * c, y0 = g.row(i) * c;
                    for (int y = 0; y < c; y++) {
                        for (int x = 0; x < c; x++) {
                            put(src, (y * c + x) * ch, ch, dst, ((y0 + y) * pageW[l] + x0 + x) * channels, channels);
                        }
                    }
                }
            }
        }
    }

    private byte[] pageFor(int level, int page) {
        if (pages[level] == null) pages[level] = new byte[grids[level].pages().size()][];
        byte[] p = pages[level][page];
        if (p == null) p = pages[level][page] = new byte[pageW[level] * pageH[level] * channels];
        return p;
    }

    /** Raises the coarser pages' channel count to at least {@code ch}, converting what they hold. */
    private void widen(int ch) {
        int to = Math.max(channels, ch);
        if (to == channels) return;
        if (channels > 0) {
            for (byte[][] level : pages) {
                if (level == null) continue;
                for (int p = 0; p < level.length; p++) {
                    if (level[p] == null) continue;
                    byte[] src = level[p], dst = new byte[src.length / channels * to];
                    for (int i = 0, n = src.length / channels; i < n; i++) put(src, i * channels, channels, dst, i * to, to);
                    level[p] = dst;
                }
            }
        }
        channels = to;
    }

    /** Writes one pixel of {@code from} channels as {@code to} channels (grey ↔ RGB, alpha kept or 255). */
    private static void put(byte[] src, int s, int from, byte[] dst, int d, int to) {
        if (from == to) {
            for (int k = 0; k < to; k++) dst[d + k] = src[s + k];
            return;
        }
        byte r, g, b, a;
        if (from <= 2) {
            r = g = b = src[s];
            a = from == 2 ? src[s + 1] : (byte) 255;
        } else {
            r = src[s];
            g = src[s + 1];
            b = src[s + 2];
            a = from == 4 ? src[s + 3] : (byte) 255;
        }
        switch (to) {
            case 1 -> dst[d] = r;
            case 2 -> { dst[d] = r; dst[d + 1] = a; }
            case 3 -> { dst[d] = r; dst[d + 1] = g; dst[d + 2] = b; }
            default -> { dst[d] = r; dst[d + 1] = g; dst[d + 2] = b; dst[d + 3] = a; }
        }
    }

    private static byte[] premultiply(byte[] cell, int ch) {
        byte[] out = cell.clone();
        for (int o = 0; o < out.length; o += ch) {
            int a = out[o + ch - 1] & 255;
            for (int k = 0; k < ch - 1; k++) out[o + k] = (byte) (((out[o + k] & 255) * a + 127) / 255);
        }
        return out;
    }

    private static void unpremultiply(byte[] cell, int ch) {
        for (int o = 0; o < cell.length; o += ch) {
            int a = cell[o + ch - 1] & 255;
            for (int k = 0; k < ch - 1; k++) cell[o + k] = (byte) (a == 0 ? 0 : Math.min(255, ((cell[o + k] & 255) * 255 + a / 2) / a));
        }
    }
}
