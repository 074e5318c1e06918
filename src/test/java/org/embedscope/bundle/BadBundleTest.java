package org.embedscope.bundle;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** One test per kind of bad bundle: each is refused with one line naming the file and the line or field. */
class BadBundleTest {

    @TempDir Path tmp;

    /** The five-item bundle, written. */
    private BundleFixture.Written bundle() throws Exception {
        return BundleFixture.fiveItems().write(tmp.resolve("b"));
    }

    /** Asserts that {@code action} throws a one-line BundleException whose message holds every part. */
    private static BundleException refused(Executable action, String... parts) {
        BundleException e = assertThrows(BundleException.class, action);
        String m = e.getMessage();
        assertFalse(m.contains("\n"), "one line: " + m);
        for (String p : parts) assertTrue(m.contains(p), "expected '" + p + "' in: " + m);
        return e;
    }

    private static BundleException loadRefused(BundleFixture.Written t, String... parts) {
        return refused(t::load, parts);
    }

    // ------------------------------------------------------------------ missing files

    @Test
    void missingManifest() throws Exception {
        BundleFixture.Written t = bundle();
        Files.delete(t.file("bundle.json"));
        BundleException e = loadRefused(t, "bundle.json", "missing");
        assertEquals(t.file("bundle.json"), e.file());
    }

    @Test
    void missingBundleFolder() {
        Path dir = tmp.resolve("b");
        refused(() -> BundleReader.load(dir), dir.toString(), "missing");
    }

    @Test
    void missingPointsFile() throws Exception {
        BundleFixture.Written t = bundle();
        Files.delete(t.file("points.csv"));
        BundleException e = loadRefused(t, "points.csv", "missing", "field points");
        assertEquals(t.file("points.csv"), e.file());
    }

    @Test
    void missingPage() throws Exception {
        BundleFixture.Written t = bundle();
        Files.delete(t.file("atlas/0-01.png"));
        BundleException e = loadRefused(t, "0-01.png", "missing", "atlas.levels[0].pages[1]");
        assertEquals(t.file("atlas/0-01.png"), e.file());
    }

    /** Puts a named pipe (FIFO) where {@code file} was: opening it for reading waits for a writer. */
    private static void replaceWithPipe(Path file) throws Exception {
        Files.delete(file);
        Process mkfifo = new ProcessBuilder("mkfifo", file.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo makes named pipes here");
    }

    @Test
    void pointsFileThatIsAPipeIsRefusedAtOnce() throws Exception {
        BundleFixture.Written t = bundle();
        replaceWithPipe(t.file("points.csv"));
        BundleException e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> assertThrows(BundleException.class, t::load));
        assertEquals(t.file("points.csv") + ": not a regular file (a pipe, socket or device); expected the points table, a CSV file",
                e.getMessage());
    }

