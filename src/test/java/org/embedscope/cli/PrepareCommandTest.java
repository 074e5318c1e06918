package org.embedscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.Raster;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.embedscope.TestData;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleReader;
import org.embedscope.bundle.Ink;
import org.embedscope.bundle.PageImage;
import org.embedscope.bundle.Manifest;
import org.embedscope.source.IdxFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code embedscope prepare} as a user runs it: real MNIST digits in, a bundle out, read back and checked. */
class PrepareCommandTest {
    @TempDir Path dir;
    Path[] train, test;
    String err;

    @BeforeEach
    void data() throws Exception {
        train = TestData.mnistSubset(dir, "train", 0, 200);
        test = TestData.mnistSubset(dir, "t10k", 200, 100);
    }

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter e = new StringWriter();
        cl.setErr(new PrintWriter(e, true));
        String[] full = new String[args.length + 1];
        full[0] = "prepare";
        System.arraycopy(args, 0, full, 1, args.length);
        int code = cl.execute(full);
        err = e.toString();
        return code;
    }

    /** Hidden entries beside the output folder: temporary or old bundles. */
    private List<String> entries() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    private List<CSVRecord> points(Path bundle) throws Exception {
        try (Reader r = Files.newBufferedReader(bundle.resolve("points.csv"));
             CSVParser p = CSVParser.parse(r, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }

    @Test
    void preparesMnistDigitsThatReadBackWithPointsAndAtlasAgreeing() throws Exception {
        Path xy = dir.resolve("given.csv");
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 0; i < 300; i++) sb.append(i).append(',').append(-2 * i).append('\n');
        Files.writeString(xy, sb);
        Path out = dir.resolve("out");
        int code = run("--idx", train[0].toString(), train[1].toString(), "--idx", test[0].toString(), test[1].toString(),
                "--label-names", "mnist", "--layout", "pca", "--import-layout", "given=" + xy, "--name", "digits", "-o", out.toString());
        assertEquals(0, code, err);

        Manifest m = Manifest.read(out);
        assertEquals("digits", m.name());
        assertEquals(300, m.count());
        assertEquals(List.of("given", "pca"), m.layouts().stream().map(Manifest.Layout::name).toList());
        assertEquals(42L, ((Number) m.layout("pca").params().get("seed")).longValue());
        assertTrue(m.layout("pca").params().get("input").toString().contains("784"), m.layout("pca").params().toString());
        assertEquals("seven", m.label().displayName("7"));
        assertEquals(AlphaMode.LUMINANCE, m.atlas().alpha());
        assertEquals(List.of(28, 14, 7), m.atlas().levels().stream().map(Manifest.Level::cell).toList());

        List<CSVRecord> rows = points(out);
        assertEquals(300, rows.size());
        assertEquals(List.of("given_x", "given_y", "pca_x", "pca_y", "label", "split", "given_trust", "pca_trust"),
                rows.get(0).getParser().getHeaderNames());
        IdxFile.Images digits = IdxFile.readImages(TestData.MNIST_IMAGES);
        int[] labels = IdxFile.readLabels(TestData.MNIST_LABELS);
        Manifest.Level l0 = m.atlas().finest();
        Raster[] pages = new Raster[l0.pages().size()];
        for (int p = 0; p < pages.length; p++) pages[p] = ImageIO.read(out.resolve(l0.pages().get(p)).toFile()).getRaster();
        double pcaSpread = 0;
        for (int i = 0; i < 300; i++) {
            CSVRecord r = rows.get(i);
            assertEquals(Integer.toString(labels[i]), r.get("label"), "row " + i);
            assertEquals(i < 200 ? "train" : "test", r.get("split"));
            assertEquals(i, Float.parseFloat(r.get("given_x")));
            assertEquals(-2 * i, Float.parseFloat(r.get("given_y")));
            pcaSpread += Math.abs(Float.parseFloat(r.get("pca_x")));
            Raster page = pages[l0.page(i)];
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    assertEquals(digits.pixel(i, x, y), page.getSample(l0.column(i) * 28 + x, l0.row(i) * 28 + y, 0),
                            "digit " + i + " at " + x + "," + y);
                }
            }
        }
        assertTrue(pcaSpread / 300 > 0.5, "PCA spreads the digits: mean |x| = " + pcaSpread / 300);
        assertEquals(List.of(), entries(), "no temporary folder left");

        // the explorer's loader opens it and agrees
        Bundle b = BundleReader.load(out);
        assertEquals(300, b.count());
        assertEquals(List.of("split", "given_trust", "pca_trust"), b.metaColumns());
        assertEquals("test", b.meta(0, 250));
        assertEquals(150f, b.coords(m.layoutIndex("given"))[2 * 150]);
        for (int i = 0; i < 300; i += 37) assertEquals(m.label().displayName(Integer.toString(labels[i])), b.labelName(b.labels()[i]));
        try (PageImage page = b.readPage(1, 0)) {
            Manifest.Level l1 = m.atlas().levels().get(1);
            assertEquals(1, page.channels());
            assertEquals(l1.columns() * 14, page.width());
            // item 42 at 14 px: the mean of its 2×2 blocks at 28 px, i.e. of the digit itself
            int i = 42, ink = 0;
            for (int y = 0; y < 14; y++) {
                for (int x = 0; x < 14; x++) {
                    int sum = digits.pixel(i, 2 * x, 2 * y) + digits.pixel(i, 2 * x + 1, 2 * y)
                            + digits.pixel(i, 2 * x, 2 * y + 1) + digits.pixel(i, 2 * x + 1, 2 * y + 1);
                    int px = page.pixels().get((l1.row(i) * 14 + y) * page.width() + l1.column(i) * 14 + x) & 0xff;
                    assertEquals((sum + 2) / 4, px, "at " + x + "," + y);
                    if (px > 0) ink++;
                }
            }
            assertTrue(ink > 10, "the digit has ink: " + ink);
        }
    }

    @Test
    void sameSeedSameBundleByteForByte() throws Exception {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        assertEquals(0, run("--idx", train[0].toString(), train[1].toString(), "--seed", "7", "--name", "n", "-o", a.toString()), err);
        assertEquals(0, run("--idx", train[0].toString(), train[1].toString(), "--seed", "7", "--name", "n", "-o", b.toString()), err);
        List<Path> files;
        try (Stream<Path> s = Files.walk(a)) {
            files = s.filter(Files::isRegularFile).map(a::relativize).sorted().toList();
        }
        assertTrue(files.size() >= 5, files.toString());
        for (Path f : files) {
            String name = f.toString();
            if (name.equals("bundle.json")) {
                // the command line recorded in the provenance names the output folder
                assertEquals(Files.readString(a.resolve(f)).replace(a.toString(), "OUT"), Files.readString(b.resolve(f)).replace(b.toString(), "OUT"));
            } else {
                assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), name);
            }
        }
    }

    @Test
    void vectorsReplacePixelsAsLayoutInput() throws Exception {
        Path vec = dir.resolve("vec.txt");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200; i++) sb.append(i % 10).append(' ').append(i % 7).append(' ').append(i % 3).append('\n');
        Files.writeString(vec, sb);
        Path out = dir.resolve("out");
        assertEquals(0, run("--idx", train[0].toString(), train[1].toString(), "--vectors", vec.toString(), "-o", out.toString()), err);
        Manifest m = Manifest.read(out);
        assertTrue(m.layout("pca").params().get("input").toString().contains("vec.txt (3 values per item)"));
    }

    /** Bad input: exit code 2, one line naming what is wrong, and no bundle or temporary folder left. */
    private void assertBadInput(String expected, String... args) throws Exception {
        int code = run(args);
        assertEquals(2, code, err);
        String[] lines = err.strip().split("\n");
        assertEquals(1, lines.length, err);
        assertTrue(lines[0].startsWith("embedscope: ") && lines[0].contains(expected), lines[0]);
        assertFalse(Files.exists(dir.resolve("out")), "no bundle after: " + lines[0]);
        assertEquals(List.of(), entries());
    }

    @Test
    void mnistDigitsAreFullInkAndInkCanBeChosen() throws Exception {
        Path auto = dir.resolve("auto"), shaded = dir.resolve("shaded");
        assertEquals(0, run("--idx", train[0].toString(), train[1].toString(), "-o", auto.toString()), err);
        assertFalse(err.contains("shaded"), err);
        Manifest m = BundleReader.load(auto).manifest();
        assertEquals(Ink.FULL, m.atlas().ink(), "MNIST's strokes: white ink");
        assertFalse(Files.readString(auto.resolve("bundle.json")).contains("\"ink\""));

        assertEquals(0, run("--idx", train[0].toString(), train[1].toString(), "--ink", "shaded", "-o", shaded.toString()), err);
        assertTrue(BundleReader.load(shaded).manifest().atlas().shaded());
        assertEquals(2, run("--idx", train[0].toString(), train[1].toString(), "--ink", "grey", "-o", shaded.toString()));
        assertTrue(err.contains("--ink must be full or shaded, not 'grey'"), err);
    }

    @Test
    void badInputStopsWithOneLineAndExitCode2() throws Exception {
        String out = dir.resolve("out").toString();
        assertBadInput("wrong magic number", "--idx", train[1].toString(), train[1].toString(), "-o", out);
        Path truncated = TestData.write(dir.resolve("trunc"), java.util.Arrays.copyOf(Files.readAllBytes(train[0]), 5000), false);
        assertBadInput("truncated", "--idx", truncated.toString(), train[1].toString(), "-o", out);
        assertBadInput("holds 100 labels but train-images-idx3-ubyte holds 200 images",
                "--idx", train[0].toString(), test[1].toString(), "-o", out);
        Path shortXy = Files.writeString(dir.resolve("short.csv"), "x,y\n1,2\n");
        assertBadInput("holds 1 rows of coordinates; expected 200", "--idx", train[0].toString(), train[1].toString(),
                "--import-layout", "mine=" + shortXy, "-o", out);
        StringBuilder nan = new StringBuilder();
        for (int i = 0; i < 200; i++) nan.append(i == 150 ? "nan" : "1").append(",2\n");
        Path nanVec = Files.writeString(dir.resolve("nan.csv"), nan);
        assertBadInput("line 151, field 1", "--idx", train[0].toString(), train[1].toString(), "--vectors", nanVec.toString(), "-o", out);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertBadInput("holds no images", "--images", empty.toString(), "-o", out);
        Path list = Files.writeString(dir.resolve("list.csv"), "path\n../../etc/passwd\n");
        assertBadInput("leads outside the root", "--list", list.toString(), "-o", out);
        assertBadInput("--page must be 16 to 8192", "--idx", train[0].toString(), train[1].toString(), "--page", "9000", "-o", out);
        // 0 is no size (it was taken as the default, silently)
        assertBadInput("--cell must be 1 to the page size", "--idx", train[0].toString(), train[1].toString(), "--cell", "0", "-o", out);
        // A cell chosen from the images: it had said "cell size 40 is larger than the page size 16", naming no option.
        TestData.save(TestData.grey(40, 30, (x, y) -> x), "png", dir.resolve("wide/a.png"));
        assertBadInput("embedscope: the images' cell (their largest side, up to 64 px) of 40 px is larger than --page 16; expected a cell of at most"
                + " the page's side (give a larger --page or a smaller --cell)", "--images", dir.resolve("wide").toString(), "--page", "16", "-o", out);
        assertBadInput("unknown layout 'umapp'", "--idx", train[0].toString(), train[1].toString(), "--layout", "umapp", "-o", out);
        assertBadInput("layout 'umap'", "--idx", train[0].toString(), train[1].toString(), "--layout", "umap",
                "--umap-min-dist", "3", "-o", out);
    }

    @Test
    void aCorruptImageStopsTheRunOrIsSkippedAndListed() throws Exception {
        Path images = dir.resolve("images");
        TestData.save(TestData.grey(10, 10, (x, y) -> x * 20), "png", images.resolve("a/1.png"));
        TestData.save(TestData.argb(30, 20, false, (x, y) -> 0xff336699), "jpg", images.resolve("b/2.jpg"));
        Files.write(images.resolve("b/3.png"), new byte[] {(byte) 137, 'P', 'N', 'G', 1, 2, 3});
        String out = dir.resolve("out").toString();
        assertBadInput("3.png", "--images", images.toString(), "-o", out);

        assertEquals(0, run("--images", images.toString(), "--skip-bad", "-o", out), err);
        assertTrue(err.contains("skipped 1 unreadable image") && err.contains("3.png"), err);
        Manifest m = Manifest.read(Path.of(out));
        assertEquals(2, m.count());
        assertEquals(AlphaMode.CHANNEL, m.atlas().alpha(), "colour and non-square images: transparency in the alpha channel");
        assertEquals(List.of("b/3.png"), ((List<?>) m.provenance().get("skipped")).stream()
                .map(s -> Path.of(images.toString()).relativize(Path.of(s.toString())).toString()).toList());
        List<CSVRecord> rows = points(Path.of(out));
        assertEquals(List.of("a", "b"), rows.stream().map(r -> r.get("label")).toList());
        assertEquals(List.of("a/1.png", "b/2.jpg"), rows.stream().map(r -> r.get("path")).toList());
    }

    /** A folder of phone photos had lost its HEIC ones without a word (files of other formats pass silently). */
    @Test
    void imagesInFormatsItDoesNotReadAreCountedNotLostSilently() throws Exception {
        Path images = dir.resolve("images");
        TestData.save(TestData.argb(30, 20, false, (x, y) -> 0xff336699), "jpg", images.resolve("trip/IMG_0003.jpg"));
        Files.write(images.resolve("trip/IMG_0001.HEIC"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'});
        Files.write(images.resolve("trip/IMG_0002.heic"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'});
        Files.writeString(images.resolve("trip/notes.txt"), "not an image: nothing to say");
        String out = dir.resolve("out").toString();
        // a folder of nothing else says why it holds no images
        Path heicOnly = Files.createDirectories(dir.resolve("heic-only"));
        Files.copy(images.resolve("trip/IMG_0001.HEIC"), heicOnly.resolve("IMG_0001.HEIC"));
        assertBadInput("holds no images it can read (1 .heic, formats embedscope does not read)", "--images", heicOnly.toString(), "-o", out);
        assertEquals(0, run("--images", images.toString(), "--layout", "pca", "-o", out), err);
        assertTrue(err.contains("embedscope: left out 2 images in formats embedscope does not read (2 .heic; first 'trip/IMG_0001.HEIC'):"
                + " convert them to JPEG or PNG to include them"), err);
        assertFalse(err.contains("notes.txt"), err);
        assertEquals(1, Manifest.read(Path.of(out)).count());
    }

    /**
     * R writes a missing number as NA, NumPy as nan: the column had turned into text in the explorer
     * without a word (no colour bar; "score > 0.5" refused as "column 'score' is text").
     */
    @Test
    void aColumnOfNumbersWithNaOrNanIsSaidToBeTextToTheExplorer() throws Exception {
        Path images = dir.resolve("images");
        for (int i = 0; i < 4; i++) TestData.save(TestData.grey(8, 8, (x, y) -> 60 * (x + y) / 14), "png", images.resolve(i + ".png"));
        Path meta = Files.writeString(dir.resolve("meta.csv"), "score,count,city,code\n0.5,1,Bern,7\nNA,,Oslo,A1\n0.7,3,Rome,B2\nnan,4,Oslo,C3\n");
        String out = dir.resolve("out").toString();
        assertEquals(0, run("--images", images.toString(), "--metadata", meta.toString(), "--layout", "pca", "--neighbors", "0", "-o", out), err);
        assertTrue(err.contains("note: metadata column 'score' holds numbers and 'NA' ×1, 'nan' ×1 (first at item 1), so the explorer reads it as text"),
                err);
        assertFalse(err.contains("'count'") || err.contains("'city'") || err.contains("'code'"),
                "an empty cell is a missing number; text columns are text: " + err);
        var table = org.embedscope.query.ColumnTable.of(org.embedscope.bundle.BundleReader.load(Path.of(out)));
        assertFalse(table.column("score").isNumeric(), "the note says what the explorer does");
        assertTrue(table.column("count").isNumeric());
    }

    @Test
    void aBundleWrittenInsideTheImageFolderIsNotTakenForImagesNextTime() throws Exception {
        Path images = dir.resolve("images");
        TestData.save(TestData.grey(10, 10, (x, y) -> x * 20), "png", images.resolve("a/1.png"));
        TestData.save(TestData.grey(10, 10, (x, y) -> y * 20), "png", images.resolve("b/2.png"));
        Path inside = images.resolve("bundle");
        for (int run = 0; run < 2; run++) {
            assertEquals(0, run("--images", images.toString(), "-o", inside.toString()), err);
            assertEquals(List.of("a/1.png", "b/2.png"), points(inside).stream().map(r -> r.get("path")).toList(), "run " + run);
        }
        // the same for a bundle prepared elsewhere and moved in, and for explore's folder check
        Path moved = dir.resolve("moved");
        assertEquals(0, run("--images", images.toString(), "-o", moved.toString()), err);
        Files.move(moved, images.resolve("c"));
        assertEquals(0, run("--images", images.toString(), "-o", inside.toString()), err);
        assertEquals(List.of("a", "b"), points(inside).stream().map(r -> r.get("label")).toList());
        Path onlyBundles = dir.resolve("only-bundles");
        Files.move(images.resolve("c"), Files.createDirectories(onlyBundles).resolve("c"));
        assertFalse(org.embedscope.source.FolderSource.holdsImages(onlyBundles), "a folder holding only a bundle holds no images");
        assertBadInput("holds no images", "--images", onlyBundles.toString(), "-o", dir.resolve("out").toString());
    }

    @Test
    void anInputInsideTheBundleToBeReplacedIsRefusedNotDeleted() throws Exception {
        Path bundle = dir.resolve("bundle");
        assertEquals(0, run("--idx", train[0].toString(), train[1].toString(), "-o", bundle.toString()), err);
        Path photos = bundle.resolve("photos");
        TestData.save(TestData.grey(10, 10, (x, y) -> x * 20), "png", photos.resolve("a/1.png"));
        TestData.save(TestData.grey(10, 10, (x, y) -> y * 20), "png", photos.resolve("b/2.png"));
        Path vectors = Files.writeString(bundle.resolve("features.csv"), "1,2\n3,4\n");
        String before = Files.readString(bundle.resolve("points.csv"));

        String[][] refused = {
                {"--images", photos.toString(), "-o", bundle.toString()},
                {"--images", bundle.toString(), "-o", bundle.toString()},
                {"--images", photos.toString(), "--vectors", vectors.toString(), "-o", dir.resolve("../" + dir.getFileName() + "/bundle").toString()},
                {"--idx", train[0].toString(), train[1].toString(), "--metadata", vectors.toString(), "-o", bundle.toString()},
        };
        for (String[] args : refused) {
            assertEquals(2, run(args), err);
            String[] lines = err.strip().split("\n");
            assertEquals(1, lines.length, err);
            assertTrue(lines[0].startsWith("embedscope: ") && lines[0].contains("which replacing this folder would delete"), lines[0]);
            assertTrue(Files.isRegularFile(photos.resolve("a/1.png")) && Files.isRegularFile(vectors), "inputs kept: " + lines[0]);
            assertEquals(before, Files.readString(bundle.resolve("points.csv")), "the bundle is as it was");
        }
        assertEquals(List.of(), entries());

        // and written elsewhere, the inputs inside a bundle are read as any others
        Path other = dir.resolve("other");
        assertEquals(0, run("--images", photos.toString(), "-o", other.toString()), err);
        assertEquals(2, Manifest.read(other).count());
        // the bundle's own annotations.csv may be given: its edits are carried into the new bundle
        Path edits = Files.writeString(bundle.resolve("annotations.csv"), "index,label,tags,edited\n3,9,,2026-01-01T00:00:00Z\n");
        assertEquals(0, run("--idx", train[0].toString(), train[1].toString(), "--annotations", edits.toString(), "-o", bundle.toString()), err);
        assertEquals("9", points(bundle).get(3).get("label"));
    }

    @Test
    void helpExplainsEveryOption() {
        CommandLine cl = Main.commandLine();
        CommandLine prepare = cl.getSubcommands().get("prepare");
        assertNotNull(prepare, "prepare is a sub-command of embedscope");
        List<String> undocumented = new ArrayList<>();
        for (CommandLine.Model.OptionSpec o : prepare.getCommandSpec().options()) {
            if (String.join("", o.description()).isBlank()) undocumented.add(o.longestName());
        }
        assertEquals(List.of(), undocumented);
        String help = prepare.getUsageMessage();
        for (String s : new String[] {"--idx", "--images", "--list", "--vectors", "--import-layout", "--layout", "--cell", "--page",
                "--alpha", "--skip-bad", "--seed", "--umap-neighbors", "--tsne-perplexity", "Exit codes"}) {
            assertTrue(help.contains(s), s);
        }
    }
}
