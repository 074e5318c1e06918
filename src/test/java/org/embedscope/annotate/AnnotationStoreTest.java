package org.embedscope.annotate;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationStoreTest {
    @TempDir Path dir;

    private static Annotations fresh(int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = i % 3;
        return new Annotations(n, labels, List.of("a", "b", "c"));
    }

    @Test
    void editsAreSavedBesideTheBundleAndReloaded() throws Exception {
        AnnotationStore.Location loc = AnnotationStore.locate(dir, null, dir.resolve("cache"));
        assertEquals(dir.toAbsolutePath().resolve("annotations.csv"), loc.file());
        assertNull(loc.notice());
        try (AnnotationStore s = AnnotationStore.open(fresh(10), loc.file())) {
            s.annotations().assignLabel(new int[] {4}, "new");
            s.changed();
            s.annotations().undo();
            s.changed();
            s.annotations().redo();
            s.changed();
            assertTrue(s.flush(10_000));
            assertEquals(s.annotations().version(), s.savedVersion());
        }
        try (AnnotationStore s = AnnotationStore.open(fresh(10), loc.file())) {
            assertEquals("new", s.annotations().labelValue(4));
            assertEquals("b", s.annotations().labelValue(1));
        }
    }

    @Test
    void aReadOnlyBundleFolderSendsEditsElsewhereAndSaysSo() throws Exception {
        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        Path cache = dir.resolve("cache");
        ReadOnly.make(bundle);
        try {
            AnnotationStore.Location loc = AnnotationStore.locate(bundle, null, cache);
            assertTrue(loc.file().startsWith(cache), loc.file().toString());
            assertNotNull(loc.notice());
            assertTrue(loc.notice().contains("read-only") && loc.notice().contains(loc.file().toString())
                    && loc.notice().contains("--annotations"), loc.notice());
            try (AnnotationStore s = AnnotationStore.open(fresh(3), loc.file())) {
                s.annotations().addTag(new int[] {0}, "t");
                s.saveNow();
            }
            assertTrue(Files.isRegularFile(loc.file()));
            assertFalse(Files.exists(bundle.resolve("annotations.csv")));
            // the same bundle finds the same place next time
            assertEquals(loc.file(), AnnotationStore.locate(bundle, null, cache).file());
            // and --annotations wins
            Path chosen = dir.resolve("mine.csv");
            assertEquals(chosen.toAbsolutePath(), AnnotationStore.locate(bundle, chosen, cache).file());
        } finally {
            ReadOnly.undo(bundle);
        }
    }

    /**
     * A read-only bundle shipped with its own annotations.csv shows those corrections (they were
     * ignored: the edits' file in the cache was read alone), and the user's edits, saved in the cache,
     * go on top of them.
     */
    @Test
    void aReadOnlyBundlesOwnAnnotationsAreShownUnderTheUsersEdits() throws Exception {
        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        Path cache = dir.resolve("cache");
        try (AnnotationStore curated = AnnotationStore.open(fresh(4), bundle.resolve("annotations.csv"))) {
            curated.annotations().assignLabel(new int[] {0, 1}, "curated");
            curated.saveNow();
        }
        ReadOnly.make(bundle);
        try {
            AnnotationStore.Location loc = AnnotationStore.locate(bundle, null, cache);
            assertEquals(bundle.toAbsolutePath().resolve("annotations.csv"), loc.seed());
            assertTrue(loc.notice().contains("its annotations.csv is shown"), loc.notice());
            try (AnnotationStore s = AnnotationStore.open(fresh(4), loc)) {
                assertEquals("curated", s.annotations().labelValue(0), "the bundle's own correction");
                assertEquals("curated", s.annotations().labelValue(1));
                s.annotations().assignLabel(new int[] {1}, "mine");
                s.saveNow();
            }
            try (AnnotationStore s = AnnotationStore.open(fresh(4), loc)) {
                assertEquals("curated", s.annotations().labelValue(0));
                assertEquals("mine", s.annotations().labelValue(1), "the user's edit over the bundle's");
                assertEquals("c", s.annotations().labelValue(2), "untouched");
            }
        } finally {
            ReadOnly.undo(bundle);
        }
    }

    /**
     * A child JVM saves edits one at a time and is killed with SIGKILL after the third is reported on
     * disk; reopening the file shows those three edits.
     */
    @Test
    void editsSurviveKillMinus9() throws Exception {
        Path file = dir.resolve("annotations.csv");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EditingChild.class.getName(), file.toString()).redirectErrorStream(true).start();
        List<String> seen = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                seen.add(line);
                if (line.equals("saved 3")) break;
            }
            child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no flush
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(seen.contains("saved 3"), "child output: " + seen);
        assertNotEquals(0, child.exitValue());
        Annotations back = fresh(EditingChild.COUNT);
        AnnotationsFile.read(file, back);
        assertEquals("x0", back.labelValue(0));
        assertEquals("x1", back.labelValue(1));
        assertEquals("x2", back.labelValue(2));
    }

    /** Runs in the child JVM of {@link #editsSurviveKillMinus9}: edits forever, reporting each save. */
    public static final class EditingChild {
        static final int COUNT = 50_000;

        public static void main(String[] args) throws Exception {
            try (AnnotationStore s = AnnotationStore.open(fresh(COUNT), Path.of(args[0]))) {
                for (int k = 0; ; k++) {
                    s.annotations().assignLabel(new int[] {k % COUNT}, "x" + k);
                    s.changed();
                    s.flush(60_000);
                    System.out.println("saved " + (k + 1));
                    System.out.flush();
                }
            }
        }
    }
}
