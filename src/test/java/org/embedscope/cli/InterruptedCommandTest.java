package org.embedscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command stopped by a signal while it writes its files (SIGTERM runs the same shutdown hooks as
 * Ctrl-C) leaves none of them, no temporary file beside them, and says that it was interrupted.
 */
class InterruptedCommandTest {
    @TempDir Path dir;

    /**
     * {@code select} with a contact sheet of all 70,000 digits: the CSV is complete before the sheet's
     * PNG is encoded (seconds). Stopped then, it had left the CSV without the sheet, and the sheet's
     * temporary file.
     */
    @Test
    void aSelectStoppedWhileItsSheetIsEncodedLeavesNeitherFile() throws Exception {
        Path csv = dir.resolve("s.csv"), png = dir.resolve("s.png");
        Process child = start("select", "assets/mnist", "--sheet", png.toString(), "--sheet-limit", "70000", "-o", csv.toString());
        stopOnceWriting(child, ".s.png.");
        assertEquals(List.of("child.log"), entries(), log());
        assertTrue(log().contains("embedscope: interrupted; nothing was written"), log());
    }

    /**
     * {@code bench --synthetic} writes its bundle into a temporary folder. Stopped while writing it, or
     * failing after it (a size the driver cannot draw), it had left that folder behind, with what had been
     * written of the bundle (gigabytes at a million 64-px cells).
     */
    @Test
    void aSyntheticBenchStoppedOrFailingLeavesNoTemporaryFolder() throws Exception {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Process child = start(List.of("-Djava.io.tmpdir=" + tmp), "bench", "--synthetic", "400000", "--size", "320x200");
        try {
            assertTrue(waitFor(() -> treeSize(tmp) > 1_000_000, child), () -> "no bundle being written: " + log());
            child.destroy();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "exits after the signal");
        } finally {
            child.destroyForcibly();
        }
        assertEquals(List.of(), synthetic(tmp), log());
        assertTrue(log().contains("embedscope: interrupted"), log());

        child = start(List.of("-Djava.io.tmpdir=" + tmp), "bench", "--synthetic", "50", "--size", "16383x16");
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        assertEquals(2, child.exitValue(), log());
        assertTrue(log().contains("--size: 16383x16 is more than this OpenGL driver draws"), log());
        assertEquals(List.of(), synthetic(tmp), log());
    }

    /** The bench's own folders there (LWJGL keeps its natives in the temporary folder too). */
    private static List<String> synthetic(Path tmp) {
        return names(tmp).stream().filter(n -> n.startsWith("embedscope-synthetic")).toList();
    }

    private static long treeSize(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private Process start(String... args) throws Exception {
        return start(List.of(), args);
    }

    private Process start(List<String> jvmOptions, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Djava.awt.headless=true"));
        cmd.addAll(jvmOptions);
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    }

    /** Sends SIGTERM as soon as a temporary file starting with {@code tmpPrefix} appears in the folder. */
    private void stopOnceWriting(Process child, String tmpPrefix) throws Exception {
        try {
            assertTrue(waitFor(() -> entries().stream().anyMatch(n -> n.startsWith(tmpPrefix)), child),
                    () -> "no " + tmpPrefix + "* appeared: " + entries() + " " + log());
            child.destroy();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "exits after the signal");
        } finally {
            child.destroyForcibly();
        }
        assertNotEquals(0, child.exitValue());
    }

    private interface Check { boolean holds() throws Exception; }

    private static boolean waitFor(Check check, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!check.holds()) {
            if (!child.isAlive() || System.nanoTime() > deadline) return false;
            Thread.sleep(5);
        }
        return true;
    }

    private List<String> entries() {
        return names(dir);
    }

    private static List<String> names(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("child.log"));
        } catch (Exception e) {
            return "(no log)";
        }
    }
}
