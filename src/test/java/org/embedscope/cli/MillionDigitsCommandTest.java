package org.embedscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.embedscope.TestData;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleReader;
import org.embedscope.digits.MillionDigits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code million-digits} then {@code prepare --metadata}, as the README tells a user to run them. */
class MillionDigitsCommandTest {
    @TempDir Path dir;
    Path mnist, set;

    @BeforeEach
    void setUp() throws Exception {
        mnist = Files.createDirectories(dir.resolve("mnist"));
        TestData.mnistSubset(mnist, "train", 0, 30);
        TestData.mnistSubset(mnist, "t10k", 30, 10);
        set = dir.resolve("set");
    }

    private static String[] prepare(Path set, Path metadata, Path out) {
        return new String[] {"prepare", "--neighbors", "0", "--idx", set.resolve("train-images-idx3-ubyte").toString(), set.resolve("train-labels-idx1-ubyte").toString(),
                "--idx", set.resolve("t10k-images-idx3-ubyte").toString(), set.resolve("t10k-labels-idx1-ubyte").toString(),
                "--metadata", metadata.toString(), "--label-names", "mnist", "--layout", "pca", "-o", out.toString()};
    }

    @Test
    void theSetPreparesIntoABundleWithSourceAndTransformPerItem() throws Exception {
        CliRun made = CliRun.of("million-digits", "--mnist", mnist.toString(), "-o", set.toString(), "--copies", "4", "--seed", "9");
        assertEquals(0, made.code(), made.err());
        CliRun prep = CliRun.of(prepare(set, set.resolve(MillionDigits.TRANSFORMS_FILE), dir.resolve("bundle")));
        assertEquals(0, prep.code(), prep.err());
        Bundle b = BundleReader.load(dir.resolve("bundle"));
        assertEquals(160, b.count());
        assertEquals(List.of("split", "source", "dx", "dy", "rotation", "scale"), b.metaColumns().subList(0, 6),
                "the source's column, then the metadata file's, in its order");
        List<String> rows = Files.readAllLines(set.resolve(MillionDigits.TRANSFORMS_FILE));
        for (int i = 0; i < b.count(); i++) {
            String[] f = rows.get(i + 1).split(",");
            assertEquals(i < 120 ? "train" : "test", b.meta(0, i));
            for (int c = 0; c < 5; c++) assertEquals(f[c], b.meta(c + 1, i), "item " + i + ", column " + b.metaColumns().get(c + 1));
            assertEquals(Integer.toString(i / 4), b.meta(1, i), "item " + i + " is a copy of digit " + i / 4);
        }
    }

    @Test
    void aMetadataFileWithTheWrongRowCountIsRefusedInOneLine() throws Exception {
        assertEquals(0, CliRun.of("million-digits", "--mnist", mnist.toString(), "-o", set.toString(), "--copies", "2").code());
        Path shortFile = dir.resolve("short.csv");
        List<String> rows = Files.readAllLines(set.resolve(MillionDigits.TRANSFORMS_FILE));
        Files.write(shortFile, rows.subList(0, rows.size() - 1));
        CliRun prep = CliRun.of(prepare(set, shortFile, dir.resolve("bundle")));
        assertEquals(Main.EXIT_BAD_INPUT, prep.code());
        assertTrue(prep.err().contains("short.csv") && prep.err().contains("79 data rows") && prep.err().contains("80 items"), prep.err());
        assertEquals(1, prep.err().strip().lines().count(), prep.err());
        assertFalse(Files.exists(dir.resolve("bundle")));
    }

    @Test
    void aMetadataColumnTheSourceHasIsRefused() throws Exception {
        assertEquals(0, CliRun.of("million-digits", "--mnist", mnist.toString(), "-o", set.toString(), "--copies", "1").code());
        Path clash = dir.resolve("clash.csv");
        StringBuilder sb = new StringBuilder("split\n");
        for (int i = 0; i < 40; i++) sb.append("x\n");
        Files.writeString(clash, sb);
        CliRun prep = CliRun.of(prepare(set, clash, dir.resolve("bundle")));
        assertEquals(Main.EXIT_BAD_INPUT, prep.code());
        assertTrue(prep.err().contains("clash.csv") && prep.err().contains("'split'"), prep.err());
    }

