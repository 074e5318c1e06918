package org.embedscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.embedscope.TestData;
import org.embedscope.bundle.BundleReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files saved by a spreadsheet (Excel's "CSV UTF-8") or a Windows editor start with a UTF-8 byte-order
 * mark. Every text file a user brings reads as without it: the list's path column was not found ("has no
 * column 'path' (columns: \uFEFFpath, label)"), the first metadata column was carried as "\uFEFFa", a
 * bundle.json saved from Notepad was "not valid JSON", the coordinates' header was not x,y.
 */
class ByteOrderMarkTest {
    @TempDir Path dir;

    private static final String BOM = "\uFEFF";

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), BOM + text, StandardCharsets.UTF_8);
    }

    @Test
    void everyTextInputReadsAsWithoutTheMark() throws Exception {
        for (int i = 0; i < 3; i++) {
            int v = 60 * i;
            TestData.save(TestData.grey(8, 8, (x, y) -> v + x), "png", dir.resolve(i + ".png"));
        }
        Path list = write("list.csv", "path,label\r\n0.png,0\r\n1.png,1\r\n\"2.png\",2\r\n");
        Path meta = write("meta.csv", "a,b\r\n1,x\r\n2,y\r\n3,z\r\n");
        Path xy = write("xy.csv", "x,y\r\n0,0\r\n1,5\r\n2,1\r\n");
        Path names = write("names.txt", "zero\nfirst\nsecond\n");
        Path vectors = write("vectors.csv", "0.5,1\n2,0.25\n3,3\n");
        Path out = dir.resolve("out");
        CliRun prepared = CliRun.of("prepare", "--list", list.toString(), "--metadata", meta.toString(), "--import-layout", "given=" + xy,
                "--vectors", vectors.toString(), "--layout", "pca", "--label-names", names.toString(), "--neighbors", "0", "-o", out.toString());
        assertEquals(0, prepared.code(), prepared.err());
        String header = Files.readAllLines(out.resolve("points.csv")).get(0);
        assertEquals("given_x,given_y,pca_x,pca_y,label,path,a,b", header);
        var b = BundleReader.load(out);
        assertEquals("first", b.manifest().label().names().get("1"));
        assertEquals(5f, b.coords(0)[3]);

        // a bundle.json saved back with a mark, and selection and annotations files with one
        Path manifest = out.resolve("bundle.json");
        Files.writeString(manifest, BOM + Files.readString(manifest), StandardCharsets.UTF_8);
        Path edits = write("edits.csv", "index,label,tags,edited\r\n2,0,,\r\n");
        Path selection = write("selection.csv", "index\r\n2\r\n");
        Path csv = dir.resolve("selected.csv");
        CliRun selected = CliRun.of("select", out.toString(), "--annotations", edits.toString(), "--where", "a = 3", "-o", csv.toString());
        assertEquals(0, selected.code(), selected.err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.get(1).startsWith("2,") && rows.get(1).contains(",0,2.png,3,z,2,"), "item 2, corrected to 0: " + rows.get(1));
        assertTrue(rows.get(0).contains("label_original"), rows.get(0));
        assertEquals(1, org.embedscope.select.SelectionFile.read(selection, 3).cardinality());
    }
}
