package org.embedscope.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.Manifest;

/**
 * Writes a synthetic bundle for benchmarks: {@code n} items in ten Gaussian clusters in two layouts
 * (the clusters move between them, as between UMAP and t-SNE), each item a 28-px grey glyph on black
 * (a random ellipse stroke, about as much ink as an MNIST digit), luminance alpha, levels of detail
 * 28, 14 and 7 px on 2048² pages. Deterministic for a seed.
 */
public final class SyntheticBundleWriter {
    public static final int CELL = 28;
    private static final int PAGE = 2048;
    private static final int CLUSTERS = 10;

    private SyntheticBundleWriter() {}

    public static Path write(Path dir, int n, long seed) throws IOException {
        Files.createDirectories(dir.resolve("atlas"));
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
        Files.writeString(dir.resolve("points.csv"), csv);

        byte[][] glyphs = new byte[n][];
        IntStream.range(0, n).parallel().forEach(i -> glyphs[i] = glyph(new SplittableRandom(seed * 31 + i)));
        List<Manifest.Level> levels = new ArrayList<>();
        for (int li = 0, cell = CELL; cell >= 7; li++, cell /= 2) {
            int cols = PAGE / cell, perPage = cols * cols, pages = (n + perPage - 1) / perPage;
            List<String> names = new ArrayList<>();
            for (int p = 0; p < pages; p++) names.add(String.format(Locale.ROOT, "atlas/%d-%02d.png", li, p));
            final int fc = cell;
            IntStream.range(0, pages).parallel().forEach(p -> writePage(dir.resolve(names.get(p)), glyphs, p * perPage,
                    Math.min(n, (p + 1) * perPage), cols, fc, CELL / fc));
            levels.add(new Manifest.Level(cell, cols, cols, names));
        }
        Manifest m = new Manifest("synthetic " + n, n, "points.csv",
                List.of(new Manifest.Layout("umap", "cluster layout A"), new Manifest.Layout("tsne", "cluster layout B")),
                new Manifest.Label("label", java.util.Map.of()), new Manifest.Atlas(AlphaMode.LUMINANCE, levels), java.util.Map.of("tool", "embedscope bench --synthetic"));
        Files.writeString(dir.resolve(Manifest.FILE_NAME), m.toJson());
        return dir;
    }

    private static double gauss(SplittableRandom r) {
        double u = 1 - r.nextDouble(), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
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

    private static void writePage(Path file, byte[][] glyphs, int from, int to, int cols, int cell, int factor) {
        BufferedImage img = new BufferedImage(cols * cell, cols * cell, BufferedImage.TYPE_BYTE_GRAY);
        var raster = img.getRaster();
        for (int i = from; i < to; i++) {
            int k = i - from, ox = (k % cols) * cell, oy = (k / cols) * cell;
            byte[] g = glyphs[i];
            for (int y = 0; y < cell; y++) {
                for (int x = 0; x < cell; x++) {
                    int sum = 0;
                    for (int yy = 0; yy < factor; yy++) for (int xx = 0; xx < factor; xx++) sum += g[(y * factor + yy) * CELL + x * factor + xx] & 255;
                    raster.setSample(ox + x, oy + y, 0, sum / (factor * factor));
                }
            }
        }
        try {
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
