package org.embedscope.prepare;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.embedscope.bundle.BundleFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edits of a bundle that prepare replaces, carried into the new one (bundles without a path column here; FolderCacheTest has paths). */
class KeptEditsTest {
    @TempDir Path dir;

    private static final String EDITS = "index,label,tags,edited\n1,fixed,,2026-01-31T12:00:00Z\n4,,odd;dup,\n";

    private Path oldBundle() throws Exception {
        Path old = BundleFixture.fiveItems().write(dir.resolve("old")).dir;
        Files.writeString(old.resolve("annotations.csv"), EDITS);
        return old;
    }

    @Test
    void asManyItemsWithoutPathsKeepTheirRows() throws Exception {
        Path fresh = Files.createDirectories(dir.resolve("fresh"));
        StringWriter log = new StringWriter();
        KeptEdits.carry(oldBundle(), fresh, 5, null, new PrintWriter(log, true));
        assertEquals(EDITS, Files.readString(fresh.resolve("annotations.csv")));
        assertTrue(log.toString().contains("kept the 2 edited items of the bundle this replaces (matched by row number)"), log.toString());
    }

    @Test
    void itemsThatCannotBeMatchedKeepTheWholeFileAside() throws Exception {
        Path fresh = Files.createDirectories(dir.resolve("fresh"));
        StringWriter log = new StringWriter();
        KeptEdits.carry(oldBundle(), fresh, 7, null, new PrintWriter(log, true));
        assertFalse(Files.exists(fresh.resolve("annotations.csv")), "nothing is put on rows it may not belong to");
        try (var files = Files.list(fresh)) {
            Path aside = files.filter(f -> f.getFileName().toString().matches("annotations\\.before-\\d{8}-\\d{6}\\.csv")).findFirst().orElseThrow();
            assertEquals(EDITS, Files.readString(aside));
            assertTrue(log.toString().contains(aside.getFileName().toString()), "the line names where they are: " + log);
        }
    }

    @Test
    void aBundleWithoutEditsCarriesNothing() throws Exception {
        Path old = BundleFixture.fiveItems().write(dir.resolve("plain")).dir;
        Path fresh = Files.createDirectories(dir.resolve("fresh"));
        StringWriter log = new StringWriter();
        KeptEdits.carry(old, fresh, 5, null, new PrintWriter(log, true));
        try (var files = Files.list(fresh)) {
            assertEquals(0, files.count());
        }
        assertEquals("", log.toString());
    }
}
