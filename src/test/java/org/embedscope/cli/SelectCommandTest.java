package org.embedscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.embedscope.select.SampleBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code embedscope select} as a user runs it: what it selects, what it writes, and how it refuses bad input. */
class SelectCommandTest {
    @TempDir static Path shared;
    static Path bundle;

    @TempDir Path dir;

    @BeforeAll
    static void writeBundle() throws Exception {
        bundle = SampleBundle.write(shared.resolve("sample"));
    }

    /** The index column of a CSV the command wrote. */
    static List<Integer> indices(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        assertEquals("index," + SampleBundle.HEADER, lines.get(0));
        List<Integer> out = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) out.add(Integer.parseInt(l.substring(0, l.indexOf(','))));
        return out;
    }

    @Test
    void queryBoxAndLassoIntersect() throws Exception {
        Path csv = dir.resolve("out/sel.csv"), png = dir.resolve("out/sel.png");
        String lasso = "-0.5,-0.5 10.5,-0.5 10.5,0.5 -0.5,2.5";
        CliRun r = CliRun.of("select", bundle.toString(), "--where", "digit != 'zero' and split != ''", "--box", "9,2,0,0",
                "--lasso", lasso, "--layout", "umap", "-o", csv.toString(), "--sheet", png.toString());
        assertEquals(0, r.code(), r.err());
        // Reference: the sample's formulas and java.awt's polygon test. umap: item i at (i, i mod 3).
        Path2D.Double poly = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        poly.moveTo(-0.5, -0.5);
        poly.lineTo(10.5, -0.5);
        poly.lineTo(10.5, 0.5);
        poly.lineTo(-0.5, 2.5);
        poly.closePath();
        List<Integer> want = new ArrayList<>();
        for (int i = 0; i < SampleBundle.COUNT; i++) {
            boolean query = i % 4 != 0 && i % 3 != 2;
            boolean inBox = i <= 9 && i % 3 <= 2;
            if (query && inBox && poly.contains(i, i % 3)) want.add(i);
        }
        assertFalse(want.isEmpty());
        assertTrue(want.size() < 6, "the criteria narrow it down: " + want);
        assertEquals(want, indices(csv));
        assertTrue(r.out().contains("selected " + want.size() + " of 12 items"), r.out());
        BufferedImage img = ImageIO.read(png.toFile());
        int cols = (int) Math.ceil(Math.sqrt(want.size()));
        assertEquals(cols * 4 + cols + 1, img.getWidth());
        assertEquals(SampleBundle.color(want.get(0)), img.getRGB(1, 1) & 0xffffff, "the first selected image, top left");
    }

    @Test
    void withoutCriteriaEveryItemIsWrittenAndTheDefaultLayoutIsTheFirst() throws Exception {
        Path csv = dir.resolve("all.csv");
        assertEquals(0, CliRun.of("select", bundle.toString(), "-o", csv.toString()).code());
        assertEquals(12, indices(csv).size());
        // pca is (-i, 2i): a box there picks different items than the same box in umap
        Path a = dir.resolve("a.csv"), b = dir.resolve("b.csv");
        assertEquals(0, CliRun.of("select", bundle.toString(), "--box", "-3,0,0,10", "-o", a.toString()).code());
        assertEquals(0, CliRun.of("select", bundle.toString(), "--box", "-3,0,0,10", "--layout", "pca", "-o", b.toString()).code());
        assertEquals(List.of(0), indices(a));
        assertEquals(List.of(0, 1, 2, 3), indices(b));
    }

    @Test
    void theSheetLimitIsReported() throws Exception {
        Path csv = dir.resolve("s.csv"), png = dir.resolve("s.png");
        CliRun r = CliRun.of("select", bundle.toString(), "--where", "index >= 2", "-o", csv.toString(), "--sheet", png.toString(),
                "--sheet-limit", "4");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("the first 4 of 10 selected"), r.out());
        assertEquals(2 * 4 + 3, ImageIO.read(png.toFile()).getWidth());
        assertEquals(10, indices(csv).size());
    }

    /**
     * A sheet cut short by its size, not by --sheet-limit, says so: it said "the first 27 of 30 selected,
     * see --sheet-limit" with --sheet-limit 1000, where a higher limit changes nothing.
     */
    @Test
    void aSheetCutShortByItsSizeDoesNotPointAtTheLimit() throws Exception {
        float[] xy = new float[60];
        for (int i = 0; i < 30; i++) xy[2 * i] = i;
        Path big = org.embedscope.bundle.BundleFixture.items(30).layout("l", "L", xy)
                .level(1024, 2, 2, org.embedscope.atlas.PixelFormat.GREY, (item, x, y) -> 0xff808080)
                .write(dir.resolve("big")).dir;
        Path csv = dir.resolve("b.csv"), png = dir.resolve("b.png");
        CliRun r = CliRun.of("select", big.toString(), "-o", csv.toString(), "--sheet", png.toString(), "--sheet-limit", "1000");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("the first 27 of 30 selected, as many as fit in a sheet's 32 Mi pixels"), r.out());
        assertFalse(r.out().contains("--sheet-limit"), r.out());
    }

    /**
     * Counts read as the panel and render's text write them: "selected 109000 of 1000000 items" at a
     * million items (found by the QA session); the CSV's indices stay plain numbers.
     */
    @Test
    void countsAreGroupedInTheLinesPeopleRead() throws Exception {
        int count = 1500;
        float[] xy = new float[2 * count];
        for (int i = 0; i < count; i++) xy[2 * i] = i;
        Path many = org.embedscope.bundle.BundleFixture.items(count).layout("l", "L", xy)
                .level(1, 64, 64, org.embedscope.atlas.PixelFormat.GREY, (item, x, y) -> 0xff808080)
                .write(dir.resolve("many")).dir;
        Path csv = dir.resolve("m.csv"), png = dir.resolve("m.png");
        CliRun r = CliRun.of("select", many.toString(), "--where", "index >= 100", "-o", csv.toString(), "--sheet", png.toString(),
                "--sheet-limit", "1200");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("selected 1,400 of 1,500 items: "), r.out());
        assertTrue(r.out().contains("1,200 images; the first 1,200 of 1,400 selected, see --sheet-limit"), r.out());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(1401, rows.size());
        assertTrue(rows.get(rows.size() - 1).startsWith("1499,"), rows.get(rows.size() - 1));
    }

    @Test
    void anEmptySelectionWritesAHeaderAndNoSheet() throws Exception {
        Path csv = dir.resolve("e.csv"), png = dir.resolve("e.png");
        CliRun r = CliRun.of("select", bundle.toString(), "--where", "index > 100", "-o", csv.toString(), "--sheet", png.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of(), indices(csv));
        assertFalse(Files.exists(png));
        assertTrue(r.out().contains("not written, no items selected"), r.out());
    }

    /** Runs select with {@code args}, expecting exit 2, one line containing each of {@code says}, and no file written. */
    void refused(List<String> args, String... says) throws Exception {
        Path csv = dir.resolve("keep.csv"), png = dir.resolve("new.png");
        Files.writeString(csv, "index\n1\n");
        List<String> all = new ArrayList<>(List.of("select"));
        all.addAll(args);
        all.addAll(List.of("-o", csv.toString(), "--sheet", png.toString()));
        CliRun r = CliRun.of(all.toArray(new String[0]));
        assertEquals(Main.EXIT_BAD_INPUT, r.code(), args + ": " + r.err() + r.out());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertTrue(err.startsWith("embedscope: "), err);
        for (String s : says) assertTrue(err.contains(s), args + " -> " + err);
        assertFalse(err.contains("Exception"), err);
        assertEquals("index\n1\n", Files.readString(csv), "the old output is untouched");
        assertFalse(Files.exists(png), "no sheet written");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    void badInputIsOneLineWithThePositionExitTwoAndNothingWritten() throws Exception {
        String b = bundle.toString();
        refused(List.of(b, "--where", "digit <"), "--where: at 7: expected a value after '<'");
        refused(List.of(b, "--where", "dgit = 1"), "--where: at 0: unknown column 'dgit'; did you mean 'digit'?");
        refused(List.of(b, "--where", "file < 3"), "--where: at 5: column 'file' is text; '<' needs a numeric column");
        refused(List.of(b, "--where", "score ~ 'x'"), "--where: at 6: column 'score' is numeric");
        refused(List.of(b, "--where", "(digit = 1"), "--where: at 10: expected ')'");
        refused(List.of(b, "--lasso", "0,0 1,0"), "--lasso: at 7: expected at least 3 X,Y points, found 2");
        refused(List.of(b, "--lasso", "0,0 1,x 2,2"), "--lasso: at 6: 'x' is not a number");
        refused(List.of(b, "--box", "0,0,1"), "--box: at 5: expected ',' and 1 more number (X0,Y0,X1,Y1)");
        refused(List.of(b, "--box", "0,0,1,1", "--layout", "tsne"), "--layout: the bundle has no layout 'tsne'; it has umap, pca");
        refused(List.of(b, "--sheet-limit", "0"), "--sheet-limit");
        refused(List.of(dir.resolve("nowhere").toString()), "no such bundle folder");
    }

    /** --sheet-limit without --sheet wrote the CSV and no sheet, exit 0, as if the limit were not given. */
    @Test
    void aSheetLimitWithoutASheetIsRefused() throws Exception {
        Path csv = dir.resolve("l.csv");
        CliRun r = CliRun.of("select", bundle.toString(), "-o", csv.toString(), "--sheet-limit", "5");
        assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.err() + r.out());
        assertEquals("embedscope: --sheet-limit: needs --sheet OUT.png: it limits the images on the contact sheet", r.err().strip());
        assertFalse(Files.exists(csv));
    }

    /** A sheet named other than .png: it wrote PNG bytes into sheet.jpg and exited 0; render refuses such an --out. */
    @Test
    void aSheetNotNamedPngIsRefused() throws Exception {
        Path csv = dir.resolve("s.csv"), jpg = dir.resolve("sheet.jpg");
        CliRun r = CliRun.of("select", bundle.toString(), "-o", csv.toString(), "--sheet", jpg.toString());
        assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.err() + r.out());
        assertEquals("embedscope: " + jpg + ": --sheet: expected a file name ending in .png (the contact sheet is PNG)", r.err().strip());
        assertFalse(Files.exists(csv));
        assertFalse(Files.exists(jpg));
    }

    /** -o shot.png wrote the selection's CSV text into shot.png and exited 0: the contact sheet is --sheet. */
    @Test
    void aCsvNamedPngIsRefused() throws Exception {
        Path png = dir.resolve("shot.png");
        CliRun r = CliRun.of("select", bundle.toString(), "-o", png.toString());
        assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.err() + r.out());
        assertEquals("embedscope: " + png + ": -o: is where the selection's CSV goes; expected a file name not ending in .png "
                + "(the contact sheet is --sheet OUT.png)", r.err().strip());
        assertFalse(Files.exists(png));
    }

    @Test
    void theSheetCannotOverwriteTheCsv() throws Exception {
        Path csv = dir.resolve("x.csv");
        CliRun r = CliRun.of("select", bundle.toString(), "-o", csv.toString(), "--sheet", csv.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--sheet: names the same file as -o"), r.err());
        assertFalse(Files.exists(csv));
    }

    @Test
    void helpExplainsTheOptions() {
        CliRun r = CliRun.of("select", "--help");
        assertEquals(0, r.code());
        for (String o : new String[] {"--where", "--box", "--lasso", "--layout", "--out", "--sheet", "--sheet-limit"}) {
            assertTrue(r.out().contains(o), o + " in " + r.out());
        }
        assertTrue(CliRun.of("--help").out().contains("select"));
    }
}
