package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real window under an X server, for tests that drive it with real pointer and key events from
 * xdotool. The window runs on a thread of its own (GLFW on X11 only asks that one thread make every
 * call); {@link #onLoop} runs code there between frames.
 */
final class WindowDriver implements AutoCloseable {
    final ExplorerWindow window;
    final String id;
    private final Thread loop;
    private final AtomicReference<Throwable> failure;

    private WindowDriver(ExplorerWindow window, Thread loop, AtomicReference<Throwable> failure) throws Exception {
        this.window = window;
        this.loop = loop;
        this.failure = failure;
        id = run("xdotool", "search", "--sync", "--name", "embedscope — ").trim().split("\\s+")[0];
    }

    /** Whether windows can be driven here: an X display and xdotool (CI runs the tests under Xvfb). */
    static boolean available() {
        String display = System.getenv("DISPLAY");
        if (display == null || display.isEmpty()) return false;
        try {
            return new ProcessBuilder("xdotool", "version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Opens the explorer on {@code bundle} and waits for its first frame. */
    static WindowDriver open(Path bundle, int width, int height) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<ExplorerWindow> opened = new AtomicReference<>();
        Thread loop = new Thread(() -> {
            // Exports (a click on the panel's contact sheet) go beside the test's bundle, not into the checkout.
            try (ExplorerWindow w = new ExplorerWindow(bundle, width, height, org.embedscope.render.AtlasTextures.DEFAULT_BUDGET,
                    null, bundle.toAbsolutePath().getParent())) {
                opened.set(w);
                w.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "explorer-window");
        loop.start();
        await("the window is open", () -> opened.get() != null || failure.get() != null);
        assertNull(failure.get());
        WindowDriver d = new WindowDriver(opened.get(), loop, failure);
        await("the first frame", () -> d.window.frames() > 0);
        return d;
    }

    /** Whether the window's loop still runs, without having failed. */
    boolean alive() { return loop.isAlive() && failure.get() == null; }

    Throwable failure() { return failure.get(); }

    /** Runs {@code task} on the window's thread before its next frame and waits for it. */
    void onLoop(Runnable task) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        window.runOnLoop(() -> {
            try {
                task.run();
            } finally {
                done.countDown();
            }
        });
        assertTrue(done.await(20, TimeUnit.SECONDS), "the window's loop ran the task");
    }

    /** The window's top-left corner on the screen (without a window manager the framebuffer is 1:1). */
    int[] origin() throws Exception {
        String geo = run("xdotool", "getwindowgeometry", id);
        Matcher m = Pattern.compile("Position: (-?\\d+),(-?\\d+)").matcher(geo);
        assertTrue(m.find(), geo);
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    static void xdotool(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "xdotool";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertEquals(0, p.waitFor(), "xdotool " + String.join(" ", args) + ": " + new String(p.getInputStream().readAllBytes()));
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("timed out waiting until " + what);
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws InterruptedException {
        window.requestClose();
        loop.join(20_000);
    }
}
