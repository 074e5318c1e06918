package org.embedscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.embedscope.TestData;
import org.embedscope.select.SampleBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output file that cannot be written (a folder of that name, a path through a file) is bad input for
 * every command that writes one: one line naming the output and what is in the way, exit 2, nothing
 * left beside it. {@code render} said "unexpected error" (exit 1), the others named their hidden
 * temporary file ({@code .o.csv.1234.tmp -> o.csv: Is a directory}), and {@code layout} found out only
 * after computing the layout.
 */
class OutputPathTest {
    @TempDir static Path shared;
    static Path bundle;

    @TempDir Path dir;

    @BeforeAll
    static void writeBundle() throws Exception {
        bundle = SampleBundle.write(shared.resolve("sample"));
    }

    /**
     * The commands, each writing {@code out} (a .png name), but select's CSV, written to the same name
     * ending in .csv instead ({@code -o shot.png} is refused as the contact sheet meant): {@link #target}.
     */
    private List<String[]> commands(Path out) {
        String o = out.toString();
        return List.of(
                new String[] {"render", bundle.toString(), "--size", "64x48", "--out", o},
                new String[] {"select", bundle.toString(), "-o", asCsv(out).toString()},
                new String[] {"select", bundle.toString(), "-o", dir.resolve("ok.csv").toString(), "--sheet", o},
                new String[] {"layout", "--images", TestData.MNIST_IMAGES.toString(), "--algo", "pca", "-o", o},
                new String[] {"quality", "--images", TestData.MNIST_IMAGES.toString(), "--per-item", "-o", o,
                        dir.resolve("xy.csv").toString()});
    }

    private static Path asCsv(Path png) {
        String name = png.getFileName().toString();
        return png.resolveSibling(name.substring(0, name.length() - ".png".length()) + ".csv");
    }

    /** What the command {@code args} of {@link #commands(Path) commands(out)} writes. */
    private static Path target(String[] args, Path out) {
        return args[0].equals("select") && !List.of(args).contains("--sheet") ? asCsv(out) : out;
    }

    private void refused(Path out, String says) throws Exception {
        for (String[] args : commands(out)) {
            List<String> before = listing();
            CliRun r = CliRun.of(args);
            String cmd = String.join(" ", args);
            assertEquals(Main.EXIT_BAD_INPUT, r.code(), cmd + ": " + r.err());
            String err = r.err().strip();
            assertEquals(1, err.lines().count(), cmd + ": " + err);
            assertEquals("embedscope: " + target(args, out) + ": cannot write: " + says, err, cmd);
            assertEquals(before, listing(), cmd + ": nothing written, no temporary file left");
        }
    }

    private List<String> listing() throws Exception {
        List<String> names = new ArrayList<>();
        try (var s = Files.walk(dir)) {
            s.forEach(p -> names.add(dir.relativize(p).toString()));
        }
        names.sort(null);
        return names;
    }

