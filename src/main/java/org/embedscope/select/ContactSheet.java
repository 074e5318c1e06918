package org.embedscope.select;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.embedscope.atlas.PixelFormat;
import org.embedscope.atlas.PngEncoder;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.AtomicFile;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.Manifest;
import org.embedscope.bundle.PageImage;
import org.embedscope.progress.Progress;

/**
 * A contact sheet of selected items: their images from the bundle's finest atlas level, decoded on
 * the CPU (each page once), in index order, row by row on a near-square grid with a thin grey gap
 * between cells. Grey when every page of that level is grey, RGB otherwise; with alpha mode
 * {@code channel}, images are composited over black, as the explorer's background.
 *
 * <p>At most {@code limit} items are drawn, and no more than fit in {@link #MAX_PIXELS}; {@link #shown()}
 * and {@link #selected()} tell the caller when to say that the sheet shows only the first ones.
 */
public final class ContactSheet {
    /** Items drawn by default. */
    public static final int DEFAULT_LIMIT = 1000;
    /** Largest sheet, in pixels: 32 Mi (a 5,800-pixel square). */
    public static final long MAX_PIXELS = 1L << 25;
    private static final int GAP_GREY = 64;

    private final byte[] pixels;
    private final int width, height, columns, cell, gap;
    private final PixelFormat format;
    private final int shown, selected;

    private ContactSheet(byte[] pixels, int width, int height, int columns, int cell, int gap, PixelFormat format,
                         int shown, int selected) {
        this.pixels = pixels;
        this.width = width;
        this.height = height;
        this.columns = columns;
        this.cell = cell;
        this.gap = gap;
        this.format = format;
        this.shown = shown;
        this.selected = selected;
    }

    /**
     * Draws the first {@code limit} items of {@code selection} (which must not be empty), decoding the
     * atlas pages that hold them; reports pages decoded to {@code progress}, which may cancel.
     */
    public static ContactSheet render(Bundle bundle, ItemSet selection, int limit, Progress progress) throws BundleException {
        if (limit < 1) throw new IllegalArgumentException("limit " + limit);
        int selected = selection.cardinality();
        if (selected == 0) throw new IllegalArgumentException("nothing selected");
        Manifest.Level level = bundle.manifest().atlas().finest();
        int c = level.cell();
        int gap = Math.max(1, c / 14);
        long perCell = (long) (c + gap) * (c + gap);
        int shown = (int) Math.min(Math.min(selected, limit), Math.max(1, MAX_PIXELS / perCell));
        int cols = (int) Math.ceil(Math.sqrt(shown));
        int rows = (shown + cols - 1) / cols;
        int w = cols * c + (cols + 1) * gap, h = rows * c + (rows + 1) * gap;
        boolean grey = bundle.pageSizes().isEmpty() || bundle.pageSizes().get(0).maxChannels() <= 2;
        PixelFormat format = grey ? PixelFormat.GREY : PixelFormat.RGB;
        int oc = format.channels;
        byte[] px = new byte[w * h * oc];
        Arrays.fill(px, (byte) GAP_GREY);
        boolean composite = bundle.manifest().atlas().alpha() == AlphaMode.CHANNEL;

        int[] items = Arrays.copyOf(selection.toArray(), shown);
        int pages = 0;
        for (int k = 0; k < shown; k++) if (k == 0 || level.page(items[k]) != level.page(items[k - 1])) pages++;
        progress.stage("Decoding atlas pages for the contact sheet", pages);
        int done = 0;
        for (int k = 0; k < shown; ) {
            progress.checkCancelled();
            int page = level.page(items[k]);
            try (PageImage img = bundle.readPage(0, page)) {
                int ic = img.channels(), pw = img.width();
                ByteBuffer src = img.pixels();
                for (; k < shown && level.page(items[k]) == page; k++) {
                    int i = items[k];
                    int sx = level.column(i) * c, sy = level.row(i) * c;
                    int dx = gap + (k % cols) * (c + gap), dy = gap + (k / cols) * (c + gap);
                    for (int y = 0; y < c; y++) {
                        int s = ((sy + y) * pw + sx) * ic, d = ((dy + y) * w + dx) * oc;
                        for (int x = 0; x < c; x++, s += ic, d += oc) copyPixel(src, s, ic, px, d, oc, composite);
                    }
                }
            }
            progress.advance(++done);
        }
        return new ContactSheet(px, w, h, cols, c, gap, format, shown, selected);
    }

    /** One pixel from a page (1–4 channels) to the sheet (grey or RGB), alpha composited over black when asked. */
    private static void copyPixel(ByteBuffer src, int s, int ic, byte[] dst, int d, int oc, boolean composite) {
        int a = composite && (ic == 2 || ic == 4) ? src.get(s + ic - 1) & 0xff : 255;
        if (oc == 1) {
            dst[d] = (byte) over(src.get(s) & 0xff, a);
            return;
        }
        boolean colour = ic >= 3;
        for (int k = 0; k < 3; k++) dst[d + k] = (byte) over(src.get(s + (colour ? k : 0)) & 0xff, a);
    }

    private static int over(int v, int a) {
        return a == 255 ? v : (v * a + 127) / 255;
    }

    /** Writes the sheet as a PNG, atomically. */
    public void write(Path out) throws BundleException {
        try {
            AtomicFile.write(out, tmp -> {
                try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    PngEncoder.write(os, pixels, width, height, format, 6);
                }
            });
        } catch (IOException e) {
            throw AtomicFile.cannotWrite(out, e);
        }
    }

    public int width() { return width; }

    public int height() { return height; }

    /** Cells per row. */
    public int columns() { return columns; }

    /** A cell's side in pixels (the finest level's) and the gap around cells. */
    public int cell() { return cell; }

    public int gap() { return gap; }

    /** Items drawn: the first {@code shown()} of the selection, in index order. */
    public int shown() { return shown; }

    /** Items in the selection. */
    public int selected() { return selected; }

    public PixelFormat format() { return format; }
}