    @Test
    void pageThatIsAPipeIsNotCalledMissing() throws Exception {
        BundleFixture.Written t = bundle();
        replaceWithPipe(t.file("atlas/0-01.png"));
        BundleException e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> assertThrows(BundleException.class, t::load));
        assertEquals(t.file("atlas/0-01.png") + ": not a regular file (a pipe, socket or device); expected a PNG image", e.getMessage());
    }

    // ------------------------------------------------------------------ bundle.json

    @Test
    void unknownFormatVersion() throws Exception {
        BundleFixture.Written t = bundle().editJson("\"format\" : 1", "\"format\" : 2");
        loadRefused(t, "bundle.json", "field format", "unknown format version 2");
    }

    @Test
    void duplicateLayoutNames() throws Exception {
        BundleFixture.Written t = bundle().editJson("\"name\" : \"tsne\"", "\"name\" : \"umap\"");
        loadRefused(t, "bundle.json", "field layouts[1].name", "duplicate layout name 'umap'");
    }

    @Test
    void unknownAlphaMode() throws Exception {
        BundleFixture.Written t = bundle().editJson("\"luminance\"", "\"glow\"");
        loadRefused(t, "bundle.json", "field atlas.alpha", "'glow'", "luminance, channel or opaque");
    }

    @Test
    void fewerCellsThanItems() throws Exception {
        // level 1: 3×1 cells on one page for 5 items
        BundleFixture.Written t = bundle().editJson("\"columns\" : 3,\n      \"rows\" : 2", "\"columns\" : 3,\n      \"rows\" : 1");
        loadRefused(t, "bundle.json", "field atlas.levels[1]", "3 cells", "5 items");
    }

    @Test
    void labelColumnThatIsALayoutColumn() throws Exception {
        BundleFixture.Written t = bundle().editJson("\"column\" : \"label\"", "\"column\" : \"tsne_y\"");
        loadRefused(t, "bundle.json", "field label.column", "'tsne_y'", "layout 'tsne'");
    }

    // ------------------------------------------------------------------ paths leaving the bundle

    @Test
    void pagePathClimbingOut() throws Exception {
        BundleFixture.Written t = bundle().editJson("atlas/1-00.png", "../1-00.png");
        loadRefused(t, "bundle.json", "field atlas.levels[1].pages[0]", "'../1-00.png'", "'..'");
    }

    @Test
    void absolutePointsPath() throws Exception {
        BundleFixture.Written t = bundle().editJson("\"points.csv\"", "\"/etc/passwd\"");
        loadRefused(t, "bundle.json", "field points", "'/etc/passwd'", "absolute");
    }

    @Test
    void pageLinkedToAFileOutsideTheBundle() throws Exception {
        BundleFixture.Written t = bundle();
        Path outside = tmp.resolve("elsewhere.png");
        Files.move(t.file("atlas/0-00.png"), outside);
        Files.createSymbolicLink(t.file("atlas/0-00.png"), outside);
        loadRefused(t, "bundle.json", "field atlas.levels[0].pages[0]", "'atlas/0-00.png'", "outside the bundle folder");
    }

    @Test
    void pointsThroughALinkedFolderOutsideTheBundle() throws Exception {
        BundleFixture.Written t = bundle().editJson("\"points.csv\"", "\"data/points.csv\"");
        Path outside = tmp.resolve("data");
        Files.createDirectories(outside);
        Files.move(t.file("points.csv"), outside.resolve("points.csv"));
        Files.createSymbolicLink(t.file("data"), outside);
        loadRefused(t, "bundle.json", "field points", "'data/points.csv'", "outside the bundle folder");
    }

    // ------------------------------------------------------------------ points.csv

    @Test
    void missingLayoutColumn() throws Exception {
        BundleFixture.Written t = bundle().editCsv("tsne_y", "tsne_yy");
        loadRefused(t, "points.csv", "line 1", "no column 'tsne_y'", "layout 'tsne'");
    }

    @Test
    void missingLabelColumn() throws Exception {
        BundleFixture.Written t = bundle().editCsv(",label,", ",class,");
        loadRefused(t, "points.csv", "line 1", "no column 'label'", "label.column");
    }

    @Test
    void duplicateColumnName() throws Exception {
        BundleFixture.Written t = bundle().editCsv(",note\r\n", ",file\r\n");
        loadRefused(t, "points.csv", "line 1", "'file' appears twice", "columns 6 and 7");
    }

    @Test
    void fewerRowsThanCount() throws Exception {
        BundleFixture.Written t = bundle().editCsv("-3.0,4.75,102.0,202.0,7,c.png,x\r\n", "");
        loadRefused(t, "points.csv", "has 4 data rows", "count 5");
    }

    @Test
    void moreRowsThanCount() throws Exception {
        BundleFixture.Written t = bundle();
        t.writeCsv(t.csv() + "1,1,1,1,2,f.png,z\r\n1,1,1,1,2,g.png,z\r\n");
        loadRefused(t, "points.csv", "has 7 data rows", "count 5");
    }

    @Test
    void hugeDeclaredCountIsRefusedWithoutAllocatingForIt() throws Exception {
        // 1e9 items would need 16 GB of coordinates; the atlas headers agree with the count (pages are
        // only checked by header here), so only the points file can tell: it holds 5 rows.
        BundleFixture.Written t = bundle();
        t.writeJson("""
                { "format": 1, "count": 1000000000, "points": "points.csv",
                  "layouts": [ {"name": "umap"}, {"name": "tsne"} ], "label": { "column": "label" },
                  "atlas": { "levels": [ {"cell": 1, "columns": 16384, "rows": 16384,
                                          "pages": ["p.png", "p.png", "p.png", "p.png"]} ] } }
                """);
        TestPng.write(t.file("p.png"), TestPng.build(TestPng.header(16384, 16384, 8, 0), TestPng.deflate(new byte[1])));
        loadRefused(t, "points.csv", "has 5 data rows", "count 1000000000");
    }

    @Test
    void countBeyondWhatArraysHold() throws Exception {
        BundleFixture.Written t = bundle().editJson("\"count\" : 5", "\"count\" : 2000000000");
        loadRefused(t, "bundle.json", "field count", "2000000000");
    }

    @Test
    void unparsableCoordinate() throws Exception {
        BundleFixture.Written t = bundle().editCsv(",102.0,", ",1O2,"); // a letter O: line 4 (header is line 1)
        loadRefused(t, "points.csv", "line 4, column tsne_x", "'1O2' is not a number");
    }

    @Test
    void nonFiniteCoordinates() throws Exception {
        for (String bad : new String[] {"nan", "inf", "-Infinity", "NaN"}) {
            loadRefused(bundle().editCsv(",102.0,202.0,", ",102.0," + bad + ","), "points.csv", "line 4, column tsne_y", "'" + bad + "' is not finite");
        }
    }

    @Test
    void coordinateBeyondFloatRange() throws Exception {
        BundleFixture.Written t = bundle().editCsv("\n1.25,", "\n1e39,");
        loadRefused(t, "points.csv", "line 3, column umap_x", "'1e39'", "range of a 32-bit float");
    }

    @Test
    void emptyCoordinate() throws Exception {
        BundleFixture.Written t = bundle().editCsv("\n1.25,0.002,", "\n1.25,,");
        loadRefused(t, "points.csv", "line 3, column umap_y", "is empty");
    }

    @Test
    void coordinateLineNumberCountsLineBreaksInsideQuotedFields() throws Exception {
        BundleFixture.Written t = bundle().editCsv(",a.png,", ",\"a\nfile.png\",").editCsv("\n-0.0,", "\nzero,");
        loadRefused(t, "points.csv", "line 7, column umap_x", "'zero'");
    }

    @Test
    void raggedRow() throws Exception {
        BundleFixture.Written t = bundle().editCsv("6.0,7.0,103.0,203.0,2,", "6.0,7.0,103.0,2,");
        loadRefused(t, "points.csv", "line 5", "has 6 fields", "7 columns");
    }

    @Test
    void blankLineBetweenRows() throws Exception {
        BundleFixture.Written t = bundle().editCsv("\r\n-3.0,", "\r\n\r\n-3.0,");
        loadRefused(t, "points.csv", "line 4", "empty line");
    }

    @Test
    void brokenQuoting() throws Exception {
        BundleFixture.Written t = bundle().editCsv(",c.png,", ",\"c\".png,");
        loadRefused(t, "points.csv", "line 4", "not valid CSV");
    }

    @Test
    void notUtf8() throws Exception {
        BundleFixture.Written t = bundle();
        byte[] latin1 = t.csv().replace(",x\r\n", ",café\r\n").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(t.file("points.csv"), latin1);
        loadRefused(t, "points.csv", "line 2", "not UTF-8");
    }

    @Test
    void emptyPointsFile() throws Exception {
        BundleFixture.Written t = bundle();
        t.writeCsv("");
        loadRefused(t, "points.csv", "empty", "header row");
    }

    // ------------------------------------------------------------------ pages

    @Test
    void pagesOfUnequalSize() throws Exception {
        BundleFixture.Written t = bundle();
        TestPng.write(t.file("atlas/0-01.png"), TestPng.encode(10, 8, 0, new byte[80]));
        BundleException e = loadRefused(t, "0-01.png", "10×8", "atlas/0-00.png", "8×8", "same size");
        assertEquals(t.file("atlas/0-01.png"), e.file());
    }

    @Test
    void gridLargerThanItsPage() throws Exception {
        BundleFixture.Written t = bundle();
        // level 1 is 3 columns × 2 rows of 2-pixel cells: 6×4 pixels; the page is 5×4
        TestPng.write(t.file("atlas/1-00.png"), TestPng.encode(5, 4, 0, new byte[20]));
        loadRefused(t, "1-00.png", "5×4", "atlas.levels[1]", "3 columns × 2 rows of 2-pixel cells = 6×4");
    }

    @Test
    void pageLargerThanTheGlMaximum() throws Exception {
        Bundle b = bundle().load();
        assertEquals(8, AtlasCheck.checkPages(b, 8, AtlasCheck.NO_LIMIT).get(0).width()); // exactly the limit is fine
        BundleException e = refused(() -> AtlasCheck.checkPages(b, 7, AtlasCheck.NO_LIMIT), "0-00.png", "8×8", "GL_MAX_TEXTURE_SIZE", "7×7");
        assertEquals(b.dir().resolve("atlas/0-00.png"), e.file());
    }

    @Test
    void morePagesThanTextureArrayLayers() throws Exception {
        Bundle b = bundle().load();
        refused(() -> AtlasCheck.checkPages(b, 1024, 1), "bundle.json", "field atlas.levels[0].pages",
                "2 pages", "GL_MAX_ARRAY_TEXTURE_LAYERS");
    }

    @Test
    void pageThatIsNotAPng() throws Exception {
        BundleFixture.Written t = bundle();
        Files.writeString(t.file("atlas/1-00.png"), "GIF89a...");
        loadRefused(t, "1-00.png", "not a PNG file");
    }

    @Test
    void pageDeclaringAnAbsurdSize() throws Exception {
        BundleFixture.Written t = bundle();
        // a tiny file claiming 100000 × 100000 RGBA: refused from the header, before any decoding
        byte[] bomb = TestPng.build(TestPng.header(100_000, 100_000, 8, 6), TestPng.deflate(new byte[1000]));
        TestPng.write(t.file("atlas/1-00.png"), bomb);
        loadRefused(t, "1-00.png", "IHDR", "100000×100000", "decompression bomb");
        refused(() -> PageImage.read(t.file("atlas/1-00.png")), "1-00.png", "100000×100000");
    }

    @Test
    void pageOfSixteenBitDepth() throws Exception {
        BundleFixture.Written t = bundle();
        TestPng.write(t.file("atlas/1-00.png"), TestPng.build(TestPng.header(6, 4, 16, 6), TestPng.deflate(new byte[4 * (1 + 6 * 8)])));
        loadRefused(t, "1-00.png", "IHDR", "bit depth 16", "expected an 8-bit PNG");
    }

    @Test
    void truncatedPage() throws Exception {
        Bundle b = bundle().load();
        Path page = b.dir().resolve("atlas/1-00.png");
        byte[] png = Files.readAllBytes(page);
        Files.write(page, java.util.Arrays.copyOf(png, png.length - 20)); // loses IEND and the end of IDAT
        BundleException e = refused(() -> b.readPage(1, 0), "1-00.png", "truncated PNG");
        assertEquals(page, e.file());
    }

    @Test
    void corruptPage() throws Exception {
        Bundle b = bundle().load();
        Path page = b.dir().resolve("atlas/0-00.png");
        byte[] png = Files.readAllBytes(page);
        png[PngHeader.HEADER_BYTES + 10] ^= 0x04; // one bit inside the compressed pixels
        Files.write(page, png);
        refused(() -> b.readPage(0, 0), "0-00.png", "chunk IDAT", "CRC mismatch");
    }
}