    @Test
    void aFolderWhereTheFileShouldBe() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("taken.png"));
        Path csvFolder = Files.createDirectories(dir.resolve("taken.csv"));
        Files.writeString(dir.resolve("xy.csv"), "x,y\n");
        refused(folder, "is a folder; expected a file name");
        assertEquals(Main.EXIT_BAD_INPUT, CliRun.of("layout", "--images", TestData.MNIST_IMAGES.toString(), "-o", csvFolder.toString()).code());
    }

    /** A folder that cannot be written: the line says why, for render too (stb's "the PNG could not be written" did not). */
    @Test
    void aReadOnlyFolderSaysWhy() throws Exception {
        Files.writeString(dir.resolve("xy.csv"), "x,y\n");
        Path locked = Files.createDirectories(dir.resolve("locked"));
        org.embedscope.annotate.ReadOnly.make(locked);
        try {
            for (String[] args : commands(locked.resolve("out.png"))) {
                if (args[0].equals("quality")) continue;   // its empty layout is refused first here
                CliRun r = CliRun.of(args);
                String cmd = String.join(" ", args), err = r.err().strip();
                assertEquals(Main.EXIT_BAD_INPUT, r.code(), cmd + ": " + err);
                assertEquals(1, err.lines().count(), cmd + ": " + err);
                assertTrue(err.startsWith("embedscope: " + target(args, locked.resolve("out.png")) + ": cannot write: ")
                        && (err.endsWith("permission denied") || err.endsWith("Operation not permitted")), cmd + ": " + err);
            }
            try (var s = Files.list(locked)) {
                assertEquals(0, s.count(), "nothing left in it");
            }
        } finally {
            org.embedscope.annotate.ReadOnly.undo(locked);
        }
    }

    @Test
    void aFileInThePath() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine\n");
        Files.writeString(dir.resolve("xy.csv"), "x,y\n");
        refused(file.resolve("sub").resolve("out.png"), file + " is a file, not a folder");
        assertEquals("mine\n", Files.readString(file));
    }

    /**
     * An output that is one of the command's own inputs is refused before anything is read or written:
     * {@code select b -o b/points.csv} replaced the bundle's 70,000 points with the selection's rows,
     * and {@code layout --vectors v.npy -o v.npy} would write the layout over the vectors it came from.
     */
    @Test
    void anOutputThatIsOneOfTheInputs() throws Exception {
        Path copy = dir.resolve("b");
        copyTree(bundle, copy);
        Path points = copy.resolve("points.csv");
        Path page;
        try (var s = Files.walk(copy.resolve("atlas"))) {
            page = s.filter(p -> p.toString().endsWith(".png")).sorted().findFirst().orElseThrow();
        }
        Path images = dir.resolve("images.idx");
        Files.copy(TestData.MNIST_IMAGES, images);
        Path xy = Files.writeString(dir.resolve("xy.csv"), "x,y\n");
        Path edits = Files.writeString(dir.resolve("edits.csv"), "index,label,tags,edited\n");
        Path pictures = Files.createDirectories(dir.resolve("pictures"));
        Files.copy(page, pictures.resolve("one.png"));
        String[][] cases = {
                {"select", copy.toString(), "-o", points.toString()},
                {"select", copy.toString(), "-o", copy.resolve("bundle.json").toString()},
                {"select", copy.toString(), "-o", dir.resolve("ok.csv").toString(), "--sheet", page.toString()},
                {"select", copy.toString(), "--annotations", edits.toString(), "-o", edits.toString()},
                {"render", copy.toString(), "--size", "64x48", "--out", page.toString()},
                {"render", pictures.toString(), "--size", "64x48", "--out", pictures.resolve("view.png").toString()},
                {"layout", "--images", images.toString(), "--algo", "pca", "-o", images.toString()},
                {"quality", "--images", images.toString(), "--per-item", "-o", xy.toString(), xy.toString()},
                {"quality", "--images", images.toString(), "--per-item", "-o", images.toString(), xy.toString()},
        };
        String[] says = {"the bundle's points.csv", "the bundle's bundle.json", "the bundle's " + copy.relativize(page),
                "the --annotations file", "the bundle's " + copy.relativize(page), "inside " + pictures,
                "the input " + images, "the layout " + xy, "the input " + images};
        for (int c = 0; c < cases.length; c++) {
            String[] args = cases[c];
            String cmd = String.join(" ", args);
            List<String> before = listing();
            java.util.Map<String, byte[]> bytes = contents();
            CliRun r = CliRun.of(args);
            assertEquals(Main.EXIT_BAD_INPUT, r.code(), cmd + ": " + r.err());
            String err = r.err().strip();
            assertEquals(1, err.lines().count(), cmd + ": " + err);
            assertTrue(err.contains(": cannot write: it is " + says[c]), cmd + ": " + err);
            assertEquals(before, listing(), cmd + ": nothing written");
            for (var e : bytes.entrySet()) assertArrayEquals(e.getValue(), Files.readAllBytes(dir.resolve(e.getKey())), cmd + ": " + e.getKey() + " changed");
        }
        // Nor one it would read once written: a selection's CSV as the bundle's annotations.csv.
        Path annotations = copy.resolve("annotations.csv");
        CliRun r = CliRun.of("select", copy.toString(), "-o", annotations.toString());
        assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.err());
        assertEquals(annotations + ": cannot write: it would be the bundle's annotations.csv, which the bundle reads; expected another file",
                r.err().strip().replace("embedscope: ", ""));
        assertFalse(Files.exists(annotations));
        // The bundle is whole: it loads with all its items.
        CliRun ok = CliRun.of("select", copy.toString(), "-o", dir.resolve("all.csv").toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("selected " + org.embedscope.bundle.BundleReader.load(bundle).count()), ok.out());
    }

    private java.util.Map<String, byte[]> contents() throws Exception {
        java.util.Map<String, byte[]> m = new java.util.TreeMap<>();
        try (var s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) if (Files.isRegularFile(p)) m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
        }
        return m;
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
