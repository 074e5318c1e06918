package org.embedscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.embedscope.TestData;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleReader;
import org.embedscope.bundle.Manifest;
import org.embedscope.bundle.NeighborLists;
import org.embedscope.source.IdxFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * prepare's neighbours and trust columns, {@code quality --per-item} and {@code neighbors}, as a user
 * runs them on 300 real MNIST digits (200 train, 100 test).
 */
class PrepareNeighborsTest {
    @TempDir Path dir;
    Path[] train, test;
    static final int N = 300;

    @BeforeEach
    void data() throws Exception {
        train = TestData.mnistSubset(dir, "train", 0, 200);
        test = TestData.mnistSubset(dir, "t10k", 200, 100);
    }

    private String[] idx() {
        return new String[] {"--idx", train[0].toString(), train[1].toString(), "--idx", test[0].toString(), test[1].toString()};
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Runs prepare on the 300 digits with these further arguments into {@code out}; asserts success. */
    private Path prepare(String out, String... args) {
        Path o = dir.resolve(out);
        CliRun r = CliRun.of(concat(concat(new String[] {"prepare"}, idx()), concat(args, "-o", o.toString())));
        assertEquals(0, r.code(), r.err());
        return o;
    }

    private static List<CSVRecord> csv(Reader r) throws Exception {
        try (CSVParser p = CSVParser.parse(r, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        return csv(Files.newBufferedReader(file));
    }

    private static List<String> column(List<CSVRecord> rows, String name) {
        return rows.stream().map(r -> r.get(name)).toList();
    }

    /** The pixels prepare computes on (the 28-px cells, scaled to 0–1), read independently from the IDX files. */
    private float[] pixels() throws Exception {
        IdxFile.Images a = IdxFile.readImages(train[0]), b = IdxFile.readImages(test[0]);
        float[] x = new float[N * 784];
        for (int i = 0; i < 200 * 784; i++) x[i] = (a.pixels()[i] & 0xff) / 255f;
        for (int i = 0; i < 100 * 784; i++) x[200 * 784 + i] = (b.pixels()[i] & 0xff) / 255f;
        return x;
    }

    /** Asserts that {@code nb}'s first k per item are each item's exact k nearest (double-precision brute force), up to ties. */
    private void assertExact(NeighborLists nb, int k) throws Exception {
        float[] x = pixels();
        int exactIndex = 0;
        for (int i = 0; i < N; i++) {
            double[] d = new double[N];
            Integer[] order = new Integer[N - 1];
            for (int j = 0, p = 0; j < N; j++) {
                double s = 0;
                for (int c = 0; c < 784; c++) {
                    double t = (double) x[i * 784 + c] - x[j * 784 + c];
                    s += t * t;
                }
                d[j] = Math.sqrt(s);
                if (j != i) order[p++] = j;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(d[a], d[b]));
            for (int r = 0; r < k; r++) {
                int j = nb.neighbor(i, r);
                assertEquals(d[order[r]], nb.distance(i, r), 1e-5, "item " + i + ", rank " + (r + 1) + ": the exact distance at this rank");
                assertEquals(d[j], nb.distance(i, r), 1e-5, "item " + i + ", rank " + (r + 1) + ": the distance to the item listed");
                if (j == order[r]) exactIndex++;
            }
        }
        // Only exact ties may be listed in another order.
        assertTrue(exactIndex >= N * k - 5, exactIndex + " of " + N * k + " at their exact rank");
    }

    @Test
    void aPcaBundleHoldsEachItemsExactNeighbours() throws Exception {
        Path out = prepare("pca", "--layout", "pca");
        Manifest m = Manifest.read(out);
        assertEquals(new Manifest.Neighbors("neighbors.bin.gz", 15, "euclidean"), m.neighbors());
        assertEquals("searched", m.provenance().get("neighbors"));
        Bundle b = BundleReader.load(out);
        assertEquals(15, b.neighbors().k());
        assertExact(b.neighbors(), 15);
        assertEquals(List.of("split", "pca_trust"), b.metaColumns());
    }

    @Test
    void umapsOwnGraphIsReusedWhenItHoldsEnough() throws Exception {
        Path out = prepare("umap", "--layout", "umap", "--umap-neighbors", "11", "--neighbors", "10");
        Manifest m = Manifest.read(out);
        assertEquals("the graph of layout umap", m.provenance().get("neighbors"));
        assertEquals(10, m.neighbors().k());
        assertExact(BundleReader.load(out).neighbors(), 10); // 300 items: UMAP searched exactly
        // UMAP's 10 others (n_neighbors 11 counts the item) are too few for 15: one search of its own.
        assertEquals("searched", Manifest.read(prepare("umap15", "--layout", "umap", "--umap-neighbors", "11")).provenance().get("neighbors"));
    }

    @Test
    void trustColumnsEqualQualityPerItem() throws Exception {
        Path xy = dir.resolve("given.csv");
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 0; i < N; i++) sb.append(i % 17).append(',').append((i * 7) % 23).append('\n');
        Files.writeString(xy, sb);
        Path out = prepare("b", "--layout", "pca,tsne", "--tsne-iter", "200", "--import-layout", "given=" + xy);
        assertEquals("the graph of layout tsne", Manifest.read(out).provenance().get("neighbors"));
        List<CSVRecord> points = csv(out.resolve("points.csv"));
        assertEquals(List.of("given_x", "given_y", "pca_x", "pca_y", "tsne_x", "tsne_y", "label", "split", "given_trust", "pca_trust", "tsne_trust"),
                points.get(0).getParser().getHeaderNames());
        for (String layout : new String[] {"given", "pca", "tsne"}) {
            Path f = dir.resolve(layout + "-trust.csv");
            CliRun q = CliRun.of(concat(concat(new String[] {"quality"}, idx()), out.toString(), "--layout", layout, "--per-item", "-o", f.toString()));
            assertEquals(0, q.code(), q.err());
            assertTrue(q.out().contains("data neighbours: the bundle's 15 per item"), q.out());
            List<CSVRecord> rows = csv(f);
            assertEquals(N, rows.size());
            assertEquals(column(points, layout + "_trust"), column(rows, layout + "_trust"), layout);
            for (int i = 0; i < N; i += 50) assertEquals(Integer.toString(i), rows.get(i).get("index"));
        }
        // The layouts keep different shares of the neighbours: t-SNE most, a lattice unrelated to the digits least.
        assertTrue(mean(points, "tsne_trust") > mean(points, "pca_trust"), mean(points, "tsne_trust") + " vs " + mean(points, "pca_trust"));
        assertTrue(mean(points, "pca_trust") > mean(points, "given_trust") + 0.05, mean(points, "pca_trust") + " vs " + mean(points, "given_trust"));
        for (String v : column(points, "tsne_trust")) {
            double t = Double.parseDouble(v);
            assertTrue(t >= 0 && t <= 1 && Math.abs(t * 15 - Math.round(t * 15)) < 0.01, "a fraction of 15: " + v);
        }
    }

    @Test
    void perItemOnABundleWithNeighboursNeedsNoData() throws Exception {
        Path out = prepare("b", "--layout", "pca,umap");
        List<CSVRecord> points = csv(out.resolve("points.csv"));
        Path f = dir.resolve("umap-trust.csv");
        CliRun q = CliRun.of("quality", out.toString(), "--layout", "umap", "--per-item", "-o", f.toString());
        assertEquals(0, q.code(), q.err());
        assertTrue(q.out().contains("data neighbours: the bundle's 15 per item"), q.out());
        assertTrue(q.out().contains("give --idx, --images or --vectors"), "the scores left out say why: " + q.out());
        assertEquals(column(points, "umap_trust"), column(csv(f), "umap_trust"));

        // Fewer stored than asked, or none: the data is needed, and the message says so.
        q = CliRun.of("quality", out.toString(), "--per-item", "--neighbors", "20", "-o", dir.resolve("t20.csv").toString());
        assertEquals(2, q.code(), q.err());
        assertOneLine(q.err(), "bundle.json", "holds 15 neighbours per item, fewer than --neighbors 20", "--vectors");
        Path none = prepare("none", "--layout", "pca", "--neighbors", "0");
        q = CliRun.of("quality", none.toString(), "--per-item", "-o", dir.resolve("t.csv").toString());
        assertEquals(2, q.code(), q.err());
        assertOneLine(q.err(), "bundle.json", "holds no neighbours", "--idx");
        assertFalse(Files.exists(dir.resolve("t.csv")) || Files.exists(dir.resolve("t20.csv")));
        // Without --per-item the scores need the data.
        q = CliRun.of("quality", out.toString());
        assertEquals(2, q.code(), q.err());
        assertTrue(q.err().contains("give one of --idx") && q.err().contains("only --per-item -o FILE on a bundle holding neighbours"), q.err());
    }

    /**
     * Without the data only the per-item trust is written; --sample, --train, --seed and --labels, which
     * shape the scores, were taken without a word and changed nothing. And --per-item without -o was told
     * to give the data, not -o.
     */
    @Test
    void perItemWithoutDataRefusesTheScoresOptionsAndWantsItsFile() throws Exception {
        Path out = prepare("b", "--layout", "pca");
        Path f = dir.resolve("trust.csv");
        for (String[] option : new String[][] {{"--sample", "10"}, {"--train", "100"}, {"--seed", "3"}, {"--labels", train[1].toString()}}) {
            CliRun q = CliRun.of("quality", out.toString(), "--per-item", "-o", f.toString(), option[0], option[1]);
            assertEquals(2, q.code(), q.err());
            assertOneLine(q.err(), option[0] + " goes with the scores, which need the data (--idx, --images or --vectors)");
            assertFalse(Files.exists(f));
        }
        CliRun q = CliRun.of("quality", out.toString(), "--per-item");
        assertEquals(2, q.code(), q.err());
        assertOneLine(q.err(), "--per-item and -o FILE go together");
    }

    /**
     * A 12-item bundle (11 neighbours stored per item: all there are): the default K of 15 was refused as
     * wanting the data searched, and 11 as wanting more items; the line now says which K these items take.
     */
    @Test
    void aSmallSetSaysWhichNeighbourCountsItTakes() throws Exception {
        Path[] small = TestData.mnistSubset(dir, "small", 0, 12);
        Path out = dir.resolve("small-b");
        CliRun r = CliRun.of("prepare", "--idx", small[0].toString(), small[1].toString(), "--layout", "pca", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String k : new String[] {"15", "11"}) {
            CliRun q = CliRun.of("quality", out.toString(), "--per-item", "--neighbors", k, "-o", dir.resolve("t.csv").toString());
            assertEquals(2, q.code(), q.err());
            assertOneLine(q.err(), "--neighbors " + k + ": expected at most 10 for 12 items");
            q = CliRun.of("quality", "--idx", small[0].toString(), small[1].toString(), out.toString(), "--neighbors", k);
            assertEquals(2, q.code(), q.err());
            assertOneLine(q.err(), "--neighbors " + k + ": expected at most 10 for 12 items");
        }
        assertFalse(Files.exists(dir.resolve("t.csv")));
        CliRun q = CliRun.of("quality", out.toString(), "--per-item", "--neighbors", "10", "-o", dir.resolve("t.csv").toString());
        assertEquals(0, q.code(), q.err());
        assertEquals(12, csv(dir.resolve("t.csv")).size());
        q = CliRun.of("quality", "--idx", small[0].toString(), small[1].toString(), out.toString(), "--neighbors", "5");
        assertEquals(0, q.code(), q.err());
        assertTrue(q.out().contains("trust5 "), q.out());
    }

    @Test
    void perItemFromCoordinatesSearchesTheSameExactNeighbours() throws Exception {
        Path out = prepare("pca", "--layout", "pca");
        List<CSVRecord> points = csv(out.resolve("points.csv"));
        Path xy = dir.resolve("pca.csv");
        StringBuilder sb = new StringBuilder("pca_x,pca_y\n");
        for (CSVRecord r : points) sb.append(r.get("pca_x")).append(',').append(r.get("pca_y")).append('\n');
        Files.writeString(xy, sb);
        Path f = dir.resolve("trust.csv");
        CliRun q = CliRun.of(concat(concat(new String[] {"quality"}, idx()), xy.toString(), "--layout", "pca", "--per-item", "-o", f.toString()));
        assertEquals(0, q.code(), q.err());
        assertTrue(q.out().contains("data neighbours: exact search"), q.out());
        assertEquals(column(points, "pca_trust"), column(csv(f), "pca_trust"));
        assertTrue(q.out().contains(String.format(java.util.Locale.ROOT, "mean %.4f", mean(points, "pca_trust"))), q.out());
    }

    private static double mean(List<CSVRecord> rows, String column) {
        return rows.stream().mapToDouble(r -> Double.parseDouble(r.get(column))).average().orElseThrow();
    }

    @Test
    void importedLayoutsAloneGetOneSearch() throws Exception {
        Path xy = dir.resolve("given.csv");
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 0; i < N; i++) sb.append(i).append(',').append(i % 10).append('\n');
        Files.writeString(xy, sb);
        Path out = prepare("imported", "--import-layout", "given=" + xy, "--neighbors", "5");
        Bundle b = BundleReader.load(out);
        assertEquals("searched", b.manifest().provenance().get("neighbors"));
        assertExact(b.neighbors(), 5);
        assertEquals(List.of("split", "given_trust"), b.metaColumns());
    }

    @Test
    void noNeighboursWhenAskedForNone() throws Exception {
        Path out = prepare("none", "--layout", "pca", "--neighbors", "0");
        Bundle b = BundleReader.load(out);
        assertFalse(b.hasNeighbors());
        assertNull(b.manifest().neighbors());
        assertEquals(List.of("split"), b.metaColumns());
        assertFalse(Files.exists(out.resolve("neighbors.bin.gz")));
        assertFalse(Files.readString(out.resolve("bundle.json")).contains("\"neighbors\""));

        CliRun r = CliRun.of("neighbors", out.toString(), "3");
        assertEquals(2, r.code());
        assertOneLine(r.err(), "bundle.json", "holds no neighbours", "--neighbors");
    }

    @Test
    void badNeighboursOption() {
        CliRun r = CliRun.of(concat(concat(new String[] {"prepare"}, idx()), "--neighbors", "-1", "-o", dir.resolve("x").toString()));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--neighbors must be 0 to 1024"), r.err());
        CliRun q = CliRun.of(concat(concat(new String[] {"quality"}, idx()), dir.resolve("x").toString(), "--per-item"));
        assertEquals(2, q.code());
        assertTrue(q.err().contains("--per-item and -o FILE go together"), q.err());
    }

    private static void assertOneLine(String err, String... parts) {
        String line = err.strip();
        assertFalse(line.contains("\n"), "one line: " + err);
        assertFalse(line.contains("Exception") || line.contains("\tat "), "no stack trace or class name: " + err);
        for (String p : parts) assertTrue(line.contains(p), "expected '" + p + "' in: " + line);
    }

    @Test
    void neighborsCommandListsAnItemsNeighboursWithTheirLabelsAndMetadata() throws Exception {
        Path out = prepare("cmd", "--layout", "pca", "--label-names", "mnist");
        Bundle b = BundleReader.load(out);
        NeighborLists nb = b.neighbors();
        int item = 250;

        CliRun csvRun = CliRun.of("neighbors", out.toString(), Integer.toString(item), "--csv", "--k", "4");
        assertEquals(0, csvRun.code(), csvRun.err());
        List<CSVRecord> rows = csv(new StringReader(csvRun.out()));
        assertEquals(List.of("rank", "index", "distance", "label", "split", "pca_trust"), rows.get(0).getParser().getHeaderNames());
        assertEquals(4, rows.size());
        int[] labels = new int[N];
        int[] a = IdxFile.readLabels(train[1]), c = IdxFile.readLabels(test[1]);
        System.arraycopy(a, 0, labels, 0, 200);
        System.arraycopy(c, 0, labels, 200, 100);
        List<CSVRecord> points = csv(out.resolve("points.csv"));
        for (int r = 0; r < 4; r++) {
            CSVRecord row = rows.get(r);
            int j = nb.neighbor(item, r);
            assertEquals(Integer.toString(r + 1), row.get("rank"));
            assertEquals(Integer.toString(j), row.get("index"));
            assertEquals(nb.distance(item, r), Float.parseFloat(row.get("distance")));
            assertEquals(Integer.toString(labels[j]), row.get("label"), "the raw label, as in points.csv");
            assertEquals(j < 200 ? "train" : "test", row.get("split"));
            assertEquals(points.get(j).get("pca_trust"), row.get("pca_trust"));
        }

        CliRun text = CliRun.of("neighbors", out.toString(), Integer.toString(item));
        assertEquals(0, text.code(), text.err());
        String[] lines = text.out().split("\n");
        String digit = new String[] {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}[labels[item]];
        assertTrue(lines[0].startsWith("item 250 (" + digit + "): its 15 nearest of 300 items by euclidean distance"), lines[0]);
        assertTrue(lines[1].matches("rank\\s+index\\s+distance\\s+label\\s+split\\s+pca_trust"), lines[1]);
        assertEquals(17, lines.length, text.out());
        for (int r = 0; r < 15; r++) {
            String[] f = lines[2 + r].trim().split("\\s+");
            int j = nb.neighbor(item, r);
            assertEquals(List.of(Integer.toString(r + 1), Integer.toString(j)), List.of(f[0], f[1]));
            assertEquals(nb.distance(item, r), Double.parseDouble(f[2]), 5e-5);
            assertEquals(b.labelName(b.labels()[j]), f[3], "the label's display name");
        }
    }

    @Test
    void neighborsCommandShowsTheUsersCorrectedLabels() throws Exception {
        Path out = prepare("cmd", "--layout", "pca", "--label-names", "mnist");
        Bundle b = BundleReader.load(out);
        NeighborLists nb = b.neighbors();
        int item = 250, first = nb.neighbor(item, 0), second = nb.neighbor(item, 1);
        int was = b.labels()[first];
        String now = Integer.toString((Integer.parseInt(b.labelValues().get(was)) + 1) % 10);
        Path edits = dir.resolve("edits.csv");
        Files.writeString(edits, "index,label,tags,edited\n" + first + "," + now + ",checked,\n" + second + ",,,\n");

        CliRun csvRun = CliRun.of("neighbors", out.toString(), Integer.toString(item), "--csv", "--k", "3", "--annotations", edits.toString());
        assertEquals(0, csvRun.code(), csvRun.err());
        assertTrue(csvRun.err().contains("with the labels and tags edited in " + edits), csvRun.err());
        List<CSVRecord> rows = csv(new StringReader(csvRun.out()));
        assertEquals(List.of("rank", "index", "distance", "label", "split", "pca_trust", "label_original", "tags"),
                rows.get(0).getParser().getHeaderNames());
        assertEquals(now, rows.get(0).get("label"), "the corrected label");
        assertEquals(b.labelValues().get(was), rows.get(0).get("label_original"), "the bundle's own");
        assertEquals("checked", rows.get(0).get("tags"));
        assertEquals("", rows.get(1).get("label"), "a label the user removed");
        int third = nb.neighbor(item, 2);
        assertEquals(b.labelValues().get(b.labels()[third]), rows.get(2).get("label"), "an item not edited keeps its label");

        CliRun text = CliRun.of("neighbors", out.toString(), Integer.toString(item), "--k", "1", "--annotations", edits.toString());
        assertEquals(0, text.code(), text.err());
        String[] lines = text.out().split("\n");
        String[] f = lines[2].trim().split("\\s+");
        assertEquals(b.manifest().label().displayName(now), f[3], "the corrected label's display name");
        assertTrue(lines[lines.length - 1].contains("edited in " + edits), text.out());

        CliRun bad = CliRun.of("neighbors", out.toString(), "3", "--annotations", dir.resolve("missing.csv").toString());
        assertEquals(2, bad.code());
        assertOneLine(bad.err(), "missing.csv");
    }

    @Test
    void neighborsCommandRefusesBadInputInOneLine() throws Exception {
        Path out = prepare("cmd", "--layout", "pca", "--neighbors", "5");
        String bundle = out.toString();
        List<String[]> bad = new ArrayList<>();
        bad.add(new String[] {"300", "INDEX", "300 is out of range", "0 to 299"});
        bad.add(new String[] {"-1", "INDEX", "-1 is out of range"});
        bad.add(new String[] {"seven", "INDEX", "'seven' is not a whole number"});
        for (String[] c : bad) {
            CliRun r = CliRun.of("neighbors", bundle, c[0]);
            assertEquals(2, r.code(), c[0]);
            assertOneLine(r.err(), java.util.Arrays.copyOfRange(c, 1, c.length));
        }
        CliRun k = CliRun.of("neighbors", bundle, "4", "--k", "6");
        assertEquals(2, k.code());
        assertOneLine(k.err(), "--k", "6 is out of range", "holds 5 per item");
        CliRun missing = CliRun.of("neighbors", dir.resolve("nowhere").toString(), "1");
        assertEquals(2, missing.code());
        assertOneLine(missing.err(), "nowhere", "missing");
        // A damaged neighbours file is refused when the bundle loads.
        Files.write(out.resolve("neighbors.bin.gz"), new byte[] {1, 2, 3});
        CliRun damaged = CliRun.of("neighbors", bundle, "1");
        assertEquals(2, damaged.code());
        assertOneLine(damaged.err(), "neighbors.bin.gz", "header", "truncated");
    }
}
