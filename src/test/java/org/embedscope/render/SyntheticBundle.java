package org.embedscope.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.BundleReader;

/**
 * Writes small bundles with recognisable cells for the renderer tests, as real files (PNG pages,
 * points.csv, bundle.json) loaded through the real loader.
 *
 * <p>Each item's level-0 cell (16 px) has an opaque 8×8 core in the item's colour, a ring two texels
 * wide of coverage {@link #RING_ALPHA}/255 around it, and transparent corners and edges. Level 1 (8 px
 * cells) has the same shape in the <em>inverted</em> colour, so a test can tell which level was sampled.
 * Two layouts, {@code a} and {@code b}; label = item index mod 2 ("even", "odd").
 */
final class SyntheticBundle {
    static final int CELL = 16;
    static final int RING_ALPHA = 80;

    /** Pure colours, far apart, none close to the background. */
    static final int[] COLORS = {0xff0000, 0x00ff00, 0x0000ff, 0xffff00, 0xff00ff, 0x00ffff, 0xff8000, 0x8000ff};

    static int color(int item) { return COLORS[item % COLORS.length]; }

    static int inverted(int rgb) { return ~rgb & 0xffffff; }

    /** Writes a bundle of {@code a.length / 2} items; grey = true writes grey pages with luminance alpha. */
    static Path write(Path dir, float[] a, float[] b, boolean grey) throws IOException {
        int n = a.length / 2;
        Files.createDirectories(dir.resolve("atlas"));
        int cols = 4, rows = (n + cols - 1) / cols;
        writePage(dir.resolve("atlas/0-00.png"), n, cols, rows, CELL, false, grey);
        writePage(dir.resolve("atlas/1-00.png"), n, cols, rows, CELL / 2, true, grey);
        StringBuilder csv = new StringBuilder("a_x,a_y,b_x,b_y,label,note\n");
        for (int i = 0; i < n; i++) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,item %d%n", a[2 * i], a[2 * i + 1], b[2 * i], b[2 * i + 1],
                    i % 2 == 0 ? "even" : "odd", i));
        }
        Files.writeString(dir.resolve("points.csv"), csv);
        Files.writeString(dir.resolve("bundle.json"), String.format(Locale.ROOT, """
                { "format": 1, "name": "synthetic", "count": %d, "points": "points.csv",
                  "layouts": [ {"name": "a", "title": "A"}, {"name": "b", "title": "B"} ],
                  "label": { "column": "label" },
                  "atlas": { "alpha": "%s",
                             "levels": [ {"cell": %d, "columns": %d, "rows": %d, "pages": ["atlas/0-00.png"]},
                                         {"cell": %d, "columns": %d, "rows": %d, "pages": ["atlas/1-00.png"]} ] } }
                """, n, grey ? "luminance" : "channel", CELL, cols, rows, CELL / 2, cols, rows));
        return dir;
    }

    static Bundle load(Path dir) throws BundleException {
        return BundleReader.load(dir);
    }

    /**
     * Coverage of texel (x, y) of a cell of side {@code cell}: 255 in the core (the middle half),
     * RING_ALPHA in a ring of an eighth of the side around it, 0 elsewhere.
     */
    static int coverage(int x, int y, int cell) {
        int q = cell / 4, r = cell / 8;
        boolean core = x >= q && x < cell - q && y >= q && y < cell - q;
        boolean ring = x >= q - r && x < cell - q + r && y >= q - r && y < cell - q + r;
        return core ? 255 : ring ? RING_ALPHA : 0;
    }

    private static void writePage(Path file, int n, int cols, int rows, int cell, boolean invert, boolean grey) throws IOException {
        BufferedImage img = new BufferedImage(cols * cell, rows * cell, grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < n; i++) {
            int ox = (i % cols) * cell, oy = (i / cols) * cell;
            int rgb = invert ? inverted(color(i)) : color(i);
            for (int y = 0; y < cell; y++) {
                for (int x = 0; x < cell; x++) {
                    int a = coverage(x, y, cell);
                    if (grey) {
                        // Luminance alpha: the grey level is the coverage; level 1 is a dimmer grey.
                        int g = invert ? a * 3 / 5 : a;
                        img.getRaster().setSample(ox + x, oy + y, 0, g);
                    } else {
                        img.setRGB(ox + x, oy + y, (a << 24) | rgb);
                    }
                }
            }
        }
        if (!ImageIO.write(img, "png", file.toFile())) throw new IOException("no PNG writer");
    }
}
