package org.embedscope.atlas;

import org.embedscope.bundle.AlphaMode;

/**
 * Every item's image fitted into its cell at every level of detail: {@code cells[item][level]},
 * {@code cellSizes[level]²} pixels of the item's own {@link PixelFormat} (premultiplied when it has
 * alpha). Items keep the smallest format their image needs, so grey sets cost one byte per pixel.
 */
public final class CellSet {
    private final int[] cellSizes;
    private final byte[] formats;
    private final byte[][][] cells;
    private final double meanBorderLuma;

    CellSet(int[] cellSizes, byte[] formats, byte[][][] cells, double meanBorderLuma) {
        this.cellSizes = cellSizes;
        this.formats = formats;
        this.cells = cells;
        this.meanBorderLuma = meanBorderLuma;
    }

    public int count() { return cells.length; }

    public int levels() { return cellSizes.length; }

    public int cellSize(int level) { return cellSizes[level]; }

    public PixelFormat format(int item) { return PixelFormat.ofChannels(formats[item]); }

    /** Item {@code item}'s cell at {@code level}. Do not modify. */
    public byte[] cell(int item, int level) { return cells[item][level]; }

    /** True when every item is grey. */
    public boolean allGrey() {
        for (byte f : formats) if (!PixelFormat.ofChannels(f).isGrey()) return false;
        return true;
    }

    /** True when some item has transparent pixels (its own alpha, or padding around a non-square image). */
    private boolean anyAlpha() {
        for (byte f : formats) if (PixelFormat.ofChannels(f).hasAlpha()) return true;
        return false;
    }

    /**
     * The alpha mode these images call for: {@code luminance} for grey images on a dark background
     * (white-on-black sets such as MNIST), else {@code channel} when some pixels are transparent,
     * else {@code opaque}.
     */
    public AlphaMode suggestedAlpha() {
        if (allGrey() && meanBorderLuma < 48) return AlphaMode.LUMINANCE;
        return anyAlpha() ? AlphaMode.CHANNEL : AlphaMode.OPAQUE;
    }

    /** Page format for an alpha mode: grey when every item is grey; an alpha channel only for {@code channel}. */
    public PixelFormat pageFormat(AlphaMode alpha) {
        return PixelFormat.of(allGrey(), alpha == AlphaMode.CHANNEL);
    }

    /** Feature vectors made of cell pixels, for layouts computed on the images themselves. */
    public record Features(float[] data, int dim, int cell, int channels) {}

    /**
     * Each item's cell at the first level no larger than {@code maxCell} pixels, as a row of floats in
     * 0–1: grey levels when every item is grey, else red, green, blue (premultiplied, i.e. composited on
     * black). For MNIST (28-px cells) these are exactly the raw pixels, scaled.
     */
    public Features features(int maxCell) {
        int level = 0;
        while (level < cellSizes.length - 1 && cellSizes[level] > maxCell) level++;
        int c = cellSizes[level];
        int ch = allGrey() ? 1 : 3;
        int dim = c * c * ch;
        if ((long) dim * count() > Integer.MAX_VALUE - 8) throw new IllegalStateException("too many features: " + ((long) dim * count()));
        float[] data = new float[dim * count()];
        for (int i = 0; i < count(); i++) {
            byte[] px = cells[i][level];
            int fc = formats[i];
            int base = i * dim;
            for (int p = 0; p < c * c; p++) {
                for (int k = 0; k < ch; k++) {
                    int src = fc <= 2 ? p * fc : p * fc + k; // grey items repeat their grey in each colour
                    data[base + p * ch + k] = (px[src] & 0xff) / 255f;
                }
            }
        }
        return new Features(data, dim, c, ch);
    }
}
