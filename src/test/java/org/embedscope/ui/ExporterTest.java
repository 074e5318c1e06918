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
