package org.embedscope.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small valid bundle written to a folder, for tests to load as is or to damage one part of.
 *
 * <p>Five items, layouts {@code umap} and {@code tsne}, label column {@code label} (values 10, 2, 7, 2,
 * 7.0 — numeric, so shown as 2, 7, 7.0, 10), metadata columns {@code file} and {@code note}. Level 0:
 * 4-pixel cells, 2×2 per page, two 8×8 grey pages; level 1: 2-pixel cells, 3×2, one 6×4 RGBA page.
 */
final class TestBundle {
    static final String JSON = """
            { "format": 1, "name": "test", "count": 5, "points": "points.csv",
              "layouts": [ {"name": "umap", "title": "UMAP"}, {"name": "tsne", "title": "t-SNE"} ],
              "label": { "column": "label", "names": {"2": "two"} },
              "atlas": { "alpha": "luminance",
                         "levels": [ {"cell": 4, "columns": 2, "rows": 2, "pages": ["atlas/0-00.png", "atlas/0-01.png"]},
                                     {"cell": 2, "columns": 3, "rows": 2, "pages": ["atlas/1-00.png"]} ] } }
            """;

    /** Header and five rows; the label and metadata columns sit between coordinate columns on purpose. */
    static final String CSV = """
            file,umap_x,umap_y,label,tsne_x,tsne_y,note
            a.png,0.5,-1.5,10,100,200,x
            b.png,1.25,2e-3,2,101,201,y
            c.png,-3,4.75,7,102,202,x
            d.png,6,7,2,103,203,"quoted, with comma"
            e.png,-0.0,1E+2,7.0,104,205,x
            """;

    final Path dir;
    String json = JSON;
    String csv = CSV;

    TestBundle(Path dir) {
        this.dir = dir;
    }

    /** Writes bundle.json, points.csv and the three pages. */
    TestBundle write() throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("bundle.json"), json);
        Files.writeString(dir.resolve("points.csv"), csv);
        TestPng.write(dir.resolve("atlas/0-00.png"), TestPng.encode(8, 8, 0, TestPng.greyPattern(8, 8)));
        TestPng.write(dir.resolve("atlas/0-01.png"), TestPng.encode(8, 8, 0, TestPng.greyPattern(8, 8)));
        byte[] rgba = new byte[6 * 4 * 4];
        for (int i = 0; i < rgba.length; i++) rgba[i] = (byte) (i * 3);
        TestPng.write(dir.resolve("atlas/1-00.png"), TestPng.encode(6, 4, 6, rgba));
        return this;
    }

    /** Replaces {@code from} by {@code to} in bundle.json; refuses an edit that matches nothing. */
    TestBundle editJson(String from, String to) {
        json = edited(json, from, to);
        return this;
    }

    /** Replaces {@code from} by {@code to} in points.csv; refuses an edit that matches nothing. */
    TestBundle editCsv(String from, String to) {
        csv = edited(csv, from, to);
        return this;
    }

    private static String edited(String text, String from, String to) {
        if (!text.contains(from)) throw new IllegalArgumentException("'" + from + "' is not in the test bundle");
        return text.replace(from, to);
    }

    Path file(String relative) {
        return dir.resolve(relative);
    }

    Bundle load() throws BundleException {
        return BundleReader.load(dir);
    }
}
