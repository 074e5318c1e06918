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

    /** The commands, each writing {@code out}. */
    private List<String[]> commands(Path out) {
        String o = out.toString();
        return List.of(
                new String[] {"render", bundle.toString(), "--size", "64x48", "--out", o},
                new String[] {"select", bundle.toString(), "-o", o},
                new String[] {"select", bundle.toString(), "-o", dir.resolve("ok.csv").toString(), "--sheet", o},
                new String[] {"layout", "--images", TestData.MNIST_IMAGES.toString(), "--algo", "pca", "-o", o},
                new String[] {"quality", "--images", TestData.MNIST_IMAGES.toString(), "--per-item", "-o", o,
                        dir.resolve("xy.csv").toString()});
    }

    private void refused(Path out, String says) throws Exception {
        for (String[] args : commands(out)) {
            List<String> before = listing();
            CliRun r = CliRun.of(args);
            String cmd = String.join(" ", args);
            assertEquals(Main.EXIT_BAD_INPUT, r.code(), cmd + ": " + r.err());
            String err = r.err().strip();
            assertEquals(1, err.lines().count(), cmd + ": " + err);
            assertEquals("embedscope: " + out + ": cannot write: " + says, err, cmd);
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
        Files.writeString(dir.resolve("xy.csv"), "x,y\n");
        refused(folder, "is a folder; expected a file name");
        Path csvFolder = Files.createDirectories(dir.resolve("taken.csv"));
        assertEquals(Main.EXIT_BAD_INPUT, CliRun.of("layout", "--images", TestData.MNIST_IMAGES.toString(), "-o", csvFolder.toString()).code());
    }

    @Test
    void aFileInThePath() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine\n");
        Files.writeString(dir.resolve("xy.csv"), "x,y\n");
        refused(file.resolve("sub").resolve("out.png"), file + " is a file, not a folder");
        assertEquals("mine\n", Files.readString(file));
    }
}