    @Test
    void badOptionsAreRefusedInOneLine() {
        CliRun r = CliRun.of("million-digits", "--mnist", dir.resolve("nowhere").toString(), "-o", set.toString());
        assertEquals(Main.EXIT_BAD_INPUT, r.code());
        assertTrue(r.err().contains("train-images-idx3-ubyte") && r.err().contains("fetch-mnist"), r.err());
        CliRun c = CliRun.of("million-digits", "--mnist", mnist.toString(), "-o", set.toString(), "--copies", "0");
        assertEquals(Main.EXIT_BAD_INPUT, c.code());
        assertTrue(c.err().contains("--copies"), c.err());
    }

    @Test
    void anOutputFolderThatIsTheInputFolderIsRefusedBeforeAnythingIsWritten() throws Exception {
        byte[] before = Files.readAllBytes(mnist.resolve("train-images-idx3-ubyte"));
        CliRun r = CliRun.of("million-digits", "--mnist", mnist.toString(), "-o", mnist.toString(), "--copies", "2");
        assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.out());
        assertTrue(r.err().contains("train-images-idx3-ubyte") && r.err().contains("which this command reads"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertArrayEquals(before, Files.readAllBytes(mnist.resolve("train-images-idx3-ubyte")), "MNIST's digits as they were");
        try (var s = Files.list(mnist)) {
            assertEquals(4, s.count(), "nothing written beside them");
        }
    }

    @Test
    void anInterruptedRunLeavesNoFolderItMade() throws Exception {
        org.embedscope.progress.Progress cancelled = new org.embedscope.progress.Progress() {
            @Override public void stage(String name, long total) {}
            @Override public void advance(long done) {}
            @Override public boolean isCancelled() { return true; }
        };
        assertThrows(org.embedscope.progress.CancelledException.class,
                () -> org.embedscope.digits.MillionDigits.write(mnist, set, 2, 1, cancelled, null));
        assertFalse(Files.exists(set), "the folder it made is gone with the staged files");
        // A folder that was there stays, empty as it was.
        Files.createDirectories(set);
        assertThrows(org.embedscope.progress.CancelledException.class,
                () -> org.embedscope.digits.MillionDigits.write(mnist, set, 2, 1, cancelled, null));
        try (var s = Files.list(set)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void aBundleOfTheDigitsGivesTheSameSetAsTheirIdxFiles() throws Exception {
        Path bundle = dir.resolve("bundle");
        // More than one page of the finest level (5x5 cells a page at 28 px in 150-px pages), so the
        // cells are read across pages.
        CliRun prepared = CliRun.of("prepare", "--neighbors", "0", "--page", "150",
                "--idx", mnist.resolve("train-images-idx3-ubyte").toString(), mnist.resolve("train-labels-idx1-ubyte").toString(),
                "--idx", mnist.resolve("t10k-images-idx3-ubyte").toString(), mnist.resolve("t10k-labels-idx1-ubyte").toString(),
                "--label-names", "mnist", "-o", bundle.toString());
        assertEquals(0, prepared.code(), prepared.err());

        CliRun fromIdx = CliRun.of("million-digits", "--mnist", mnist.toString(), "--copies", "2", "-o", dir.resolve("a").toString());
        CliRun fromBundle = CliRun.of("million-digits", "--mnist", bundle.toString(), "--copies", "2", "-o", dir.resolve("b").toString());
        assertEquals(0, fromIdx.code(), fromIdx.err());
        assertEquals(0, fromBundle.code(), fromBundle.err());
        for (String[] pair : MillionDigits.PAIRS) {
            for (String name : pair) {
                assertEquals(-1, Files.mismatch(dir.resolve("a").resolve(name), dir.resolve("b").resolve(name)), name + " is the same byte for byte");
            }
        }
        assertEquals(-1, Files.mismatch(dir.resolve("a").resolve(MillionDigits.TRANSFORMS_FILE), dir.resolve("b").resolve(MillionDigits.TRANSFORMS_FILE)));
    }

    @Test
    void aBundleOfColourImagesIsRefusedInOneLine() throws Exception {
        Path bundle = org.embedscope.bench.SyntheticBundleWriter.write(dir.resolve("synthetic"), 30, 3, 16, true, org.embedscope.progress.Progress.NONE);
        CliRun r = CliRun.of("million-digits", "--mnist", bundle.toString(), "-o", dir.resolve("out").toString());
        assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().filter(l -> !l.startsWith("reading")).count(), r.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }
}
