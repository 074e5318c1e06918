package org.embedscope.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.embedscope.atlas.LevelsOfDetail;
import org.embedscope.atlas.PageWriter;
import org.embedscope.atlas.PixelFormat;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.BundleFormat;
import org.embedscope.bundle.BundleWriter;
import org.embedscope.bundle.Manifest;
import org.embedscope.progress.Progress;
import org.embedscope.source.DecodedImage;
import org.embedscope.source.ImageSource;

/**
 * Writes a synthetic bundle for benchmarks: {@code n} items in ten Gaussian clusters in two layouts
 * (the clusters move between them, as between UMAP and t-SNE), each item a glyph of its own (a random
 * ellipse stroke, about as much ink as an MNIST digit): grey on black with luminance alpha by default,
 * or, with {@code colour}, a coloured stroke on a coloured ground, opaque. The atlas goes through the
 * same streaming page writer as {@code prepare} (levels down to 4 px on 2048² pages), so a million
 * 64-px colour cells (12 GB of finest texels) are written in bounded memory; the folder appears only
 * when complete. Deterministic for a seed.
 */
public final class SyntheticBundleWriter {
    public static final int CELL = 28;
    private static final int PAGE = 2048;
    /** Items it writes: the coordinates of two layouts are arrays of 2 n floats, and a hundred million is beyond what any phase is meant for. */
    private static final int MAX_ITEMS = 100_000_000;
    private static final int CLUSTERS = 10;

    private SyntheticBundleWriter() {}

    /** {@code n} grey 28-px glyphs. */
    public static Path write(Path dir, int n, long seed) throws BundleException {
        return write(dir, n, seed, CELL, false, Progress.NONE);
    }

    /**
     * Refuses, in bench's words, a count or a cell it cannot write, before anything is made: a cell of
     * the finest level of detail's size up to a page, a count whose coordinates fit in arrays.
     */
    public static void check(int n, int cell) throws BundleException {
        if (n < 1 || n > MAX_ITEMS) {
            throw new BundleException(null, "--synthetic", String.format(java.util.Locale.ROOT, "expected a count from 1 to %,d, got %d", MAX_ITEMS, n));
        }
        if (cell < LevelsOfDetail.MIN_CELL || cell > PAGE) {
            throw new BundleException(null, "--cell", "expected " + LevelsOfDetail.MIN_CELL + " to " + PAGE + " pixels, got " + cell);
        }
    }

