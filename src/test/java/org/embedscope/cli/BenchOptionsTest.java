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

    /** A count whose coordinates do not fit in an array had failed as "unexpected error", a cell of 0 after making a folder. */
    @Test
    void countsAndCellsOutOfRangeAreRefusedInOneLine() {
        CliRun r = CliRun.of("bench", "--synthetic", "2000000000");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("embedscope: --synthetic: expected a count from 1 to 100,000,000, got 2000000000"), r.err());
        r = CliRun.of("bench", "--synthetic", "0");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("embedscope: --synthetic: expected a count from 1 to 100,000,000, got 0"), r.err());
        r = CliRun.of("bench", "--synthetic", "10", "--cell", "0");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("embedscope: --cell: expected 4 to 2048 pixels, got 0"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
