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
import org.embedscope.annotate.AnnotationStore;
import org.embedscope.annotate.Annotations;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's corrections leave the explorer and come back: {@code select} writes and searches the
 * edited labels and tags (from the sidecar beside the bundle, or {@code --annotations FILE}), and
 * {@code prepare --annotations} takes them back onto the source's labels.
 */
class AnnotationsRoundTripTest {
    @TempDir Path dir;
    Path[] digits;
    Path bundle;

    @BeforeEach
    void prepare() throws Exception {
        digits = TestData.mnistSubset(dir, "d", 0, 60);
        bundle = dir.resolve("b1");
        CliRun r = CliRun.of("prepare", "--idx", digits[0].toString(), digits[1].toString(), "--label-names", "mnist",
                "--layout", "pca", "--neighbors", "0", "-o", bundle.toString());
        assertEquals(0, r.code(), r.err());
    }

    /** Edits as the explorer makes them, saved to {@code file}: items 3 and 7 relabelled, 3 and 10 tagged. */
    private Bundle edit(Path file) throws Exception {
        Bundle b = BundleReader.load(bundle);
        Annotations a = new Annotations(b.count(), b.labels(), b.labelValues());
        try (AnnotationStore s = AnnotationStore.open(a, file)) {
            a.assignLabel(new int[] {3}, "9");
            a.assignLabel(new int[] {7}, "smudge");
            a.addTag(new int[] {3, 10}, "check");
            a.addTag(new int[] {10}, "thin");
            s.saveNow();
        }
        return b;
    }

    private static List<CSVRecord> rows(Path csv) throws Exception {
        try (Reader r = Files.newBufferedReader(csv);
             CSVParser p = CSVParser.parse(r, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }

    private static List<String> header(Path csv) throws Exception {
        return List.of(Files.readAllLines(csv).get(0).split(","));
    }

    @Test
    void selectWritesAndSearchesTheEditsOfTheSidecar() throws Exception {
        Bundle b = edit(bundle.resolve("annotations.csv"));
        String original3 = b.labelValues().get(b.labels()[3]), original7 = b.labelValues().get(b.labels()[7]);
        Path all = dir.resolve("all.csv");
        CliRun r = CliRun.of("select", bundle.toString(), "-o", all.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("edited in " + bundle.toAbsolutePath().resolve("annotations.csv")), r.out());
        assertEquals(List.of("index", "pca_x", "pca_y", "label", "split", "label_original", "tags"), header(all));
        List<CSVRecord> rows = rows(all);
        assertEquals(60, rows.size());
        assertEquals("9", rows.get(3).get("label"));
        assertEquals(original3, rows.get(3).get("label_original"));
        assertEquals("smudge", rows.get(7).get("label"));
        assertEquals(original7, rows.get(7).get("label_original"));
        assertEquals("check;thin", rows.get(10).get("tags"));
        assertEquals("", rows.get(0).get("tags"));
        assertEquals(rows.get(0).get("label_original"), rows.get(0).get("label"), "unedited items keep their label");

        Path some = dir.resolve("some.csv");
        r = CliRun.of("select", bundle.toString(), "--where", "label = 'smudge' or tags ~ 'CHECK'", "-o", some.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("3", "7", "10"), rows(some).stream().map(x -> x.get("index")).toList());
    }

    @Test
    void anotherAnnotationsFileIsNamedAndABadOneIsRefusedInOneLine() throws Exception {
        Path elsewhere = dir.resolve("mine.csv");
        edit(elsewhere);
        Path out = dir.resolve("s.csv");
        CliRun r = CliRun.of("select", bundle.toString(), "--annotations", elsewhere.toString(), "--where", "label = 'smudge'",
                "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(1, rows(out).size());
        // Without the option and without a sidecar, the bundle's own columns only.
        Path plain = dir.resolve("plain.csv");
        assertEquals(0, CliRun.of("select", bundle.toString(), "-o", plain.toString()).code());
        assertEquals(List.of("index", "pca_x", "pca_y", "label", "split"), header(plain));

        Files.writeString(elsewhere, "index,label,tags,edited\n60,x,,\n");
        Path bad = dir.resolve("bad.csv");
        r = CliRun.of("select", bundle.toString(), "--annotations", elsewhere.toString(), "-o", bad.toString());
        assertEquals(2, r.code());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), err);
        assertTrue(err.contains("mine.csv") && err.contains("line 2") && err.contains("0..59"), err);
        assertFalse(Files.exists(bad), "nothing written");
    }

    @Test
    void prepareTakesTheEditsBackOntoTheSourcesLabels() throws Exception {
        Bundle before = edit(bundle.resolve("annotations.csv"));
        Path again = dir.resolve("b2");
        CliRun r = CliRun.of("prepare", "--idx", digits[0].toString(), digits[1].toString(), "--label-names", "mnist",
                "--layout", "pca", "--neighbors", "0", "--annotations", bundle.resolve("annotations.csv").toString(),
                "-o", again.toString());
        assertEquals(0, r.code(), r.err());
        Bundle b = BundleReader.load(again);
        for (int i = 0; i < 60; i++) {
            String want = i == 3 ? "9" : i == 7 ? "smudge" : before.labelValues().get(before.labels()[i]);
            assertEquals(want, b.labelValues().get(b.labels()[i]), "item " + i);
        }
        assertEquals("nine", b.labelName(b.labels()[3]), "the source's label names still apply");
        int tags = b.metaColumns().indexOf("tags");
        assertTrue(tags >= 0, "a tags column: " + b.metaColumns());
        assertEquals("check", b.meta(tags, 3));
        assertEquals("check;thin", b.meta(tags, 10));
        assertEquals("", b.meta(tags, 0));

        Files.writeString(dir.resolve("bad.csv"), "index,label\n2,\"two\nlines\"\n");
        Path never = dir.resolve("b3");
        r = CliRun.of("prepare", "--idx", digits[0].toString(), digits[1].toString(), "--layout", "pca", "--neighbors", "0",
                "--annotations", dir.resolve("bad.csv").toString(), "-o", never.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.csv") && r.err().contains("field 'label'"), r.err());
        assertFalse(Files.exists(never), "no bundle written");
    }
}
