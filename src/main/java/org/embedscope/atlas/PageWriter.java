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
import org.embedscope.bundle.Ink;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.Manifest;
import org.embedscope.progress.Progress;
import org.embedscope.util.Parallel;
import org.embedscope.source.DecodedImage;
import org.embedscope.source.ImageSource;

/**
 * Writes the atlas in one pass over the images, in item order: each image is decoded and fitted into
 * its cells at every level ({@link CellBuilder}, in parallel), the cells are placed straight on their
 * pages ({@link AtlasGrid}), and each page is written as a PNG file {@code atlas/L-PP.png} (level,
 * page) as soon as its last cell is placed. Only the pages being filled are in memory, never all the
 * cells, so memory does not grow with the number of images. Optionally the pass also collects, for the
 * layouts, each item's pixels at the first level of at most {@code featureCell} pixels.
 */
public final class PageWriter {
    private PageWriter() {}

    /** Items placed per round at least, before the pages that are complete are written. */
    private static final int ROUND_ITEMS = 4096;

    /**
     * What to write.
     *
     * @param cell        cell size of the finest level
     * @param maxLevels   most levels of detail (1 = finest only)
     * @param maxPage     largest page side in pixels
     * @param format      the pages' pixel format (from {@link ImageSurvey#pageFormat}, or known)
     * @param pngLevel    Deflater level, 0–9
     * @param featureCell collect features from the first level with cells of at most this many pixels; 0 for none
     */
    public record Spec(int cell, int maxLevels, int maxPage, PixelFormat format, AlphaMode alpha, int pngLevel, int featureCell) {}

    /**
     * Each item's cell at one level as a row of {@code dim} floats in 0–1: grey levels when the pages
     * are grey, else red, green, blue (premultiplied, i.e. composited on black). For MNIST (28-px
     * cells) these are exactly the raw pixels, scaled.
     */
    public record Features(float[] data, int dim, int cell, int channels) {}

    /** The manifest's atlas section, and the features when asked for (else null). */
    /**
     * The atlas written, the features for the layouts (or null), and the ink its finest level's grey
     * levels call for ({@link GreyLevels}; {@link Ink#FULL} unless the alpha mode is luminance).
     */
    public record Result(Manifest.Atlas atlas, Features features, Ink suggestedInk) {}

    /** Names of page {@code page} of level {@code level}, relative to the bundle folder. */
    private static String pageName(int level, int page) {
        return String.format(Locale.ROOT, "atlas/%d-%02d.png", level, page);
    }

