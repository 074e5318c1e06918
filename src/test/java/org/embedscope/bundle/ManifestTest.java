package org.embedscope.bundle;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

    @TempDir Path dir;

    private static final String GOOD = """
            { "format": 1, "name": "digits", "count": 5, "points": "points.csv",
              "layouts": [ {"name": "umap", "title": "UMAP"}, {"name": "tsne", "title": "t-SNE"} ],
              "label": { "column": "label", "names": {"0": "zero"} },
              "atlas": { "alpha": "luminance",
                         "levels": [ {"cell": 28, "columns": 2, "rows": 2, "pages": ["atlas/0-00.png", "atlas/0-01.png"]},
                                     {"cell": 14, "columns": 3, "rows": 2, "pages": ["atlas/1-00.png"]} ] } }
            """;

    private Manifest read(String json) throws Exception {
        Files.writeString(dir.resolve("bundle.json"), json);
        return Manifest.read(dir);
    }

    private BundleException readBad(String json) {
        return assertThrows(BundleException.class, () -> read(json));
    }

    @Test
    void readsEveryFieldOfTheDocumentedExample() throws Exception {
        Manifest m = read(GOOD);
        assertEquals("digits", m.name());
        assertEquals(5, m.count());
        assertEquals(List.of("umap", "tsne"), m.layouts().stream().map(Manifest.Layout::name).toList());
        assertEquals("t-SNE", m.layout("tsne").title());
        assertEquals("zero", m.label().displayName("0"));
        assertEquals("7", m.label().displayName("7"));
        assertEquals(AlphaMode.LUMINANCE, m.atlas().alpha());
        assertEquals(2, m.atlas().levels().size());
        Manifest.Level l0 = m.atlas().finest();
        // item 4 of a 2x2 grid: page 1, cell 0; item 3: page 0, column 1, row 1
        assertEquals(1, l0.page(4));
        assertEquals(0, l0.column(4));
        assertEquals(1, l0.column(3));
        assertEquals(1, l0.row(3));
    }

    @Test
    void writtenJsonReadsBackEqual() throws Exception {
        Manifest m = read(GOOD);
        Manifest withParams = new Manifest(m.name(), m.count(), m.points(),
                List.of(new Manifest.Layout("umap", "UMAP", Map.of("n_neighbors", 15))), m.label(), m.atlas(),
                Map.of("tool", "test"));
        Manifest again = read(withParams.toJson());
        assertEquals(withParams, again);
    }

    @Test
    void inkIsFullUnlessTheAtlasSaysShadedAndIsWrittenOnlyThen() throws Exception {
        Manifest m = read(GOOD);
        assertEquals(Ink.FULL, m.atlas().ink(), "a bundle without atlas.ink");
        assertEquals(0.5f, m.atlas().defaultThreshold());
        assertFalse(m.toJson().contains("\"ink\""), "an atlas of full ink is written as before ink existed");

        Manifest shaded = read(GOOD.replace("\"alpha\": \"luminance\",", "\"alpha\": \"luminance\", \"ink\": \"shaded\","));
        assertTrue(shaded.atlas().shaded());
        assertEquals(0.1f, shaded.atlas().defaultThreshold());
        assertEquals(shaded, read(shaded.toJson()), "written and read back");

        // Other alpha modes show their texels' own colour anyway: shaded changes nothing there.
        Manifest channel = read(GOOD.replace("\"alpha\": \"luminance\",", "\"alpha\": \"channel\", \"ink\": \"shaded\","));
        assertFalse(channel.atlas().shaded());
        assertEquals(0.5f, channel.atlas().defaultThreshold());
    }

    @Test
    void anUnknownInkIsRefusedNamingTheField() {
        BundleException e = readBad(GOOD.replace("\"alpha\": \"luminance\",", "\"alpha\": \"luminance\", \"ink\": \"grey\","));
        assertTrue(e.getMessage().contains("atlas.ink") && e.getMessage().contains("expected full or shaded"), e.getMessage());
    }

    // An unknown format version, duplicate layout names and an unknown alpha mode: see BadBundleTest.

    @Test
    void rejectsLayoutNamesThatCannotNameColumns() {
        for (String bad : new String[] {"", "_umap", "my layout", "a/b", "ü"}) {
            BundleException e = readBad(GOOD.replace("\"name\": \"tsne\"", "\"name\": \"" + bad + "\""));
            assertTrue(e.getMessage().contains("layouts[1].name") && e.getMessage().contains("not a plain name"), bad + " -> " + e.getMessage());
        }
        assertTrue(Manifest.Layout.isPlainName("tsne-2.b_c"));
    }

    @Test
    void rejectsPathsThatLeaveTheBundle() {
        for (String bad : new String[] {"../secret.png", "/etc/passwd", "atlas/../../x.png", "C:/x.png", "a\\\\b.png"}) {
            BundleException e = readBad(GOOD.replace("atlas/1-00.png", bad));
            assertTrue(e.getMessage().contains("atlas.levels[1].pages[0]"), bad + " -> " + e.getMessage());
        }
    }

    @Test
    void rejectsFewerCellsThanItems() {
        BundleException e = readBad(GOOD.replace("\"count\": 5", "\"count\": 9"));
        assertTrue(e.getMessage().contains("atlas.levels[0]") && e.getMessage().contains("9 items"), e.getMessage());
    }

    @Test
    void reportsJsonSyntaxErrorsWithLine() {
        BundleException e = readBad("{\n \"format\": 1,\n \"count\": }");
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void missingManifestIsNamed() {
        BundleException e = assertThrows(BundleException.class, () -> Manifest.read(dir.resolve("nowhere")));
        assertTrue(e.getMessage().contains("bundle.json") && e.getMessage().contains("missing"), e.getMessage());
    }
}
