package org.embedscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.embedscope.source.IdxFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code embedscope layout --algo tsne} as a user runs it. */
class TsneLayoutCommandTest {
    @TempDir Path dir;

    /** The first {@code count} digits of the test fixture as a raw IDX file. */
    Path digits(int count) throws Exception {
        IdxFile.Images all = IdxFile.readImages(Path.of(LayoutCommandsTest.IMAGES));
        Path file = dir.resolve("digits-idx3-ubyte");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(0x803);
            out.writeInt(count);
            out.writeInt(all.rows());
            out.writeInt(all.cols());
            out.write(all.pixels(), 0, count * all.size());
        }
        return file;
    }

    @Test
    void writesOneRowPerImageAndCanStartFromAGivenLayout() throws Exception {
        Path images = digits(400), out = dir.resolve("tsne.csv");
        CliRun r = CliRun.of("layout", "--images", images.toString(), "--algo", "tsne", "--tsne-early-iter", "50",
                "--tsne-iter", "50", "--threads", "2", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(401, lines.size());
        assertEquals("x,y", lines.get(0));
        for (String l : lines.subList(1, lines.size())) {
            String[] xy = l.split(",");
            assertTrue(Float.isFinite(Float.parseFloat(xy[0])) && Float.isFinite(Float.parseFloat(xy[1])), l);
        }
        Path again = dir.resolve("again.csv");
        r = LayoutCommandsTest.run("layout", "--images", images.toString(), "--algo", "tsne", "--tsne-early-iter", "50", "--tsne-iter", "50",
                "--tsne-init", out.toString(), "-o", again.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.readAllLines(again).equals(lines), "another start gives another layout");
    }

    /**
     * A perplexity too large for the items had been lowered without a word (--tsne-perplexity 500 on 400
     * digits ran at 133): layout and prepare say the one used and why, in the same words.
     */
    @Test
    void aPerplexityLoweredForFewItemsIsSaid() throws Exception {
        Path images = digits(400);
        CliRun r = CliRun.of("layout", "--images", images.toString(), "--algo", "tsne", "--tsne-perplexity", "500", "--tsne-early-iter", "10",
                "--tsne-iter", "10", "--threads", "2", "-o", dir.resolve("wide.csv").toString());
        assertEquals(0, r.code(), r.err());
        String said = "t-SNE: perplexity 133 used, not 500: 400 items allow at most (n − 1)/3 = 133";
        assertTrue(r.err().contains("embedscope: " + said), r.err());
        CliRun usual = CliRun.of("layout", "--images", images.toString(), "--algo", "tsne", "--tsne-early-iter", "10",
                "--tsne-iter", "10", "--threads", "2", "-o", dir.resolve("usual.csv").toString());
        assertEquals(0, usual.code(), usual.err());
        assertFalse(usual.err().contains("perplexity"), "perplexity 30 fits 400 items: " + usual.err());

        Path[] idx = org.embedscope.TestData.mnistSubset(dir, "few", 0, 400);
        CliRun p = CliRun.of("prepare", "--idx", idx[0].toString(), idx[1].toString(), "--layout", "tsne", "--tsne-perplexity", "500",
                "--tsne-early-iter", "10", "--tsne-iter", "10", "--neighbors", "0", "-o", dir.resolve("bundle").toString());
        assertEquals(0, p.code(), p.err());
        assertTrue(p.err().contains("layout tsne: " + said), p.err());
        java.util.Map<String, Object> recorded = org.embedscope.bundle.BundleReader.load(dir.resolve("bundle")).manifest().layouts().get(0).params();
        assertEquals(399 / 3.0, ((Number) recorded.get("perplexity")).doubleValue(), 1e-9, "the manifest records the perplexity that ran: " + recorded);
        assertEquals(500.0, ((Number) recorded.get("perplexity_asked")).doubleValue(), "and the one asked for");
    }

    @Test
    void badInitFileIsOneLineNamingItAndExitsTwo() throws Exception {
        Path images = digits(50), init = dir.resolve("init.csv"), out = dir.resolve("out.csv");
        Files.writeString(init, "x,y\n1,2\n3,4\n");
        CliRun r = CliRun.of("layout", "--images", images.toString(), "--algo", "tsne", "--tsne-init", init.toString(),
                "-o", out.toString());
        assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("embedscope: " + init), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out));

        r = LayoutCommandsTest.run("layout", "--images", images.toString(), "--algo", "tsne", "--tsne-repulsion", "magic", "-o", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--tsne-repulsion: expected auto, fft, barnes-hut or exact"), r.err());
    }
}
