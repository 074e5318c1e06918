package org.embedscope.cli;

import org.embedscope.prepare.PreparePipeline;
import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.embedscope.TestData;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.Manifest;
import org.embedscope.progress.CancelledException;
import org.embedscope.progress.Progress;
import org.embedscope.source.IdxSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed or interrupted run leaves no partial bundle, and an existing bundle untouched. */
class InterruptedPrepareTest {
    @TempDir Path dir;
    Path out;
    IdxSource source;

    @BeforeEach
    void setUp() throws Exception {
        Path[] f = TestData.mnistSubset(dir, "train", 0, 120);
        source = IdxSource.open(List.of(new IdxSource.Pair(f[0], f[1])), null);
        out = dir.resolve("out");
    }

    /** A trivial layout for tests: each item at (its index, its mean pixel). */
    static final PreparePipeline.ComputedLayout INDEX_LAYOUT = new PreparePipeline.ComputedLayout("index", "Index", (data, n, dim, p) -> {
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            float s = 0;
            for (int d = 0; d < dim; d++) s += data[i * dim + d];
            xy[2 * i] = i;
            xy[2 * i + 1] = s / dim;
        }
        return xy;
    }, Map.of());

    private PreparePipeline.Spec spec(String name, PreparePipeline.ComputedLayout layout) {
        return new PreparePipeline.Spec(source, out, name, null, Map.of(), List.of(layout), 0, 2048, 16, null, 6, false, null,
                new LinkedHashMap<>());
    }

    private void prepare(String name, PreparePipeline.ComputedLayout layout, Progress progress) throws BundleException {
        PreparePipeline.run(spec(name, layout), progress, null, new PrintWriter(new StringWriter()));
    }

    private List<String> folderEntries() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") || n.equals("out")).sorted().toList();
        }
    }

    /** Cancels (as Ctrl-C does) when a stage whose name starts with {@code at} begins. */
    static Progress cancelAt(String at) {
        return new Progress() {
            volatile boolean cancelled;

            @Override public void stage(String name, long total) { if (name.startsWith(at)) cancelled = true; }

            @Override public void advance(long done) {}

            @Override public boolean isCancelled() { return cancelled; }
        };
    }

    @Test
    void cancelledWhileWritingPagesLeavesTheOldBundleAsItWas() throws Exception {
        prepare("old", INDEX_LAYOUT, Progress.NONE);
        byte[] oldPoints = Files.readAllBytes(out.resolve("points.csv"));
        assertThrows(CancelledException.class, () -> prepare("new", INDEX_LAYOUT, cancelAt("writing atlas pages")));
        assertEquals("old", Manifest.read(out).name());
        assertArrayEquals(oldPoints, Files.readAllBytes(out.resolve("points.csv")));
        assertEquals(List.of("out"), folderEntries(), "no temporary folder left");
    }

    @Test
    void cancelledBeforeAnyBundleExistedLeavesNothing() throws Exception {
        assertThrows(CancelledException.class, () -> prepare("new", INDEX_LAYOUT, cancelAt("measuring images")));
        assertEquals(List.of(), folderEntries());
    }

    @Test
    void aFailingLayoutLeavesNoBundle() throws Exception {
        PreparePipeline.ComputedLayout broken = new PreparePipeline.ComputedLayout("broken", "Broken", (data, n, dim, p) -> {
            throw new IllegalStateException("engine failed");
        }, Map.of());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> prepare("x", broken, Progress.NONE));
        assertEquals("engine failed", e.getMessage());
        assertFalse(Files.exists(out));
        assertEquals(List.of(), folderEntries());
    }

    /**
     * A real interruption: a child JVM runs {@code embedscope prepare} of 3,000 digits with t-SNE, seconds
     * of work after it has created its temporary folder (a named pipe as an image, which it blocked on,
     * is now refused at once); SIGTERM (which runs the same shutdown hooks as Ctrl-C) must leave no
     * bundle and no temporary folder behind.
     */
    @Test
    void aSignalDuringTheRunLeavesNoPartialBundle() throws Exception {
        Path[] digits = TestData.mnistSubset(Files.createDirectories(dir.resolve("idx")), "t10k", 0, 3000);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                Main.class.getName(), "prepare", "--idx", digits[0].toString(), digits[1].toString(), "--layout", "tsne", "-o", out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (folderEntries().stream().noneMatch(n -> n.startsWith(".out.partial-"))) {
                assertTrue(child.isAlive(), () -> "child ended early: " + log());
                assertTrue(System.nanoTime() < deadline, "no temporary folder appeared");
                Thread.sleep(20);
            }
            Thread.sleep(200); // into its work
            assertTrue(child.isAlive(), () -> "still preparing: " + log());
            child.destroy(); // SIGTERM
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child exits after the signal");
        } finally {
            child.destroyForcibly();
        }
        assertNotEquals(0, child.exitValue());
        assertEquals(List.of(), folderEntries(), "after the signal: " + log());
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("child.log"));
        } catch (Exception e) {
            return "(no log)";
        }
    }
}
