package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import static org.embedscope.ui.WindowDriver.await;
import static org.embedscope.ui.WindowDriver.xdotool;

import java.nio.file.Path;
import java.util.List;
import org.embedscope.query.Column;
import org.embedscope.render.ColourBy;
import org.embedscope.render.SpriteFixture;
import org.embedscope.render.ViewState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control panel's widgets clicked and typed into with real pointer and key events (xdotool), as a
 * user would: the colour list picking another column (the legend drawn in that frame was the old
 * colouring's, and the window closed), a label typed and given with the button rather than Enter (the
 * button read what the field held before the last Enter), a new label then shown in the selection
 * panel's breakdown (which looked it up among the bundle's labels, and the window closed), and tags
 * given with the button. Runs where DISPLAY is set and xdotool is installed (CI: under Xvfb).
 */
class PanelWidgetsWindowTest {
    @TempDir Path dir;
    private WindowDriver driver;
    private int[] origin;

    @AfterEach
    void close() throws Exception {
        if (driver != null) driver.close();
        WidgetSpots.enable(false);
    }

    private void open() throws Exception {
        assumeTrue(WindowDriver.available(), "needs an X display and xdotool (CI runs it under Xvfb)");
        WidgetSpots.enable(true);
        driver = WindowDriver.open(SpriteFixture.write(dir.resolve("b")), 1280, 900);
        origin = driver.origin();
        await("the columns are typed", () -> driver.window.scene().columnsReady());
    }

    /**
     * Clicks widget {@code name} where a frame drawn after the last action put it: the spots noted before
     * are forgotten first (a popup's items stay noted where its last opening drew them, and a click there
     * before it opened again went nowhere), and the window is let draw what the click does.
     */
    private void click(String name) throws Exception {
        driver.onLoop(() -> WidgetSpots.enable(true));
        awaitFramed("'" + name + "' is drawn", () -> WidgetSpots.centre(name) != null);
        float[] c = WidgetSpots.centre(name);
        xdotool("mousemove", String.valueOf(origin[0] + Math.round(c[0])), String.valueOf(origin[1] + Math.round(c[1])),
                "sleep", "0.15", "click", "1", "sleep", "0.15");
        drawsOn();
    }

