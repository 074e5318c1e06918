package org.embedscope.bundle;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.embedscope.progress.Progress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binary copy of points.csv: served when the CSV is unchanged, never when it changed, never different from a parse. */
class PointsCacheTest {
    @TempDir Path dir;
    Path bundle, cacheDir;
    PointsCache cache;

    @BeforeEach
    void setUp() throws Exception {
        bundle = dir.resolve("b");
        BundleFixture.fiveItems().write(bundle).writeCsv(BundleFixture.FIVE_ITEMS_INTERLEAVED_CSV.replace("e.png", "é ü.png"));
        cacheDir = dir.resolve("cache");
        cache = new PointsCache(cacheDir, 0);
    }

    private Bundle load() throws BundleException {
        return BundleReader.load(bundle, Progress.NONE, cache);
    }

    /** Every column of every row the same, as the loader hands them on. */
    static void assertSameContents(Bundle want, Bundle got) {
        assertEquals(want.count(), got.count());
        for (int l = 0; l < want.manifest().layouts().size(); l++) assertArrayEquals(want.coords(l), got.coords(l), "layout " + l);
        assertArrayEquals(want.labels(), got.labels());
        assertEquals(want.labelValues(), got.labelValues());
        assertEquals(want.metaColumns(), got.metaColumns());
        assertEquals(want.pointsColumns(), got.pointsColumns());
        for (int c = 0; c < want.metaColumns().size(); c++) {
            for (int i = 0; i < want.count(); i++) assertEquals(want.meta(c, i), got.meta(c, i), "column " + c + ", item " + i);
        }
    }

    @Test
    void theSecondLoadComesFromTheCacheWithTheSameContents() throws Exception {
        Bundle parsed = load();
        assertEquals(0, cache.hits());
        assertEquals(1, cache.writes());
        Bundle cached = load();
        assertEquals(1, cache.hits(), "served from the cache");
        assertSameContents(parsed, cached);
        assertEquals("quoted, with comma", cached.meta(1, 3));
        assertEquals("é ü.png", cached.meta(0, 4));
        assertSameContents(BundleReader.load(bundle, Progress.NONE, new PointsCache(null, 0)), cached);
        try (Stream<Path> s = Files.list(bundle)) {
            assertEquals(3, s.count(), "nothing written into the bundle (bundle.json, points.csv, atlas)");
        }
    }

    @Test
    void aChangedCsvIsParsedAgainEvenWithTheSameSizeAndTime() throws Exception {
        load();
        Path csv = bundle.resolve("points.csv");
        FileTime time = Files.getLastModifiedTime(csv);
        long size = Files.size(csv);
        Files.writeString(csv, Files.readString(csv).replace("6,7,2,103", "6,8,2,103"));
        Files.setLastModifiedTime(csv, time);
        assertEquals(size, Files.size(csv), "same size");
        assertEquals(time, Files.getLastModifiedTime(csv), "same time");
        Bundle b = load();
        assertEquals(0, cache.hits(), "a stale copy is never served");
        assertEquals(8f, b.coords(0)[2 * 3 + 1]);
        assertEquals(8f, load().coords(0)[2 * 3 + 1], "the new copy replaced the old one");
        assertEquals(1, cache.hits());
    }

    @Test
    void aChangedManifestIsParsedAgain() throws Exception {
        load();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode manifest = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(bundle.resolve("bundle.json").toFile());
        manifest.remove("label");
        Files.writeString(bundle.resolve("bundle.json"), json.writeValueAsString(manifest));
        Bundle b = load();
        assertEquals(0, cache.hits());
        assertFalse(b.hasLabels());
        assertEquals(java.util.List.of("file", "label", "note"), b.metaColumns(), "the label column is metadata now");
    }

    @Test
    void aDamagedCacheFileIsAMiss() throws Exception {
        Bundle parsed = load();
        Path file;
        try (Stream<Path> s = Files.list(cacheDir)) {
            file = s.findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        assertSameContents(parsed, load());
        assertEquals(0, cache.hits());
        for (int at : new int[] {bytes.length / 2, bytes.length - 12, bytes.length - 1}) { // a value, the last string, the checksum
            byte[] damaged = bytes.clone();
            damaged[at] ^= 1;
            Files.write(file, damaged);
            assertSameContents(parsed, load());
            assertEquals(0, cache.hits(), "byte " + at + " of " + bytes.length);
        }
        assertSameContents(parsed, load());
        assertEquals(1, cache.hits(), "rewritten after the miss");
    }

    @Test
    void aCacheThatCannotBeWrittenIsNotUsed() throws Exception {
        Files.writeString(cacheDir, "a file where the folder should be");
        Bundle a = load(), b = load();
        assertEquals(0, cache.hits());
        assertEquals(0, cache.writes());
        assertSameContents(a, b);
    }

    @Test
    void smallFilesAreNotCached() throws Exception {
        PointsCache large = new PointsCache(cacheDir, 1 << 20);
        BundleReader.load(bundle, Progress.NONE, large);
        BundleReader.load(bundle, Progress.NONE, large);
        assertEquals(0, large.writes());
        assertFalse(Files.exists(cacheDir));
    }
}
