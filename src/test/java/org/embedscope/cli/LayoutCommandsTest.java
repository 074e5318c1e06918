package org.embedscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.embedscope.TestData;
import org.embedscope.bench.SyntheticBundleWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** layout and quality as a user runs them: files written, numbers printed, one-line errors. */
class LayoutCommandsTest {
    @TempDir Path dir;

    static final String IMAGES = TestData.MNIST_IMAGES.toString(), LABELS = TestData.MNIST_LABELS.toString();

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    static double number(String out, String key) {
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 2 && f[0].equals(key)) return Double.parseDouble(f[1]);
        }
        throw new AssertionError(key + " not printed in:\n" + out);
    }

    @Test
    void layoutThenQualityOnTheMnistSubset() throws Exception {
        Path csv = dir.resolve("umap.csv");
        CliRun r = run("layout", "--images", IMAGES, "--algo", "umap", "--umap-epochs", "100", "--threads", "2", "-o", csv.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("x,y", lines.get(0));
        assertEquals(5001, lines.size());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left beside the output");
        }
        CliRun q = run("quality", "--images", IMAGES, "--labels", LABELS, "--sample", "2000", "--train", "4000", csv.toString());
        assertEquals(0, q.code(), q.err());
        assertTrue(number(q.out(), "knn15") > 0.2, q.out());
        assertTrue(number(q.out(), "trust15") > 0.9, q.out());
        assertTrue(number(q.out(), "acc2d") > 0.85, q.out());
    }

    @Test
    void pcaLayoutKeepsFewNeighbours() throws Exception {
        Path csv = dir.resolve("pca.csv");
        assertEquals(0, run("layout", "--images", IMAGES, "--algo", "pca", "-o", csv.toString()).code());
        CliRun q = run("quality", "--images", IMAGES, "--labels", LABELS, "--sample", "2000", "--train", "4000", csv.toString());
        assertEquals(0, q.code(), q.err());
        // PCA keeps far fewer neighbours than UMAP on digits, yet far more than chance (15/5,000).
        double knn = number(q.out(), "knn15");
        assertTrue(knn > 0.01 && knn < 0.15, q.out());
    }

    @Test
    void idxPairsAndBundleLayoutByName() throws Exception {
        // Two IDX pairs of 70 + 30 tiny random images; a synthetic bundle of the same 100 items.
        Path mnist = Files.createDirectories(dir.resolve("mnist"));
        Random rnd = new Random(1);
        idxImages(mnist.resolve("train-images-idx3-ubyte"), 70, rnd);
        idxImages(mnist.resolve("t10k-images-idx3-ubyte"), 30, rnd);
        idxLabels(mnist.resolve("train-labels-idx1-ubyte"), 70);
        idxLabels(mnist.resolve("t10k-labels-idx1-ubyte"), 30);
        Path bundle = SyntheticBundleWriter.write(dir.resolve("bundle"), 100, 3);
        String[] idx = {"--idx", mnist.resolve("train-images-idx3-ubyte").toString(), mnist.resolve("train-labels-idx1-ubyte").toString(),
                "--idx", mnist.resolve("t10k-images-idx3-ubyte").toString(), mnist.resolve("t10k-labels-idx1-ubyte").toString()};
        CliRun q = run(concat(new String[] {"quality"}, idx, new String[] {"--layout", "tsne", "--neighbors", "5", bundle.toString()}));
        assertEquals(0, q.code(), q.err());
        assertTrue(q.out().contains("scored on 85..99"), q.out());
        CliRun missing = run(concat(new String[] {"quality"}, idx, new String[] {"--layout", "nope", bundle.toString()}));
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("has no layout 'nope'"), missing.err());
        Path out = dir.resolve("xy.csv");
        assertEquals(0, run(concat(new String[] {"layout"}, idx, new String[] {"--algo", "umap", "--umap-epochs", "20", "-o", out.toString()})).code());
        assertEquals(101, Files.readAllLines(out).size());
    }

    /** A --train of every row or more was replaced by the first 6/7 without a word (acc2d "fit on rows 0..4284"). */
    @Test
    void aTrainOfEveryRowIsRefused() throws Exception {
        StringBuilder xy = new StringBuilder("x,y\n");
        for (int i = 0; i < 5000; i++) xy.append(i % 71).append(',').append(i / 71).append('\n');
        Path csv = Files.writeString(dir.resolve("grid.csv"), xy);
        CliRun r = run("quality", "--images", IMAGES, "--labels", LABELS, "--train", "5000", csv.toString());
        assertEquals(2, r.code(), r.err() + r.out());
        assertEquals("embedscope: --train 5000: expected at most 4999 for 5000 items (rows [0, N) fit the 10-NN classifier, "
                + "the rest are scored) (see 'embedscope quality --help')", r.err().strip());
    }

    @Test
    void badInputGetsOneLine() throws Exception {
        Path csv = dir.resolve("short.csv");
        Files.writeString(csv, "x,y\n1,2\n3,4\n");
        CliRun r = run("quality", "--images", IMAGES, csv.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        assertTrue(r.err().contains("short.csv") && r.err().contains("expected 5000"), r.err());
        CliRun none = run("layout", "-o", dir.resolve("o.csv").toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("give one of --idx IMAGES LABELS, --images"), none.err());
        CliRun metric = run("layout", "--images", IMAGES, "--metric", "manhattan", "-o", dir.resolve("o.csv").toString());
        assertEquals(2, metric.code());
        assertFalse(Files.exists(dir.resolve("o.csv")));
    }

    /** acc2d's n/a says why: a --train below the classifier's 10 neighbours is refused, and labelled data too small is not "no labels". */
    @Test
    void acc2dThatCannotBeMeasuredSaysWhy() throws Exception {
        Path images = dir.resolve("img"), labels = dir.resolve("lab"), xy = dir.resolve("xy.csv");
        idxImages(images, 8, new Random(3));
        idxLabels(labels, 8);
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 0; i < 8; i++) sb.append(i).append(',').append(i * i % 5).append('\n');
        Files.writeString(xy, sb);
        String[] data = {"quality", "--idx", images.toString(), labels.toString(), "--neighbors", "3"};

        CliRun small = run(concat(data, new String[] {xy.toString()}));
        assertEquals(0, small.code(), small.err());
        String acc = small.out().lines().filter(l -> l.startsWith("acc2d")).findFirst().orElseThrow();
        assertFalse(acc.contains("no labels"), "the labels were given: " + acc);
        assertTrue(acc.contains("8 items: too few"), acc);

        for (String t : new String[] {"-1", "0", "9"}) {
            CliRun r = run(concat(data, new String[] {"--train", t, xy.toString()}));
            assertEquals(2, r.code(), t + ": " + r.out() + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("--train must be at least 10") && r.err().contains("not " + t), r.err());
        }
    }

    static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    static void idxImages(Path file, int count, Random rnd) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x803);
        out.writeInt(count);
        out.writeInt(4);
        out.writeInt(4);
        for (int i = 0; i < count * 16; i++) out.writeByte(rnd.nextInt(256));
        Files.write(file, bytes.toByteArray());
    }

    static void idxLabels(Path file, int count) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x801);
        out.writeInt(count);
        for (int i = 0; i < count; i++) out.writeByte(i % 3);
        Files.write(file, bytes.toByteArray());
    }
}
