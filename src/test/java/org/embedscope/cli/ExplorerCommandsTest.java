package org.embedscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.embedscope.bench.SyntheticBundleWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** explore, render and bench as a user runs them: exit codes, messages, files written. */
class ExplorerCommandsTest {
    @TempDir static Path shared;
    static Path bundle;

    @TempDir Path dir;

    @BeforeAll
    static void writeBundle() throws Exception {
        bundle = SyntheticBundleWriter.write(shared.resolve("synthetic"), 500, 7);
    }

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void renderWritesThePngAWindowWouldShow() throws Exception {
        Path png = dir.resolve("out/shot.png");
        CliRun r = run("render", bundle.toString(), "--size", "320x200", "--out", png.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(320, img.getWidth());
        assertEquals(200, img.getHeight());
        int lit = 0;
        for (int y = 0; y < 200; y++) for (int x = 0; x < 320; x++) if ((img.getRGB(x, y) & 0xff) > 128) lit++;
        assertTrue(lit > 100, "sprites are drawn: " + lit + " bright pixels");
        try (var files = Files.list(png.getParent())) {
            assertEquals(1, files.count(), "no temporary file left beside the image");
        }
    }

    @Test
    void renderOverlayAndTransitionChangeTheImage() throws Exception {
        Path a = dir.resolve("a.png"), b = dir.resolve("b.png"), c = dir.resolve("c.png");
        assertEquals(0, run("render", bundle.toString(), "--size", "320x200", "--out", a.toString()).code());
        assertEquals(0, run("render", bundle.toString(), "--size", "320x200", "--transition", "0.5", "--out", b.toString()).code());
        assertEquals(0, run("render", bundle.toString(), "--size", "320x200", "--overlay", "--out", c.toString()).code());
        assertFalse(Files.mismatch(a, b) == -1, "mid-transition differs from the layout at rest");
        assertFalse(Files.mismatch(a, c) == -1, "the overlay is drawn");
    }

    @Test
    void badBundleIsOneLineAndExitCodeTwo() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        for (String cmd : new String[] {"render", "explore", "bench"}) {
            String[] args = cmd.equals("render")
                    ? new String[] {cmd, dir.resolve("empty").toString(), "--out", dir.resolve("x.png").toString()}
                    : new String[] {cmd, dir.resolve("empty").toString()};
            CliRun r = run(args);
            assertEquals(Main.EXIT_BAD_INPUT, r.code(), cmd + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), cmd + " prints one line: " + r.err());
            assertTrue(r.err().contains("bundle.json"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("x.png")));
    }

    /** {@code embedscope ARGS} in a process of its own with no display (neither DISPLAY nor WAYLAND_DISPLAY). */
    private static String[] withoutDisplay(String... args) throws Exception {
        return withoutDisplay(java.util.List.of(), args);
    }

