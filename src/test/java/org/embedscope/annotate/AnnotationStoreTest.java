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

    @Test
    void twoWindowsOnOneBundleKeepEachOthersEdits() throws Exception {
        Path file = dir.resolve("annotations.csv");
        try (AnnotationStore a = AnnotationStore.open(fresh(10), file);
             AnnotationStore b = AnnotationStore.open(fresh(10), file)) {
            a.annotations().assignLabel(new int[] {1}, "x");
            a.saveNow();
            b.annotations().addTag(new int[] {2}, "t");
            b.changed();
            assertTrue(b.flush(10_000));
            assertEquals(1, b.editedElsewhere(), "b's save found a's edit of item 1");
            assertEquals(0, a.editedElsewhere());
            Annotations back = reread(file, 10);
            assertEquals("x", back.labelValue(1), "a's label survived b's save");
            assertEquals(List.of("t"), back.tags(2));

            // a takes its edit back: b's tag stays, and a writes no row for item 1.
            a.annotations().undo();
            a.saveNow();
            back = reread(file, 10);
            assertEquals("b", back.labelValue(1));
            assertFalse(back.isEdited(1));
            assertEquals(List.of("t"), back.tags(2), "a's undo kept b's tag, which a never showed");
            assertEquals(1, a.editedElsewhere());

            // Both edit item 3: the later save wins, and the other's other edits stay.
            a.annotations().assignLabel(new int[] {3}, "p");
            a.saveNow();
            b.annotations().assignLabel(new int[] {3}, "q");
            b.saveNow();
            back = reread(file, 10);
            assertEquals("q", back.labelValue(3));
            assertEquals(List.of("t"), back.tags(2));
        }
    }

    @Test
    void aFileMadeUnreadableElsewhereIsSetAsideNotWrittenOver() throws Exception {
        Path file = dir.resolve("annotations.csv");
        try (AnnotationStore a = AnnotationStore.open(fresh(10), file)) {
            a.annotations().assignLabel(new int[] {0}, "x");
            a.saveNow();
            String handEdit = "index,label,tags,edited\n1,c,,yesterday\n";
            Files.writeString(file, handEdit);
            a.annotations().assignLabel(new int[] {4}, "y");
            a.saveNow();
            assertNotNull(a.setAside());
            Path aside = Path.of(a.setAside());
            assertEquals(dir, aside.getParent());
            assertEquals(handEdit, Files.readString(aside), "the hand edit is kept whole");
            Annotations back = reread(file, 10);
            assertEquals("x", back.labelValue(0));
            assertEquals("y", back.labelValue(4));
        }
    }

    @Test
    void twoProcessesSavingAtOnceLoseNoEdit() throws Exception {
        Path file = dir.resolve("annotations.csv");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> children = new ArrayList<>();
        for (int first : new int[] {0, ConcurrentChild.EDITS}) {
            children.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    ConcurrentChild.class.getName(), file.toString(), String.valueOf(first))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        for (Process c : children) {
            assertTrue(c.waitFor(120, TimeUnit.SECONDS), "a child did not finish");
            assertEquals(0, c.exitValue());
        }
        Annotations back = reread(file, ConcurrentChild.COUNT);
        int edited = 0;
        for (int i = 0; i < back.count(); i++) if (back.isEdited(i)) edited++;
        assertEquals(2 * ConcurrentChild.EDITS, edited, "edits of one process were written over by the other's saves");
        assertEquals("e7", back.labelValue(7));
        assertEquals("e" + (ConcurrentChild.EDITS + 7), back.labelValue(ConcurrentChild.EDITS + 7));
    }

    /** What a window opened now on {@code file} would show, for a bundle of {@code count} items. */
    private static Annotations reread(Path file, int count) throws Exception {
        Annotations a = fresh(count);
        AnnotationsFile.read(file, a);
        return a;
    }

    /** Runs in the child JVMs of {@link #twoProcessesSavingAtOnceLoseNoEdit}: labels its own items, saving after each. */
    public static final class ConcurrentChild {
        static final int COUNT = 1_000;
        static final int EDITS = 150;

        public static void main(String[] args) throws Exception {
            int first = Integer.parseInt(args[1]);
            try (AnnotationStore s = AnnotationStore.open(fresh(COUNT), Path.of(args[0]))) {
                for (int k = first; k < first + EDITS; k++) {
                    s.annotations().assignLabel(new int[] {k}, "e" + k);
                    s.saveNow();
                }
            }
        }
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
