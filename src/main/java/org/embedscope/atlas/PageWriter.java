package org.embedscope.atlas;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.Manifest;
import org.embedscope.progress.Progress;
import org.embedscope.util.Parallel;

/**
 * Lays the cells of every level out on pages ({@link AtlasGrid}) and writes them as PNG files
 * {@code atlas/L-PP.png} (level, page), several pages at once.
 */
public final class PageWriter {
    private PageWriter() {}

    /** Names of page {@code page} of level {@code level}, relative to the bundle folder. */
    private static String pageName(int level, int page) {
        return String.format(Locale.ROOT, "atlas/%d-%02d.png", level, page);
    }

    /**
     * Writes every page of every level into {@code bundleDir} and returns the manifest's atlas section.
     *
     * @param maxPage   largest page side in pixels
     * @param pngLevel  Deflater level, 0–9
     */
    public static Manifest.Atlas write(CellSet cells, AlphaMode alpha, int maxPage, int pngLevel, Path bundleDir, Progress progress)
            throws BundleException {
        PixelFormat format = cells.pageFormat(alpha);
        List<Manifest.Level> levels = new ArrayList<>();
        List<int[]> jobs = new ArrayList<>(); // (level, page)
        for (int l = 0; l < cells.levels(); l++) {
            AtlasGrid g = AtlasGrid.plan(cells.count(), cells.cellSize(l), maxPage);
            List<String> pages = new ArrayList<>();
            for (int p = 0; p < g.pages(); p++) {
                pages.add(pageName(l, p));
                jobs.add(new int[] {l, p});
            }
            levels.add(new Manifest.Level(g.cell(), g.columns(), g.rows(), pages));
        }
        Path atlasDir = bundleDir.resolve("atlas");
        try {
            // createDirectory, not createDirectories: never re-create a bundle folder deleted by an interruption
            if (!Files.isDirectory(atlasDir)) Files.createDirectory(atlasDir);
        } catch (IOException e) {
            throw new BundleException(atlasDir, null, "cannot create: " + BundleException.describe(e));
        }
        progress.stage("writing atlas pages", jobs.size());
        AtomicLong done = new AtomicLong();
        try (Parallel par = new Parallel(0)) {
            par.forEach(jobs.size(), j -> {
                progress.checkCancelled();
                int l = jobs.get(j)[0], p = jobs.get(j)[1];
                Manifest.Level level = levels.get(l);
                byte[] page = compose(cells, l, level, p, format);
                progress.checkCancelled();
                Path file = bundleDir.resolve(level.pages().get(p));
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                    PngEncoder.write(out, page, level.columns() * level.cell(), level.rows() * level.cell(), format, pngLevel);
                } catch (IOException e) {
                    throw new BundleException(file, null, "cannot write: " + BundleException.describe(e));
                }
                progress.advance(done.incrementAndGet());
            });
        }
        return new Manifest.Atlas(alpha, levels);
    }

    /**
     * The pixels of page {@code page} of {@code level}: its items' cells at their grid places (as the
     * reader finds them, {@link Manifest.Level#column} and {@link Manifest.Level#row}), in the page format.
     */
    static byte[] compose(CellSet cells, int levelIndex, Manifest.Level level, int page, PixelFormat format) {
        int c = level.cell(), pc = format.channels;
        int pageRow = level.columns() * c * pc;
        byte[] px = new byte[pageRow * level.rows() * c];
        int first = page * level.cellsPerPage();
        int last = Math.min(cells.count(), first + level.cellsPerPage());
        for (int i = first; i < last; i++) {
            int x0 = level.column(i) * c, y0 = level.row(i) * c;
            byte[] cell = cells.cell(i, levelIndex);
            int cc = cells.format(i).channels;
            for (int y = 0; y < c; y++) {
                int d = (y0 + y) * pageRow + x0 * pc;
                int s = y * c * cc;
                if (cc == pc) {
                    if (format.hasAlpha()) unpremultiplyRow(cell, s, px, d, c, pc);
                    else System.arraycopy(cell, s, px, d, c * pc);
                } else {
                    convertRow(cell, s, cc, px, d, pc, c);
                }
            }
        }
        return px;
    }

    /** Straight alpha from premultiplied: colour × 255 / alpha, rounded. */
    static void unpremultiplyRow(byte[] src, int s, byte[] dst, int d, int pixels, int ch) {
        for (int x = 0; x < pixels; x++, s += ch, d += ch) {
            int a = src[s + ch - 1] & 0xff;
            for (int k = 0; k < ch - 1; k++) dst[d + k] = unpremultiply(src[s + k] & 0xff, a);
            dst[d + ch - 1] = (byte) a;
        }
    }

    private static byte unpremultiply(int v, int a) {
        if (a == 0) return 0;
        if (a == 255) return (byte) v;
        return (byte) Math.min(255, (v * 255 + a / 2) / a);
    }

    /** Converts one row of cell pixels to the page's format: grey to colour, adding or flattening alpha. */
    private static void convertRow(byte[] src, int s, int sc, byte[] dst, int d, int dc, int pixels) {
        boolean srcAlpha = sc == 2 || sc == 4, dstAlpha = dc == 2 || dc == 4;
        int dColours = dstAlpha ? dc - 1 : dc;
        for (int x = 0; x < pixels; x++, s += sc, d += dc) {
            int a = srcAlpha ? src[s + sc - 1] & 0xff : 255;
            for (int k = 0; k < dColours; k++) {
                int v = src[s + (sc <= 2 ? 0 : k)] & 0xff; // premultiplied, i.e. over black
                dst[d + k] = dstAlpha ? unpremultiply(v, a) : (byte) v;
            }
            if (dstAlpha) dst[d + dc - 1] = (byte) a;
        }
    }
}
