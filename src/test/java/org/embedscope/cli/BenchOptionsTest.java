package org.embedscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.embedscope.bundle.BundleReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench's synthetic bundles and memory budget, as a user types them. */
class BenchOptionsTest {
    @TempDir Path dir;

    @Test
    void aSyntheticColourBundleWithItsCellSizeIsBenchedAndKept() throws Exception {
        Path keep = dir.resolve("synth");
        CliRun r = CliRun.of("bench", "--synthetic", "300", "--cell", "16", "--colour", "--gpu-memory", "512M", "--keep", keep.toString(),
                "--size", "320x200", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"hover\": {\"frames\": "), r.out());
        assertEquals(16, BundleReader.load(keep).manifest().atlas().finest().cell());
        assertTrue(Files.exists(keep.resolve("atlas/0-00.png")));
    }

    @Test
    void badSizesAndMisplacedOptionsAreNamed() throws Exception {
        CliRun r = CliRun.of("bench", "--synthetic", "10", "--gpu-memory", "lots");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--gpu-memory") && r.err().contains("'lots'") && r.err().contains("512M"), r.err());
        r = CliRun.of("bench", dir.toString(), "--colour");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--synthetic"), r.err());
        r = CliRun.of("bench", "--synthetic", "10", "--cell", "2");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--cell"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
