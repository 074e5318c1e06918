package org.embedscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TsneCommandTest {
    static final Path FIXTURE = Path.of("src/test/resources/mnist-5k/images-idx3-ubyte.gz");

    static int run(StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void writesOneRowPerImageAndCanStartFromAGivenLayout(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sub/layout.csv");
        int rc = run(new StringWriter(), "tsne", "--images", FIXTURE.toString(), "--limit", "400", "--early-iter", "50",
                "--n-iter", "50", "--quiet", "--out", out.toString());
        assertEquals(0, rc);
        List<String> lines = Files.readAllLines(out);
        assertEquals(401, lines.size());
        assertEquals("tsne_x,tsne_y", lines.get(0));
        for (String l : lines.subList(1, lines.size())) {
            String[] xy = l.split(",");
            assertTrue(Float.isFinite(Float.parseFloat(xy[0])) && Float.isFinite(Float.parseFloat(xy[1])), l);
        }
        try (var files = Files.list(out.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
        Path again = dir.resolve("again.csv");
        assertEquals(0, run(new StringWriter(), "tsne", "--images", FIXTURE.toString(), "--limit", "400", "--early-iter", "50",
                "--n-iter", "50", "--quiet", "--init-layout", out + ":tsne", "--out", again.toString()));
        assertFalse(Files.readAllLines(again).equals(lines), "another start gives another layout");
    }

    @Test
    void badInputIsOneLineNamingTheFileAndExitsTwo(@TempDir Path dir) throws Exception {
        Path init = dir.resolve("init.csv");
        Files.writeString(init, "a_x,a_y\n1,2\n3,oops\n");
        StringWriter err = new StringWriter();
        Path out = dir.resolve("out.csv");
        int rc = run(err, "tsne", "--images", FIXTURE.toString(), "--limit", "2", "--init-layout", init + ":a", "--quiet",
                "--out", out.toString());
        assertEquals(Main.EXIT_BAD_INPUT, rc);
        assertEquals("embedscope: " + init + ": line 3, column a_y: 'oops' is not a finite number", err.toString().strip());
        assertFalse(Files.exists(out));

        err = new StringWriter();
        rc = run(err, "tsne", "--images", FIXTURE.toString(), "--perplexity", "30", "--repulsion", "magic", "--out", out.toString());
        assertEquals(Main.EXIT_BAD_INPUT, rc);
        assertTrue(err.toString().contains("--repulsion: expected auto, fft, barnes-hut or exact"), err.toString());
    }
}
