package org.embedscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.embedscope.TestData;
import org.embedscope.bundle.Manifest;
import org.embedscope.prepare.FolderCache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render DIR} (and {@code explore DIR}) on a folder of images: prepared once into the cache, reused until a file changes. */
class FolderCacheTest {
    @TempDir Path dir;
    Path cache, photos;

    @BeforeEach
    void folder() throws Exception {
        cache = FolderCache.defaultRoot(); // under the build's test cache (EMBEDSCOPE_CACHE, set by surefire)
        photos = dir.resolve("photos");
        for (int i = 0; i < 6; i++) {
            int v = 30 * i;
            TestData.save(TestData.argb(12, 12, false, (x, y) -> 0xff000000 | v << 16 | (x * 20) << 8 | 90), "png",
                    photos.resolve((i % 2 == 0 ? "cats/" : "dogs/") + i + ".png"));
        }
    }

    private CliRun render() {
        return CliRun.of("render", photos.toString(), "--size", "160x100", "--out", dir.resolve("shot.png").toString());
    }

    /** One unreadable file among the photos: refused with how to open the rest, which --skip-bad does. */
    @Test
    void anUnreadableImageIsNamedAndSkipBadOpensTheRest() throws Exception {
        Files.writeString(photos.resolve("cats/broken.png"), "not a png");
        Path shot = dir.resolve("shot.png");
        CliRun refused = render();
        assertEquals(Main.EXIT_BAD_INPUT, refused.code(), refused.err());
        String line = refused.err().strip().lines().filter(l -> l.startsWith("embedscope: ") && !l.contains("preparing")).findFirst().orElse("");
        assertTrue(line.contains("broken.png") && line.contains("--skip-bad"), refused.err());
        assertFalse(Files.exists(shot));

        CliRun skipped = CliRun.of("render", photos.toString(), "--skip-bad", "--size", "160x100", "--out", shot.toString());
        assertEquals(0, skipped.code(), skipped.err());
        assertTrue(skipped.err().contains("broken.png"), "the skipped file is listed: " + skipped.err());
        assertEquals(6, Manifest.read(FolderCache.bundleOf(cache, photos)).count(), "the six readable images");
        assertTrue(Files.isRegularFile(shot));

        // Opened again from the cache (without --skip-bad), it still says what it lacks.
        CliRun cached = render();
        assertEquals(0, cached.code(), cached.err());
        assertFalse(cached.err().contains("preparing"), cached.err());
        assertTrue(cached.err().contains("1 unreadable image was left out when this folder was prepared (")
                && cached.err().contains("broken.png); --rebuild tries them again"), cached.err());
    }

    /**
     * The user's edits of a folder (saved in its cached bundle) survive the folder being prepared again
     * after an image is added, on the images they were made on (they were deleted with the old bundle;
     * and an added image moves the rows after it).
     */
    @Test
    void editsFollowTheirImagesWhenTheFolderIsPreparedAgain() throws Exception {
        assertEquals(0, render().code());
        Path bundle = FolderCache.bundleOf(cache, photos);
        int row = rowOf(bundle, "dogs/3.png");
        Files.writeString(bundle.resolve("annotations.csv"), "index,label,tags,edited\n" + row + ",blurry dog,dup,2026-01-31T12:00:00Z\n");

        TestData.save(TestData.argb(12, 12, false, (x, y) -> 0xff102030), "png", photos.resolve("cats/0a.png"));   // sorts before the dogs
        CliRun again = render();
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("kept the 1 edited item of the bundle this replaces (matched by image path)"), again.err());
        int moved = rowOf(bundle, "dogs/3.png");
        assertEquals(row + 1, moved, "the added image comes before it");
        assertEquals("index,label,tags,edited\n" + moved + ",blurry dog,dup,2026-01-31T12:00:00Z\n",
                Files.readString(bundle.resolve("annotations.csv")));

