package org.embedscope.source;

import static org.embedscope.TestData.grey;
import static org.embedscope.TestData.save;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.embedscope.bundle.BundleException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvListSourceTest {
    @TempDir Path dir;
    Path root;

    @BeforeEach
    void images() throws Exception {
        root = dir.resolve("root");
        save(grey(8, 8, (x, y) -> 10), "png", root.resolve("img/one.png"));
        save(grey(8, 8, (x, y) -> 20), "png", root.resolve("img/two.png"));
        save(grey(8, 8, (x, y) -> 30), "png", dir.resolve("outside.png"));
    }

    private Path csv(String text) throws Exception {
        return Files.writeString(root.resolve("list.csv"), text);
    }

    private BundleException fails(String text) throws Exception {
        Path f = csv(text);
        return assertThrows(BundleException.class, () -> CsvListSource.open(f, null, "path", null));
    }

    @Test
    void readsPathsLabelsAndMetadataInRowOrder() throws Exception {
        Path f = csv("caption,path,label,score\n\"two, the second\",img/two.png,b,0.5\nfirst,img/one.png,a,0.25\n");
        CsvListSource s = CsvListSource.open(f, null, "path", null);
        assertEquals(2, s.count());
        assertArrayEquals(new String[] {"b", "a"}, s.labels());
        assertEquals(List.of("caption", "path", "score"), List.copyOf(s.metadata().keySet()));
        assertArrayEquals(new String[] {"two, the second", "first"}, s.metadata().get("caption"));
        assertArrayEquals(new String[] {"img/two.png", "img/one.png"}, s.metadata().get("path"), "the path as the list gives it");
        assertEquals(20, s.decode(0).pixels()[0]);
        assertEquals(10, s.decode(1).pixels()[0]);
    }

    @Test
    void blankLinesListNoImage() throws Exception {
        Path f = csv("path,label\r\nimg/one.png,a\r\n\r\nimg/two.png,b\r\nmissing.png,c\r\n\r\n");
        CsvListSource s = CsvListSource.open(f, null, "path", null);
        assertEquals(3, s.count(), "the blank lines are no rows");
        assertArrayEquals(new String[] {"a", "b", "c"}, s.labels());
        BundleException e = assertThrows(BundleException.class, () -> s.size(2));
        assertTrue(e.getMessage().contains("line 5"), "the line in the file, blank lines counted: " + e.getMessage());
        CsvListSource one = CsvListSource.open(csv("path\nimg/one.png\n\n"), null, "path", null);
        assertEquals(1, one.count());
    }

    @Test
    void namedColumnsAndAnExplicitRoot() throws Exception {
        Path f = Files.writeString(dir.resolve("elsewhere.csv"), "file,class\nimg/one.png,x\n");
        CsvListSource s = CsvListSource.open(f, root, "file", "class");
        assertArrayEquals(new String[] {"x"}, s.labels());
        assertEquals(List.of("file"), List.copyOf(s.metadata().keySet()), "the path column keeps its name");
        assertEquals(10, s.decode(0).pixels()[0]);
    }

    @Test
    void aListedPipeOrFolderIsRefusedWithoutWaiting() throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", root.resolve("img/pipe.png").toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo makes named pipes here");
        Files.createDirectories(root.resolve("img/folder.png"));
        CsvListSource s = CsvListSource.open(csv("path\nimg/pipe.png\nimg/folder.png\n"), null, "path", null);
        BundleException e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> assertThrows(BundleException.class, () -> s.size(0)),
                "opening the pipe waited for a writer");
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("not a regular file"), e.getMessage());
        e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> assertThrows(BundleException.class, () -> s.decode(0)));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        e = assertThrows(BundleException.class, () -> s.size(1));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("is a folder; expected an image file"), e.getMessage());
    }

    @Test
    void refusesPathsOutsideTheRoot() throws Exception {
        BundleException e = fails("path\nimg/one.png\n../outside.png\n");
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("leads outside the root"), e.getMessage());
        Files.createSymbolicLink(root.resolve("link.png"), dir.resolve("outside.png"));
        e = fails("path\nlink.png\n");
        assertTrue(e.getMessage().contains("through a link"), e.getMessage());
    }

    @Test
    void anAbsolutePathIsTakenAsItIsWhateverTheRoot() throws Exception {
        // Lists built from a glob hold absolute paths; they need not lie under the root.
        String outside = dir.resolve("outside.png").toAbsolutePath().toString();
        Path f = csv("path\nimg/one.png\n" + outside + "\n");
        for (Path r : new Path[] {null, root, root.resolve("img")}) {
            CsvListSource s = CsvListSource.open(f, r, "path", null);
            assertEquals(30, s.decode(1).pixels()[0], "root " + r);
        }
        assertEquals(10, CsvListSource.open(f, null, "path", null).decode(0).pixels()[0], "a relative path still resolves against the root");
    }

    @Test
    void refusesAMissingPathColumnAndRaggedRows() throws Exception {
        BundleException e = fails("file,label\nimg/one.png,a\n");
        assertTrue(e.getMessage().contains("no column 'path'") && e.getMessage().contains("--path-column"), e.getMessage());
        e = fails("path,label\nimg/one.png,a\nimg/two.png\n");
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("has 1 field; expected 2"), e.getMessage());
        e = fails("path,label\nimg/one.png,a,b\n");
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("has 3 fields; expected 2"), e.getMessage());
        // An empty file had said "has no column 'path' (columns: )".
        e = fails("");
        assertTrue(e.getMessage().endsWith("list.csv: is empty; expected a header row naming a 'path' column, then a row per image"), e.getMessage());
        e = fails("path\n");
        assertTrue(e.getMessage().contains("lists no images"), e.getMessage());
        // Broken quoting further down names the line being read, not line 1.
        e = fails("path,label\nimg/one.png,a\nimg/two.png,b\n\"img/x.png\"oops,c\n");
        assertTrue(e.getMessage().contains("line 4: not valid CSV: a quoted field has text after its closing quote"), e.getMessage());
    }

    /**
     * A list of URLs, or one written on Windows, had been "no such file" for paths nobody wrote
     * (root/http:/host/a.png, root/img\\one.png).
     */
    @Test
    void aUrlOrAWindowsPathIsSaidToBeOne() throws Exception {
        BundleException e = fails("path\nimg/one.png\nhttps://example.org/img/two.png\n");
        assertTrue(e.getMessage().endsWith("list.csv: line 3: 'https://example.org/img/two.png' is a URL; expected the path of an image file here"
                + " (download the images first)"), e.getMessage());
        org.junit.jupiter.api.Assumptions.assumeTrue(java.io.File.separatorChar == '/', "a '\\' separates folders on Windows");
        e = fails("path\nimg\\one.png\n");
        assertTrue(e.getMessage().endsWith("list.csv: line 2: 'img\\one.png' has '\\' between folders, as Windows writes paths;"
                + " expected '/' between folders here"), e.getMessage());
        // a file whose name holds a backslash is taken as it is
        Files.copy(root.resolve("img/one.png"), root.resolve("back\\slash.png"));
        assertEquals(1, CsvListSource.open(csv("path\nback\\slash.png\n"), null, "path", null).count());
    }

    /** A list saved as TSV had been refused for "no column 'path'", a column the user could see in the file. */
    @Test
    void aTabSeparatedListIsSaidToBeOne() throws Exception {
        BundleException e = fails("path\tlabel\nimg/one.png\ta\n");
        assertTrue(e.getMessage().contains("line 1 (header): is one column, 'path\\tlabel': its names are separated by tabs (a TSV file);"
                + " expected commas between columns"), e.getMessage());
    }

    /** A zero-byte file (a failed download) had been "not a readable image". */
    @Test
    void anEmptyImageFileIsSaidToBeEmpty() throws Exception {
        Files.write(root.resolve("img/empty.png"), new byte[0]);
        CsvListSource s = CsvListSource.open(csv("path\nimg/one.png\nimg/empty.png\n"), null, "path", null);
        BundleException e = assertThrows(BundleException.class, () -> s.decode(1));
        assertTrue(e.getMessage().contains("empty.png") && e.getMessage().contains("line 3") && e.getMessage().endsWith("is empty (0 bytes); expected an image file"),
                e.getMessage());
    }

    @Test
    void aColumnNamedTwiceIsRefusedNotHalfLost() throws Exception {
        BundleException e = fails(",path,label,score,city,score\n0,img/one.png,a,1,Bern,2\n");
        assertTrue(e.getMessage().contains("list.csv: line 1 (header): column name 'score' appears twice (columns 4 and 6)"), e.getMessage());
    }

    @Test
    void aMissingImageIsABadImageNamingTheLine() throws Exception {
        CsvListSource s = CsvListSource.open(csv("path\nimg/one.png\nimg/gone.png\n"), null, "path", null);
        BundleException e = assertThrows(BundleException.class, () -> s.decode(1));
        assertTrue(e.getMessage().contains("gone.png") && e.getMessage().contains("line 3") && e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void aPandasIndexColumnIsNotCarried() throws Exception {
        // DataFrame.to_csv(path) with the default index: an unnamed first column
        CsvListSource s = CsvListSource.open(csv(",path,label,caption\n0,img/one.png,a,first\n1,img/two.png,b,second\n"), null, "path", null);
        assertEquals(List.of("path", "caption"), List.copyOf(s.metadata().keySet()));
        assertArrayEquals(new String[] {"a", "b"}, s.labels());
    }

    @Test
    void coordinatesTakenFromColumnsLeaveTheMetadata() throws Exception {
        CsvListSource s = CsvListSource.open(csv("path,umap_x,umap_y,note\nimg/one.png,1.5,-2,x\nimg/two.png,3e2,0.25,y\n"), null, "path", null);
        MatrixInput xy = s.takeCoordinates("umap_x", "umap_y");
        assertEquals(List.of("path", "note"), List.copyOf(s.metadata().keySet()));
        assertArrayEquals(new float[] {1.5f, -2f, 300f, 0.25f}, VectorFiles.readCoordinates(xy, 2, "umap"));
        assertEquals("list.csv columns umap_x, umap_y", xy.name());

        CsvListSource bad = CsvListSource.open(csv("path,ux,uy\nimg/one.png,1,2\nimg/two.png,nan,4\n"), null, "path", null);
        MatrixInput in = bad.takeCoordinates("ux", "uy");
        BundleException e = assertThrows(BundleException.class, () -> VectorFiles.readCoordinates(in, 2, "u"));
        assertTrue(e.getMessage().contains("list.csv: line 3, column ux: 'nan' is not a finite number"), e.getMessage());
        CsvListSource fresh = CsvListSource.open(csv("path,ux,uy\nimg/one.png,1,2\n"), null, "path", null);
        e = assertThrows(BundleException.class, () -> fresh.takeCoordinates("ux", "nope"));
        assertTrue(e.getMessage().contains("no column 'nope'"), e.getMessage());
        assertEquals(List.of("path", "ux", "uy"), List.copyOf(fresh.metadata().keySet()), "a refused request takes nothing");
    }
}
