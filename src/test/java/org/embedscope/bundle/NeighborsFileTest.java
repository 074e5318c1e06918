package org.embedscope.bundle;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** The optional neighbours file: written and read back raw or gzip-compressed, and every kind of bad file refused. */
class NeighborsFileTest {

    @TempDir Path tmp;

    /** The test bundle's five items, two neighbours each, nearest first. */
    static final int[] INDICES = {1, 3, 0, 2, 1, 4, 0, 2, 2, 3};
    static final float[] DISTANCES = {0.5f, 1.25f, 0.5f, 0.75f, 0.75f, 2f, 1f, 1f, 2f, 3.5f};

    private static final String ENTRY = "\"neighbors\": {\"file\": \"nb/neighbors.bin\", \"k\": 2, \"metric\": \"euclidean\"},\n  \"atlas\"";

    /** The five-item fixture with {@code entry} put before the manifest's atlas. */
    private BundleFixture.Written bundle(String entry) throws Exception {
        return BundleFixture.fiveItems().write(tmp.resolve("b")).editJson("\"atlas\"", entry);
    }

    /** The file's bytes as a writer of the format would lay them out, with the given header values. */
    private static byte[] bytes(int magic, int version, int n, int k, int[] indices, float[] distances) {
        ByteBuffer b = ByteBuffer.allocate(16 + 4 * indices.length + 4 * distances.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(magic).putInt(version).putInt(n).putInt(k);
        for (int i : indices) b.putInt(i);
        for (float d : distances) b.putFloat(d);
        return b.array();
    }

    private static byte[] valid() {
        return bytes(NeighborsFile.MAGIC, 1, 5, 2, INDICES, DISTANCES);
    }

    private BundleFixture.Written withFile(byte[] content) throws Exception {
        BundleFixture.Written t = bundle(ENTRY);
        Files.createDirectories(t.file("nb"));
        Files.write(t.file("nb/neighbors.bin"), content);
        return t;
    }

    @Test
    void aGzipFileCutShortSaysItEndsEarly() throws Exception {
        // the first half of the shipped MNIST bundle's neighbours, as a copy cut short would hold it
        byte[] full = Files.readAllBytes(Path.of("assets/mnist/neighbors.bin.gz"));
        Path cut = Files.write(tmp.resolve("neighbors.bin.gz"), java.util.Arrays.copyOf(full, full.length / 2));
        BundleException e = assertThrows(BundleException.class, () -> NeighborsFile.read(cut, 70000, 15));
        assertEquals(cut + ": the file ends early (truncated); expected 70000 lists of 15 neighbours (8400016 bytes uncompressed)",
                e.getMessage());
    }

    private static void refused(Executable action, String... parts) {
        BundleException e = assertThrows(BundleException.class, action);
        String m = e.getMessage();
        assertFalse(m.contains("\n"), "one line: " + m);
        assertFalse(m.contains("Exception"), "no Java class name: " + m);
        for (String p : parts) assertTrue(m.contains(p), "expected '" + p + "' in: " + m);
    }

    private void fileRefused(byte[] content, String... parts) throws Exception {
        BundleFixture.Written t = withFile(content);
        refused(t::load, parts);
    }

    private static int[] with(int[] a, int at, int v) {
        int[] c = a.clone();
        c[at] = v;
        return c;
    }

    private static float[] with(float[] a, int at, float v) {
        float[] c = a.clone();
        c[at] = v;
        return c;
    }

    // ------------------------------------------------------------------ round trips

    @Test
    void aBundleWithoutNeighboursStillLoads() throws Exception {
        Bundle b = BundleFixture.fiveItems().write(tmp.resolve("plain")).load();
        assertFalse(b.hasNeighbors());
        assertNull(b.neighbors());
        assertNull(b.manifest().neighbors());
    }

    @Test
    void rawFileReadsBackAsWritten() throws Exception {
        Bundle b = withFile(valid()).load();
        assertTrue(b.hasNeighbors());
        assertEquals(new Manifest.Neighbors("nb/neighbors.bin", 2, "euclidean"), b.manifest().neighbors());
        assertArrayEquals(INDICES, b.neighbors().indices());
        assertArrayEquals(DISTANCES, b.neighbors().distances());
        assertEquals(3, b.neighbors().neighbor(0, 1));
        assertEquals(2f, b.neighbors().distance(2, 1));
    }

    @Test
    void writerAndReaderAgreeRawAndCompressed() throws Exception {
        NeighborLists lists = new NeighborLists(5, 2, INDICES, DISTANCES);
        for (String name : new String[] {"neighbors.bin", "neighbors.bin.gz"}) {
            Path out = tmp.resolve("w-" + name);
            try (BundleWriter w = BundleWriter.create(out, null)) {
                BundleFixture.Written src = BundleFixture.fiveItems().write(tmp.resolve("src-" + name));
                copyTree(src.dir, w.dir());
                Path json = w.dir().resolve(BundleFormat.MANIFEST_FILE);
                Files.writeString(json, Files.readString(json).replace("\"atlas\"", ENTRY.replace("nb/neighbors.bin", name)));
                w.writeNeighbors(name, lists);
                w.commit();
            }
            byte[] onDisk = Files.readAllBytes(out.resolve(name));
            if (name.endsWith(".gz")) assertEquals(0x1f, onDisk[0] & 0xff, "gzip signature");
            else assertArrayEquals(valid(), onDisk, "the layout README documents");
            Bundle b = BundleReader.load(out);
            assertArrayEquals(INDICES, b.neighbors().indices(), name);
            assertArrayEquals(DISTANCES, b.neighbors().distances(), name);
        }
    }

    @Test
    void manifestWritesTheEntryItReads() throws Exception {
        Manifest m = Manifest.read(withFile(valid()).dir);
        Path again = tmp.resolve("again");
        Files.createDirectories(again);
        Files.writeString(again.resolve("bundle.json"), m.toJson());
        assertEquals(m.neighbors(), Manifest.read(again).neighbors());
        assertEquals(m, Manifest.read(again));
    }

    // ------------------------------------------------------------------ the manifest entry

    @Test
    void entryThatIsNotAnObject() throws Exception {
        refused(bundle("\"neighbors\": \"nb/neighbors.bin\",\n  \"atlas\"")::load, "bundle.json", "field neighbors", "expected an object");
    }

    @Test
    void entryWithoutAFile() throws Exception {
        refused(bundle("\"neighbors\": {\"k\": 2},\n  \"atlas\"")::load, "bundle.json", "field neighbors.file", "missing");
    }

    @Test
    void kOutOfRange() throws Exception {
        refused(bundle(ENTRY.replace("\"k\": 2", "\"k\": 0"))::load, "field neighbors.k", "is 0", "1 to 4");
        refused(bundle(ENTRY.replace("\"k\": 2", "\"k\": 5"))::load, "field neighbors.k", "is 5", "1 to 4");
        refused(bundle(ENTRY.replace("\"k\": 2", "\"k\": 2.5"))::load, "field neighbors.k", "expected an integer");
    }

    @Test
    void pathLeavingTheBundle() throws Exception {
        refused(bundle(ENTRY.replace("nb/neighbors.bin", "../neighbors.bin"))::load, "bundle.json", "field neighbors.file", "'..'");
    }

    @Test
    void missingFile() throws Exception {
        refused(bundle(ENTRY)::load, "neighbors.bin", "missing", "neighbors.file");
    }

    // ------------------------------------------------------------------ the file

    @Test
    void wrongMagic() throws Exception {
        fileRefused(bytes(0x474E5089, 1, 5, 2, INDICES, DISTANCES), "neighbors.bin", "header", "not a neighbours file");
    }

    @Test
    void unknownVersion() throws Exception {
        fileRefused(bytes(NeighborsFile.MAGIC, 2, 5, 2, INDICES, DISTANCES), "neighbors.bin", "header", "version 2");
    }

    @Test
    void itemCountOtherThanTheManifests() throws Exception {
        fileRefused(bytes(NeighborsFile.MAGIC, 1, 4, 2, INDICES, DISTANCES), "neighbors.bin", "header", "holds 4 items", "expected 5");
    }

    @Test
    void neighbourCountOtherThanTheManifests() throws Exception {
        fileRefused(bytes(NeighborsFile.MAGIC, 1, 5, 1, INDICES, DISTANCES), "neighbors.bin", "header", "holds 1 neighbours", "neighbors.k");
    }

    @Test
    void truncatedOrTooLong() throws Exception {
        byte[] v = valid();
        fileRefused(java.util.Arrays.copyOf(v, v.length - 3), "neighbors.bin", "truncated", (v.length - 3) + " bytes", "= " + v.length);
        fileRefused(java.util.Arrays.copyOf(v, v.length + 4), "neighbors.bin", "too long", (v.length + 4) + " bytes");
        fileRefused(java.util.Arrays.copyOf(v, 10), "neighbors.bin", "header", "truncated");
    }

    @Test
    void truncatedCompressedFile() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(bytes)) {
            o.write(valid());
        }
        byte[] gz = bytes.toByteArray();
        assertEquals(5, withFile(gz).load().neighbors().n(), "a compressed file is read whatever its name");
        fileRefused(java.util.Arrays.copyOf(gz, gz.length / 2), "neighbors.bin");
    }

    /** Viewing defers the lists: the header is checked at load, a defect further in when the lists are first read, with the same line. */
    @Test
    void viewingChecksTheHeaderAtLoadAndTheListsWhenRead() throws Exception {
        BundleFixture.Written good = withFile(valid());
        Bundle b = BundleReader.loadForViewing(good.dir, org.embedscope.progress.Progress.NONE);
        assertTrue(b.hasNeighbors());
        assertArrayEquals(INDICES, b.neighbors().indices());
        assertArrayEquals(DISTANCES, b.neighbors().distances());

        BundleFixture.Written badHeader = withFile(bytes(NeighborsFile.MAGIC, 1, 6, 2, INDICES, DISTANCES));
        refused(() -> BundleReader.loadForViewing(badHeader.dir, org.embedscope.progress.Progress.NONE), "neighbors.bin", "holds 6 items");

        BundleFixture.Written badBody = withFile(bytes(NeighborsFile.MAGIC, 1, 5, 2, with(INDICES, 5, 5), DISTANCES));
        Bundle deferred = BundleReader.loadForViewing(badBody.dir, org.embedscope.progress.Progress.NONE);
        assertEquals(5, deferred.count(), "the points load; the lists are not read yet");
        deferred.prefetchNeighbors();
        refused(deferred::neighbors, "neighbors.bin", "item 2, neighbour 2", "index 5");
        refused(deferred::neighbors, "neighbors.bin", "item 2, neighbour 2", "index 5");
    }

    @Test
    void indexOutOfRange() throws Exception {
        fileRefused(bytes(NeighborsFile.MAGIC, 1, 5, 2, with(INDICES, 5, 5), DISTANCES), "neighbors.bin", "item 2, neighbour 2", "index 5", "0 to 4");
        fileRefused(bytes(NeighborsFile.MAGIC, 1, 5, 2, with(INDICES, 0, -1), DISTANCES), "item 0, neighbour 1", "index -1");
    }

    @Test
    void itemListedAsItsOwnNeighbour() throws Exception {
        fileRefused(bytes(NeighborsFile.MAGIC, 1, 5, 2, with(INDICES, 3, 1), DISTANCES), "neighbors.bin", "item 1, neighbour 2", "the item itself");
    }

    @Test
    void neighbourListedTwice() throws Exception {
        fileRefused(bytes(NeighborsFile.MAGIC, 1, 5, 2, with(INDICES, 9, 2), DISTANCES), "neighbors.bin", "item 4, neighbour 2", "item 2 twice");
    }

    @Test
    void distancesNotFiniteOrNegative() throws Exception {
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, -0.25f}) {
            fileRefused(bytes(NeighborsFile.MAGIC, 1, 5, 2, INDICES, with(DISTANCES, 7, bad)), "neighbors.bin", "item 3, neighbour 2",
                    "distance " + bad, "finite");
        }
    }

    @Test
    void distancesDecreasingAlongARow() throws Exception {
        fileRefused(bytes(NeighborsFile.MAGIC, 1, 5, 2, INDICES, with(DISTANCES, 2, 0.8f)), "neighbors.bin", "item 1, neighbour 2",
                "distance 0.75 is smaller than the one before (0.8)");
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