    /** {@code n} glyphs of {@code cell} pixels, grey or colour, into the bundle folder {@code dir}. */
    public static Path write(Path dir, int n, long seed, int cell, boolean colour, Progress progress) throws BundleException {
        check(n, cell);
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] centres = new float[2][2 * CLUSTERS];
        for (int l = 0; l < 2; l++) for (int c = 0; c < 2 * CLUSTERS; c++) centres[l][c] = (float) (rnd.nextDouble() * 20 - 10);
        float[] a = new float[2 * n], b = new float[2 * n];
        String[] labels = new String[n];
        String[] names = new String[CLUSTERS];
        for (int c = 0; c < CLUSTERS; c++) names[c] = Integer.toString(c);
        for (int i = 0; i < n; i++) {
            int c = i % CLUSTERS;
            a[2 * i] = (float) (centres[0][2 * c] + gauss(rnd));
            a[2 * i + 1] = (float) (centres[0][2 * c + 1] + gauss(rnd));
            b[2 * i] = (float) (centres[1][2 * c] + 1.5 * gauss(rnd));
            b[2 * i + 1] = (float) (centres[1][2 * c + 1] + 1.5 * gauss(rnd));
            labels[i] = names[c];
        }
        try (BundleWriter writer = BundleWriter.create(dir, null)) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            PageWriter.Spec pages = colour ? new PageWriter.Spec(cell, 16, PAGE, PixelFormat.RGB, AlphaMode.OPAQUE, 6, 0)
                    : new PageWriter.Spec(cell, 16, PAGE, PixelFormat.GREY, AlphaMode.LUMINANCE, 6, 0);
            Manifest.Atlas atlas = PageWriter.write(new Glyphs(n, seed, cell, colour), all, pages, writer.dir(), progress).atlas();
            List<Manifest.Layout> layouts = List.of(new Manifest.Layout("umap", "cluster layout A"), new Manifest.Layout("tsne", "cluster layout B"));
            progress.stage("writing points", 0);
            writer.writePoints(BundleFormat.POINTS_FILE, layouts, List.of(a, b), BundleFormat.LABEL_COLUMN, labels, Map.of());
            Manifest m = new Manifest("synthetic " + n, n, BundleFormat.POINTS_FILE, layouts,
                    new Manifest.Label(BundleFormat.LABEL_COLUMN, Map.of()), atlas,
                    Map.of("tool", "embedscope bench --synthetic", "cell", cell, "colour", colour));
            writer.writeManifest(m);
            writer.commit();
            return writer.target();
        }
    }

    private static double gauss(SplittableRandom r) {
        double u = 1 - r.nextDouble(), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** The glyphs as an image source: item {@code i} is drawn from its own seed, on demand. */
    private record Glyphs(int count, long seed, int cell, boolean colour) implements ImageSource {
        @Override public DecodedImage decode(int i) { return glyph(new SplittableRandom(seed * 31 + i), cell, colour); }

        @Override public int[] size(int i) { return new int[] {cell, cell}; }

        @Override public String itemName(int i) { return "glyph " + i; }

        @Override public String[] labels() { return null; }

        @Override public Map<String, String[]> metadata() { return Map.of(); }

        @Override public String description() { return "synthetic glyphs"; }
    }

    /**
     * A glyph: an ellipse stroke with a random size, tilt and thickness (in 28-px units, scaled to the
     * cell); in colour, a random hue for the stroke over a dark ground of another.
     */
    static DecodedImage glyph(SplittableRandom r, int cell, boolean colour) {
        double s = cell / (double) CELL;
        double rx = (4 + r.nextDouble() * 6) * s, ry = (6 + r.nextDouble() * 5) * s, tilt = r.nextDouble() * Math.PI;
        double w = (1.2 + r.nextDouble() * 1.3) * s;
        double cs = Math.cos(tilt), sn = Math.sin(tilt);
        int[] ink = colour ? hue(r.nextDouble(), 1.0) : null, ground = colour ? hue(r.nextDouble(), 0.3) : null;
        int ch = colour ? 3 : 1;
        byte[] g = new byte[cell * cell * ch];
        for (int y = 0; y < cell; y++) {
            for (int x = 0; x < cell; x++) {
                double dx = x + 0.5 - cell / 2.0, dy = y + 0.5 - cell / 2.0;
                double u = (dx * cs + dy * sn) / rx, v = (-dx * sn + dy * cs) / ry;
                double d = Math.abs(Math.sqrt(u * u + v * v) - 1) * Math.min(rx, ry);
                double cover = Math.max(0, Math.min(1, w - d));
                int o = (y * cell + x) * ch;
                if (!colour) {
                    g[o] = (byte) Math.round(cover * 255);
                } else {
                    for (int k = 0; k < 3; k++) g[o + k] = (byte) Math.round(ground[k] + cover * (ink[k] - ground[k]));
                }
            }
        }
        return new DecodedImage(cell, cell, ch, g);
    }

    /** A saturated colour of hue {@code h} (0–1) at brightness {@code value}, as 0–255 red, green, blue. */
    private static int[] hue(double h, double value) {
        double[] rgb = new double[3];
        for (int k = 0; k < 3; k++) {
            double t = Math.abs(((h * 6 + 4 - 2 * k) % 6 + 6) % 6 - 3) - 1; // the usual HSV hexagon
            rgb[k] = Math.max(0, Math.min(1, t));
        }
        return new int[] {(int) Math.round(rgb[0] * value * 255), (int) Math.round(rgb[1] * value * 255), (int) Math.round(rgb[2] * value * 255)};
    }
}
