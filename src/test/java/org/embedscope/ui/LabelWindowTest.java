package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import static org.embedscope.ui.WindowDriver.await;
import static org.embedscope.ui.WindowDriver.xdotool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.embedscope.render.Camera;
import org.embedscope.render.SpriteFixture;
import org.embedscope.render.ViewState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real window under an X server, driven by xdotool as a user would: a lasso drawn with the
 * pointer, a key that labels the selection, Ctrl-Z and Ctrl-Shift-Z, each checked in what the scene
 * shows and in the sidecar file beside the bundle; and pinning with N and Ctrl-click, Esc unpinning.
 * Runs where DISPLAY is set and xdotool is installed (CI: under Xvfb).
 */
class LabelWindowTest {
    @TempDir Path dir;
    private WindowDriver driver;

    @AfterEach
    void close() throws Exception {
        if (driver != null) driver.close();
    }

    /** Opens the five sprites (labels "even", "odd") with small sprites; returns the window's position on the screen. */
    private int[] open(Path bundle) throws Exception {
        assumeTrue(WindowDriver.available(), "needs an X display and xdotool (CI runs it under Xvfb)");
        // Large enough that the panels (control top left, selection bottom right, neighbours bottom
        // middle) leave the middle and the top right of the scene free.
        driver = WindowDriver.open(bundle, 1280, 900);
        driver.onLoop(() -> driver.window.scene().state().setWorldSizes(new float[] {0.1f, 0.1f}));
        // The panel collapsed (H): the whole window is the scene, and no item lies under the panel.
        xdotool("key", "h");
        Camera cam = driver.window.scene().state().camera();
        await("the collapsed panel leaves the whole window to the scene", () -> cam.insetLeft() == 0f);
        return driver.origin();
    }

    private static String[] at(int[] pos, Camera cam, float wx, float wy) {
        return new String[] {String.valueOf(pos[0] + Math.round(cam.screenX(wx))), String.valueOf(pos[1] + Math.round(cam.screenY(wy)))};
    }