        // The edited image removed: nothing to carry it to, and the old file is kept whole beside the new bundle's.
        Files.delete(photos.resolve("dogs/3.png"));
        CliRun removed = render();
        assertEquals(0, removed.code(), removed.err());
        assertTrue(removed.err().contains("1 match no new item"), removed.err());
        try (var files = Files.list(bundle)) {
            Path aside = files.filter(f -> f.getFileName().toString().startsWith("annotations.before-")).findFirst().orElseThrow();
            assertTrue(Files.readString(aside).contains(moved + ",blurry dog"), "the edit is kept aside");
        }
    }

    private static int rowOf(Path bundle, String path) throws Exception {
        org.embedscope.bundle.Bundle b = org.embedscope.bundle.BundleReader.load(bundle);
        int c = b.metaColumns().indexOf("path");
        for (int i = 0; i < b.count(); i++) if (b.meta(c, i).equals(path)) return i;
        throw new AssertionError(path + " is not in the bundle");
    }

    @Test
    void preparedOnceThenReusedUntilAFileChanges() throws Exception {
        CliRun first = render();
        assertEquals(0, first.code(), first.err());
        assertTrue(first.err().contains("preparing 6 images of " + photos), first.err());
        Path bundle = FolderCache.bundleOf(cache, photos);
        assertEquals(cache, bundle.getParent());
        Manifest m = Manifest.read(bundle);
        assertEquals(6, m.count());
        assertEquals("photos", m.name());
        assertEquals(List.of("umap", "pca"), m.layouts().stream().map(Manifest.Layout::name).toList());
        assertTrue(Files.isRegularFile(dir.resolve("shot.png")));
        FileTime made = Files.getLastModifiedTime(bundle.resolve(Manifest.FILE_NAME));
        String manifest = Files.readString(bundle.resolve(Manifest.FILE_NAME));

        CliRun again = render();
        assertEquals(0, again.code(), again.err());
        assertFalse(again.err().contains("preparing"), "a cache hit prepares nothing: " + again.err());
        assertEquals(made, Files.getLastModifiedTime(bundle.resolve(Manifest.FILE_NAME)));

        // one image changes: new pixels, a new size and a new time
        Path changed = photos.resolve("dogs/3.png");
        TestData.save(TestData.argb(12, 12, false, (x, y) -> 0xffffffff), "png", changed);
        Files.setLastModifiedTime(changed, FileTime.fromMillis(Files.getLastModifiedTime(changed).toMillis() + 5000));
        CliRun changedRun = render();
        assertEquals(0, changedRun.code(), changedRun.err());
        assertTrue(changedRun.err().contains("preparing 6 images"), changedRun.err());
        assertNotEquals(manifest, Files.readString(bundle.resolve(Manifest.FILE_NAME)), "the fingerprint changed with the file");
        int item = ProjectorImportTest.points(bundle).stream().map(r -> r.get("path")).toList().indexOf("dogs/3.png");
        int[] cell = ProjectorImportTest.cell(bundle, Manifest.read(bundle), item);
        assertEquals(0xffffffff, cell[5 * 12 + 5], "the cached bundle shows the new image");

        // only the time changes (a file touched): prepared again too
        Files.setLastModifiedTime(changed, FileTime.fromMillis(Files.getLastModifiedTime(changed).toMillis() + 5000));
        assertTrue(render().err().contains("preparing"));
        // a file added
        TestData.save(TestData.grey(5, 5, (x, y) -> 200), "png", photos.resolve("new.png"));
        CliRun added = render();
        assertTrue(added.err().contains("preparing 7 images"), added.err());
        assertEquals(7, Manifest.read(bundle).count());
        // --rebuild prepares even when nothing changed
        assertFalse(render().err().contains("preparing"));
        CliRun forced = CliRun.of("render", photos.toString(), "--rebuild", "--size", "160x100", "--out", dir.resolve("shot.png").toString());
        assertEquals(0, forced.code(), forced.err());
        assertTrue(forced.err().contains("preparing 7 images"), forced.err());
        String hash = bundle.getFileName().toString();
        try (var s = Files.list(bundle.getParent())) {
            assertEquals(List.of(hash), s.map(p -> p.getFileName().toString()).filter(n -> n.contains(hash)).toList(),
                    "one cached bundle for the folder, no temporary folders");
        }
    }

    @Test
    void aFolderWithoutImagesOrBundleIsOneLine() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "no images");
        CliRun r = CliRun.of("render", empty.toString(), "--out", dir.resolve("x.png").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is not a bundle (no bundle.json) and holds no images"), r.err());
        assertFalse(Files.exists(FolderCache.bundleOf(cache, empty)));
    }

    /** A folder of a phone's HEIC photos only was "holds no images (files ending in …)", as if it held none: it says what it found. */
    @Test
    void aFolderOfImagesInFormatsItDoesNotReadSaysSo() throws Exception {
        Path heicOnly = Files.createDirectories(dir.resolve("heic-only"));
        Files.writeString(heicOnly.resolve("IMG_0001.HEIC"), "not decoded");
        Files.writeString(heicOnly.resolve("IMG_0002.heic"), "not decoded");
        CliRun r = CliRun.of("render", heicOnly.toString(), "--out", dir.resolve("x.png").toString());
        assertEquals(2, r.code(), r.err() + r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("is not a bundle (no bundle.json) and holds no images it can read (2 .heic, formats embedscope does not read)"), r.err());
        assertFalse(Files.exists(FolderCache.bundleOf(cache, heicOnly)));
    }
}
