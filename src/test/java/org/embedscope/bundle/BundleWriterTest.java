package org.embedscope.bundle;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.embedscope.progress.CancelledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleWriterTest {
    @TempDir Path dir;

    private static Manifest manifest(String name) {
        return new Manifest(name, 2, "points.csv", List.of(new Manifest.Layout("xy", "XY")), null,
                new Manifest.Atlas(AlphaMode.OPAQUE, List.of(new Manifest.Level(4, 2, 1, List.of("atlas/0-00.png")))), Map.of());
    }

    private List<String> siblings() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void fill(BundleWriter w, String name) throws Exception {
        w.writeManifest(manifest(name));
        w.writePoints("points.csv", manifest(name).layouts(), List.of(new float[] {1, 2, 3.5f, -4}), "label",
                new String[] {"a", "b,c"}, Map.of("note", new String[] {"x", "\"quoted\""}));
    }

    /** Writes a complete bundle called {@code name} at {@code target}. */
    private void committed(Path target, String name) throws Exception {
        try (BundleWriter w = BundleWriter.create(target, null)) {
            fill(w, name);
            w.commit();
        }
    }

    @Test
    void nothingAppearsUntilCommitThenTheBundleIsInPlace() throws Exception {
        Path target = dir.resolve("out");
        try (BundleWriter w = BundleWriter.create(target, null)) {
            fill(w, "first");
            assertFalse(Files.exists(target));
            assertEquals(1, siblings().size());
            assertTrue(siblings().get(0).startsWith(".out.partial-"), siblings().toString());
            w.commit();
        }
        assertEquals(List.of("out"), siblings());
        assertEquals("first", Manifest.read(target).name());
        assertEquals("xy_x,xy_y,label,note\r\n1.0,2.0,a,x\r\n3.5,-4.0,\"b,c\",\"\"\"quoted\"\"\"\r\n",
                Files.readString(target.resolve("points.csv")));
    }

    /**
     * A run killed outright leaves its temporary folder; the next run into the same target deletes it
     * (it stayed for good). One whose process still runs, and one of another target, are left alone.
     */
    @Test
    void aKilledRunsFolderIsDeletedByTheNextRun() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path abandoned = Files.createDirectories(dir.resolve(".out.partial-" + gone.pid() + "-1f2e"));
        Files.writeString(abandoned.resolve("points.csv"), "half");
        Path running = Files.createDirectories(dir.resolve(".out.partial-" + ProcessHandle.current().pid() + "-aa"));
        Path other = Files.createDirectories(dir.resolve(".other.partial-" + gone.pid() + "-bb"));
        committed(dir.resolve("out"), "new");
        assertFalse(Files.exists(abandoned), "the killed run's folder is gone");
        assertTrue(Files.isDirectory(running), "a live run's folder stays");
        assertTrue(Files.isDirectory(other), "another target's stays");
    }

    @Test
    void anExistingBundleIsReplacedOnlyOnCommit() throws Exception {
        Path target = dir.resolve("out");
        committed(target, "old");
        Files.writeString(target.resolve("stale.txt"), "from the old bundle");
        try (BundleWriter w = BundleWriter.create(target, null)) {
            fill(w, "new");
            assertEquals("old", Manifest.read(target).name(), "untouched while the new one is written");
            w.commit();
        }
        assertEquals("new", Manifest.read(target).name());
        assertFalse(Files.exists(target.resolve("stale.txt")));
        assertEquals(List.of("out"), siblings(), "no temporary or old folder left");
    }

    @Test
    void closingWithoutCommitLeavesNothingAndKeepsTheOldBundle() throws Exception {
        Path target = dir.resolve("out");
        committed(target, "old");
        try (BundleWriter w = BundleWriter.create(target, null)) {
            fill(w, "failed");
        }
        assertEquals("old", Manifest.read(target).name());
        assertEquals(List.of("out"), siblings());
    }

    @Test
    void afterAnAbortCommitIsRefused() throws Exception {
        Path target = dir.resolve("out");
        try (BundleWriter w = BundleWriter.create(target, null)) {
            fill(w, "x");
            w.abort();
            assertThrows(CancelledException.class, w::commit);
        }
        assertEquals(List.of(), siblings());
    }

    @Test
    void refusesToReplaceAFolderThatIsNotABundle() throws Exception {
        Path target = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(target.resolve("holiday.jpg"), "precious");
        BundleException e = assertThrows(BundleException.class, () -> BundleWriter.create(target, null));
        assertTrue(e.getMessage().contains("not a bundle"), e.getMessage());
        assertEquals("precious", Files.readString(target.resolve("holiday.jpg")));
        assertEquals(List.of("photos"), siblings());
    }
}