    /** The sidecar's rows after the header, once the window's writer has saved the state asked for. */
    private static void awaitSidecar(Path file, List<String> rows) throws InterruptedException {
        await("the sidecar holds " + rows, () -> {
            try {
                List<String> lines = Files.readAllLines(file);
                if (lines.isEmpty() || !lines.get(0).equals("index,label,tags,edited")) return false;
                List<String> got = new ArrayList<>();
                for (String l : lines.subList(1, lines.size())) got.add(l.substring(0, l.lastIndexOf(',')));
                return got.equals(rows);
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }

    @Test
    void aLassoSelectionIsLabelledWithAKeyUndoneAndRedoneAndSaved() throws Exception {
        Path bundle = SpriteFixture.write(dir.resolve("b"));
        int[] pos = open(bundle);
        ViewState st = driver.window.scene().state();
        Camera cam = st.camera();
        Path sidecar = bundle.toAbsolutePath().resolve("annotations.csv");
        assertEquals(sidecar, driver.window.labels().file());

        // A lasso around items 1 (1, -1) and 3 (1, 1), both "odd".
        List<String> cmd = new ArrayList<>(List.of("keydown", "ctrl"));
        float[][] path = {{1.2f, 1.2f}, {0.6f, 1.2f}, {0.55f, 0.4f}, {0.6f, -0.4f}, {0.6f, -1.2f}, {1.2f, -1.2f}};
        for (int k = 0; k < path.length; k++) {
            String[] p = at(pos, cam, path[k][0], path[k][1]);
            cmd.addAll(List.of("mousemove", p[0], p[1], "sleep", "0.05"));
            if (k == 0) cmd.addAll(List.of("mousedown", "1", "sleep", "0.05"));
        }
        cmd.addAll(List.of("mouseup", "1", "sleep", "0.05", "keyup", "ctrl"));
        xdotool(cmd.toArray(new String[0]));
        await("the lasso selects items 1 and 3", () -> st.selectedCount() == 2 && st.isSelected(1) && st.isSelected(3));

        // Key 1: the legend's first label, "even".
        xdotool("key", "1");
        await("items 1 and 3 are labelled even", () -> st.labelOfItem()[1] == 0 && st.labelOfItem()[3] == 0);
        assertArrayEquals(new int[] {5, 0}, driver.window.scene().labelCounts(), "the legend counts follow");
        awaitSidecar(sidecar, List.of("1,even,", "3,even,"));

        xdotool("key", "ctrl+z");
        await("Ctrl-Z gives them back their label", () -> st.labelOfItem()[1] == 1 && st.labelOfItem()[3] == 1);
        awaitSidecar(sidecar, List.of());

        xdotool("key", "ctrl+shift+z");
        await("Ctrl-Shift-Z labels them again", () -> st.labelOfItem()[1] == 0 && st.labelOfItem()[3] == 0);
        awaitSidecar(sidecar, List.of("1,even,", "3,even,"));

        // The search reads the edited labels, and runs again after an edit (the panel opened for it).
        String[] empty = at(pos, cam, 0.5f, 0.5f);
        xdotool("mousemove", empty[0], empty[1], "key", "h", "sleep", "0.3", "key", "slash", "sleep", "0.2",
                "type", "--delay", "20", "label = 'even'");
        await("the search finds the five evens", () -> st.matches() != null && st.matches().cardinality() == 5);
        // A click on nothing in the scene takes the keyboard from the box (and keeps the selection).
        xdotool("sleep", "0.4", "click", "1", "sleep", "0.3", "key", "ctrl+z");
        await("after Ctrl-Z the search finds three", () -> st.matches() != null && st.matches().cardinality() == 3
                && !st.matches().contains(1) && !st.matches().contains(3));
        assertEquals(2, st.selectedCount());
        assertTrue(driver.alive(), String.valueOf(driver.failure()));
    }

    /**
     * On a German keyboard (QWERTZ) the shortcuts follow the letters and symbols marked on the keys:
     * Ctrl-Z undid nothing (GLFW named the key by its US place, Y, so it redid), '/' (Shift-7 there) did
     * not open the search and '+' (a key of its own) did not zoom.
     */
    @Test
    void onAGermanKeyboardTheShortcutsFollowTheMarkedKeys() throws Exception {
        assumeTrue(WindowDriver.available(), "needs an X display and xdotool (CI runs it under Xvfb)");
        assertEquals(0, new ProcessBuilder("setxkbmap", "de").inheritIO().start().waitFor(), "setxkbmap de");
        try {
            Path bundle = SpriteFixture.write(dir.resolve("de"));
            int[] pos = open(bundle);
            ViewState st = driver.window.scene().state();
            Camera cam = st.camera();
            driver.onLoop(() -> st.selectOnly(1));
            await("item 1 is selected", () -> st.isSelected(1));
            xdotool("key", "1");
            await("key 1 labels item 1 even", () -> st.labelOfItem()[1] == 0);
            xdotool("key", "ctrl+z");
            await("Ctrl-Z (the key marked Z) undoes it", () -> st.labelOfItem()[1] == 1);
            xdotool("key", "ctrl+y");
            await("Ctrl-Y (the key marked Y) redoes it", () -> st.labelOfItem()[1] == 0);
            float zoom = cam.zoom();
            String[] empty = at(pos, cam, 0.5f, 0.5f);
            xdotool("mousemove", empty[0], empty[1], "key", "plus");
            await("'+' zooms in", () -> cam.zoom() > zoom * 1.01f);
            xdotool("key", "h", "sleep", "0.3", "key", "slash", "sleep", "0.2", "type", "--delay", "20", "label = 'odd'");
            await("'/' opens the search, which finds the odd items", () -> st.matches() != null && st.matches().cardinality() == 1);
            assertTrue(driver.alive(), String.valueOf(driver.failure()));
        } finally {
            new ProcessBuilder("setxkbmap", "us").inheritIO().start().waitFor();
        }
    }

    /** Esc in the search box leaves it with the search as typed (it put back the empty box, ending the search). */
    @Test
    void escInTheSearchBoxKeepsTheSearch() throws Exception {
        Path bundle = SpriteFixture.write(dir.resolve("esc"));
        int[] pos = open(bundle);
        ViewState st = driver.window.scene().state();
        String[] empty = at(pos, st.camera(), 0.5f, 0.5f);
        xdotool("mousemove", empty[0], empty[1], "key", "h", "sleep", "0.3", "key", "slash", "sleep", "0.2",
                "type", "--delay", "20", "label = 'even'");
        await("the search finds the three evens", () -> st.matches() != null && st.matches().cardinality() == 3);
        driver.onLoop(() -> st.selectOnly(1));
        xdotool("key", "Escape", "sleep", "0.5");
        assertTrue(st.matches() != null && st.matches().cardinality() == 3, "the search stays after Esc: " + st.matches());
        assertEquals("label = 'even'", driver.window.searchText());
        assertEquals(1, st.selectedCount(), "the first Esc was the box's");
        xdotool("key", "Escape");
        await("the next Esc is the scene's: it clears the selection", () -> st.selectedCount() == 0);
        assertEquals(3, st.matches().cardinality());
        assertTrue(driver.alive(), String.valueOf(driver.failure()));
    }

    @Test
    void nAndCtrlClickPinAndEscUnpinsBeforeClearing() throws Exception {
        Path bundle = SpriteFixture.builder(SpriteFixture.A, SpriteFixture.B, false).ringNeighbors(2).write(dir.resolve("nb")).dir;
        int[] pos = open(bundle);
        ViewState st = driver.window.scene().state();
        Camera cam = st.camera();
        // Items 3 (top right) and 4 (the middle): clear of the panels (control top left, selection bottom
        // right, neighbours bottom middle).
        String[] p3 = at(pos, cam, 1f, 1f), p4 = at(pos, cam, 0f, 0f);
        xdotool("mousemove", p3[0], p3[1]);
        await("item 3 is hovered", () -> driver.window.hovered() == 3);
        xdotool("key", "n");
        await("N pins item 3", () -> st.pinned() == 3);
        await("its neighbours are ranked", () -> driver.window.scene().pinnedNeighbors() != null
                && driver.window.scene().pinnedNeighbors().neighbor(0) == 4);
        xdotool("click", "1");
        await("a click selects item 3", () -> st.selectedCount() == 1 && st.isSelected(3));
        xdotool("mousemove", p4[0], p4[1], "sleep", "0.4", "keydown", "ctrl", "click", "1", "keyup", "ctrl");
        await("Ctrl-click pins item 4 instead", () -> st.pinned() == 4);
        assertEquals(1, st.selectedCount(), "and keeps the selection");
        xdotool("key", "Escape");
        await("Esc unpins", () -> st.pinned() == -1);
        assertEquals(1, st.selectedCount(), "the first Esc keeps the selection");
        xdotool("key", "Escape");
        await("the second clears it", () -> st.selectedCount() == 0);
    }
}
