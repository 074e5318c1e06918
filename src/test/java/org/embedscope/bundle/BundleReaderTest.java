package org.embedscope.bundle;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.embedscope.progress.CancelledException;
import org.embedscope.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleReaderTest {

    @TempDir Path tmp;

    @Test
    void readsCoordinatesOfEveryLayoutInterleaved() throws Exception {
        // Numbers as other writers spell them: an exponent, a capital E with a sign.
        Bundle b = BundleFixture.fiveItems().write(tmp).editCsv("\n1.25,0.002,", "\n1.25,2e-3,").editCsv("\n-0.0,100.0,", "\n-0.0,1E+2,").load();
        assertEquals(5, b.count());
        assertArrayEquals(new float[] {0.5f, -1.5f, 1.25f, 2e-3f, -3f, 4.75f, 6f, 7f, -0.0f, 100f}, b.coords(0));
        assertArrayEquals(new float[] {100, 200, 101, 201, 102, 202, 103, 203, 104, 205}, b.coords(1));
    }

    @Test
    void labelsAreCategoriesInNumericOrder() throws Exception {
        Bundle b = BundleFixture.fiveItems().write(tmp).load();
        // 10, 2, 7, 2, 7.0: numbers, so 2 < 7 < 7.0 (same value, distinct category) < 10
        assertEquals(List.of("2", "7", "7.0", "10"), b.labelValues());
        assertArrayEquals(new int[] {3, 0, 1, 0, 2}, b.labels());
        assertEquals("two", b.labelName(0));
        assertEquals("7.0", b.labelName(2));
    }

    @Test
    void labelsAreLexicographicWhenAnyValueIsNotANumber() throws Exception {
        Bundle b = BundleFixture.fiveItems().write(tmp).editCsv(",10,a.png,", ",sneaker,a.png,").editCsv(",7.0,e.png,", ",bag,e.png,").load();
        assertEquals(List.of("2", "7", "bag", "sneaker"), b.labelValues());
        assertArrayEquals(new int[] {3, 0, 1, 0, 2}, b.labels());
    }

    @Test
    void otherColumnsAreMetadataInFileOrderWithRepeatsShared() throws Exception {
        Bundle b = BundleFixture.fiveItems().write(tmp).load();
        assertEquals(List.of("file", "note"), b.metaColumns());
        assertEquals("c.png", b.meta(0, 2));
        assertEquals("quoted, with comma", b.meta(1, 3));
        assertEquals("x", b.meta(1, 4));
        // the three "x" values are one String, not three
        assertSame(b.meta(1, 0), b.meta(1, 2));
        assertSame(b.meta(1, 0), b.meta(1, 4));
    }

    @Test
    void pointsColumnsAreTheHeaderInFileOrder() throws Exception {
        BundleFixture.Written w = BundleFixture.fiveItems().write(tmp.resolve("bom"));
        Bundle b = w.writeCsv("\uFEFF" + BundleFixture.FIVE_ITEMS_INTERLEAVED_CSV).load();
        assertEquals(List.of("file", "umap_x", "umap_y", "label", "tsne_x", "tsne_y", "note"), b.pointsColumns());
    }

    @Test
    void bundleWithoutLabelHasNoLabels() throws Exception {
        Bundle b = BundleFixture.fiveItems().write(tmp)
                .editJson("\"label\" : {\n    \"column\" : \"label\",\n    \"names\" : {\n      \"2\" : \"two\"\n    }\n  },\n", "").load();
        assertFalse(b.hasLabels());
        assertNull(b.labels());
        // the label column is then plain metadata
        assertEquals(List.of("label", "file", "note"), b.metaColumns());
        assertEquals("7.0", b.meta(0, 4));
    }

    @Test
    void readsPandasToCsvWithIndexColumnQuotesAndCrLf() throws Exception {
        Bundle b = BundleReader.load(bundle("fashion", """
                { "format": 1, "count": 6, "points": "points.csv", "layouts": [ {"name": "umap"} ],
                  "label": { "column": "label" },
                  "atlas": { "alpha": "opaque", "levels": [ {"cell": 2, "columns": 3, "rows": 2, "pages": ["p.png"]} ] } }
                """, resource("pandas-points.csv"), TestPng.encode(6, 4, 2, new byte[6 * 4 * 3])));
        assertEquals(6, b.count());
        assertEquals(1.2345678e-05f, b.coords(0)[4]);
        assertEquals(-1.2654215f, b.coords(0)[9]);
        assertEquals(List.of("T-shirt/top", "bag", "coat", "sneaker"), b.labelValues());
        assertEquals("sneaker", b.labelValues().get(b.labels()[4]));
        // the unnamed index column is metadata with an empty name
        assertEquals(List.of("", "caption"), b.metaColumns());
        assertEquals("5", b.meta(0, 5));
        assertEquals("with \"quotes\"", b.meta(1, 2));
        assertEquals("two\nlines", b.meta(1, 3));
        assertEquals("", b.meta(1, 4));
    }

    @Test
    void readsCsvModuleOutputWithEveryFieldQuoted() throws Exception {
        Bundle b = BundleReader.load(bundle("digits", """
                { "format": 1, "count": 4, "points": "points.csv", "layouts": [ {"name": "tsne"} ],
                  "label": { "column": "digit" },
                  "atlas": { "levels": [ {"cell": 1, "columns": 2, "rows": 2, "pages": ["p.png"]} ] } }
                """, resource("csv-module-points.csv"), TestPng.encode(2, 2, 6, new byte[16])));
        assertArrayEquals(new float[] {0.5f, -2f, 1.5f, 3.25f, -0.125f, 0.001f, 2f, 2f}, b.coords(0));
        assertEquals(List.of("2", "7", "10"), b.labelValues());
        assertArrayEquals(new int[] {2, 0, 1, 0}, b.labels());
        assertEquals(List.of("file"), b.metaColumns());
    }

    @Test
    void toleratesByteOrderMarkAndTrailingBlankLines() throws Exception {
        BundleFixture.Written t = BundleFixture.fiveItems().write(tmp);
        Bundle b = t.writeCsv("\uFEFF" + t.csv() + "\n\n").load();
        assertEquals(List.of("file", "note"), b.metaColumns());
        assertEquals("a.png", b.meta(0, 0));
    }

    @Test
    void reportsProgressAndHonoursCancellation() throws Exception {
        // 5,000 items: enough rows to pass the loader's reporting interval (a safe point for cancelling)
        StringBuilder csv = new StringBuilder("umap_x,umap_y\n");
        for (int i = 0; i < 5000; i++) csv.append(i).append(",0\n");
        Path dir = bundle("big", """
                { "format": 1, "count": 5000, "points": "points.csv", "layouts": [ {"name": "umap"} ],
                  "atlas": { "levels": [ {"cell": 1, "columns": 100, "rows": 50, "pages": ["p.png"]} ] } }
                """, csv.toString().getBytes(StandardCharsets.UTF_8), TestPng.encode(100, 50, 0, new byte[100 * 50]));

        List<Long> seen = new ArrayList<>();
        Progress recording = new Progress() {
            @Override public void stage(String name, long total) { seen.add(-total); }
            @Override public void advance(long done) { seen.add(done); }
        };
        assertEquals(4999f, BundleReader.load(dir, recording).coords(0)[2 * 4999]);
        assertEquals(List.of(-5000L, 4096L, 5000L), seen);

        Progress cancelled = new Progress() {
            @Override public void stage(String name, long total) {}
            @Override public void advance(long done) {}
            @Override public boolean isCancelled() { return true; }
        };
        assertThrows(CancelledException.class, () -> BundleReader.load(dir, cancelled));
    }

    @Test
    void pagesDecodeThroughTheBundle() throws Exception {
        Bundle b = BundleFixture.fiveItems().write(tmp).load();
        try (PageImage p = b.readPage(0, 1)) {
            assertEquals(8, p.width());
            assertEquals(1, p.channels());
            assertEquals((byte) (3 * 7 + 2 * 13), p.pixels().get(2 * 8 + 3));
        }
        try (PageImage p = b.readPage(1, 0)) {
            assertEquals(4, p.channels());
            assertEquals(6 * 4 * 4, p.pixels().remaining());
        }
    }

    /** A bundle folder {@code name} holding {@code json} as bundle.json, {@code points} as points.csv and {@code page} as p.png. */
    private Path bundle(String name, String json, byte[] points, byte[] page) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("bundle.json"), json);
        Files.write(dir.resolve("points.csv"), points);
        TestPng.write(dir.resolve("p.png"), page);
        return dir;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = BundleReaderTest.class.getResourceAsStream("/bundle/" + name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }
}
