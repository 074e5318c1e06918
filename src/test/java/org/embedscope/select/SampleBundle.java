package org.embedscope.select;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.BundleReader;

/**
 * A small bundle with every kind of column, written as real files for the query, export and select
 * tests: twelve items; layouts {@code umap} (item i at (i, i mod 3)) and {@code pca} (at (−i, 2i));
 * label column {@code digit} (i mod 4, named "zero" to "three"); text {@code file} ({@code img-i.png}),
 * numeric {@code score} (i / 2, empty for item 5), text {@code split} (train, test, ""), and
 * {@code my col} (a name with a space; "A" or "b"). Columns are interleaved on purpose.
 *
 * <p>Level 0 has 4-pixel cells, 3 × 2 per page, on two pages; each item's cell is filled with its own
 * colour {@link #color}; level 1 (2-pixel cells) is black, so a contact sheet shows which level it read.
 */
public final class SampleBundle {
    public static final int COUNT = 12;
    public static final int CELL = 4;
    public static final String HEADER = "file,umap_x,umap_y,digit,score,pca_x,pca_y,split,my col";

    private SampleBundle() {}

    /** Item {@code i}'s level-0 colour, RGB: distinct per item, none black. */
    public static int color(int i) {
        return ((40 + 17 * i) << 16) | ((200 - 13 * i) << 8) | (60 + 11 * i);
    }

    /** Item {@code i}'s values in {@link #HEADER} order, as the points file holds them (unquoted). */
    public static String[] fields(int i) {
        String file = i == 3 ? "img-3, \"copy\".png" : "img-" + i + ".png"; // one value that needs quoting
        String score = i == 5 ? "" : Double.toString(i / 2.0);
        String split = i % 3 == 0 ? "train" : i % 3 == 1 ? "test" : "";
        return new String[] {file, Integer.toString(i), Integer.toString(i % 3), Integer.toString(i % 4), score,
                Integer.toString(-i), Integer.toString(2 * i), split, i % 2 == 0 ? "A" : "b"};
    }

    /** Item {@code i}'s row of points.csv. */
    public static String row(int i) {
        StringBuilder sb = new StringBuilder();
        for (String f : fields(i)) {
            if (sb.length() > 0) sb.append(',');
            sb.append(f.contains(",") || f.contains("\"") ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
        }
        return sb.toString();
    }

    /** Alpha of every item's cell when written with alpha mode {@code channel}. */
    public static final int ALPHA = 128;

    public static Path write(Path dir) throws IOException {
        return write(dir, false);
    }

    /** With {@code alphaChannel}, RGBA pages whose cells have alpha {@link #ALPHA} and alpha mode "channel". */
    public static Path write(Path dir, boolean alphaChannel) throws IOException {
        Files.createDirectories(dir.resolve("atlas"));
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < COUNT; i++) csv.append(row(i)).append('\n');
        Files.writeString(dir.resolve("points.csv"), csv);
        int perPage = 6;
        for (int p = 0; p < 2; p++) {
            BufferedImage img = new BufferedImage(3 * CELL, 2 * CELL,
                    alphaChannel ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            for (int k = 0; k < perPage; k++) {
                int i = p * perPage + k;
                for (int y = 0; y < CELL; y++) {
                    for (int x = 0; x < CELL; x++) img.setRGB((k % 3) * CELL + x, (k / 3) * CELL + y, (ALPHA << 24) | color(i));
                }
            }
            if (!ImageIO.write(img, "png", dir.resolve("atlas/0-0" + p + ".png").toFile())) throw new IOException("no PNG writer");
        }
        BufferedImage coarse = new BufferedImage(4 * 2, 3 * 2, BufferedImage.TYPE_INT_RGB);
        if (!ImageIO.write(coarse, "png", dir.resolve("atlas/1-00.png").toFile())) throw new IOException("no PNG writer");
        Files.writeString(dir.resolve("bundle.json"), String.format(java.util.Locale.ROOT, """
                { "format": 1, "name": "sample", "count": 12, "points": "points.csv",
                  "layouts": [ {"name": "umap", "title": "UMAP"}, {"name": "pca", "title": "PCA"} ],
                  "label": { "column": "digit", "names": {"0": "zero", "1": "one", "2": "two", "3": "three"} },
                  "atlas": { "alpha": "%s",
                             "levels": [ {"cell": 4, "columns": 3, "rows": 2, "pages": ["atlas/0-00.png", "atlas/0-01.png"]},
                                         {"cell": 2, "columns": 4, "rows": 3, "pages": ["atlas/1-00.png"]} ] } }
                """, alphaChannel ? "channel" : "opaque"));
        return dir;
    }

    public static Bundle load(Path dir) throws BundleException {
        return BundleReader.load(dir);
    }
}
