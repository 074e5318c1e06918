package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import static org.embedscope.ui.WindowDriver.await;
import static org.embedscope.ui.WindowDriver.xdotool;

import java.nio.file.Path;
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
    private WindowDriver driver;

    @AfterEach
    void close() throws Exception {
        System.clearProperty("embedscope.command");
        if (driver != null) driver.close();
    }

    private ExplorerWindow window;
    private Path bundle;

    /** Opens the window on the five-item sprite bundle with small sprites; returns its position on the screen. */
    private int[] openWindow(int width, int height) throws Exception {
        assumeTrue(WindowDriver.available(), "needs an X display and xdotool (CI runs it under Xvfb)");
        bundle = org.embedscope.render.SpriteFixture.write(dir.resolve("b"));
        driver = WindowDriver.open(bundle, width, height);
        window = driver.window;
        // Five items get sprites half the window wide, which leave no room to zoom: make them small.
        driver.onLoop(() -> window.scene().state().setWorldSizes(new float[] {0.1f, 0.1f}));
        return driver.origin();
    }

    @Test
    void pointerAndKeysDriveTheScene() throws Exception {
        int[] pos = openWindow(800, 600);
        ViewState st = window.scene().state();
        Camera cam = st.camera();

        // Hover: item 3 sits at (1, 1), the top-right corner of the data.
        int hx = pos[0] + Math.round(cam.screenX(1f)), hy = pos[1] + Math.round(cam.screenY(1f));
        xdotool("mousemove", String.valueOf(hx), String.valueOf(hy));
        await("item 3 is hovered (pointer at " + hx + "," + hy + ", sprite " + st.spritePixels() + " px)",
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
        xdotool("windowsize", driver.id, "640", "420");
        await("the view follows the new size", () -> cam.width() == 640 && cam.height() == 420);

        // P writes what render writes for this view (render draws layouts at rest).
        await("the transition has ended", () -> !st.transition().isRunning());
        Path exports = bundle.toAbsolutePath().getParent();   // the folder WindowDriver gives the window for its files
        xdotool("key", "p");
        await("the screenshot is written", () -> window.lastScreenshot() != null);
        Path shot = window.lastScreenshot();
        String command = window.lastScreenshotCommand();
        try {
            assertEquals(exports, shot.getParent());
            assertTrue(command.contains(" --view ") && command.contains(" --size 640x420"), command);
            String name = shot.getFileName().toString();
            assertTrue(command.endsWith(" --out " + shot.resolveSibling(name.replace(".png", "-render.png"))),
                    "running the command writes a file of its own, not over the screenshot: " + command);
            screenshotMatchesRender(shot, command, bundle);
        } finally {
            java.nio.file.Files.deleteIfExists(shot);
        }

    }

    /**
     * A window made a pixel small and then large again keeps the control panel's title bar in reach: imgui
     * pushed the panel past the window's top left while the window was smaller than its padding, and there it
     * stayed, its title bar and "hide (H)" cut off, out of reach of a drag.
     */
    /** Whether the window has drawn more than {@code frames} frames; if not, asks it for one more. */
    private boolean framesAskedFor(long frames) {
        if (window.frames() > frames) return true;
        window.runOnLoop(() -> { });
        return false;
    }

    @Test
    void aWindowMadeTinyAndLargeAgainKeepsThePanelInReach() throws Exception {
        WidgetSpots.enable(true);
        try {
            openWindow(800, 600);
            Camera cam = window.scene().state().camera();
            await("the panel is drawn", () -> WidgetSpots.rect("control-window") != null);
            settle("control-window"); // where it rests, not where a first frame put it
            float[] before = WidgetSpots.rect("control-window");
            assertTrue(before[0] > 0 && before[1] > 0, "the panel starts inside the window: " + java.util.Arrays.toString(before));
            xdotool("windowsize", driver.id, "1", "1");
            await("the view is a pixel", () -> cam.width() == 1 && cam.height() == 1);
            long shown = window.frames();
            // Asked for: the window draws on demand, and the frames the resize woke may be drawn already.
            await("frames at that size", () -> framesAskedFor(shown + 2));
            xdotool("windowsize", driver.id, "800", "600");
            await("the view is large again", () -> cam.width() == 800 && cam.height() == 600);
            long large = window.frames();
            await("frames at that size", () -> framesAskedFor(large + 2));
            settle("control-window");
            float[] after = WidgetSpots.rect("control-window");
            assertTrue(after[0] >= 0 && after[1] >= 0, "the panel's top left is inside the window again: " + java.util.Arrays.toString(after));
            assertEquals(before[0], after[0], 0.5f, "back at the margin");
            assertEquals(before[1], after[1], 0.5f, "back at the margin");
        } finally {
            WidgetSpots.enable(false);
        }
    }

    /**
     * A control panel the user dragged, pushed inside by a window made smaller, goes back where they left it
     * when the window is large again: it stayed where the smaller window had pushed it (and a window made a
     * pixel small left it 8 px off its margin, where imgui had clamped it).
     */
    @Test
    void aDraggedPanelPushedInsideBySmallerWindowGoesBackWhenTheWindowGrows() throws Exception {
        WidgetSpots.enable(true);
        try {
            int[] pos = openWindow(800, 600);
            Camera cam = window.scene().state().camera();
            await("the panel is drawn", () -> WidgetSpots.rect("control-window") != null);
            settle("control-window");
            float[] start = WidgetSpots.rect("control-window");
            // its title bar, dragged 300 px right and 120 down
            int tx = pos[0] + Math.round(start[0]) + 60, ty = pos[1] + Math.round(start[1]) + 8;
            xdotool("mousemove", String.valueOf(tx), String.valueOf(ty), "sleep", "0.1", "mousedown", "1", "sleep", "0.1",
                    "mousemove", String.valueOf(tx + 150), String.valueOf(ty + 60), "sleep", "0.1",
                    "mousemove", String.valueOf(tx + 300), String.valueOf(ty + 120), "sleep", "0.1", "mouseup", "1");
            await("the panel is dragged", () -> WidgetSpots.rect("control-window")[0] > start[0] + 250);
            settle("control-window");
            float[] home = WidgetSpots.rect("control-window");
            xdotool("mousemove", String.valueOf(pos[0] + 5), String.valueOf(pos[1] + 590));
            xdotool("windowsize", driver.id, "420", "300");
            await("the view is smaller", () -> cam.width() == 420 && cam.height() == 300);
            long small = window.frames();
            await("frames at that size", () -> framesAskedFor(small + 2));
            settle("control-window");
            float[] pushed = WidgetSpots.rect("control-window");
            assertTrue(pushed[2] <= 420 && pushed[0] < home[0], "pushed inside the smaller window: " + java.util.Arrays.toString(pushed));
            xdotool("windowsize", driver.id, "800", "600");
            await("the view is large again", () -> cam.width() == 800 && cam.height() == 600);
            long large = window.frames();
            await("frames at that size", () -> framesAskedFor(large + 2));
            settle("control-window");
            float[] back = WidgetSpots.rect("control-window");
            assertEquals(home[0], back[0], 0.5f, "back where it was dragged: " + java.util.Arrays.toString(back));
            assertEquals(home[1], back[1], 0.5f, "back where it was dragged: " + java.util.Arrays.toString(back));
        } finally {
            WidgetSpots.enable(false);
        }
    }

    /**
     * In a window smaller than the control panel (200x150) the panel fits inside it, as wide and as tall
     * as the window leaves, and the wheel over it brings its last line into view: its lower part, its
     * scroll bar and its right edge ran off the window, where no pointer reaches.
     */
    @Test
    void inAWindowSmallerThanTheControlPanelThePanelFitsAndScrollsToItsEnd() throws Exception {
        WidgetSpots.enable(true);
        try {
            int[] pos = openWindow(800, 600);
            Camera cam = window.scene().state().camera();
            await("the panel is drawn", () -> WidgetSpots.rect("control-window") != null);
            xdotool("windowsize", driver.id, "200", "150");
            await("the view is 200x150", () -> cam.width() == 200 && cam.height() == 150);
            for (int k = 0; k < 3; k++) {   // (the window draws on demand: each frame is asked for)
                long f = window.frames();
                window.runOnLoop(() -> { });
                await("a frame at that size", () -> window.frames() > f);
            }
            float[] panel = WidgetSpots.rect("control-window");
            assertTrue(panel[0] >= 0 && panel[1] >= 0 && panel[2] <= 200 && panel[3] <= 150,
                    "the panel is inside the 200x150 window: " + java.util.Arrays.toString(panel));
            xdotool("mousemove", String.valueOf(pos[0] + (int) (panel[0] + panel[2]) / 2), String.valueOf(pos[1] + (int) (panel[1] + panel[3]) / 2));
            await("the panel has the pointer", () -> window.overlayHasPointer());
            java.util.function.BooleanSupplier endInView = () -> {
                float[] end = WidgetSpots.rect("control-panel-end"), now = WidgetSpots.rect("control-window");
                return end != null && end[1] >= now[1] && end[3] <= now[3] && end[3] <= 150;
            };
            for (int k = 0; k < 100 && !endInView.getAsBoolean(); k++) {
                xdotool("click", "5");
                Thread.sleep(40);
            }
            await("the wheel brings the panel's last line into view", endInView);
        } finally {
            WidgetSpots.enable(false);
        }
    }

    /**
     * A click on the selection panel's arrow folds it to its title bar, at its top, and the window's next
     * frames give the neighbours panel below it the room it leaves; a click again opens it where it was.
     * Folded, it kept its whole place, and the neighbours panel stayed as far down.
     */
    @Test
    void aFoldedSelectionPanelLeavesItsRoomToTheNeighboursPanel() throws Exception {
        assumeTrue(WindowDriver.available(), "needs an X display and xdotool (CI runs it under Xvfb)");
        int n = 20;
        bundle = withNeighbours(n);
        WidgetSpots.enable(true);
        try {
            driver = WindowDriver.open(bundle, 640, 480);
            window = driver.window;
            int[] pos = driver.origin();
            ViewState st = window.scene().state();
            driver.onLoop(() -> {
                st.setSelection(org.embedscope.select.ItemSet.of(n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
                st.pin(3);
            });
            await("both panels are drawn", () -> WidgetSpots.rect("selection-panel") != null && WidgetSpots.rect("neighbours-panel") != null);
            settle("selection-panel", "neighbours-panel");
            float[] arrow = WidgetSpots.centre("selection-panel:collapse");
            xdotool("mousemove", String.valueOf(pos[0] + Math.round(arrow[0])), String.valueOf(pos[1] + Math.round(arrow[1])));
            await("the panel has the pointer", () -> window.overlayHasPointer());
            settle("selection-panel", "neighbours-panel");
            // Where the panels settled with the pointer on them: the click goes to the arrow as drawn now
            // (once, in a run of the class, it went where it had been and folded nothing).
            float[] settled = WidgetSpots.centre("selection-panel:collapse");
            if (Math.abs(settled[0] - arrow[0]) > 0.5f || Math.abs(settled[1] - arrow[1]) > 0.5f) {
                xdotool("mousemove", String.valueOf(pos[0] + Math.round(settled[0])), String.valueOf(pos[1] + Math.round(settled[1])));
                settle("selection-panel", "neighbours-panel");
            }
            float[] open = WidgetSpots.rect("selection-panel"), neighbours = WidgetSpots.rect("neighbours-panel");
            xdotool("click", "1");
            // (a title bar at UI scale 1 is 19 px: the font's 13 and the frame's padding)
            await("folded to its title bar at its top, the neighbours panel just below it", () -> {
                float[] s = WidgetSpots.rect("selection-panel"), nb = WidgetSpots.rect("neighbours-panel");
                return Math.abs(s[1] - open[1]) < 0.5f && s[3] - s[1] < 30 && Math.abs(nb[1] - (s[3] + PanelPlaces.MARGIN)) < 0.5f;
            });
            assertTrue(WidgetSpots.rect("neighbours-panel")[1] < neighbours[1] - 50, "the neighbours panel is taller");
            xdotool("click", "1");
            await("opened again where it was", () -> java.util.Arrays.equals(WidgetSpots.rect("selection-panel"), open)
                    && java.util.Arrays.equals(WidgetSpots.rect("neighbours-panel"), neighbours));
        } finally {
            WidgetSpots.enable(false);
        }
    }

    /**
     * In a window too narrow for the neighbours panel beside the control panel (580x440), the pinned item's
     * neighbours panel keeps off the control panel, both inside the window: it took the window's width,
     * over the control panel, whose widgets only H uncovered.
     */
    @Test
    void inANarrowWindowTheNeighboursPanelKeepsOffTheControlPanel() throws Exception {
        assumeTrue(WindowDriver.available(), "needs an X display and xdotool (CI runs it under Xvfb)");
        int n = 20;
        bundle = withNeighbours(n);
        WidgetSpots.enable(true);
        try {
            driver = WindowDriver.open(bundle, 800, 600);
            window = driver.window;
            Camera cam = window.scene().state().camera();
            driver.onLoop(() -> window.scene().state().pin(3));
            xdotool("windowsize", driver.id, "580", "440");
            await("the view is 580x440", () -> cam.width() == 580 && cam.height() == 440);
            await("both panels are drawn", () -> WidgetSpots.rect("control-window") != null && WidgetSpots.rect("neighbours-panel") != null);
            settle("control-window", "neighbours-panel");
            float[] control = WidgetSpots.rect("control-window"), neighbours = WidgetSpots.rect("neighbours-panel");
            String both = java.util.Arrays.toString(control) + " and " + java.util.Arrays.toString(neighbours);
            for (float[] r : new float[][] {control, neighbours}) {
                assertTrue(r[0] >= 0 && r[1] >= 0 && r[2] <= 580 && r[3] <= 440, java.util.Arrays.toString(r) + " is inside the window");
            }
            assertFalse(control[0] < neighbours[2] && neighbours[0] < control[2] && control[1] < neighbours[3] && neighbours[1] < control[3],
                    "the control panel and the neighbours panel overlap: " + both);
            assertTrue(neighbours[3] - neighbours[1] >= PanelPlaces.MIN_NEIGHBOURS_HEIGHT, "the neighbours panel keeps some height: " + both);
        } finally {
            WidgetSpots.enable(false);
        }
    }

    /**
     * The screenshot key's command says what render cannot draw as the window did: render draws the
     * selection panel open, its thumbnails from the first row. At a million digits, a screenshot with the
     * grid scrolled to the nines printed a command whose picture showed the first fives and fours, and
     * said nothing. Folded and scrolled with real pointer events; open at the first row, no such note.
     */
    @Test
    void theScreenshotsCommandSaysWhenTheSelectionPanelIsFoldedOrScrolled() throws Exception {
        assumeTrue(WindowDriver.available(), "needs an X display and xdotool (CI runs it under Xvfb)");
        int n = 200;
        bundle = withNeighbours(n);
        WidgetSpots.enable(true);
        try {
            driver = WindowDriver.open(bundle, 800, 600);
            window = driver.window;
            int[] pos = driver.origin();
            ViewState st = window.scene().state();
            driver.onLoop(() -> st.setSelection(org.embedscope.select.ItemSet.all(n)));
            await("the selection panel is drawn", () -> WidgetSpots.rect("selection-panel") != null);
            settle("selection-panel");
            String open = screenshotCommand(pos);
            assertFalse(open.contains("selection panel folded") || open.contains("thumbnails scrolled"), "open, at the first row: " + open);

            // The wheel over the thumbnails scrolls them.
            float[] grid = WidgetSpots.rect("selection-content");
            pointAt(pos, (grid[0] + grid[2]) / 2, grid[3] - 20);
            await("the panel has the pointer", () -> window.overlayHasPointer());
            xdotool("click", "--repeat", "3", "--delay", "60", "5");
            String scrolled = awaitCommandWith(pos, "thumbnails scrolled");
            assertTrue(scrolled.contains("  # ") && scrolled.contains("the selection's thumbnails scrolled: render shows them from the first row"), scrolled);

            // Folded by the arrow on its title bar.
            settle("selection-panel");
            float[] arrow = WidgetSpots.centre("selection-panel:collapse");
            pointAt(pos, arrow[0], arrow[1]);
            await("the panel has the pointer", () -> window.overlayHasPointer());
            settle("selection-panel");
            float[] settled = WidgetSpots.centre("selection-panel:collapse");
            pointAt(pos, settled[0], settled[1]);
            settle("selection-panel");
            xdotool("click", "1");
            await("folded to its title bar", () -> WidgetSpots.rect("selection-panel")[3] - WidgetSpots.rect("selection-panel")[1] < 30);
            String folded = awaitCommandWith(pos, "selection panel folded");
            assertTrue(folded.contains("the selection panel folded: render draws it open"), folded);
            assertFalse(folded.contains("thumbnails scrolled"), "folded, no thumbnails show: " + folded);
        } finally {
            WidgetSpots.enable(false);
        }
    }

    private static void pointAt(int[] pos, float x, float y) throws Exception {
        xdotool("mousemove", String.valueOf(pos[0] + Math.round(x)), String.valueOf(pos[1] + Math.round(y)));
    }

    /** Presses P (the pointer on the window's empty top right) and returns the command it printed. */
    private String screenshotCommand(int[] pos) throws Exception {
        Path before = window.lastScreenshot();
        pointAt(pos, 790, 300);
        Thread.sleep(200);
        xdotool("key", "p");
        await("a screenshot is written", () -> window.lastScreenshot() != null && !window.lastScreenshot().equals(before));
        return window.lastScreenshotCommand();
    }

    /** Screenshot commands until one holds {@code note} (the panel's state shows in the frame after the event), at most five. */
    private String awaitCommandWith(int[] pos, String note) throws Exception {
        String c = "";
        for (int k = 0; k < 5 && !c.contains(note); k++) {
            settle("selection-panel");
            c = screenshotCommand(pos);
        }
        return c;
    }

    /** A bundle of {@code n} white squares in a Gaussian cloud, each with 15 neighbours (a pin has a panel). */
    private Path withNeighbours(int n) throws Exception {
        return org.embedscope.bundle.BundleFixture.items(n).layout("a", "A", org.embedscope.bundle.BundleFixture.gaussian(n, 3))
                .level(16, 8, 8, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255).ringNeighbors(15).write(dir.resolve("nb")).dir;
    }

    /** Draws frames until widgets {@code names} are where the frame before drew them (the window draws on demand: each frame is asked for). */
    private void settle(String... names) throws Exception {
        for (int k = 0; k < 20; k++) {
            java.util.List<float[]> before = new java.util.ArrayList<>();
            for (String name : names) before.add(WidgetSpots.rect(name));
            long f = window.frames();
            window.runOnLoop(() -> { });
            await("a frame", () -> window.frames() > f);
            boolean same = true;
            for (int i = 0; i < names.length; i++) same &= java.util.Arrays.equals(before.get(i), WidgetSpots.rect(names[i]));
            if (same) return;
        }
        fail(String.join(", ", names) + " keep moving");
    }

    @Test
    void aScreenshotWithThePanelOpenIsWhatItsRenderCommandDraws() throws Exception {
        assumeTrue(WindowDriver.available(), "needs an X display and xdotool (CI runs it under Xvfb)");
        // A folder name a shell must be told is one word, quote and all.
        bundle = org.embedscope.render.SpriteFixture.write(dir.resolve("it's my bundle"));
        // Opened by a path relative to the working folder, from a launcher in a folder with a space in
        // its name (./embedscope gives its own path): the line names both absolutely, to run from any folder.
        String launcher = "/opt/my tools/embedscope";
        System.setProperty("embedscope.command", launcher);   // cleared after each test
        driver = WindowDriver.open(Path.of("").toAbsolutePath().relativize(bundle), 800, 600);
        window = driver.window;
        int[] pos = driver.origin();
        // Two items selected, the rest dimmed: the command draws them so from a file of their own.
        ViewState state = window.scene().state();
        driver.onLoop(() -> {
            state.setSelection(org.embedscope.select.ItemSet.of(5, 1, 4));
            state.setDimUnselected(true);
            // And a search: render's panel holds it and its count too (its box was empty, "0 matches").
            window.overlay().search("index != 3");
        });
        // The pointer off the window: nothing hovered, no widget under it.
        xdotool("mousemove", String.valueOf(pos[0] + 900), String.valueOf(pos[1] + 700));
        Thread.sleep(300);
        xdotool("key", "p");
        await("the screenshot is written", () -> window.lastScreenshot() != null);
        Path shot = window.lastScreenshot();
        String command = window.lastScreenshotCommand();
        driver.close();
        driver = null;
        try {
            assertTrue(command.contains(" --overlay"), "the panel is open: " + command);
            // The printed command, split as a shell splits it, run into a file of the test's own.
            java.util.List<String> words = ShellWords.split(command);
            assertEquals(launcher, words.get(0), "the launcher that ran, as one word: " + command);
            assertEquals("render", words.get(1));
            assertEquals(bundle.toString(), words.get(2), "the bundle's folder, absolute and one word: " + command);
            int sel = words.indexOf("--selection");
            assertTrue(sel > 0 && words.contains("--dim"), command);
            assertEquals("index != 3", words.get(words.indexOf("--where") + 1), command);
            assertEquals(org.embedscope.select.ItemSet.of(5, 1, 4), org.embedscope.select.SelectionFile.read(Path.of(words.get(sel + 1)), 5),
                    "the selection written beside the screenshot");
            java.awt.image.BufferedImage got = javax.imageio.ImageIO.read(shot.toFile()), want = renderAsPrinted(command);
            assertEquals(got.getWidth(), want.getWidth());
            assertEquals(got.getHeight(), want.getHeight());
            // The panel's timings (its first lines) are each run's own; every other pixel is the same, the
            // label section included, up to the rounding of the overlay's cached layer (2 levels, see
            // OverlayRendererTest: render's frame lays the layer, the screenshot draws every window).
            // (At scale 1 the title bar, the name line and the two timing lines end above y = 100.)
            int timingsBottom = 100, differing = 0;
            float panel = Overlay.insetPx(1f) + 16;   // a panel taller than the window is wider by its scroll bar (14 px)
            for (int y = 0; y < got.getHeight(); y++) {
                for (int x = 0; x < got.getWidth(); x++) {
                    int a = got.getRGB(x, y), b = want.getRGB(x, y);
                    if ((a & 0xffffff) == (b & 0xffffff)) continue;
                    // Inside the panel, and for the dimmed items (mixed towards the background once when drawn,
                    // once when a recorded scene is recoloured), up to 2 levels of rounding.
                    if (FramePixels.differing(new int[] {a}, new int[] {b}, 2) == 0) continue;
                    assertTrue(y < timingsBottom && x < panel,
                            String.format("pixel %d,%d: screenshot #%06x, render #%06x", x, y, got.getRGB(x, y) & 0xffffff, want.getRGB(x, y) & 0xffffff));
                    differing++;
                }
            }
            assertTrue(differing < got.getWidth() * timingsBottom / 4, differing + " pixels differ in the timings");
        } finally {
            java.nio.file.Files.deleteIfExists(shot);
        }
    }

    /**
     * A screenshot of a pinned item prints a command that pins it too: the lines to its neighbours and its
     * ring are in both pictures (the command had no --pin: render drew the scene without them).
     */
    @Test
    void aScreenshotOfAPinnedItemIsWhatItsRenderCommandDraws() throws Exception {
        assumeTrue(WindowDriver.available(), "needs an X display and xdotool (CI runs it under Xvfb)");
        bundle = org.embedscope.render.SpriteFixture.builder(org.embedscope.render.SpriteFixture.A, org.embedscope.render.SpriteFixture.B, false)
                .ringNeighbors(3).write(dir.resolve("pinned")).dir;
        driver = WindowDriver.open(bundle, 800, 600);
        window = driver.window;
        int[] pos = driver.origin();
        ViewState state = window.scene().state();
        xdotool("mousemove", String.valueOf(pos[0] + 900), String.valueOf(pos[1] + 700));
        xdotool("key", "h");   // the panel collapsed: the screenshot is the scene alone
        await("the panel is collapsed", () -> state.camera().insetLeft() == 0f);
        driver.onLoop(() -> state.pin(4));
        Thread.sleep(300);
        xdotool("key", "p");
        await("the screenshot is written", () -> window.lastScreenshot() != null);
        Path shot = window.lastScreenshot();
        String command = window.lastScreenshotCommand();
        driver.close();
        driver = null;
        try {
            java.util.List<String> words = ShellWords.split(command);
            int pin = words.indexOf("--pin");
            assertTrue(pin > 0 && words.get(pin + 1).equals("4"), "the command pins item 4: " + command);
            assertRenderDrawsTheScreenshot(shot, command);
        } finally {
            java.nio.file.Files.deleteIfExists(shot);
        }
    }

    /**
     * A screenshot of a view coloured by a column says in its command how: the colour map's range the
     * user edited, the column read as categories, the legend's hidden categories, the tint turned off.
     * The command had none of them: its picture tinted what the window showed untinted, over the
     * column's usual range, with the hidden items drawn.
     */
    @Test
    void aScreenshotOfAColouredViewIsWhatItsRenderCommandDraws() throws Exception {
        assumeTrue(WindowDriver.available(), "needs an X display and xdotool (CI runs it under Xvfb)");
        bundle = org.embedscope.render.SpriteFixture.builder(org.embedscope.render.SpriteFixture.A, org.embedscope.render.SpriteFixture.B, false)
                .metadata("size", "1", "2", "3", "1", "2").write(dir.resolve("coloured")).dir;
        driver = WindowDriver.open(bundle, 800, 600);
        window = driver.window;
        int[] pos = driver.origin();
        ViewState state = window.scene().state();
        xdotool("mousemove", String.valueOf(pos[0] + 900), String.valueOf(pos[1] + 700));
        xdotool("key", "h");
        await("the panel is collapsed", () -> state.camera().insetLeft() == 0f);
        org.embedscope.query.Column size = org.embedscope.query.ColumnTable.of(window.scene().bundle()).column("size");
        driver.onLoop(() -> {
            state.setColourBy(org.embedscope.render.ColourBy.of(size, false));
            state.setTintByLabel(true);
            state.setColourRange(1.5, 2.5);
        });
        Thread.sleep(300);
        xdotool("key", "p");
        await("the first screenshot is written", () -> window.lastScreenshot() != null);
        Path numbers = window.lastScreenshot();
        String numbersCommand = window.lastScreenshotCommand();
        driver.onLoop(() -> {
            org.embedscope.render.ColourBy categories = org.embedscope.render.ColourBy.of(size, true);
            state.setColourBy(categories);
            state.setCategoryShown(categories.categoryNames().indexOf("2"), false);
            state.setTintByLabel(false);
        });
        Thread.sleep(300);
        xdotool("key", "p");
        await("the second screenshot is written", () -> !numbers.equals(window.lastScreenshot()));
        Path categories = window.lastScreenshot();
        String categoriesCommand = window.lastScreenshotCommand();
        driver.close();
        driver = null;
        try {
            assertTrue(numbersCommand.contains(" --color-by size --color-as numbers --color-range 1.5,2.5"), numbersCommand);
            assertFalse(numbersCommand.contains("tint"), "tinted, as --color-by is by default: " + numbersCommand);
            assertTrue(categoriesCommand.contains(" --no-tint --color-by size --color-as categories") && categoriesCommand.contains(" --hide 2"),
                    categoriesCommand);
            assertRenderDrawsTheScreenshot(numbers, numbersCommand);
            assertRenderDrawsTheScreenshot(categories, categoriesCommand);
        } finally {
            java.nio.file.Files.deleteIfExists(numbers);
            java.nio.file.Files.deleteIfExists(categories);
        }
    }

    /** Runs the render {@code command} as the window printed it, its output elsewhere; returns the picture. */
    private java.awt.image.BufferedImage renderAsPrinted(String command) throws Exception {
        java.util.List<String> words = ShellWords.split(command);
        Path rendered = dir.resolve("rendered.png");
        java.util.List<String> args = new java.util.ArrayList<>(words.subList(1, words.size()));
        args.set(args.indexOf("--out") + 1, rendered.toString());
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = org.embedscope.cli.Main.commandLine();
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setOut(new java.io.PrintWriter(new java.io.StringWriter(), true));
        assertEquals(0, cl.execute(args.toArray(new String[0])), err.toString());
        return javax.imageio.ImageIO.read(rendered.toFile());
    }

    /** Runs {@code command} as printed (its output elsewhere) and compares every pixel with the screenshot. */
    private void assertRenderDrawsTheScreenshot(Path shot, String command) throws Exception {
        java.awt.image.BufferedImage got = javax.imageio.ImageIO.read(shot.toFile()), want = renderAsPrinted(command);
        assertEquals(got.getWidth(), want.getWidth());
        assertEquals(got.getHeight(), want.getHeight());
        for (int y = 0; y < got.getHeight(); y++) {
            for (int x = 0; x < got.getWidth(); x++) {
                int a = got.getRGB(x, y), b = want.getRGB(x, y);
                assertEquals(0, FramePixels.differing(new int[] {a}, new int[] {b}, 2),
                        String.format("%s, pixel %d,%d: screenshot #%06x, render #%06x", command, x, y, a & 0xffffff, b & 0xffffff));
            }
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
        driver.close();
        driver = null;
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

    /** Pointer position on the screen of world point (wx, wy), shifted by (dx, dy) pixels. */
    private static String[] at(int[] pos, Camera cam, float wx, float wy, int dx, int dy) {
        return new String[] {String.valueOf(pos[0] + Math.round(cam.screenX(wx)) + dx), String.valueOf(pos[1] + Math.round(cam.screenY(wy)) + dy)};
    }

    @Test
    void aLassoDrawnWithThePointerSelectsWhatItEncloses() throws Exception {
        // Wide enough that items 3 and 4 are clear of the control panel (left) and the selection panel (bottom right).
        int[] pos = openWindow(1100, 700);
        ViewState st = window.scene().state();
        Camera cam = st.camera();
        // The panel collapsed (H): the whole window is the scene, fitted to all of it.
        xdotool("key", "h");
        await("the collapsed panel leaves the whole window to the scene", () -> cam.insetLeft() == 0f);
        // Items 1 (1, -1) and 3 (1, 1) on the right; item 4 in the middle stays outside.
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("keydown", "ctrl"));
        float[][] path = {{1.2f, 1.2f}, {0.6f, 1.2f}, {0.55f, 0.4f}, {0.6f, -0.4f}, {0.6f, -1.2f}, {1.2f, -1.2f}};
        for (int k = 0; k < path.length; k++) {
            String[] p = at(pos, cam, path[k][0], path[k][1], 0, 0);
            cmd.addAll(java.util.List.of("mousemove", p[0], p[1], "sleep", "0.05"));
            if (k == 0) cmd.addAll(java.util.List.of("mousedown", "1", "sleep", "0.05"));
        }
        cmd.addAll(java.util.List.of("mouseup", "1", "sleep", "0.05", "keyup", "ctrl"));
        xdotool(cmd.toArray(new String[0]));
        await("the lasso selects items 1 and 3 (" + st.selectedCount() + " selected)",
                () -> st.selectedCount() == 2 && st.isSelected(1) && st.isSelected(3));
        assertFalse(window.overlayHasPointer());

        // The selection panel shows both as images: hovering the first marks item 1 in the scene,
        // clicking it flies the view in to it and keeps it hovered.
        await("the panel shows the selection's images", () -> window.selectionThumbnailCentre(1) != null);
        float[] t0 = window.selectionThumbnailCentre(0);
        xdotool("mousemove", String.valueOf(pos[0] + Math.round(t0[0])), String.valueOf(pos[1] + Math.round(t0[1])));
        await("hovering the first thumbnail marks item 1", () -> window.hovered() == 1);
        float zoomBefore = cam.zoom();
        xdotool("click", "1");
        await("clicking it flies in to item 1", () -> !st.isAnimating() && cam.zoom() >= Math.max(zoomBefore, ViewState.FLY_MIN_ZOOM) - 1e-3f);
        float x1 = cam.screenX(1f), y1 = cam.screenY(-1f);
        // The data's bottom-right corner, where the selection panel is: it lands in the middle of what the
        // panels leave clear (it stayed at the corner, under the panel).
        float[] clear = window.lastClearArea();
        float[] selection = window.selectionPanelRect();
        assertTrue(clear[2] <= selection[0] + 0.5f || clear[3] <= selection[1] + 0.5f, "the clear area is off the selection panel");
        assertEquals((clear[0] + clear[2]) / 2, x1, 1f, "item 1 in the middle of the clear area " + java.util.Arrays.toString(clear));
        assertEquals((clear[1] + clear[3]) / 2, y1, 1f, "item 1 in the middle of the clear area " + java.util.Arrays.toString(clear));
        assertEquals(1, window.hovered(), "and shown hovered");
        xdotool("key", "f");
        await("F fits again", () -> Math.abs(cam.zoom() - 1f) < 1e-4f);

        xdotool("key", "Escape");
        await("Esc clears the selection", () -> st.selectedCount() == 0);

        // Shift-click adds items 3 and 4, a plain click on item 4 selects it alone, I inverts.
        String[] p3 = at(pos, cam, 1f, 1f, 0, 0), p4 = at(pos, cam, 0f, 0f, 0, 0);
        xdotool("mousemove", p3[0], p3[1], "sleep", "0.05", "keydown", "shift", "click", "1", "keyup", "shift");
        await("shift-click selects item 3", () -> st.selectedCount() == 1 && st.isSelected(3));
        xdotool("mousemove", p4[0], p4[1], "sleep", "0.4", "keydown", "shift", "click", "1", "keyup", "shift");
        await("shift-click adds item 4", () -> st.selectedCount() == 2 && st.isSelected(4) && st.isSelected(3));
        xdotool("sleep", "0.4", "click", "1");
        await("a click selects item 4 alone", () -> st.selectedCount() == 1 && st.isSelected(4));
        xdotool("key", "i");
        await("I inverts", () -> st.selectedCount() == 4 && !st.isSelected(4));
    }

    @Test
    void theSearchBoxFindsMatchesAndShowsWhereAQueryIsWrong() throws Exception {
        int[] pos = openWindow(1100, 700);
        ViewState st = window.scene().state();
        // Over the scene, '/' puts the keyboard in the search box.
        String[] mid = at(pos, st.camera(), 0.5f, 0.5f, 0, 0);
        xdotool("mousemove", mid[0], mid[1], "sleep", "0.1", "key", "slash", "sleep", "0.2", "type", "--delay", "20", "index in (1, 3)");
        await("the query matches items 1 and 3", () -> st.matches() != null && st.matches().cardinality() == 2
                && st.matches().contains(1) && st.matches().contains(3));
        // Typing into the box does not reach the scene: 'd' did not dim, 'i' did not invert.
        assertFalse(st.dimUnselected());
        assertEquals(0, st.selectedCount());
        xdotool("type", "--delay", "20", " and");
        // Each key runs the query: wait for the last one, then the error is at the end, after 'and'.
        await("an unfinished query says where (" + window.searchError() + ")",
                () -> window.searchError() != null && window.searchError().startsWith("at 19:"));
        assertTrue(window.searchError().contains("after 'and'"), window.searchError());
        assertEquals(2, st.matches().cardinality(), "the last good matches stay");
        // Clear the box: the search ends.
        xdotool("key", "ctrl+a", "BackSpace");
        await("an empty box ends the search", () -> st.matches() == null && window.searchError() == null);
    }

    /**
     * A window of 1100×700 with the pointer over the middle of its scene, then a slow frame, as at a million
     * items: its loop held for 600 ms, the keys sent meanwhile coming in one poll. Returns its view.
     */
    private ViewState slowFrameWithThePointerOnTheScene() throws Exception {
        int[] pos = openWindow(1100, 700);
        ViewState st = window.scene().state();
        String[] mid = at(pos, st.camera(), 0.5f, 0.5f, 0, 0);
        xdotool("mousemove", mid[0], mid[1], "sleep", "0.2");
        window.runOnLoop(() -> {
            try {
                Thread.sleep(600);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return st;
    }

    /**
     * The '/' that puts the keyboard in the search box is not typed into it. Pressed right after another
     * key while a frame was being drawn (at a million items, I and then '/'), both came in one poll, the
     * box took the keyboard before imgui's queue (a key change a frame) handed on the character, and the
     * query read "/label = 3" ("at 0: unexpected '/'"). The window's loop is held here while the keys come.
     */
    @Test
    void theSlashThatOpensTheSearchIsNotTypedIntoIt() throws Exception {
        // A slow frame: the loop busy while '/' is pressed and released.
        ViewState st = slowFrameWithThePointerOnTheScene();
        // F (fit: the view stays) and then '/', in one poll: imgui's queue hands on one key change a frame.
        xdotool("key", "f", "key", "slash", "sleep", "0.8", "type", "--delay", "20", "index < 2");
        await("the last key is in the box", () -> window.searchText().endsWith("2"));
        assertEquals("index < 2", window.searchText(), "the box holds what was typed after '/'");
        assertNull(window.searchError());
        assertEquals(2, st.matches().cardinality());
    }

    /**
     * A query typed straight after '/' goes to the box, not to the scene's keys: typed while a frame was
     * being drawn, its keys came before the box had the keyboard, so "/index < 2" inverted the selection
     * (I) and dimmed the rest (D) as well (at a million items, a million items selected); digits gave
     * the selection their label.
     */
    @Test
    void aQueryTypedRightAfterTheSlashIsNotTakenForTheScenesKeys() throws Exception {
        ViewState st = slowFrameWithThePointerOnTheScene();
        xdotool("type", "--delay", "5", "/index < 2");
        await("the last key is in the box", () -> window.searchText().endsWith("2"));
        assertEquals("index < 2", window.searchText());
        assertEquals(0, st.selectedCount(), "I did not invert the selection");
        assertFalse(st.dimUnselected(), "D did not dim the rest");
        assertEquals(2, st.matches().cardinality());
        // The box given back (Esc), the scene's keys work again.
        xdotool("key", "Escape", "sleep", "0.3", "key", "i");
        await("I inverts", () -> st.selectedCount() == 5);
    }
}
