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
        Path bundle = org.embedscope.render.SpriteFixture.write(dir.resolve("b"));
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

        // Resizing the window resizes the framebuffer the scene is drawn for.
        xdotool("windowsize", winId, "640", "420");
        await("the view follows the new size", () -> cam.width() == 640 && cam.height() == 420);
    }
}