    /** As above, the JVM given {@code jvmOptions}. */
    private static String[] withoutDisplay(java.util.List<String> jvmOptions, String... args) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(java.util.List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "it ends");
        return new String[] {String.valueOf(p.exitValue()), out};
    }

    @Test
    void withoutADisplayRenderDrawsWhatTheWindowsContextDraws() throws Exception {
        // With no display the context is EGL's alone (a GPU's EGL device where there is one): the picture
        // is the one the window system's context gives.
        Path withDisplay = dir.resolve("display.png"), without = dir.resolve("egl.png");
        // Without the overlay, whose timing line differs from run to run.
        assertEquals(0, run("render", bundle.toString(), "--size", "320x200", "--out", withDisplay.toString()).code());
        // As on a GPU server without X: no libGL (GLX) to open, only EGL and libOpenGL.
        String[] r = withoutDisplay(java.util.List.of("-Dorg.lwjgl.opengl.libname=" + dir.resolve("no-libGL.so.1")),
                "render", bundle.toString(), "--size", "320x200", "--out", without.toString());
        assertEquals("0", r[0], r[1]);
        BufferedImage a = ImageIO.read(withDisplay.toFile()), b = ImageIO.read(without.toFile());
        assertEquals(320, b.getWidth());
        assertEquals(200, b.getHeight());
        int differ = 0, lit = 0;
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 320; x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) differ++;
                if ((b.getRGB(x, y) & 0xff) > 128) lit++;
            }
        }
        assertTrue(lit > 100, "sprites are drawn: " + lit + " bright pixels");
        assertEquals(0, differ, differ + " of 64,000 pixels differ");

        String[] bench = withoutDisplay("bench", bundle.toString(), "--size", "160x100", "--json");
        assertEquals("0", bench[0], bench[1]);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(bench[1].substring(bench[1].indexOf("{\n")));
        String renderer = json.path("renderer").asText("");
        assertFalse(renderer.isBlank() || renderer.equals("null"), "bench names what drew: " + renderer);
    }

    @Test
    void exploreWithoutADisplaySaysSoInOneLineAfterCheckingTheBundle() throws Exception {
        String[] missing = withoutDisplay("explore", dir.resolve("nonexistent").toString());
        assertEquals(String.valueOf(Main.EXIT_BAD_INPUT), missing[0], missing[1]);
        assertTrue(missing[1].contains("no such bundle folder"), "the missing bundle is said first: " + missing[1]);

        String[] noDisplay = withoutDisplay("explore", bundle.toString());
        assertEquals(String.valueOf(Main.EXIT_UNEXPECTED), noDisplay[0], noDisplay[1]);
        java.util.List<String> lines = noDisplay[1].strip().lines().filter(l -> !l.contains("XDG_RUNTIME_DIR")).toList();
        assertEquals(1, lines.size(), "one line: " + noDisplay[1]);
        assertTrue(lines.get(0).startsWith("embedscope: cannot open a window: no display"), lines.get(0));
        assertFalse(lines.get(0).contains("Exception") || lines.get(0).contains("unexpected"), lines.get(0));
    }

    @Test
    void unknownLayoutAndBadOptionsAreNamed() {
        CliRun r = run("render", bundle.toString(), "--layout", "nope", "--out", dir.resolve("x.png").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--layout") && r.err().contains("nope"), r.err());
        r = run("render", bundle.toString(), "--size", "huge", "--out", dir.resolve("x.png").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("1280x800"), r.err());
        r = run("render", bundle.toString(), "--view", "1,2", "--out", dir.resolve("x.png").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--view"), r.err());
        for (String view : new String[] {"0,0,0", "0,0,-5", "0,0,NaN", "0,0,Infinity"}) {
            Path png = dir.resolve("zoom.png");
            r = run("render", bundle.toString(), "--view", view, "--out", png.toString());
            assertEquals(2, r.code(), view + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("--view") && r.err().contains("'" + view + "'"), r.err());
            assertFalse(Files.exists(png), view + " draws nothing");
        }
        // It writes PNG: another extension would be a PNG under a wrong name.
        r = run("render", bundle.toString(), "--out", dir.resolve("x.jpg").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--out") && r.err().contains(".png"), r.err());
        assertFalse(Files.exists(dir.resolve("x.jpg")));
    }

    @Test
    void everyCommandExplainsItsOptions() {
        for (String cmd : new String[] {"explore", "render", "bench"}) {
            CliRun r = run(cmd, "--help");
            assertEquals(0, r.code());
            assertTrue(r.out().contains("Usage: embedscope " + cmd), r.out());
            assertTrue(r.out().contains("--size"), cmd + " documents --size");
        }
        CliRun r = run("--help");
        assertTrue(r.out().contains("explore") && r.out().contains("render") && r.out().contains("bench"), r.out());
    }

    @Test
    void benchReportsEveryPhase() throws Exception {
        CliRun r = run("bench", bundle.toString(), "--size", "320x200", "--json");
        assertEquals(0, r.code(), r.err());
        for (String phase : new String[] {"fit", "zoom-in", "zoomed", "pan", "zoom-out", "transition", "hover", "lasso", "search", "selected", "fit-full", "zoomed-full", "zoomed-flat"}) {
            assertTrue(r.out().contains("\"" + phase + "\": {\"frames\": "), phase + " in " + r.out());
        }
        assertTrue(r.out().contains("\"pick_readback_ms\""));
        assertTrue(r.out().contains("\"rss_mb\""));
        // The exploring phases did what they say: a lasso caught items, the search a tenth (and one), all selected.
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertTrue(tree.get("lasso_select_ms").get("items").asInt() > 0, r.out());
        assertEquals(500 / 10 + 1, tree.get("query_ms").get("matches").asInt());
        assertEquals(500, tree.get("selected_items").asInt());
        // zoomed-flat draws what zoomed-full does (the same items, at the same size), as squares.
        var phases = tree.get("phases");
        assertEquals(phases.get("zoomed-full").get("sprite_px").asDouble(), phases.get("zoomed-flat").get("sprite_px").asDouble(), 1e-9);
        assertEquals(tree.get("items_drawn").get("zoomed-full").asInt(), tree.get("items_drawn").get("zoomed-flat").asInt());
        assertTrue(tree.get("items_drawn").get("zoomed-flat").asInt() > 0, r.out());
    }

    @Test
    void benchMatchingTheDemoRunsItsPhasesAtItsSizes() throws Exception {
        CliRun r = run("bench", bundle.toString(), "--size", "320x200", "--json", "--match-demo");
        assertEquals(0, r.code(), r.err());
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        var phases = tree.get("phases");
        assertEquals(java.util.List.of("fit", "hover", "zoomed", "transition", "settle", "fit-full", "zoomed-full"),
                iterable(phases.fieldNames()));
        assertEquals(14.0, phases.get("fit").get("sprite_px").asDouble(), 0.05);
        assertEquals(28.0, phases.get("zoomed").get("sprite_px").asDouble(), 0.05);
        // The full redraws draw the same views as fit and zoomed.
        assertEquals(14.0, phases.get("fit-full").get("sprite_px").asDouble(), 0.05);
        assertEquals(28.0, phases.get("zoomed-full").get("sprite_px").asDouble(), 0.05);
        assertEquals(30, phases.get("zoomed").get("frames").asInt());
        assertEquals("demo", tree.get("sizes").asText());
    }

    private static java.util.List<String> iterable(java.util.Iterator<String> it) {
        java.util.List<String> l = new java.util.ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }

    @Test
    void renderJsonSaysWhatWasDrawn() throws Exception {
        Path png = dir.resolve("j.png");
        CliRun fit = run("render", bundle.toString(), "--size", "320x200", "--json", "--out", png.toString());
        assertEquals(0, fit.code(), fit.err());
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var f = mapper.readTree(fit.out());
        assertEquals(500, f.get("items_drawn").asInt(), "the fitted view draws every item");
        assertEquals(1.0, f.get("view").get("zoom").asDouble(), 1e-6);
        CliRun zoomed = run("render", bundle.toString(), "--size", "320x200", "--json", "--view", "0.5,0.5,8", "--out", png.toString());
        var z = mapper.readTree(zoomed.out());
        int drawn = z.get("items_drawn").asInt();
        assertTrue(drawn > 0 && drawn < 100, "zoomed in 8x, a corner holds a few items: " + drawn);
        assertTrue(z.get("sprite_px").asDouble() > f.get("sprite_px").asDouble(), "sprites grow as the view zooms in");
        assertEquals(0, z.get("level").asInt(), "the finest level for large sprites");
    }
}
