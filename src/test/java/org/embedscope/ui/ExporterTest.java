package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleReader;
import org.embedscope.render.SpriteFixture;
import org.embedscope.select.ItemSet;
import org.embedscope.select.SelectionFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's export: the selection or the matches to CSV and to a contact sheet, written in the background. */
class ExporterTest {
    @TempDir Path dir;

    private static void awaitDone(Exporter e) throws InterruptedException {
        long until = System.nanoTime() + 20_000_000_000L;
        while (e.running()) {
            assertTrue(System.nanoTime() < until, "the export finishes");
            Thread.sleep(10);
        }
    }

    @Test
    void aSelectionExportedAsCsvReadsBackAsTheSameSelectionAndAsAContactSheet() throws Exception {
        Bundle b = BundleReader.load(SpriteFixture.write(dir.resolve("b")));
        Path out = Files.createDirectories(dir.resolve("out"));
        try (Exporter e = new Exporter(b, out)) {
            ItemSet sel = ItemSet.of(b.count(), 1, 4);
            e.export(sel, "selection", false);
            awaitDone(e);
            Path csv = e.last();
            assertNotNull(csv, e.status());
            assertEquals(out.toAbsolutePath(), csv.getParent());
            assertTrue(csv.getFileName().toString().matches("selection-\\d{8}-\\d{6}(-\\d+)?\\.csv"), csv.toString());
            assertEquals(sel, SelectionFile.read(csv, b.count()), "the CSV is a selection file of the same items");
            assertTrue(Files.readString(csv).startsWith("index,a_x,a_y,b_x,b_y,label,note\n"), Files.readString(csv));
            assertTrue(e.status().contains("2 rows"), e.status());

            e.export(sel, "matches", true);
            awaitDone(e);
            Path png = e.last();
            assertTrue(png.getFileName().toString().startsWith("matches-") && png.toString().endsWith(".png"), png.toString());
            assertNotNull(ImageIO.read(png.toFile()), "a PNG");
            try (var files = Files.list(out)) {
                assertEquals(2, files.count(), "the two files and no temporary one");
            }
        }
    }

    /**
     * The window sleeps until an event: the export wakes it when its line changes and once it has
     * ended, so the last wake-up finds it no longer running and its line the file written (the
     * progress and its cancel button stayed on screen until the pointer moved).
     */
    @Test
    void theExportWakesTheWindowWhenItsLineChangesAndAfterItEnds() throws Exception {
        Bundle b = BundleReader.load(SpriteFixture.write(dir.resolve("b")));
        try (Exporter e = new Exporter(b, Files.createDirectories(dir.resolve("out")))) {
            java.util.List<String> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            e.setOnChange(() -> seen.add(e.running() + " " + e.status()));
            e.export(ItemSet.of(b.count(), 0, 2, 3), "selection", true);
            awaitDone(e);
            long until = System.nanoTime() + 5_000_000_000L;
            while (seen.isEmpty() || !seen.get(seen.size() - 1).startsWith("false")) {
                assertTrue(System.nanoTime() < until, "a wake-up after the export ended: " + seen);
                Thread.sleep(5);
            }
            String last = seen.get(seen.size() - 1);
            assertTrue(last.startsWith("false wrote selection-") && last.contains("(3 of 3 images)"), seen.toString());
            assertTrue(seen.size() >= 3, "its stages and progress woke it too: " + seen);
            for (String line : seen) assertTrue(line.chars().allMatch(ch -> ch < 128), "the panel's font has only ASCII: " + line);

            // Its line is shown beside the set exported, as long as that set is unchanged.
            assertTrue(e.isOf(ItemSet.of(b.count(), 0, 2, 3), "selection"));
            assertFalse(e.isOf(ItemSet.of(b.count(), 0, 2, 3), "matches"), "not beside the search's buttons");
            assertFalse(e.isOf(ItemSet.of(b.count(), 0, 2), "selection"), "not once the selection has changed");
        }
    }

    @Test
    void aFolderThatCannotBeWrittenIsSaidAndLeavesNothing() throws Exception {
        Bundle b = BundleReader.load(SpriteFixture.write(dir.resolve("b")));
        // A file where the folder should be: nothing can be written under it.
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        try (Exporter e = new Exporter(b, notAFolder)) {
            e.export(ItemSet.of(b.count(), 0), "selection", false);
            awaitDone(e);
            assertNull(e.last());
            assertTrue(e.status().startsWith("cannot write selection-"), e.status());
            assertEquals("x", Files.readString(notAFolder));
        }
    }
}