    /**
     * Opens combo {@code combo} and clicks its item {@code item}. A click on the combo that the window took
     * before the pointer's move (under load the two come close together) opens nothing: the combo is
     * clicked again, up to three times, until its item is drawn.
     */
    private void pick(String combo, String item) throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            click(combo);
            for (int k = 0; k < 10 && WidgetSpots.centre(item) == null; k++) drawsOn();
            if (WidgetSpots.centre(item) != null) break;
        }
        click(item);
    }

    /**
     * Replaces the text of field {@code name} by {@code text} and presses Enter, a step at a time: imgui
     * takes queued input a step a frame, and under load the keys and the typed text had come in one batch
     * (the text typed, then selected and deleted by the keys before it). A click that gave the field no
     * keyboard (under load, once, it landed while the panel was still settling after the line a refused
     * value adds) is made again, up to three times, as for {@link #pick}.
     */
    private void typeInto(String name, String text) throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            click(name);
            for (int k = 0; k < 10 && !typing(); k++) drawsOn();
            if (typing()) break;
        }
        awaitFramed("'" + name + "' has the keyboard", this::typing);
        xdotool("key", "ctrl+a", "BackSpace");
        drawsOn();
        xdotool("type", "--delay", "30", text);
        drawsOn();
        xdotool("key", "Return");
        drawsOn();
    }

    /** Whether a text field has the keyboard now (asked on the window's thread). */
    private boolean typing() {
        java.util.concurrent.atomic.AtomicBoolean on = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            driver.onLoop(() -> on.set(imgui.ImGui.getIO().getWantTextInput()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return on.get();
    }

    /** Waits until {@code condition} holds, asking for frames meanwhile (the window draws on demand; a panel sizes itself over two). */
    private void awaitFramed(String what, java.util.function.BooleanSupplier condition) throws Exception {
        await(what, () -> {
            if (condition.getAsBoolean()) return true;
            driver.window.runOnLoop(() -> { });
            return false;
        });
    }

    /** Two more frames are drawn (the window draws on demand: each is asked for), and the window is still open. */
    private void drawsOn() throws Exception {
        for (int k = 0; k < 2 && driver.alive(); k++) {
            long f = driver.window.frames();
            driver.window.runOnLoop(() -> { });
            await("a frame is drawn", () -> driver.window.frames() > f || !driver.alive());
        }
        assertTrue(driver.alive(), "the window is still open: " + driver.failure());
    }

    @Test
    void theColourListColoursByANumericColumnAndBackByLabels() throws Exception {
        open();
        ViewState st = driver.window.scene().state();
        Column numeric = null;
        for (Column c : driver.window.scene().columns().columns()) {
            if (c.isNumeric() && Boolean.FALSE.equals(ColourBy.defaultAsCategories(c))) {
                numeric = c;
                break;
            }
        }
        assertNotNull(numeric, "the fixture has a numeric column (its layouts' coordinates)");
        String name = numeric.name();
        boolean labelTint = st.tintByLabel();
        pick("colour-by", "colour-by:" + name);
        await("the items are coloured by " + name, () -> name.equals(st.colourBy().column()) && !st.colourBy().isCategories());
        drawsOn();
        assertTrue(st.tintByLabel(), "a column's colours show on the images");

        // A range typed upside down is refused (every item took the low end's colour).
        double low = st.colourBy().low(), high = st.colourBy().high();
        typeInto("range-low", String.valueOf(high + 100));
        drawsOn();
        assertEquals(low, st.colourBy().low(), "the range is kept");
        assertEquals(high, st.colourBy().high());
        // One the right way round is taken on Enter.
        String mid = String.format(java.util.Locale.ROOT, "%.2f", (low + high) / 2);
        typeInto("range-low", mid);
        await("the range starts at " + mid, () -> Math.abs(st.colourBy().low() - Double.parseDouble(mid)) < 1e-9);
        assertEquals(high, st.colourBy().high());

        String label = driver.window.labels().labelColumn();
        pick("colour-by", "colour-by:" + label);
        await("the items are coloured by their labels again", () -> st.colourBy() == st.labelColouring());
        drawsOn();
        assertEquals(labelTint, st.tintByLabel(), "the labels' own tint comes back with them");
    }

    @Test
    void aRefusedRangeIsNotSaidUnderTheNextColumnsRange() throws Exception {
        // An upside-down range typed for one column, then another column picked: "the start (5.000) must not
        // be above the end (0.4000)" stayed under the new column's range, which was not the one typed.
        open();
        ViewState st = driver.window.scene().state();
        List<String> numeric = new java.util.ArrayList<>();
        for (Column c : driver.window.scene().columns().columns()) {
            if (c.isNumeric() && Boolean.FALSE.equals(ColourBy.defaultAsCategories(c))) numeric.add(c.name());
        }
        assertTrue(numeric.size() >= 2, "the fixture has two numeric columns (a layout's coordinates)");
        String first = numeric.get(0), second = numeric.get(1);
        pick("colour-by", "colour-by:" + first);
        await("the items are coloured by " + first, () -> first.equals(st.colourBy().column()));
        typeInto("range-low", String.valueOf(st.colourBy().high() + 100));
        awaitFramed("the upside-down range is refused in a line", () -> WidgetSpots.centre("range-error") != null);

        pick("colour-by", "colour-by:" + second);
        await("the items are coloured by " + second, () -> second.equals(st.colourBy().column()));
        driver.onLoop(() -> WidgetSpots.enable(true));   // forget the spots drawn so far
        awaitFramed("the new column's range is drawn", () -> WidgetSpots.centre("range-low") != null);
        drawsOn();
        assertNull(WidgetSpots.centre("range-error"), "no refusal is said under " + second + "'s range, which was not edited");
    }

    @Test
    void aLabelAndTagsGivenWithTheButtonsAreWhatWasTyped() throws Exception {
        open();
        ViewState st = driver.window.scene().state();
        LabelSession labels = driver.window.labels();
        driver.onLoop(() -> st.selectOnly(2));
        click("label-field");
        xdotool("type", "--delay", "30", "smudge");
        click("set-label");
        await("item 2 is labelled smudge", () -> "smudge".equals(st.labelNames().get(st.labelOfItem()[2])));
        // The selection panel's breakdown names the new label (the window closed here before).
        drawsOn();

        // A tag given with Enter, then another typed and given with the button: the second is what was typed.
        click("tag-field");
        xdotool("type", "--delay", "30", "blurry");
        xdotool("key", "Return");
        await("item 2 is tagged blurry", () -> labels.annotations().tags(2).equals(List.of("blurry")));
        driver.onLoop(() -> st.selectOnly(3));
        click("tag-field");
        xdotool("key", "ctrl+a", "BackSpace");
        xdotool("type", "--delay", "30", "dup");
        click("add-tag");
        await("item 3 is tagged dup", () -> labels.annotations().tags(3).equals(List.of("dup")));
        assertEquals(List.of("blurry"), labels.annotations().tags(2));
        assertTrue(driver.alive(), "the window is still open: " + driver.failure());
    }

    /**
     * A column of more distinct texts than categories show, picked in the colour list, says why it is
     * not coloured by, inside the panel (picking it did nothing visible), and the colouring stays.
     */
    @Test
    void aColumnOfTooManyValuesSaysWhyWhenPicked() throws Exception {
        assumeTrue(WindowDriver.available(), "needs an X display and xdotool (CI runs it under Xvfb)");
        int n = ColourBy.MAX_CATEGORIES + 76;
        String[] city = new String[n];
        for (int i = 0; i < n; i++) city[i] = "city " + i;
        Path b = org.embedscope.bundle.BundleFixture.items(n).layout("a", "A", org.embedscope.bundle.BundleFixture.gaussian(n, 3))
                .metadata("city", city).level(4, 34, 33, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255)
                .write(dir.resolve("cities")).dir;
        WidgetSpots.enable(true);
        driver = WindowDriver.open(b, 1280, 900);
        origin = driver.origin();
        await("the columns are typed", () -> driver.window.scene().columnsReady());
        ViewState st = driver.window.scene().state();
        ColourBy before = st.colourBy();
        assertNull(WidgetSpots.rect("colour-error"));
        pick("colour-by", "colour-by:city");
        awaitFramed("the panel says why city is not coloured by", () -> WidgetSpots.rect("colour-error") != null);
        drawsOn();
        float[] why = WidgetSpots.rect("colour-error"), panel = WidgetSpots.rect("control-panel");
        assertTrue(why[0] >= panel[0] - 0.5f && why[2] <= panel[2] + 0.5f && why[3] > why[1],
                "the reason spans x " + why[0] + " to " + why[2] + ", inside the panel (" + panel[0] + " to " + panel[2] + ")");
        assertSame(before, st.colourBy(), "the colouring stays");
        assertEquals("city: 1,100 different values; categories show up to 1,024: search it instead",
                ColourControls.tooManyValues(driver.window.scene().columns().column("city")));
    }

    /**
     * Esc with the colour list open closes the list and keeps the selection (the list stayed open, and
     * the selection was cleared under it); the next Esc clears the selection.
     */
    @Test
    void escClosesAnOpenListBeforeClearingTheSelection() throws Exception {
        open();
        ViewState st = driver.window.scene().state();
        driver.onLoop(() -> st.selectOnly(1));
        drawsOn();   // the panel grows with the selection's fields: the list's spot moves down
        String label = driver.window.labels().labelColumn();
        click("colour-by");
        awaitFramed("the colour list is open", () -> WidgetSpots.rect("colour-by:" + label) != null);
        xdotool("key", "Escape");
        drawsOn();
        WidgetSpots.enable(true);   // from here on, only what the frames draw now
        drawsOn();
        assertNotNull(WidgetSpots.rect("colour-by"), "the panel is drawn");
        assertNull(WidgetSpots.rect("colour-by:" + label), "the list is closed");
        assertEquals(1, st.selectedCount(), "the selection stays");
        xdotool("key", "Escape");
        await("the next Esc clears the selection", () -> st.selectedCount() == 0);
    }

    /** The selection panel folds to its title bar with the arrow on it, uncovering the scene, and opens again. */
    @Test
    void theSelectionPanelFoldsAwayAndBack() throws Exception {
        open();
        ViewState st = driver.window.scene().state();
        driver.onLoop(() -> st.selectOnly(1));
        await("the selection panel is drawn as tall as its one item wants", () -> WidgetSpots.rect("selection-panel") != null
                && height(WidgetSpots.rect("selection-panel")) < 250);
        assertTrue(height(WidgetSpots.rect("selection-panel")) > 80, "open, it shows the selection");
        foldsAndOpens("selection-panel", () -> st.selectedCount() == 1, "folding keeps the selection");
    }

    /**
     * The selection panel of one item is as tall as its lines and its thumbnail, at the bottom right, also
     * for a selection made with no input after it (the first frame measures its lines, the next one sizes
     * it): it was 460 px tall, mostly an empty grid.
     */
    @Test
    void theSelectionPanelOfOneItemIsAsTallAsWhatItShows() throws Exception {
        open();
        ViewState st = driver.window.scene().state();
        // The window at rest (no frames from input or loading left): the task's frame is the only one asked for.
        for (long f = -1; f != driver.window.frames(); Thread.sleep(500)) f = driver.window.frames();
        driver.onLoop(() -> st.selectOnly(1));
        await("the selection panel is shorter than 250 px", () -> WidgetSpots.rect("selection-panel") != null
                && height(WidgetSpots.rect("selection-panel")) < 250);
        float[] panel = WidgetSpots.rect("selection-panel"), thumbnail = driver.window.selectionThumbnailCentre(0);
        assertEquals(900 - PanelPlaces.MARGIN, panel[3], 0.5f, "at the bottom: " + java.util.Arrays.toString(panel));
        assertNotNull(thumbnail, "its thumbnail is drawn");
        float half = SelectionPanel.THUMB_PX / 2;
        assertTrue(thumbnail[1] - half >= WidgetSpots.rect("selection-count")[3] && thumbnail[1] + half <= panel[3],
                "the thumbnail at y " + thumbnail[1] + " is whole, below the count, inside " + java.util.Arrays.toString(panel));
    }

    /** Panel {@code panel} folds to its title bar by its arrow, {@code kept} still holds, and it opens to its height again. */
    private void foldsAndOpens(String panel, java.util.function.BooleanSupplier kept, String what) throws Exception {
        float open = height(WidgetSpots.rect(panel));
        click(panel + ":collapse");
        await("folded, it is its title bar", () -> height(WidgetSpots.rect(panel)) < 40);
        assertTrue(kept.getAsBoolean(), what);
        click(panel + ":collapse");
        await("it opens again", () -> height(WidgetSpots.rect(panel)) == open);
        drawsOn();
    }

    /**
     * A legend row's set button that labels the last unlabelled items: the "(no label)" row goes in that
     * frame, and the legend, drawn from the old colouring, read past the new one's rows (the window closed).
     */
    @Test
    void theLegendsSetButtonCanLabelTheLastUnlabelledItems() throws Exception {
        assumeTrue(WindowDriver.available(), "needs an X display and xdotool (CI runs it under Xvfb)");
        Path plain = org.embedscope.bundle.BundleFixture.items(5).layout("a", "A", 0, 0, 1, 0, 2, 0, 3, 0, 4, 0)
                .level(4, 2, 2, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255).write(dir.resolve("plain")).dir;
        WidgetSpots.enable(true);
        driver = WindowDriver.open(plain, 1280, 900);
        origin = driver.origin();
        ViewState st = driver.window.scene().state();
        LabelSession labels = driver.window.labels();
        driver.onLoop(() -> {
            st.setSelection(org.embedscope.select.ItemSet.of(5, 0, 1, 2, 3));
            labels.assign("cat");
            st.selectOnly(4);
        });
        assertEquals(List.of("cat", LabelSession.NONE), st.labelNames());
        click("legend-set:0");
        await("item 4 is a cat too", () -> st.labelOfItem()[4] == 0 && st.labelNames().equals(List.of("cat")));
        drawsOn();
    }

    /** In a small window the neighbours panel keeps within it (at 640 px its last columns were cut off). */
    @Test
    void theNeighboursPanelFitsASmallWindow() throws Exception {
        assumeTrue(WindowDriver.available(), "needs an X display and xdotool (CI runs it under Xvfb)");
        WidgetSpots.enable(true);
        // Twenty items, each with 15 neighbours: the grid of 16 wants its 8 columns.
        int n = 20, k = 15;
        Path b = org.embedscope.bundle.BundleFixture.items(n).layout("a", "A", org.embedscope.bundle.BundleFixture.gaussian(n, 3))
                .level(16, 8, 8, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255).ringNeighbors(k).write(dir.resolve("nb20")).dir;
        driver = WindowDriver.open(b, 640, 400);
        ViewState st = driver.window.scene().state();
        driver.onLoop(() -> st.pin(3));
        awaitFramed("the neighbours panel lists the neighbours", () -> WidgetSpots.rect("neighbours-panel") != null
                && height(WidgetSpots.rect("neighbours-panel")) > 60);
        float[] r = WidgetSpots.rect("neighbours-panel");
        assertTrue(r[0] >= 0 && r[2] <= 640, "the panel spans x " + r[0] + " to " + r[2] + " of 640");
        // imgui keeps the window within the display; what matters is that its grid does not run past it.
        for (int j = 0; j < k; j++) {
            float[] cell = WidgetSpots.rect("neighbour:" + j);
            assertNotNull(cell, "neighbour " + j + " is drawn");
            assertTrue(cell[2] <= r[2], "neighbour " + j + " ends at x " + cell[2] + ", inside the panel (to " + r[2] + ")");
        }
    }

    /** The neighbours panel folds the same way. */
    @Test
    void theNeighboursPanelFoldsAwayAndBack() throws Exception {
        assumeTrue(WindowDriver.available(), "needs an X display and xdotool (CI runs it under Xvfb)");
        WidgetSpots.enable(true);
        driver = WindowDriver.open(SpriteFixture.builder(SpriteFixture.A, SpriteFixture.B, false).ringNeighbors(2).write(dir.resolve("nb")).dir, 1280, 900);
        origin = driver.origin();
        ViewState st = driver.window.scene().state();
        driver.onLoop(() -> st.pin(3));
        // Sized to its contents (on its second frame: the first measures them).
        awaitFramed("the neighbours panel lists the neighbours", () -> WidgetSpots.rect("neighbours-panel") != null
                && height(WidgetSpots.rect("neighbours-panel")) > 60);
        foldsAndOpens("neighbours-panel", () -> st.pinned() == 3, "folding keeps the pin");
    }

    private static float height(float[] r) { return r[3] - r[1]; }
}
