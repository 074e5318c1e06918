package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processes that start together each load imgui's native library (imgui-java alone copied it over the
 * one file the others had mapped, and they died of SIGBUS): six JVMs at once, on a fresh cache and a
 * fresh temporary folder, all load it and make an imgui context, from one copy in the cache.
 */
class ImguiLibraryTest {
    @TempDir Path dir;

    /** A child JVM's work: the overlay's way to imgui, then a context made and destroyed. */
    public static void main(String[] args) {
        Overlay.preload();
        ImguiLibrary.install();
        imgui.ImGui.destroyContext(imgui.ImGui.createContext());
        System.out.println("loaded from " + System.getProperty("imgui.library.path"));
    }

    @Test
    void sixProcessesStartingTogetherAllLoadItFromOneCachedCopy() throws Exception {
        Path cache = dir.resolve("cache"), tmp = Files.createDirectories(dir.resolve("tmp"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> children = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Djava.io.tmpdir=" + tmp,
                    ImguiLibraryTest.class.getName()).redirectErrorStream(true).redirectOutput(dir.resolve("child-" + k + ".log").toFile());
            pb.environment().put("EMBEDSCOPE_CACHE", cache.toString());
            pb.directory(dir.toFile());
            children.add(pb.start());
        }
        for (int k = 0; k < children.size(); k++) {
            Process c = children.get(k);
            assertTrue(c.waitFor(120, TimeUnit.SECONDS), "child " + k + " ends");
            String log = Files.readString(dir.resolve("child-" + k + ".log"));
            assertEquals(0, c.exitValue(), "child " + k + ": " + log);
            assertTrue(log.contains("loaded from " + cache.resolve("natives")), log);
        }
        try (Stream<Path> s = Files.walk(cache.resolve("natives"))) {
            List<String> files = s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
            assertEquals(List.of(System.mapLibraryName("imgui-java64")), files, "one copy, no temporary file left");
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("hs_err")), "no crash log");
        }
    }
}
