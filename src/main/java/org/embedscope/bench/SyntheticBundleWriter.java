package org.embedscope.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.embedscope.atlas.PageWriter;
import org.embedscope.atlas.PixelFormat;
import org.embedscope.bundle.BundleFormat;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.Manifest;
import org.embedscope.progress.Progress;
import org.embedscope.source.DecodedImage;
import org.embedscope.source.ImageSource;

/**
 * Writes a synthetic bundle for benchmarks: {@code n} items in ten Gaussian clusters in two layouts
 * (the clusters move between them, as between UMAP and t-SNE), each item a 28-px grey glyph on black
 * (a random ellipse stroke, about as much ink as an MNIST digit), luminance alpha. The atlas goes
 * through the same cell builder and page writer as {@code prepare} (levels 28, 14 and 7 px on 2048²
 * pages). Deterministic for a seed.
 */
public final class SyntheticBundleWriter {
    public static final int CELL = 28;
    private static final int PAGE = 2048;
    private static final int LEVELS = 3;
    private static final int CLUSTERS = 10;

    private SyntheticBundleWriter() {}

    public static Path write(Path dir, int n, long seed) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] centres = new float[2][2 * CLUSTERS];
        for (int l = 0; l < 2; l++) for (int c = 0; c < 2 * CLUSTERS; c++) centres[l][c] = (float) (rnd.nextDouble() * 20 - 10);
        StringBuilder csv = new StringBuilder(n * 48).append("umap_x,umap_y,tsne_x,tsne_y,label\n");
        for (int i = 0; i < n; i++) {
            int c = i % CLUSTERS;
            csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f,%d%n",
                    centres[0][2 * c] + gauss(rnd), centres[0][2 * c + 1] + gauss(rnd),
                    centres[1][2 * c] + 1.5 * gauss(rnd), centres[1][2 * c + 1] + 1.5 * gauss(rnd), c));
        }
        Files.writeString(dir.resolve(BundleFormat.POINTS_FILE), csv);

        Manifest.Atlas atlas;
        try {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            PageWriter.Spec pages = new PageWriter.Spec(CELL, LEVELS, PAGE, PixelFormat.GREY, AlphaMode.LUMINANCE, 6, 0);
            atlas = PageWriter.write(new Glyphs(n, seed), all, pages, dir, Progress.NONE).atlas();
        } catch (BundleException e) {
            throw new IOException(e.getMessage(), e);
        }
        Manifest m = new Manifest("synthetic " + n, n, BundleFormat.POINTS_FILE,
                List.of(new Manifest.Layout("umap", "cluster layout A"), new Manifest.Layout("tsne", "cluster layout B")),
                new Manifest.Label(BundleFormat.LABEL_COLUMN, Map.of()), atlas, Map.of("tool", "embedscope bench --synthetic"));
        Files.writeString(dir.resolve(BundleFormat.MANIFEST_FILE), m.toJson());
        return dir;
    }

    private static double gauss(SplittableRandom r) {
        double u = 1 - r.nextDouble(), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** The glyphs as an image source: item {@code i} is drawn from its own seed, on demand. */
    private record Glyphs(int count, long seed) implements ImageSource {
        @Override public DecodedImage decode(int i) { return new DecodedImage(CELL, CELL, 1, glyph(new SplittableRandom(seed * 31 + i))); }

        @Override public int[] size(int i) { return new int[] {CELL, CELL}; }

        @Override public String itemName(int i) { return "glyph " + i; }

        @Override public String[] labels() { return null; }

        @Override public Map<String, String[]> metadata() { return Map.of(); }

        @Override public String description() { return "synthetic glyphs"; }
    }

    /** A 28×28 glyph: an ellipse stroke with a random size, tilt and thickness. */
    private static byte[] glyph(SplittableRandom r) {
        byte[] g = new byte[CELL * CELL];
        double rx = 4 + r.nextDouble() * 6, ry = 6 + r.nextDouble() * 5, tilt = r.nextDouble() * Math.PI, w = 1.2 + r.nextDouble() * 1.3;
        double cs = Math.cos(tilt), sn = Math.sin(tilt);
        for (int y = 0; y < CELL; y++) {
            for (int x = 0; x < CELL; x++) {
                double dx = x + 0.5 - CELL / 2.0, dy = y + 0.5 - CELL / 2.0;
                double u = (dx * cs + dy * sn) / rx, v = (-dx * sn + dy * cs) / ry;
                double d = Math.abs(Math.sqrt(u * u + v * v) - 1) * Math.min(rx, ry);
                double ink = Math.max(0, Math.min(1, w - d));
                g[y * CELL + x] = (byte) Math.round(ink * 255);
            }
        }
        return g;
    }
}
