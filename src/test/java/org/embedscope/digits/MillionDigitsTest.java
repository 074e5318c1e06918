package org.embedscope.digits;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.embedscope.TestData;
import org.embedscope.bundle.BundleException;
import org.embedscope.progress.Progress;
import org.embedscope.source.IdxFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MillionDigitsTest {
    @TempDir Path dir;
    Path mnist;
    static final int TRAIN = 40, TEST = 12, COPIES = 3;

    @BeforeEach
    void setUp() throws Exception {
        mnist = Files.createDirectories(dir.resolve("mnist"));
        TestData.mnistSubset(mnist, "train", 0, TRAIN);
        TestData.mnistSubset(mnist, "t10k", 100, TEST);
    }

    private Map<String, String> checksums(Path out) throws Exception {
        Map<String, String> sums = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.sorted().toList()) {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
                sums.put(f.getFileName().toString(), HexFormat.of().formatHex(d));
            }
        }
        return sums;
    }

    @Test
    void theSameSeedGivesTheSameFilesByteForByte() throws Exception {
        MillionDigits.write(mnist, dir.resolve("a"), COPIES, 5, Progress.NONE, null);
        MillionDigits.write(mnist, dir.resolve("b"), COPIES, 5, Progress.NONE, null);
        MillionDigits.write(mnist, dir.resolve("c"), COPIES, 6, Progress.NONE, null);
        Map<String, String> a = checksums(dir.resolve("a")), b = checksums(dir.resolve("b")), c = checksums(dir.resolve("c"));
        assertEquals(List.of("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", "train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                MillionDigits.TRANSFORMS_FILE), List.copyOf(a.keySet()), "no hidden staging folder left");
        assertEquals(a, b);
        assertNotEquals(a.get("train-images-idx3-ubyte"), c.get("train-images-idx3-ubyte"), "another seed, other transforms");
        assertEquals(a.get("train-labels-idx1-ubyte"), c.get("train-labels-idx1-ubyte"), "labels follow the sources only");
    }

    @Test
    void eachItemIsItsSourceDigitThroughTheTransformItsRowNames() throws Exception {
        Path out = dir.resolve("out");
        MillionDigits.Result r = MillionDigits.write(mnist, out, COPIES, 42, Progress.NONE, null);
        assertEquals((TRAIN + TEST) * COPIES, r.count());
        IdxFile.Images[] src = {IdxFile.readImages(mnist.resolve("train-images-idx3-ubyte")), IdxFile.readImages(mnist.resolve("t10k-images-idx3-ubyte"))};
        int[][] srcLabels = {IdxFile.readLabels(mnist.resolve("train-labels-idx1-ubyte")), IdxFile.readLabels(mnist.resolve("t10k-labels-idx1-ubyte"))};
        IdxFile.Images[] made = {IdxFile.readImages(out.resolve("train-images-idx3-ubyte")), IdxFile.readImages(out.resolve("t10k-images-idx3-ubyte"))};
        int[][] madeLabels = {IdxFile.readLabels(out.resolve("train-labels-idx1-ubyte")), IdxFile.readLabels(out.resolve("t10k-labels-idx1-ubyte"))};
        assertEquals(TRAIN * COPIES, made[0].count());
        assertEquals(TEST * COPIES, made[1].count());
        List<String> rows = Files.readAllLines(out.resolve(MillionDigits.TRANSFORMS_FILE));
        assertEquals(MillionDigits.TRANSFORMS_HEADER, rows.get(0));
        assertEquals((TRAIN + TEST) * COPIES + 1, rows.size());
        int item = 0, identical = 0;
        for (int p = 0; p < 2; p++) {
            for (int j = 0; j < made[p].count(); j++, item++) {
                String[] f = rows.get(item + 1).split(",");
                int source = Integer.parseInt(f[0]);
                int local = source - (p == 0 ? 0 : TRAIN);
                assertEquals(j / COPIES, local, "row " + (item + 1) + " names its source");
                assertEquals(srcLabels[p][local], madeLabels[p][j], "label of item " + item);
                DigitTransform t = new DigitTransform(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                        Double.parseDouble(f[4]));
                byte[] want = new byte[784];
                t.apply(src[p].pixels(), local * 784, 28, want, 0);
                byte[] got = java.util.Arrays.copyOfRange(made[p].pixels(), j * 784, (j + 1) * 784);
                assertArrayEquals(want, got, "item " + item);
                if (java.util.Arrays.equals(got, java.util.Arrays.copyOfRange(src[p].pixels(), local * 784, (local + 1) * 784))) identical++;
            }
        }
        assertEquals(0, identical, "every copy is transformed");
    }

    @Test
    void otherFilesInTheFolderAreLeftAlone() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        MillionDigits.write(mnist, out, 1, 42, Progress.NONE, null);
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
    }

    @Test
    void aMissingInputIsNamedInOneLine() throws Exception {
        Files.delete(mnist.resolve("t10k-labels-idx1-ubyte"));
        BundleException e = assertThrows(BundleException.class, () -> MillionDigits.write(mnist, dir.resolve("out"), 2, 1, Progress.NONE, null));
        assertTrue(e.getMessage().contains("t10k-labels-idx1-ubyte"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(Files.exists(dir.resolve("out")), "nothing written before the inputs are read");
    }

    @Test
    void cancellingLeavesNoFiles() throws Exception {
        Path out = dir.resolve("out");
        Progress cancelWhileDrawing = new Progress() {
            volatile boolean drawing;

            @Override public void stage(String name, long total) { drawing = name.startsWith("drawing"); }

            @Override public void advance(long done) {}

            @Override public boolean isCancelled() { return drawing; }
        };
        assertThrows(org.embedscope.progress.CancelledException.class,
                () -> MillionDigits.write(mnist, out, COPIES, 1, cancelWhileDrawing, null));
        assertFalse(Files.exists(out), "not even the folder it made");
    }
}
