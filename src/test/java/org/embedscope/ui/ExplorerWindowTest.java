package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.embedscope.render.Camera;
import org.embedscope.render.ViewState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real window under an X server, driven by real pointer and key events from xdotool: hover picks
 * the sprite under the pointer, the wheel zooms, T starts the transition, and input over the overlay
 * stays with the overlay. Runs where DISPLAY is set and xdotool is installed (CI: under Xvfb).
 */
class ExplorerWindowTest {
    @TempDir Path dir;
    private ExplorerWindow window;
    private Thread loop;

    private static boolean hasXdotool() {
        try {
            return new ProcessBuilder("xdotool", "version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void xdotool(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "xdotool";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertEquals(0, p.waitFor(), "xdotool " + String.join(" ", args) + ": " + new String(p.getInputStream().readAllBytes()));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("timed out waiting until " + what);
            Thread.sleep(20);
        }
    }

    @AfterEach
    void close() throws Exception {
        if (window != null) window.requestClose();
        if (loop != null) loop.join(20_000);
    }

    @Test
    void pointerAndKeysDriveTheScene() throws Exception {
        String display = System.getenv("DISPLAY");
        assumeTrue(display != null && !display.isEmpty() && hasXdotool(), "needs an X display and xdotool (CI runs it under Xvfb)");
        Path bundle = org.embedscope.render.SyntheticBundleAccess.write(dir.resolve("b"));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<ExplorerWindow> opened = new AtomicReference<>();
        // GLFW on X11 only asks that one thread make every call: the loop owns the window.
        loop = new Thread(() -> {
            try (ExplorerWindow w = new ExplorerWindow(bundle, 800, 600)) {
                opened.set(w);
                w.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "explorer-window");
        loop.start();
        await("the window is open", () -> opened.get() != null || failure.get() != null);
        assertNull(failure.get());
        window = opened.get();
        await("the first frame", () -> window.frames() > 0);
        // Five items get sprites half the window wide, which leave no room to zoom: make them small.
        java.util.concurrent.CountDownLatch sized = new java.util.concurrent.CountDownLatch(1);
        window.runOnLoop(() -> {
            window.scene().state().setWorldSizes(new float[] {0.1f, 0.1f});
            sized.countDown();
        });
        assertTrue(sized.await(20, java.util.concurrent.TimeUnit.SECONDS));
        int[] pos = new int[2];
        ViewState st = window.scene().state();
        Camera cam = st.camera();
        // Window at the screen's origin without a window manager; the framebuffer is 1:1 under Xvfb.
        String winId = new String(new ProcessBuilder("xdotool", "search", "--sync", "--name", "embedscope — synthetic").start()
                .getInputStream().readAllBytes()).trim().split("\\s+")[0];
        String geo = new String(new ProcessBuilder("xdotool", "getwindowgeometry", winId).start().getInputStream().readAllBytes());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Position: (-?\\d+),(-?\\d+)").matcher(geo);
        assertTrue(m.find(), geo);
        pos[0] = Integer.parseInt(m.group(1));
        pos[1] = Integer.parseInt(m.group(2));

        // Hover: item 3 sits at (1, 1), the top-right corner of the data.
        int hx = pos[0] + Math.round(cam.screenX(1f)), hy = pos[1] + Math.round(cam.screenY(1f));
        xdotool("mousemove", String.valueOf(hx), String.valueOf(hy));
        await("item 3 is hovered (pointer at " + hx + "," + hy + ", " + geo.replace('\n', ' ') + ", sprite " + st.spritePixels() + " px)",
                () -> window.hovered() == 3);

        // Wheel up three notches over the scene zooms in.
        float zoom0 = cam.zoom();
        xdotool("click", "--repeat", "3", "--delay", "30", "4");
        await("the wheel zooms in", () -> cam.zoom() > zoom0 * 1.5f);

        // T starts the transition to the second layout.
        xdotool("key", "t");
        await("T moves to layout b", () -> st.transition().target() == 1);

        // Over the overlay panel (top left) the pointer hovers no sprite and the wheel does not zoom.
        xdotool("mousemove", String.valueOf(pos[0] + 40), String.valueOf(pos[1] + 30));
        // imgui learns where the pointer is in the frame after it moved, as in any imgui application.
        await("the panel has the pointer and no sprite is hovered", () -> window.overlayHasPointer() && window.hovered() == -1);
        float zoom1 = cam.zoom();
        xdotool("click", "4");
        Thread.sleep(300);
        assertEquals(zoom1, cam.zoom(), 1e-6, "the wheel over the overlay does not zoom the scene");

        // H collapses the panel to a slim bar: where the panel was, the scene takes the pointer and the wheel again.
        xdotool("mousemove", String.valueOf(pos[0] + 40), String.valueOf(pos[1] + 120));
        await("the panel has the pointer", () -> window.overlayHasPointer());
        xdotool("key", "h");
        await("the collapsed panel leaves the pointer to the scene", () -> !window.overlayHasPointer());
        float zoom2 = cam.zoom();
        xdotool("click", "4");
        await("the wheel zooms the scene where the panel was", () -> cam.zoom() > zoom2 * 1.1f);

        // Resizing the window resizes the framebuffer the scene is drawn for.
        xdotool("windowsize", winId, "640", "420");
        await("the view follows the new size", () -> cam.width() == 640 && cam.height() == 420);

        // P writes what render writes for this view (render draws layouts at rest).
        await("the transition has ended", () -> !st.transition().isRunning());
        Path cwd = Path.of("").toAbsolutePath();
        xdotool("key", "p");
        await("the screenshot is written", () -> window.lastScreenshot() != null);
        Path shot = window.lastScreenshot();
        String command = window.lastScreenshotCommand();
        try {
            assertEquals(cwd, shot.getParent());
            assertTrue(command.contains(" --view ") && command.contains(" --size 640x420"), command);
            screenshotMatchesRender(shot, command, bundle);
        } finally {
            java.nio.file.Files.deleteIfExists(shot);
        }

    }

    /** Renders the view the printed command names, headless, and compares every pixel with the screenshot. */
    private void screenshotMatchesRender(Path shot, String command, Path bundle) throws Exception {
        assertFalse(command.contains("--overlay"), "the panel was collapsed: " + command);
        java.util.regex.Matcher v = java.util.regex.Pattern.compile("--view (\\S+),(\\S+),(\\S+)").matcher(command);
        assertTrue(v.find(), command);
        java.util.regex.Matcher h = java.util.regex.Pattern.compile("--hover (\\d+),(\\d+)").matcher(command);
        int hx = -1, hy = -1;
        if (h.find()) {
            hx = Integer.parseInt(h.group(1));
            hy = Integer.parseInt(h.group(2));
        }
        // The window's loop is done with GLFW before the headless context is made on this thread.
        window.requestClose();
        loop.join(20_000);
        window = null;
        java.awt.image.BufferedImage got = javax.imageio.ImageIO.read(shot.toFile());
        int w = got.getWidth(), hh = got.getHeight();
        try (OffscreenExplorer x = new OffscreenExplorer(org.embedscope.bundle.BundleReader.load(bundle), w, hh)) {
            ViewState st = x.scene().state();
            java.util.regex.Matcher l = java.util.regex.Pattern.compile("--layout (\\S+)").matcher(command);
            assertTrue(l.find(), command);
            st.jumpTo(x.scene().bundle().manifest().layoutIndex(l.group(1)));
            st.setWorldSizes(new float[] {0.1f, 0.1f});
            st.setView(Float.parseFloat(v.group(1)), Float.parseFloat(v.group(2)), Float.parseFloat(v.group(3)));
            x.frame(hx, hy, false);
            java.nio.ByteBuffer px = x.pixels();
            try {
                for (int y = 0; y < hh; y++) {
                    for (int xx = 0; xx < w; xx++) {
                        int o = (y * w + xx) * 4;
                        int want = ((px.get(o) & 255) << 16) | ((px.get(o + 1) & 255) << 8) | (px.get(o + 2) & 255);
                        if (want != (got.getRGB(xx, y) & 0xffffff)) fail(String.format("pixel %d,%d: render #%06x, screenshot #%06x (%s)", xx, y, want, got.getRGB(xx, y) & 0xffffff, command));
                    }
                }
            } finally {
                org.lwjgl.system.MemoryUtil.memFree(px);
            }
        }
    }
}
