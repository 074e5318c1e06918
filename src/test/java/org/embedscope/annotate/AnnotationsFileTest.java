package org.embedscope.annotate;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.embedscope.bundle.BundleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationsFileTest {
    @TempDir Path dir;

    private static Annotations fresh() {
        return new Annotations(5, new int[] {0, 1, 0, 1, 0}, List.of("cat", "dog"));
    }

    @Test
    void roundTripKeepsLabelsTagsAndTimes() throws Exception {
        Annotations a = fresh();
        a.assignLabel(new int[] {0, 4}, "dog");
        a.assignLabel(new int[] {3}, "bird, with \"quotes\"");
        a.addTag(new int[] {4, 1}, "check");
        a.addTag(new int[] {4}, "blurry");
        Path f = dir.resolve(AnnotationsFile.FILE_NAME);
        AnnotationsFile.write(f, AnnotationsFile.snapshot(a));

        List<String> lines = Files.readAllLines(f);
        assertEquals("index,label,tags,edited", lines.get(0));
        assertEquals(5, lines.size(), "one row per edited item (0, 1, 3, 4): " + lines);

        Annotations b = fresh();
        assertEquals(4, AnnotationsFile.read(f, b));
        for (int i = 0; i < 5; i++) {
            assertEquals(a.labelValue(i), b.labelValue(i), "label of " + i);
            assertEquals(a.tags(i), b.tags(i), "tags of " + i);
            assertEquals(a.editedAt(i), b.editedAt(i), "time of " + i);
            assertEquals(a.isEdited(i), b.isEdited(i));
        }
        assertEquals("cat", b.labelValues().get(b.originalLabel(0)), "the original label stays known");
        assertFalse(b.canUndo(), "loaded edits are the starting point, not undoable");
    }

    @Test
    void noTemporaryFileIsLeftBehind() throws Exception {
        Annotations a = fresh();
        a.addTag(new int[] {2}, "x");
        AnnotationsFile.write(dir.resolve("annotations.csv"), AnnotationsFile.snapshot(a));
        try (var s = Files.list(dir)) {
            assertEquals(List.of("annotations.csv"), s.map(p -> p.getFileName().toString()).toList());
        }
    }

    private String refusal(String csv) throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, csv);
        BundleException e = assertThrows(BundleException.class, () -> AnnotationsFile.read(f, fresh()));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        return e.getMessage();
    }

    @Test
    void badRowsAreRefusedWithTheirLine() throws Exception {
        assertTrue(refusal("label,tags\ncat,\n").contains("'index'"));
        assertTrue(refusal("index,label\n0,cat\nx,dog\n").contains("line 3: field 'index': expected a row number, got 'x'"));
        assertTrue(refusal("index,label\n5,cat\n").contains("line 2: field 'index': 5 is outside the bundle's 0..4"));
        assertTrue(refusal("index,label\n1,cat\n1,dog\n").contains("line 3: field 'index': item 1 appears twice"));
        assertTrue(refusal("index,label,tags,edited\n1,cat,,yesterday\n").contains("line 2: field 'edited'"));
        assertTrue(refusal("index,label,tags\n1,cat,a;;b\n").contains("line 2: field 'tags': a tag cannot be empty"));
    }

    /** A selection's CSV put where the edits go had read as edits of every row in it (labels kept, tags cleared). */
    @Test
    void anotherCsvOrShortRowsAreRefused() throws Exception {
        String m = refusal("index,umap_x,umap_y,label\n1,0.5,0.25,cat\n");
        assertTrue(m.contains("line 1: column 'umap_x' is not one of an annotations file's (index,label,tags,edited)"), m);
        assertTrue(refusal("index,edited\n1,\n").contains("line 1: expected a 'label' or a 'tags' column"));
        m = refusal("index,label,tags,edited\n1,3\n");
        assertTrue(m.contains("line 2: expected 4 fields (index,label,tags,edited), got 2"), m);
        // Any of the four, in any order, is still read.
        Path ok = Files.writeString(dir.resolve("ok.csv"), "tags,index\nx,2\n");
        Annotations a = fresh();
        assertEquals(1, AnnotationsFile.read(ok, a));
        assertEquals(java.util.List.of("x"), a.tags(2));
    }

    @Test
    void aFolderWhereTheEditsGoIsRefusedNotTakenForNoEdits() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("annotations.csv"));
        BundleException e = assertThrows(BundleException.class,
                () -> AnnotationStore.apply(fresh(), new AnnotationStore.Location(folder, null, null)));
        assertTrue(e.getMessage().startsWith(folder + ": is a folder; expected the CSV of a user's edits"), e.getMessage());
        assertNull(AnnotationStore.apply(fresh(), new AnnotationStore.Location(dir.resolve("none.csv"), null, null)), "nothing there: no edits");
    }

    @Test
    void brokenCsvIsOnePlainLineNamingTheLine() throws Exception {
        // As a hand edit leaves it: a quote opened and never closed, or text after a closing quote.
        String m = refusal("index,label,tags,edited\n1,x,,\n2,\"y,,\n");
        assertTrue(m.endsWith("bad.csv: line 3: not valid CSV: a quoted field is not closed; expected a closing \" before the end"
                + " of the file (a quote inside a quoted field is written twice: \"\")"), m);
        m = refusal("index,label,tags,edited\n1,x,,\n2,\"y\"z,,\n");
        assertTrue(m.contains("line 3: not valid CSV: a quoted field has text after its closing quote"), m);
        assertFalse(m.contains("Invalid character") || m.contains("position"), m);
    }

    @Test
    void aColumnNamedTwiceIsRefused() throws Exception {
        String m = refusal("index,label,label\n1,cat,dog\n");
        assertTrue(m.contains("line 1 (header): column name 'label' appears twice"), m);
    }
}
