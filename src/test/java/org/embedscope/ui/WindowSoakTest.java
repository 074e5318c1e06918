package org.embedscope.ui;

import static org.embedscope.ui.WindowDriver.await;
import static org.embedscope.ui.WindowDriver.xdotool;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Random;
import org.embedscope.render.Camera;
import org.embedscope.render.SpriteFixture;
import org.embedscope.render.ViewState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A minute of random real input on the window (xdotool: pointer moves, wheel, drags, double-clicks,
 * keys, clicks on the overlay, resizes), seeded. The window must keep drawing without failing, the GL
 * must report no error ({@code GlErrorCheck}, after the test), and at the end, with the view reset,
 * the real pointer over an item must still pick it.
 */
class WindowSoakTest {
    private static final long SEED = 61;
    private static final long SOAK_NANOS = 60_000_000_000L;
    private static final String[] KEYS = {"t", "f", "plus", "minus", "equal", "Left", "Right", "Up", "Down", "Tab", "Escape",
            "space", "Return", "a", "1", "BackSpace", "ctrl+a", "shift+Tab", "KP_Add", "KP_Subtract"};

    @TempDir Path dir;
    private WindowDriver driver;

    @AfterEach
    void close() throws Exception {
        if (driver != null) driver.close();
    }

    @Test
    void aMinuteOfRandomInputLeavesTheWindowWorking() throws Exception {
        assumeTrue(WindowDriver.available(), "needs an X display and xdotool (CI runs it under Xvfb)");
        // 60 items: item 3 alone in the top-right corner of layout a, item 0 in the bottom-left one (so the
        // layout spans exactly ±1 and display coordinates are the layout's), the rest inside ±0.9; b mirrors a.
        Random rnd = new Random(SEED);
        int n = 60;
        float[] a = new float[2 * n], b = new float[2 * n];
        for (int i = 0; i < 2 * n; i++) a[i] = rnd.nextFloat() * 1.8f - 0.9f;
        a[0] = a[1] = -1;
        a[6] = a[7] = 1;
        for (int i = 0; i < 2 * n; i++) b[i] = -a[i];
        driver = WindowDriver.open(SpriteFixture.write(dir.resolve("b"), a, b, false), 800, 600);
        ExplorerWindow window = driver.window;
        ViewState st = window.scene().state();
        Camera cam = st.camera();
        driver.onLoop(() -> st.setWorldSizes(new float[] {0.05f, 0.05f}));

        int actions = 0;
        long end = System.nanoTime() + SOAK_NANOS;
        while (System.nanoTime() < end) {
            assertTrue(driver.alive(), "the window's loop stopped after " + actions + " actions: " + driver.failure());
            int[] o = driver.origin();
            int w = Math.max(1, cam.width()), h = Math.max(1, cam.height());
            String x = String.valueOf(o[0] + rnd.nextInt(w)), y = String.valueOf(o[1] + rnd.nextInt(h));
            switch (rnd.nextInt(10)) {
                case 0, 1 -> xdotool("mousemove", x, y);
                case 2 -> xdotool("mousemove", x, y, "click", "--repeat", String.valueOf(1 + rnd.nextInt(4)), rnd.nextBoolean() ? "4" : "5");
                case 3 -> xdotool("mousemove", x, y, "mousedown", "1", "mousemove_relative", "--", String.valueOf(rnd.nextInt(400) - 200),
                        String.valueOf(rnd.nextInt(400) - 200), "mouseup", "1");
                case 4 -> xdotool("mousemove", x, y, "click", "--repeat", "2", "--delay", "40", "1");
                case 5 -> xdotool("key", KEYS[rnd.nextInt(KEYS.length)]);
                case 6, 7 -> // the overlay's panels sit at the top left
                        xdotool("mousemove", String.valueOf(o[0] + rnd.nextInt(Math.min(w, 340))), String.valueOf(o[1] + rnd.nextInt(Math.min(h, 520))),
                                "click", "1");
                case 8 -> xdotool("mousemove", String.valueOf(o[0] + rnd.nextInt(Math.min(w, 340))), String.valueOf(o[1] + rnd.nextInt(Math.min(h, 520))),
                        "mousedown", "1", "mousemove_relative", "--", String.valueOf(rnd.nextInt(200) - 100), "0", "mouseup", "1");
                default -> xdotool("windowsize", driver.id, String.valueOf(320 + rnd.nextInt(900)), String.valueOf(240 + rnd.nextInt(660)));
            }
            actions++;
            Thread.sleep(rnd.nextInt(40));
        }
        assertTrue(driver.alive(), "the window's loop stopped: " + driver.failure());
        long frames = window.frames();
        xdotool("mousemove_relative", "--", "1", "1");
        await("the window still draws frames", () -> window.frames() > frames);

        // Back to a known view: every label shown, default threshold and scale, layout a, fitted, 800×600.
        xdotool("windowsize", driver.id, "800", "600");
        await("the view is 800×600", () -> cam.width() == 800 && cam.height() == 600);
        driver.onLoop(() -> {
            for (int l = 0; l < 2; l++) st.setShown(l, true);
            st.setThreshold(0.5f);
            st.setUserScale(1f);
            st.setTintByLabel(false);
            st.jumpTo(0);
            st.setWorldSizes(new float[] {0.05f, 0.05f});
            st.fit();
        });
        int[] o = driver.origin();
        // The pointer over the scene first, clear of every panel: an item flown to from a thumbnail stays
        // marked (its hover panel over the top-right corner) until the pointer is back over the scene.
        long before = window.frames();
        xdotool("mousemove", String.valueOf(o[0] + 400), String.valueOf(o[1] + 300), "mousemove_relative", "--", "1", "1");
        await("a frame with the pointer over the scene", () -> window.frames() > before + 1);
        int hx = o[0] + Math.round(cam.screenX(1f)), hy = o[1] + Math.round(cam.screenY(1f));
        xdotool("mousemove", String.valueOf(hx), String.valueOf(hy));
        int[] picked = new int[1];
        driver.onLoop(() -> picked[0] = window.scene().pick(Math.round(cam.screenX(1f)), Math.round(cam.screenY(1f))));
        await("after " + actions + " random actions, the pointer over item 3 picks it (hovered " + window.hovered() + ", overlay has pointer "
                + window.overlayHasPointer() + ", scene pick " + picked[0] + ", at " + hx + "," + hy + ")", () -> window.hovered() == 3);
        assertTrue(actions > 100, "only " + actions + " actions in a minute");
    }
}