    /**
     * Writes every page of every level into {@code bundleDir}: item {@code k} of the atlas is image
     * {@code kept[k]} of the source.
     */
    public static Result write(ImageSource source, int[] kept, Spec spec, Path bundleDir, Progress progress) throws BundleException {
        int m = kept.length;
        int[] sizes = LevelsOfDetail.cellSizes(spec.cell(), spec.maxLevels());
        PixelFormat format = spec.format();
        List<Manifest.Level> levels = new ArrayList<>();
        for (int l = 0; l < sizes.length; l++) {
            AtlasGrid g = AtlasGrid.plan(m, sizes[l], spec.maxPage());
            List<String> pages = new ArrayList<>();
            for (int p = 0; p < g.pages(); p++) pages.add(pageName(l, p));
            levels.add(new Manifest.Level(g.cell(), g.columns(), g.rows(), pages));
        }
        Path atlasDir = bundleDir.resolve("atlas");
        try {
            // createDirectory, not createDirectories: never re-create a bundle folder deleted by an interruption
            if (!Files.isDirectory(atlasDir)) Files.createDirectory(atlasDir);
        } catch (IOException e) {
            throw new BundleException(atlasDir, null, "cannot create: " + BundleException.describe(e));
        }
        Features features = spec.featureCell() > 0 ? features(m, sizes, spec.featureCell(), format) : null;
        int featureLevel = features == null ? -1 : levelOf(sizes, features.cell());

        // The pages being filled, per level and page number; null before their first cell and once written.
        byte[][][] open = new byte[sizes.length][][];
        for (int l = 0; l < sizes.length; l++) open[l] = new byte[levels.get(l).pages().size()][];
        int perFirst = levels.get(0).cellsPerPage();
        int pagesPerRound = Math.max(Parallel.defaultThreads(), (ROUND_ITEMS + perFirst - 1) / perFirst);
        long roundItems = (long) perFirst * pagesPerRound;

        GreyLevels greys = spec.alpha() == AlphaMode.LUMINANCE ? new GreyLevels() : null;
        progress.stage("writing atlas pages", m);
        AtomicLong done = new AtomicLong();
        for (int from = 0; from < m; from = (int) Math.min(m, from + roundItems)) {
            int to = (int) Math.min(m, from + roundItems);
            for (int l = 0; l < sizes.length; l++) {
                Manifest.Level level = levels.get(l);
                for (int p = level.page(from); p <= level.page(to - 1); p++) {
                    if (open[l][p] == null) open[l][p] = new byte[pageBytes(level, format)];
                }
            }
            CellBuilder.forEachItem(from, to, progress, done, (k, chunk) -> {
                DecodedImage img = source.decode(kept[k]);
                CellBuilder.Cells cells = CellBuilder.build(img, sizes);
                int cc = cells.format().channels;
                for (int l = 0; l < sizes.length; l++) {
                    Manifest.Level level = levels.get(l);
                    place(cells.levels()[l], cc, open[l][level.page(k)], level, k, format);
                }
                if (features != null) extract(cells.levels()[featureLevel], cc, features, k);
            });
            List<int[]> full = new ArrayList<>(); // (level, page) whose last cell is placed
            for (int l = 0; l < sizes.length; l++) {
                Manifest.Level level = levels.get(l);
                for (int p = level.page(from); p <= level.page(to - 1); p++) {
                    if (to == m || (long) (p + 1) * level.cellsPerPage() <= to) full.add(new int[] {l, p});
                }
            }
            Parallel.run(full.size(), j -> {
                progress.checkCancelled();
                int l = full.get(j)[0], p = full.get(j)[1];
                Manifest.Level level = levels.get(l);
                Path file = bundleDir.resolve(level.pages().get(p));
                if (l == 0 && greys != null) greys.add(open[l][p], format);
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                    PngEncoder.write(out, open[l][p], level.columns() * level.cell(), level.rows() * level.cell(), format, spec.pngLevel());
                } catch (IOException e) {
                    throw new BundleException(file, null, "cannot write: " + BundleException.describe(e));
                }
                open[l][p] = null;
            });
        }
        Ink ink = greys == null ? Ink.FULL : greys.suggestedInk();
        return new Result(new Manifest.Atlas(spec.alpha(), levels), features, ink);
    }

    private static int pageBytes(Manifest.Level level, PixelFormat format) {
        long bytes = (long) level.columns() * level.cell() * level.rows() * level.cell() * format.channels;
        if (bytes > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("page of " + bytes + " bytes");
        return (int) bytes;
    }

    /** Index of the first level with cells of at most {@code maxCell} pixels (the last level when none is that small). */
    private static int levelOf(int[] sizes, int maxCell) {
        int level = 0;
        while (level < sizes.length - 1 && sizes[level] > maxCell) level++;
        return level;
    }

    private static Features features(int m, int[] sizes, int maxCell, PixelFormat format) throws BundleException {
        int c = sizes[levelOf(sizes, maxCell)];
        int ch = format.isGrey() ? 1 : 3;
        int dim = c * c * ch;
        if ((long) dim * m > Integer.MAX_VALUE - 8) {
            throw new BundleException(null, null, "the layouts would read " + ((long) dim * m) + " pixel values (" + m + " items × " + dim
                    + "); at most " + (Integer.MAX_VALUE - 8) + " fit: give feature vectors with --vectors, or import the layouts");
        }
        return new Features(new float[dim * m], dim, c, ch);
    }

    /** Item {@code k}'s cell as its row of features; grey items repeat their grey in each colour. */
    private static void extract(byte[] px, int cc, Features f, int k) {
        int ch = f.channels(), base = k * f.dim(), n = f.cell() * f.cell();
        float[] data = f.data();
        for (int p = 0; p < n; p++) {
            for (int c = 0; c < ch; c++) {
                int src = cc <= 2 ? p * cc : p * cc + c;
                data[base + p * ch + c] = (px[src] & 0xff) / 255f;
            }
        }
    }

    /**
     * Puts item {@code k}'s cell ({@code cc} channels) at its grid place on its page (as the reader finds
     * it, {@link Manifest.Level#column} and {@link Manifest.Level#row}), in the page format.
     */
    static void place(byte[] cell, int cc, byte[] page, Manifest.Level level, int k, PixelFormat format) {
        int c = level.cell(), pc = format.channels;
        int pageRow = level.columns() * c * pc;
        int x0 = level.column(k) * c, y0 = level.row(k) * c;
        for (int y = 0; y < c; y++) {
            int d = (y0 + y) * pageRow + x0 * pc;
            int s = y * c * cc;
            if (cc == pc) {
                if (format.hasAlpha()) unpremultiplyRow(cell, s, page, d, c, pc);
                else System.arraycopy(cell, s, page, d, c * pc);
            } else {
                convertRow(cell, s, cc, page, d, pc, c);
            }
        }
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
