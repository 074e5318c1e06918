package org.embedscope.select;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleException;
import org.embedscope.progress.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Selection CSV out and back in, selection files refused with file and line, contact sheets read back as pixels. */
class ExportTest {
    @TempDir static Path shared;
    static Bundle bundle;

    @TempDir Path dir;

    @BeforeAll
    static void load() throws Exception {
        bundle = SampleBundle.load(SampleBundle.write(shared.resolve("b")));
    }

    static List<CSVRecord> records(Path csv) throws Exception {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.builder().setReader(r).setFormat(CSVFormat.RFC4180).get()) {
            return p.getRecords();
        }
    }

    @Test
    void exportedRowsAreThePointsRowsWithTheirIndex() throws Exception {
        ItemSet sel = ItemSet.of(SampleBundle.COUNT, 0, 3, 5, 11);
        Path out = dir.resolve("sub/sel.csv");
        SelectionCsv.write(bundle, sel, out, Progress.NONE);
        List<CSVRecord> rows = records(out);
        assertEquals(("index," + SampleBundle.HEADER).replace(",", "|"), String.join("|", rows.get(0).values()));
        assertEquals(5, rows.size());
        String[] header = rows.get(0).values();
        int k = 1;
        for (int i : sel.toArray()) {
            String[] got = rows.get(k++).values();
            assertEquals(Integer.toString(i), got[0]);
            String[] want = SampleBundle.fields(i);
            for (int c = 0; c < want.length; c++) {
                String name = header[c + 1];
                if (name.endsWith("_x") || name.endsWith("_y")) {
                    assertEquals(Float.parseFloat(want[c]), Float.parseFloat(got[c + 1]), name + " of item " + i);
                } else {
                    assertEquals(want[c], got[c + 1], name + " of item " + i); // as written, quoting undone
                }
            }
        }
        assertTrue(Files.readString(out).contains("\"img-3, \"\"copy\"\".png\""), "RFC 4180 quoting");
        try (var files = Files.list(out.getParent())) {
            assertEquals(1, files.count(), "no temporary file left");
        }
        // and it reads back as a selection file: the same items
        assertEquals(sel, SelectionFile.read(out, SampleBundle.COUNT));
    }

    @Test
    void anEmptySelectionWritesTheHeaderOnly() throws Exception {
        Path out = dir.resolve("none.csv");
        SelectionCsv.write(bundle, new ItemSet(SampleBundle.COUNT), out, Progress.NONE);
        assertEquals(1, records(out).size());
        assertTrue(SelectionFile.read(out, SampleBundle.COUNT).isEmpty());
    }

    @Test
    void anInterruptedWriteLeavesTheOldFile() throws Exception {
        Path out = dir.resolve("keep.csv");
        Files.writeString(out, "index\n1\n");
        Progress cancelled = new Progress() {
            @Override public void stage(String name, long total) {}
            @Override public void advance(long done) {}
            @Override public boolean isCancelled() { return true; }
        };
        assertThrows(org.embedscope.progress.CancelledException.class,
                () -> SelectionCsv.write(bundle, ItemSet.all(SampleBundle.COUNT), out, cancelled));
        assertEquals("index\n1\n", Files.readString(out));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    // ---------------------------------------------------------------- selection files

    Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void selectionFilesListIndicesAnywhereAmongOtherColumns() throws Exception {
        Path p = file("s.csv", "\uFEFFlabel, index ,note\nx,4,a\ny,0,\"multi\nline\"\nz, 11 ,c\nw,4,again\n\n");
        assertArrayEquals(new int[] {0, 4, 11}, SelectionFile.read(p, 12).toArray());
        assertTrue(SelectionFile.read(file("e.csv", "index\n"), 12).isEmpty());
        assertArrayEquals(new int[] {2, 3}, SelectionFile.read(file("blank.csv", "index\n2\n\n3\n"), 12).toArray(), "blank lines are skipped");
    }

    static void refused(Path p, String where, String says) {
        BundleException e = assertThrows(BundleException.class, () -> SelectionFile.read(p, 12));
        assertTrue(e.getMessage().startsWith(p + ": " + where), e.getMessage());
        assertTrue(e.getMessage().contains(says), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }

    @Test
    void badSelectionFilesAreRefusedWithFileAndLine() throws Exception {
        refused(dir.resolve("nope.csv"), "missing", "expected a selection CSV with an index column");
        refused(file("a.csv", ""), "empty", "expected a header row");
        refused(file("b.csv", "id,label\n1,2\n"), "line 1 (header)", "no column 'index'");
        refused(file("c.csv", "index\n1\nx\n"), "line 3", "'x' is not an item index; expected a whole number from 0 to 11");
        refused(file("d.csv", "index\n1\n-1\n"), "line 3", "'-1' is not an item index");
        refused(file("e.csv", "index\n1.5\n"), "line 2", "'1.5' is not an item index");
        refused(file("f.csv", "x,index\n\"a\nb\",1\nz,12\n"), "line 4", "item 12 is out of range; the bundle has 12 items (0 to 11)");
        refused(file("f2.csv", "index\n\"a\nb\"\n"), "line 2", "'a\\nb' is not an item index");
        refused(file("g.csv", "index\n99999999999999999999\n"), "line 2", "out of range");
        refused(file("h.csv", "a,index\n1,2\n3\n"), "line 3", "has 1 field; expected an item index in column 2");
        refused(file("i.csv", "index\n\"1\n"), "line 2", "not valid CSV");
        refused(file("j.csv", "a,index\n1,\n"), "line 2", "'' is not an item index");
        Path bin = dir.resolve("k.csv");
        Files.write(bin, new byte[] {'i', 'n', 'd', 'e', 'x', '\n', (byte) 0xff, (byte) 0xfe, '\n'});
        refused(bin, "line 2", "holds bytes that are not UTF-8");
    }

    // ---------------------------------------------------------------- contact sheets

    static int rgb(BufferedImage img, int x, int y) { return img.getRGB(x, y) & 0xffffff; }

    @Test
    void contactSheetShowsEachSelectedImageInIndexOrder() throws Exception {
        // items 1 and 2 on page 0, 7 and 8 on page 1: four cells on a 2 × 2 grid, a 1-pixel gap (4-pixel cells)
        ItemSet sel = ItemSet.of(SampleBundle.COUNT, 8, 1, 7, 2);
        ContactSheet sheet = ContactSheet.render(bundle, sel, ContactSheet.DEFAULT_LIMIT, Progress.NONE);
        assertEquals(4, sheet.shown());
        assertEquals(2, sheet.columns());
        assertEquals(1, sheet.gap());
        Path out = dir.resolve("sheet.png");
        sheet.write(out);
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(2 * 4 + 3, img.getWidth());
        assertEquals(2 * 4 + 3, img.getHeight());
        int[] order = {1, 2, 7, 8};
        for (int k = 0; k < 4; k++) {
            int x0 = 1 + (k % 2) * 5, y0 = 1 + (k / 2) * 5;
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    assertEquals(SampleBundle.color(order[k]), rgb(img, x0 + x, y0 + y), "cell " + k + " pixel " + x + "," + y);
                }
            }
        }
        assertEquals(0x404040, rgb(img, 0, 0), "grey gap");
        assertEquals(0x404040, rgb(img, 5, 7), "grey gap between cells");
    }

    @Test
    void contactSheetLimitShowsTheFirstItems() throws Exception {
        ContactSheet sheet = ContactSheet.render(bundle, ItemSet.all(SampleBundle.COUNT), 5, Progress.NONE);
        assertEquals(5, sheet.shown());
        assertEquals(12, sheet.selected());
        assertEquals(3, sheet.columns());
        Path out = dir.resolve("five.png");
        sheet.write(out);
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(3 * 4 + 4, img.getWidth());
        assertEquals(2 * 4 + 3, img.getHeight());
        assertEquals(SampleBundle.color(4), rgb(img, 1 + 5 + 2, 1 + 5 + 2));
        assertEquals(0x404040, rgb(img, 1 + 10 + 2, 1 + 5 + 2), "the sixth cell is empty");
    }

    @Test
    void channelAlphaIsCompositedOverBlack() throws Exception {
        Bundle b = SampleBundle.load(SampleBundle.write(dir.resolve("alpha"), true));
        ContactSheet sheet = ContactSheet.render(b, ItemSet.of(SampleBundle.COUNT, 6), 10, Progress.NONE);
        Path out = dir.resolve("a.png");
        sheet.write(out);
        BufferedImage img = ImageIO.read(out.toFile());
        assertFalse(img.getColorModel().hasAlpha());
        int c = SampleBundle.color(6), got = rgb(img, 2, 2);
        for (int shift = 0; shift <= 16; shift += 8) {
            int want = ((c >> shift) & 0xff) * SampleBundle.ALPHA / 255;
            assertEquals(want, (got >> shift) & 0xff, 1.0, "channel at " + shift);
        }
    }

    @Test
    void aCorruptPageIsOneLineNamingIt() throws Exception {
        Path b = SampleBundle.write(dir.resolve("corrupt"));
        Bundle loaded = SampleBundle.load(b);
        byte[] png = Files.readAllBytes(b.resolve("atlas/0-01.png"));
        Files.write(b.resolve("atlas/0-01.png"), java.util.Arrays.copyOf(png, png.length - 20));
        BundleException e = assertThrows(BundleException.class,
                () -> ContactSheet.render(loaded, ItemSet.of(SampleBundle.COUNT, 1, 9), 10, Progress.NONE));
        assertTrue(e.getMessage().contains("0-01.png"), e.getMessage());
        // an item on the intact page alone still works
        assertEquals(1, ContactSheet.render(loaded, ItemSet.of(SampleBundle.COUNT, 1), 10, Progress.NONE).shown());
    }
}
