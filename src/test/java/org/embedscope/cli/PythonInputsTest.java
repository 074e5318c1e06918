package org.embedscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.embedscope.TestData;
import org.embedscope.bundle.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** prepare with what Python users have at hand: a pandas table with coordinates, an .npz of vectors. */
class PythonInputsTest {
    static final Path ARRAYS = Path.of("src/test/resources/vectors/arrays.npz");

    @TempDir Path dir;

    @Test
    void aPandasListWithCoordinatesAndNpzVectors() throws Exception {
        for (int i = 0; i < 4; i++) {
            int v = 40 * i;
            TestData.save(TestData.grey(6, 6, (x, y) -> v), "png", dir.resolve("img/" + i + ".png"));
        }
        // as DataFrame.to_csv(path) writes it: the index first, under no name
        Path list = Files.writeString(dir.resolve("items.csv"), ",path,umap_x,umap_y,label,caption\n"
                + "0,img/0.png,0.5,-1.0,cat,first\n1,img/1.png,2.0,3.5,dog,\"with, comma\"\n"
                + "2,img/2.png,-4.75,0.125,cat,third\n3,img/3.png,0.001,60000.0,dog,fourth\n");
        Path out = dir.resolve("bundle");
        CliRun r = CliRun.of("prepare", "--neighbors", "0", "--list", list.toString(), "--vectors", ARRAYS + ":emb", "--layout", "pca",
                "--layout-from", "umap=umap_x,umap_y", "-o", out.toString());
        assertEquals(0, r.code(), r.err());

        Manifest m = Manifest.read(out);
        assertEquals(List.of("umap", "pca"), m.layouts().stream().map(Manifest.Layout::name).toList());
        assertEquals("items.csv columns umap_x, umap_y", m.layout("umap").params().get("imported"));
        assertEquals("vectors arrays.npz:emb (6 values per item)", m.layout("pca").params().get("input"));
        try (Reader in = Files.newBufferedReader(out.resolve("points.csv"));
             CSVParser p = CSVParser.parse(in, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertEquals(List.of("umap_x", "umap_y", "pca_x", "pca_y", "label", "path", "caption"), p.getHeaderNames(),
                    "no index column; the coordinates are a layout, not metadata; the path kept as a folder's is");
            List<CSVRecord> rows = p.getRecords();
            assertEquals(List.of("img/0.png", "img/1.png", "img/2.png", "img/3.png"), rows.stream().map(x -> x.get("path")).toList());
            assertEquals(List.of("0.5", "2.0", "-4.75", "0.001"), rows.stream().map(x -> x.get("umap_x")).toList());
            assertEquals(List.of("-1.0", "3.5", "0.125", "60000.0"), rows.stream().map(x -> x.get("umap_y")).toList());
            assertEquals("with, comma", rows.get(1).get("caption"));
        }
    }

    @Test
    void layoutFromNeedsAListAndTwoColumns() throws Exception {
        TestData.save(TestData.grey(6, 6, (x, y) -> 9), "png", dir.resolve("img/0.png"));
        Path list = Files.writeString(dir.resolve("items.csv"), "path,ux\nimg/0.png,1\n");
        CliRun r = CliRun.of("prepare", "--neighbors", "0", "--list", list.toString(), "--layout-from", "u=ux", "-o", dir.resolve("o").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("expected NAME=XCOLUMN,YCOLUMN"), r.err());
        r = CliRun.of("prepare", "--neighbors", "0", "--images", dir.resolve("img").toString(), "--layout-from", "u=ux,uy", "-o", dir.resolve("o").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("go with --list"), r.err());
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void aLayoutNameGivenTwiceIsRefused() throws Exception {
        TestData.save(TestData.grey(6, 6, (x, y) -> 9), "png", dir.resolve("img/0.png"));
        TestData.save(TestData.grey(6, 6, (x, y) -> 90), "png", dir.resolve("img/1.png"));
        Path list = Files.writeString(dir.resolve("items.csv"), "path,ux,uy\nimg/0.png,1,2\nimg/1.png,3,4\n");
        Path xy = Files.writeString(dir.resolve("xy.csv"), "x,y\n0,1\n2,3\n");
        for (String[] twice : List.of(new String[] {"--layout-from", "mine=ux,uy", "--layout-from", "mine=uy,ux"},
                new String[] {"--import-layout", "mine=" + xy, "--import-layout", "mine=" + xy})) {
            List<String> args = new java.util.ArrayList<>(List.of("prepare", "--neighbors", "0", "--list", list.toString(), "-o", dir.resolve("o").toString()));
            args.addAll(List.of(twice));
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(2, r.code(), "the first 'mine' was dropped without a word: " + r.err());
            assertTrue(r.err().contains("layout name 'mine' is given twice"), r.err());
            assertFalse(Files.exists(dir.resolve("o")));
        }
    }

    /** A missing x.npy or x.npz was "not a NumPy .npy file (it does not start with \\x93NUMPY)": it is said to be missing, as a missing CSV is. */
    @Test
    void aMissingNumpyFileIsSaidToBeMissing() throws Exception {
        TestData.save(TestData.grey(6, 6, (x, y) -> 9), "png", dir.resolve("img/0.png"));
        TestData.save(TestData.grey(6, 6, (x, y) -> 90), "png", dir.resolve("img/1.png"));
        for (String missing : new String[] {"gone.npy", "gone.npz", "gone.csv"}) {
            Path file = dir.resolve(missing);
            CliRun r = CliRun.of("prepare", "--neighbors", "0", "--images", dir.resolve("img").toString(), "--import-layout", "mine=" + file,
                    "-o", dir.resolve("o").toString());
            assertEquals(2, r.code(), r.err());
            assertEquals("embedscope: " + file + ": no such file", r.err().strip());
            r = CliRun.of("layout", "--vectors", file.toString(), "--algo", "pca", "-o", dir.resolve("o.csv").toString());
            assertEquals(2, r.code(), r.err());
            assertEquals("embedscope: " + file + ": no such file", r.err().strip());
        }
        assertFalse(Files.exists(dir.resolve("o")) || Files.exists(dir.resolve("o.csv")));
    }
}
