package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleReader;
import org.embedscope.render.SpriteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A control panel taller than the window scrolls, and its scroll bar does not take the width of its
 * rows: its rows keep the panel's width, and the undo and tag rows end inside it. At 1280×800, the default window,
 * the panel of a labelled bundle scrolls, and its rows were cut on the right ("redo (Ctrl-Shift",
 * "set (", the search's "select" one letter wide).
 */
class PanelFitTest {
    @TempDir Path dir;

    private static float[] spot(String name) { return DrawnSpots.spot(name); }

    @Test
    void aScrollingPanelKeepsItsRowsWhole() throws Exception {
        Bundle b = BundleReader.load(SpriteFixture.write(dir.resolve("b")));
        WidgetSpots.enable(true);
        try (OffscreenExplorer x = new OffscreenExplorer(b, 640, 300);
             LabelSession labels = LabelSession.open(b, x.scene().state(), dir.resolve("annotations.csv"))) {
            x.setLabels(labels);
            x.scene().state().selectOnly(1);   // the label and tag fields show with a selection
            for (int f = 0; f < 4; f++) x.frame(-1, -1, true);
            float[] panel = spot("control-panel"), keys = spot("undo-keys");
            assertTrue(keys[1] > 300, "the panel is taller than the window: it scrolls (the undo row at y " + keys[1] + ")");
            assertTrue(keys[2] <= panel[2] + 0.5f, "the undo row ends at x " + keys[2] + ", inside the panel's rows (to " + panel[2] + ")");
            float[] remove = spot("remove-tag");
            assertTrue(remove[2] <= panel[2] + 0.5f, "the tag row's last button ends at x " + remove[2] + ", inside the rows (to " + panel[2] + ")");
            assertTrue(panel[2] - panel[0] >= Overlay.PANEL_WIDTH - 20, "the rows keep the panel's width: " + (panel[2] - panel[0]) + " px");
        } finally {
            WidgetSpots.enable(false);
        }
    }

    /**
     * A warning longer than the control panel wraps at the panel's edge, long paths cut anywhere, so
     * that every character shows: it wrapped 300 px from its start, wider than the panel, which cut
     * the ends of its lines off ("edits" read "ed", a file name lost "5f2fb0f3"). The save error names
     * a long path; the bundle without neighbours says so in the same way.
     */
    @Test
    void longWarningsWrapInsideThePanel() throws Exception {
        Bundle b = BundleReader.load(SpriteFixture.write(dir.resolve("b")));
        // A folder under a plain file cannot be made, even by root: every save fails, naming the path.
        java.nio.file.Path blocker = java.nio.file.Files.createFile(dir.resolve("not-a-folder"));
        java.nio.file.Path file = blocker.resolve("cache").resolve("embedscope").resolve("annotations")
                .resolve("1c8ed5f2fb0f3575aa1c8ed5f2fb0f3575-annotations.csv");
        WidgetSpots.enable(true);
        try (OffscreenExplorer x = new OffscreenExplorer(b, 1280, 1000);
             LabelSession labels = LabelSession.open(b, x.scene().state(), file)) {
            x.setLabels(labels);
            x.scene().state().selectOnly(1);
            assertTrue(labels.addTag("seen"));
            for (int wait = 0; wait < 200 && labels.saveError() == null; wait++) Thread.sleep(10);
            assertNotNull(labels.saveError(), "the save fails");
            for (int f = 0; f < 3; f++) x.frame(-1, -1, true);
            float[] panel = spot("control-panel");
            for (String name : new String[] {"label-save-error", "neighbours-note"}) {
                float[] text = spot(name);
                assertTrue(text[0] >= panel[0] - 0.5f && text[2] <= panel[2] + 0.5f,
                        name + " spans x " + text[0] + " to " + text[2] + ", inside the panel's rows (" + panel[0] + " to " + panel[2] + ")");
            }
            float line = 13f;   // the font's line at UI scale 1
            assertTrue(height(spot("label-save-error")) > 3 * line, "the save error wraps over several lines");
        } finally {
            WidgetSpots.enable(false);
        }
    }

    /**
     * Names of 60 characters, of labels, of layouts and of the bundle, are cut with "..." so that the legend's rows and
     * the layout section end inside the panel (they pushed the legend's "set N" button, the select
     * button and the transition button past its edge), as the selection panel's breakdown by label does
     * (its count was cut off); hovering a cut name shows it whole.
     */
    @Test
    void longNamesAreCutToThePanel() throws Exception {
        int n = 12;
        String longName = "a category whose name runs on and on for sixty characters ..";
        String longTitle = "a layout whose title runs on and on for sixty characters ....";
        assertEquals(60, longName.length());
        String[] values = new String[n];
        for (int i = 0; i < n; i++) values[i] = i % 3 == 0 ? "x" : i % 3 == 1 ? "y" : "z";
        Bundle b = org.embedscope.bundle.BundleFixture.items(n).name("a bundle " + longTitle)
                .layout("a", longTitle, org.embedscope.bundle.BundleFixture.gaussian(n, 1))
                .layout("b", "B " + longTitle, org.embedscope.bundle.BundleFixture.gaussian(n, 2))
                .layout("c", "C " + longTitle, org.embedscope.bundle.BundleFixture.gaussian(n, 3))
                .labels("kind", java.util.Map.of("x", longName, "y", "Y " + longName), values)
                .level(16, 4, 4, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255).write(dir.resolve("long")).load();
        WidgetSpots.enable(true);
        try (OffscreenExplorer x = new OffscreenExplorer(b, 1280, 1400);
             LabelSession labels = LabelSession.open(b, x.scene().state(), dir.resolve("annotations.csv"))) {
            x.setLabels(labels);
            x.scene().state().selectOnly(1);   // the legend's set buttons are enabled with a selection
            for (int f = 0; f < 4; f++) x.frame(-1, -1, true);
            float[] panel = spot("control-panel");
            java.util.List<String> widgets = new java.util.ArrayList<>(java.util.List.of("bundle-name", "layout-title", "layout-target", "transition"));
            for (int k = 0; k < 3; k++) widgets.addAll(java.util.List.of("legend-name:" + k, "legend-select:" + k, "legend-set:" + k));
            for (String name : widgets) {
                float[] w = spot(name);
                assertTrue(w[0] >= panel[0] - 0.5f && w[2] <= panel[2] + 0.5f,
                        name + " spans x " + w[0] + " to " + w[2] + ", inside the panel's rows (" + panel[0] + " to " + panel[2] + ")");
            }
            // The selection panel's breakdown of the selected item's label keeps its count inside that panel.
            float[] selection = spot("selection-content"), breakdown = spot("breakdown:Y " + longName);
            assertTrue(breakdown[2] <= selection[2] + 0.5f, "the selection's label and count end at x " + breakdown[2]
                    + ", inside the selection panel's rows (to " + selection[2] + ")");
            float[] name = spot("legend-name:0");
            assertNull(WidgetSpots.rect("legend-tooltip:0"), "no tooltip while the pointer is elsewhere");
            x.frame(Math.round(name[2] - 10), Math.round((name[1] + name[3]) / 2), true);
            x.frame(Math.round(name[2] - 10), Math.round((name[1] + name[3]) / 2), true);
            float[] tip = spot("legend-tooltip:0");
            assertTrue(tip[2] - tip[0] > panel[2] - panel[0], "the hovered name shows whole, wider than the panel: " + (tip[2] - tip[0]) + " px");
            assertNull(WidgetSpots.rect("legend-tooltip:2"), "a name that fits has no tooltip");
        } finally {
            WidgetSpots.enable(false);
        }
    }

    /**
     * The buttons that remove the selection's tags stay inside the panel: a row holds as many as fit and
     * a tag longer than the row is cut (three to a row, "x alpha-tag-one (1)" and the next ran past the edge).
     */
    @Test
    void theSelectionsTagButtonsStayInsideThePanel() throws Exception {
        Bundle b = BundleReader.load(SpriteFixture.write(dir.resolve("b")));
        String[] tags = {"alpha-tag-one", "beta-tag-two", "gamma-tag-three", "d", "a tag whose name runs on and on for sixty characters ......."};
        WidgetSpots.enable(true);
        try (OffscreenExplorer x = new OffscreenExplorer(b, 1280, 1400);
             LabelSession labels = LabelSession.open(b, x.scene().state(), dir.resolve("annotations.csv"))) {
            x.setLabels(labels);
            x.scene().state().selectOnly(1);
            for (String tag : tags) assertTrue(labels.addTag(tag));
            for (int f = 0; f < 4; f++) x.frame(-1, -1, true);
            float[] panel = spot("control-panel");
            java.util.Set<Float> rowTops = new java.util.HashSet<>();
            for (String tag : tags) {
                float[] r = spot("remove-tag:" + tag);
                assertTrue(r[0] >= panel[0] - 0.5f && r[2] <= panel[2] + 0.5f,
                        tag + "'s button spans x " + r[0] + " to " + r[2] + ", inside the panel's rows (" + panel[0] + " to " + panel[2] + ")");
                rowTops.add(r[1]);
            }
            assertTrue(rowTops.size() < tags.length, "short tags share a row: " + rowTops.size() + " rows for " + tags.length + " tags");
        } finally {
            WidgetSpots.enable(false);
        }
    }

    /**
     * The search's "only matches" box goes under the count where it does not fit beside it: beside a
     * count of hidden matches ("12 matches, 6 shown") it ran past the panel's edge; the line saying
     * what the matches' export wrote wraps; the selection section's "select matches (M)" goes under its
     * clear and invert buttons.
     */
    @Test
    void theSearchsRowsStayInsideThePanel() throws Exception {
        int n = 12;
        String[] kind = new String[n];
        for (int i = 0; i < n; i++) kind[i] = i % 2 == 0 ? "c" : "d";
        Bundle b = org.embedscope.bundle.BundleFixture.items(n)
                .layout("a", "A", org.embedscope.bundle.BundleFixture.gaussian(n, 1))
                .labels("kind", java.util.Map.of("c", "cat", "d", "dog"), kind)
                .level(16, 4, 4, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255).write(dir.resolve("search")).load();
        WidgetSpots.enable(true);
        try (OffscreenExplorer x = new OffscreenExplorer(b, 1280, 1000)) {
            x.setExportFolder(java.nio.file.Files.createDirectories(dir.resolve("exports")));
            x.frame(-1, -1, true);
            for (int wait = 0; wait < 500 && !x.scene().columnsReady(); wait++) Thread.sleep(10);
            x.overlay().search("index >= 0");
            for (int f = 0; f < 3; f++) x.frame(-1, -1, true);
            float[] panel = spot("control-panel"), beside = spot("only-matches");
            assertTrue(beside[2] <= panel[2] + 0.5f, "with every match shown the box fits beside the count");
            // The selection section's button for the matches, after "clear (Esc)" and "invert (I)": it ran past the edge ("select m").
            float[] selectMatches = spot("select-matches");
            assertTrue(selectMatches[0] >= panel[0] - 0.5f && selectMatches[2] <= panel[2] + 0.5f, "the selection's 'select matches (M)' spans x "
                    + selectMatches[0] + " to " + selectMatches[2] + ", inside the panel's rows (" + panel[0] + " to " + panel[2] + ")");
            float besideTop = beside[1];
            x.scene().state().setCategoryShown(1, false);
            for (int f = 0; f < 3; f++) x.frame(-1, -1, true);
            java.util.Map<String, float[]> lines = WidgetSpots.rects(FittedText.LINE_SPOT + "12 matches, 6 shown");
            assertEquals(1, lines.size(), "the count says the hidden matches: " + WidgetSpots.rects(FittedText.LINE_SPOT).keySet());
            float[] count = lines.values().iterator().next(), box = spot("only-matches");
            assertTrue(box[2] <= panel[2] + 0.5f, "the box ends at x " + box[2] + ", inside the panel's rows (to " + panel[2] + ")");
            assertTrue(count[2] <= panel[2] + 0.5f, "the count ends inside the panel's rows");
            assertTrue(box[1] >= count[3] && box[1] > besideTop, "the box goes under the count");

            // The export's status line: it ran past the panel's edge.
            float[] csv = spot("export-csv:matches");
            int cx = Math.round((csv[0] + csv[2]) / 2), cy = Math.round((csv[1] + csv[3]) / 2);
            x.frame(cx, cy, true);
            imgui.ImGui.getIO().addMouseButtonEvent(0, true);
            x.frame(cx, cy, true);
            imgui.ImGui.getIO().addMouseButtonEvent(0, false);
            java.util.Map<String, float[]> wrote = java.util.Map.of();
            for (int f = 0; f < 500 && wrote.isEmpty(); f++) {
                x.frame(cx, cy, true);
                wrote = WidgetSpots.rects(FittedText.LINE_SPOT + "wrote matches-");
                if (wrote.isEmpty()) Thread.sleep(10);
            }
            assertEquals(1, wrote.size(), "the export says what it wrote: " + WidgetSpots.rects(FittedText.LINE_SPOT).keySet());
            float[] status = wrote.values().iterator().next();
            assertTrue(status[2] <= panel[2] + 0.5f, "'" + wrote.keySet() + "' ends at x " + status[2] + ", inside the panel's rows (to " + panel[2] + ")");
        } finally {
            WidgetSpots.enable(false);
        }
    }

    /**
     * Every line of text in the control panel ends inside it, wrapped where it is longer: the label keys'
     * line read "1-9: the legend's first nine label", and the count of a column's empty values, beside
     * the range's reset button, ran past the panel's edge.
     */
    @Test
    void everyLineOfTheControlPanelEndsInsideIt() throws Exception {
        int n = 12;
        String[] kind = new String[n], score = new String[n];
        for (int i = 0; i < n; i++) {
            kind[i] = i % 2 == 0 ? "c" : "d";
            score[i] = i % 4 == 0 ? "" : String.valueOf(i * 0.37);
        }
        Bundle b = org.embedscope.bundle.BundleFixture.items(n)
                .layout("a", "A", org.embedscope.bundle.BundleFixture.gaussian(n, 1))
                .labels("kind", java.util.Map.of("c", "cat", "d", "dog"), kind).metadata("score", score)
                .level(16, 4, 4, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255).write(dir.resolve("lines")).load();
        WidgetSpots.enable(true);
        try (OffscreenExplorer x = new OffscreenExplorer(b, 1280, 1400);
             LabelSession labels = LabelSession.open(b, x.scene().state(), dir.resolve("annotations.csv"))) {
            x.setLabels(labels);
            x.scene().state().selectOnly(1);   // the label section's lines show with a selection
            x.frame(-1, -1, true);
            for (int wait = 0; wait < 500 && !x.scene().columnsReady(); wait++) Thread.sleep(10);
            assertNull(x.overlay().colourBy("score"));
            for (int f = 0; f < 4; f++) x.frame(-1, -1, true);
            float[] panel = spot("control-panel");
            java.util.Map<String, float[]> lines = WidgetSpots.rects(FittedText.LINE_SPOT);
            assertTrue(lines.keySet().stream().anyMatch(l -> l.startsWith(FittedText.LINE_SPOT + "1-9: ")), "the label keys' line is drawn: " + lines.keySet());
            assertTrue(lines.keySet().stream().anyMatch(l -> l.endsWith("3 empty (grey)")), "the empty values' count is drawn: " + lines.keySet());
            for (java.util.Map.Entry<String, float[]> line : lines.entrySet()) {
                float[] r = line.getValue();
                assertTrue(r[0] >= panel[0] - 0.5f && r[2] <= panel[2] + 0.5f,
                        "'" + line.getKey() + "' spans x " + r[0] + " to " + r[2] + ", inside the panel's rows (" + panel[0] + " to " + panel[2] + ")");
            }
        } finally {
            WidgetSpots.enable(false);
        }
    }

    /**
     * Names come before counts: Fashion-MNIST's ten names, a thousand items each, fit the legend whole
     * once its counts move to the rows' tooltips (with counts, "Trouser" was cut to "Tr...").
     */
    @Test
    void aLegendDropsItsCountsBeforeCuttingItsNames() throws Exception {
        String[] names = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"};
        int n = 10_000;
        String[] values = new String[n];
        java.util.Map<String, String> shown = new java.util.HashMap<>();
        for (int k = 0; k < names.length; k++) shown.put(String.valueOf(k), names[k]);
        for (int i = 0; i < n; i++) values[i] = String.valueOf(i % names.length);
        Bundle b = org.embedscope.bundle.BundleFixture.items(n)
                .layout("a", "A", org.embedscope.bundle.BundleFixture.gaussian(n, 1))
                .labels("label", shown, values)
                .level(4, 100, 100, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255).write(dir.resolve("fashion")).load();
        WidgetSpots.enable(true);
        try (OffscreenExplorer x = new OffscreenExplorer(b, 1280, 1400);
             LabelSession labels = LabelSession.open(b, x.scene().state(), dir.resolve("annotations.csv"))) {
            x.setLabels(labels);
            for (int f = 0; f < 4; f++) x.frame(-1, -1, true);
            float[] panel = spot("control-panel");
            // The panel's font is monospaced: a name's widget is one character wider per character.
            float coat = width(spot("legend-name:4")), dress = width(spot("legend-name:3")), ch = dress - coat;
            assertTrue(ch > 4, "one character is " + ch + " px");
            for (int k = 0; k < names.length; k++) {
                float[] w = spot("legend-name:" + k);
                assertEquals(coat + (names[k].length() - 4) * ch, width(w), 1f, names[k] + " is shown whole");
                float[] set = spot("legend-set:" + k);
                assertTrue(set[2] <= panel[2] + 0.5f, names[k] + "'s set button ends at " + set[2] + ", inside the panel (" + panel[2] + ")");
            }
        } finally {
            WidgetSpots.enable(false);
        }
    }

    /**
     * The choice between counts and whole names measures a row's room after its colour square, where the
     * name is drawn: it measured the room before the square, so names up to a square's width too long for
     * it kept their counts and were cut (at a million digits, "zero 103,545" read "... 103,545"). Eight
     * names of each length from 5 to 10 characters (and two of 1 and 2, to measure a character by) are
     * all shown whole: with their counts, or, where those leave no room, without.
     */
    @Test
    void aLegendsNamesAreWholeWhereTheyFitWithoutTheirCounts() throws Exception {
        int n = 10_000;
        String[] values = new String[n];
        for (int i = 0; i < n; i++) values[i] = String.valueOf(i % 10);
        for (int length = 5; length <= 10; length++) {
            java.util.Map<String, String> shown = new java.util.HashMap<>();
            for (int k = 0; k < 8; k++) shown.put(String.valueOf(k), String.valueOf((char) ('a' + k)).repeat(length));
            shown.put("8", "x");
            shown.put("9", "xx");
            Bundle b = org.embedscope.bundle.BundleFixture.items(n)
                    .layout("a", "A", org.embedscope.bundle.BundleFixture.gaussian(n, 1))
                    .labels("label", shown, values)
                    .level(4, 100, 100, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255).write(dir.resolve("names" + length)).load();
            WidgetSpots.enable(true);
            try (OffscreenExplorer x = new OffscreenExplorer(b, 1280, 1400);
                 LabelSession labels = LabelSession.open(b, x.scene().state(), dir.resolve("annotations" + length + ".csv"))) {
                x.setLabels(labels);
                for (int f = 0; f < 4; f++) x.frame(-1, -1, true);
                float one = width(spot("legend-name:8")), ch = width(spot("legend-name:9")) - one;
                assertTrue(ch > 4, "one character is " + ch + " px");
                for (int k = 0; k < 8; k++) {
                    assertEquals(one + (length - 1) * ch, width(spot("legend-name:" + k)), 1f,
                            "a name of " + length + " characters, label " + k + ", is shown whole");
                }
            } finally {
                WidgetSpots.enable(false);
            }
        }
    }

    /**
     * The selection panel's breakdown lists its first labels and sums up the rest in a line; where only
     * one label is left over, it is listed instead (the line read "1 more in 1 other labels", in the
     * room the label's own row takes). Ten labels are still summed up, two in one line.
     */
    @Test
    void aBreakdownListsALastLabelRatherThanSummingItUp() throws Exception {
        int rows = SelectionPanel.BREAKDOWN_ROWS;
        for (int labels : new int[] {rows + 1, rows + 2}) {
            int n = 2 * labels;
            String[] values = new String[n];
            java.util.Map<String, String> names = new java.util.HashMap<>();
            for (int k = 0; k < labels; k++) names.put("v" + k, "kind " + k);
            for (int i = 0; i < n; i++) values[i] = "v" + (i % labels);
            Bundle b = org.embedscope.bundle.BundleFixture.items(n).layout("a", "A", org.embedscope.bundle.BundleFixture.gaussian(n, 1))
                    .labels("kind", names, values)
                    .level(16, 8, 8, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255).write(dir.resolve("kinds" + labels)).load();
            WidgetSpots.enable(true);
            try (OffscreenExplorer x = new OffscreenExplorer(b, 1280, 1000)) {
                int[] all = new int[n];
                for (int i = 0; i < n; i++) all[i] = i;
                x.scene().state().setSelection(org.embedscope.select.ItemSet.of(n, all));
                for (int f = 0; f < 3; f++) x.frame(-1, -1, true);
                java.util.Map<String, float[]> listed = WidgetSpots.rects("breakdown:");
                if (labels == rows + 1) {
                    assertEquals(labels, listed.size(), "every one of " + labels + " labels is listed: " + listed.keySet());
                    assertNull(WidgetSpots.rect("breakdown-rest"), "no line sums up a single label");
                } else {
                    assertEquals(rows, listed.size(), "the first " + rows + " of " + labels + " labels are listed: " + listed.keySet());
                    assertNotNull(WidgetSpots.rect("breakdown-rest"), "a line sums up the other two");
                }
            } finally {
                WidgetSpots.enable(false);
            }
        }
    }

    private static float width(float[] rect) { return rect[2] - rect[0]; }

    /**
     * The panels a selection, a pinned item and a hovered item bring keep off the control panel and one
     * another where the window has room, at 1280x800, 800x500 and 640x480 (the neighbours panel was centred
     * on the window, over the control panel, and the selection panel sat over it at the bottom right; at
     * 640x480 the neighbours panel, as tall as the window, covered the selection panel, and that the hover
     * panel), each inside the window; and at 580x440, too narrow for the neighbours panel
     * beside the control panel (it took the window's width, over the control panel).
     */
    @Test
    void theSelectionNeighboursAndHoverPanelsKeepOffOneAnother() throws Exception {
        int n = 20, k = 15;
        Bundle b = org.embedscope.bundle.BundleFixture.items(n).layout("a", "A", org.embedscope.bundle.BundleFixture.gaussian(n, 3))
                .level(16, 8, 8, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255).ringNeighbors(k).write(dir.resolve("nb")).load();
        WidgetSpots.enable(true);
        try {
            for (int[] size : new int[][] {{1280, 800}, {800, 500}, {640, 480}, {580, 440}}) {
                try (OffscreenExplorer x = new OffscreenExplorer(b, size[0], size[1])) {
                    x.scene().state().setSelection(org.embedscope.select.ItemSet.of(n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
                    x.scene().state().pin(3);
                    x.frame(-1, -1, true);   // the fitted view leaves the panel's room from the first frame on
                    int[] cursor = hoverSpot(x);
                    int hovered = -1;
                    for (int f = 0; f < 4; f++) hovered = x.frame(cursor[0], cursor[1], true);
                    assertTrue(hovered >= 0, "an item under " + java.util.Arrays.toString(cursor));
                    String at = size[0] + "x" + size[1] + ": ";
                    String[] panels = {"control-window", "hover-panel", "neighbours-panel", "selection-panel"};
                    for (int i = 0; i < panels.length; i++) {
                        float[] a = spot(panels[i]);
                        assertTrue(a[0] >= 0 && a[1] >= 0 && a[2] <= size[0] && a[3] <= size[1], at + panels[i] + " "
                                + java.util.Arrays.toString(a) + " is inside the window");
                        for (int j = i + 1; j < panels.length; j++) {
                            float[] c = spot(panels[j]);
                            boolean meet = a[0] < c[2] && c[0] < a[2] && a[1] < c[3] && c[1] < a[3];
                            assertFalse(meet, at + panels[i] + " " + java.util.Arrays.toString(a) + " and " + panels[j] + " "
                                    + java.util.Arrays.toString(c) + " overlap");
                        }
                    }
                    assertTrue(height(spot("selection-panel")) >= PanelPlaces.MIN_SELECTION_HEIGHT, at + "the selection panel keeps some height");
                    assertTrue(height(spot("neighbours-panel")) >= PanelPlaces.MIN_NEIGHBOURS_HEIGHT, at + "the neighbours panel keeps some height");
                }
                WidgetSpots.enable(true);   // a fresh map for the next size
            }
        } finally {
            WidgetSpots.enable(false);
        }
    }

    /**
     * In windows too narrow for the neighbours and selection panels beside the control panel (under 480 px),
     * they covered its lower half: drawn, they go below it, which ends above them and scrolls, all inside the window.
     */
    @Test
    void inANarrowWindowThePanelsKeepOffTheControlPanel() throws Exception {
        int n = 20, k = 15;
        Bundle b = org.embedscope.bundle.BundleFixture.items(n).layout("a", "A", org.embedscope.bundle.BundleFixture.gaussian(n, 3))
                .level(16, 8, 8, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255).ringNeighbors(k).write(dir.resolve("nb")).load();
        WidgetSpots.enable(true);
        try {
            for (int[] size : new int[][] {{400, 600}, {320, 480}, {460, 300}}) {
                for (boolean selected : new boolean[] {false, true}) {
                    try (OffscreenExplorer x = new OffscreenExplorer(b, size[0], size[1])) {
                        if (selected) x.scene().state().setSelection(org.embedscope.select.ItemSet.of(n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
                        x.scene().state().pin(3);
                        for (int f = 0; f < 6; f++) x.frame(-1, -1, true);
                        String at = size[0] + "x" + size[1] + (selected ? " with a selection: " : ": ");
                        java.util.List<String> panels = new java.util.ArrayList<>(java.util.List.of("control-window", "neighbours-panel"));
                        if (selected) panels.add("selection-panel");
                        for (int i = 0; i < panels.size(); i++) {
                            float[] a = spot(panels.get(i));
                            assertTrue(a[0] >= 0 && a[1] >= 0 && a[2] <= size[0] && a[3] <= size[1], at + panels.get(i) + " "
                                    + java.util.Arrays.toString(a) + " is inside the window");
                            assertTrue(height(a) >= 40, at + panels.get(i) + " " + java.util.Arrays.toString(a) + " keeps some height");
                            for (int j = i + 1; j < panels.size(); j++) {
                                float[] c = spot(panels.get(j));
                                boolean meet = a[0] < c[2] && c[0] < a[2] && a[1] < c[3] && c[1] < a[3];
                                assertFalse(meet, at + panels.get(i) + " " + java.util.Arrays.toString(a) + " and " + panels.get(j) + " "
                                        + java.util.Arrays.toString(c) + " overlap");
                            }
                        }
                        assertFalse(x.overlay().needsAnotherFrame(), at + "the panels rest");
                    }
                    WidgetSpots.enable(true);   // a fresh map for the next size
                }
            }
        } finally {
            WidgetSpots.enable(false);
        }
    }

    /**
     * In windows narrower than about 480 px the hovered item's panel, at the top right, covered the control
     * panel's top right (found by the QA session): at 400x600 it keeps to the strip beside it, narrower (it was 128 px wide, the strip 106); at
     * 340x640, where that strip is too narrow, it goes below the control panel, which ends above it; inside
     * the window either way, and the panels rest.
     */
    @Test
    void inANarrowWindowTheHoverPanelKeepsOffTheControlPanel() throws Exception {
        int n = 60;
        Bundle b = org.embedscope.bundle.BundleFixture.items(n).layout("a", "A", org.embedscope.bundle.BundleFixture.gaussian(n, 3))
                .level(16, 8, 8, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255).write(dir.resolve("narrow")).load();
        WidgetSpots.enable(true);
        try {
            for (int[] size : new int[][] {{400, 600}, {340, 640}}) {
                try (OffscreenExplorer x = new OffscreenExplorer(b, size[0], size[1])) {
                    x.frame(-1, -1, true);
                    float[] control = spot("control-window");
                    int cx = -1, cy = -1;
                    for (int y = 20; y < size[1] - 20 && cx < 0; y += 4) {
                        for (int px = (int) control[2] + 4; px < size[0] - 4 && cx < 0; px += 4) {
                            if (x.scene().hoverAt(px, y) >= 0 && x.frame(px, y, true) >= 0) { cx = px; cy = y; }
                        }
                    }
                    assertTrue(cx >= 0, size[0] + "x" + size[1] + ": an item to hover right of the control panel");
                    for (int f = 0; f < 8 && (f < 3 || x.overlay().needsAnotherFrame()); f++) x.frame(cx, cy, true);
                    String at = size[0] + "x" + size[1] + ": ";
                    float[] hover = spot("hover-panel");
                    control = spot("control-window");
                    String where = at + "the hover panel " + java.util.Arrays.toString(hover) + ", the control panel " + java.util.Arrays.toString(control);
                    assertTrue(hover[0] >= 0 && hover[1] >= 0 && hover[2] <= size[0] && hover[3] <= size[1], where + ": inside the window");
                    assertFalse(hover[0] < control[2] && control[0] < hover[2] && hover[1] < control[3] && control[1] < hover[3], where + " overlap");
                    if (size[0] == 400) assertTrue(hover[1] <= PanelPlaces.MARGIN + 0.5f, where + ": beside it, at the top");
                    else assertTrue(hover[1] >= control[3], where + ": below it");
                    assertFalse(x.overlay().needsAnotherFrame(), at + "the panels rest");
                }
                WidgetSpots.enable(true);   // a fresh map for the next size
            }
        } finally {
            WidgetSpots.enable(false);
        }
    }

    /**
     * A selection panel folded to its title bar (the arrow on it) takes that bar's height only, at its top
     * when open, and the neighbours panel takes the rest below it: folded, it kept its whole place at 640x480, and the
     * neighbours panel below it stayed as far down and as short. Opened again, both are where they were.
     */
    @Test
    void aFoldedSelectionPanelLeavesItsPlaceToTheNeighboursPanel() throws Exception {
        int n = 20, k = 15;
        Bundle b = org.embedscope.bundle.BundleFixture.items(n).layout("a", "A", org.embedscope.bundle.BundleFixture.gaussian(n, 3))
                .level(16, 8, 8, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255).ringNeighbors(k).write(dir.resolve("nb")).load();
        WidgetSpots.enable(true);
        try (OffscreenExplorer x = new OffscreenExplorer(b, 640, 480)) {
            x.scene().state().setSelection(org.embedscope.select.ItemSet.of(n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
            x.scene().state().pin(3);
            x.frame(-1, -1, true);
            // An item hovered once: the hover panel's space is then kept, wherever the pointer goes.
            int[] cursor = hoverSpot(x);
            for (int f = 0; f < 4; f++) x.frame(cursor[0], cursor[1], true);
            float[] open = spot("selection-panel"), neighbours = spot("neighbours-panel");
            clickIn(x, "selection-panel:collapse");
            float[] folded = spot("selection-panel"), below = spot("neighbours-panel");
            assertEquals(imgui.ImGui.getFrameHeight(), height(folded), 0.5f, "folded: its title bar " + java.util.Arrays.toString(folded));
            assertEquals(open[1], folded[1], 0.5f, "at its top when open: its arrow stays under the pointer");
            assertEquals(below[1] - PanelPlaces.MARGIN, folded[3], 0.5f, "right above the neighbours panel " + java.util.Arrays.toString(below));
            assertTrue(height(below) > height(neighbours) + 50, "which takes the rest: " + java.util.Arrays.toString(below) + ", was "
                    + java.util.Arrays.toString(neighbours));
            clickIn(x, "selection-panel:collapse");
            assertArrayEquals(open, spot("selection-panel"), 0.5f, "opened again: where it was");
            assertArrayEquals(neighbours, spot("neighbours-panel"), 0.5f, "the neighbours panel too");
        } finally {
            WidgetSpots.enable(false);
        }
    }

    /** Clicks widget {@code name} of the last frame with imgui's mouse events, and draws what the click does. */
    private static void clickIn(OffscreenExplorer x, String name) {
        float[] c = WidgetSpots.centre(name);
        assertNotNull(c, name + " is drawn");
        int cx = Math.round(c[0]), cy = Math.round(c[1]);
        x.frame(cx, cy, true);
        imgui.ImGui.getIO().addMouseButtonEvent(0, true);
        x.frame(cx, cy, true);
        imgui.ImGui.getIO().addMouseButtonEvent(0, false);
        for (int f = 0; f < 4; f++) x.frame(cx, cy, true);
    }

    /** A cursor position over an item, right of the control panel and above the bottom panels. */
    private static int[] hoverSpot(OffscreenExplorer x) {
        for (int y = 20; y < x.height() / 3; y += 3) {
            for (int px = (int) Overlay.insetPx(1f) + 10; px < x.width() - 150; px += 3) {
                if (x.scene().hoverAt(px, y) >= 0) return new int[] {px, y};
            }
        }
        fail("no item under the cursor in the top third of the view");
        return null;
    }

    private static float height(float[] r) { return r[3] - r[1]; }

    /**
     * A selection some of whose items are hidden says how many show, and its panel's row keeps the
     * longer count, "clear" and "dim the rest" inside the panel (they move to the next row when they do not fit).
     */
    @Test
    void aSelectionOfHiddenItemsSaysHowManyShowInsideThePanel() throws Exception {
        int n = 120_000;
        String[] values = new String[n];
        for (int i = 0; i < n; i++) values[i] = i % 3 == 0 ? "x" : "y";
        Bundle b = org.embedscope.bundle.BundleFixture.items(n)
                .layout("a", "A", org.embedscope.bundle.BundleFixture.gaussian(n, 1))
                .labels("kind", java.util.Map.of(), values)
                .level(4, 100, 100, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255).write(dir.resolve("many")).load();
        WidgetSpots.enable(true);
        try (OffscreenExplorer x = new OffscreenExplorer(b, 1280, 900)) {
            org.embedscope.render.ViewState st = x.scene().state();
            st.setSelection(org.embedscope.select.ItemSet.all(n));
            st.setShown(0, false);
            assertEquals("120,000 selected, 80,000 shown", st.selectedText());
            for (int f = 0; f < 4; f++) x.frame(-1, -1, true);
            float[] content = spot("selection-content");
            for (String name : new String[] {"selection-count", "selection-dim"}) {
                float[] w = spot(name);
                assertTrue(w[0] >= content[0] - 0.5f && w[2] <= content[2] + 0.5f,
                        name + " spans x " + w[0] + " to " + w[2] + ", inside the selection panel's rows (" + content[0] + " to " + content[2] + ")");
            }
        } finally {
            WidgetSpots.enable(false);
        }
    }

    /**
     * In a small window the selection panel takes the hover panel's space; while an item is hovered its
     * panel is drawn in front, so that its lines can be read (they had been behind the selection's grid).
     */
    @Test
    void inASmallWindowTheHoveredItemsPanelIsInFrontOfTheSelection() throws Exception {
        int n = 60;
        Bundle b = org.embedscope.bundle.BundleFixture.items(n)
                .layout("a", "A", org.embedscope.bundle.BundleFixture.gaussian(n, 3))
                .level(16, 8, 8, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255).write(dir.resolve("small")).load();
        WidgetSpots.enable(true);
        try (OffscreenExplorer x = new OffscreenExplorer(b, 720, 260)) {
            x.setPanelOpen(false);
            x.frame(-1, -1, true);
            // A spot of the scene with an item under it.
            int cx = -1, cy = -1;
            for (int y = 20; y < 240 && cx < 0; y += 4) {
                for (int px = 20; px < 360 && cx < 0; px += 4) {
                    if (x.frame(px, y, true) >= 0) { cx = px; cy = y; }
                }
            }
            assertTrue(cx >= 0, "an item to hover");
            for (int f = 0; f < 3; f++) x.frame(cx, cy, true);
            int[] alone = FramePixels.of(x);
            float[] hover = spot("hover-panel");
            x.scene().state().setSelection(org.embedscope.select.ItemSet.all(n));
            for (int f = 0; f < 4; f++) x.frame(cx, cy, true);
            int[] withSelection = FramePixels.of(x);
            float[] selection = x.overlay().selectionRect();
            assertNotNull(selection, "the selection panel shows");
            assertTrue(selection[1] < hover[3] && selection[0] < hover[2], "it takes the hover panel's space: " + java.util.Arrays.toString(selection)
                    + " and " + java.util.Arrays.toString(hover));
            // The hover panel's text (near-white pixels when alone) is as bright over the selection panel.
            int text = 0, covered = 0;
            for (int y = (int) hover[1]; y < (int) hover[3]; y++) {
                for (int px = (int) hover[0]; px < (int) hover[2]; px++) {
                    int a = alone[y * x.width() + px];
                    if (!bright(a, 230)) continue;
                    text++;
                    if (!bright(withSelection[y * x.width() + px], 200)) covered++;
                }
            }
            assertTrue(text > 100, "the hover panel's lines: " + text + " bright pixels");
            assertEquals(0, covered, covered + " of its " + text + " bright pixels are covered");
        } finally {
            WidgetSpots.enable(false);
        }
    }

    /**
     * In a window too small for the hovered item's panel (320x200, an item of five lines, one of them
     * 60 characters), the panel stays inside the window, its image smaller and its last line in view: it
     * ran off the window's bottom and its left edge, and, taking no input, it cannot be scrolled.
     */
    @Test
    void inASmallWindowTheHoverPanelFitsWithItsLines() throws Exception {
        int n = 60;
        String[] file = new String[n], note = new String[n], size = new String[n];
        for (int i = 0; i < n; i++) {
            file[i] = "image-" + i + ".png";
            note[i] = "a note on this item that runs on for sixty characters or so " + i;
            size[i] = String.valueOf(100 + i);
        }
        Bundle b = org.embedscope.bundle.BundleFixture.items(n)
                .layout("a", "A", org.embedscope.bundle.BundleFixture.gaussian(n, 3))
                .metadata("file", file).metadata("note", note).metadata("size", size)
                .level(16, 8, 8, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255).write(dir.resolve("lines")).load();
        WidgetSpots.enable(true);
        int width = 320, height = 200;
        try (OffscreenExplorer x = new OffscreenExplorer(b, width, height)) {
            x.setPanelOpen(false);
            x.frame(-1, -1, true);
            int cx = -1, cy = -1;
            for (int y = 40; y < height - 20 && cx < 0; y += 4) {
                for (int px = 20; px < width - 20 && cx < 0; px += 4) {
                    if (x.frame(px, y, true) >= 0) { cx = px; cy = y; }
                }
            }
            assertTrue(cx >= 0, "an item to hover");
            for (int f = 0; f < 3; f++) assertTrue(x.frame(cx, cy, true) >= 0, "the item stays hovered");
            float[] panel = spot("hover-panel"), last = spot("hover-last-line");
            String where = "the hover panel " + java.util.Arrays.toString(panel);
            assertTrue(panel[0] >= 0 && panel[1] >= 0 && panel[2] <= width && panel[3] <= height, where + " is inside the window");
            assertTrue(last[3] <= panel[3] && last[2] <= panel[2], where + " shows its last line whole: " + java.util.Arrays.toString(last));
        } finally {
            WidgetSpots.enable(false);
        }
    }

    /**
     * In a window shorter than the hovered item's lines even with its image at its least (320x120, an item of
     * four lines), the panel shows the lines that fit whole, the last saying how many more there are: the
     * lines ran on past the panel's bottom, the window's edge, and were cut there.
     */
    @Test
    void inAWindowShorterThanItsLinesTheHoverPanelShowsThoseThatFit() throws Exception {
        int n = 60;
        String[] file = new String[n], note = new String[n], size = new String[n];
        for (int i = 0; i < n; i++) {
            file[i] = "image-" + i + ".png";
            note[i] = "a note on item " + i;
            size[i] = String.valueOf(100 + i);
        }
        Bundle b = org.embedscope.bundle.BundleFixture.items(n)
                .layout("a", "A", org.embedscope.bundle.BundleFixture.gaussian(n, 3))
                .metadata("file", file).metadata("note", note).metadata("size", size)
                .level(16, 8, 8, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255).write(dir.resolve("short")).load();
        WidgetSpots.enable(true);
        int width = 320, height = 120;
        try (OffscreenExplorer x = new OffscreenExplorer(b, width, height)) {
            x.setPanelOpen(false);
            x.frame(-1, -1, true);
            int cx = -1, cy = -1;
            for (int y = 30; y < height - 10 && cx < 0; y += 3) {
                for (int px = 10; px < width - 10 && cx < 0; px += 3) {
                    if (x.frame(px, y, true) >= 0) { cx = px; cy = y; }
                }
            }
            assertTrue(cx >= 0, "an item to hover");
            for (int f = 0; f < 4; f++) assertTrue(x.frame(cx, cy, true) >= 0, "the item stays hovered");
            float[] panel = spot("hover-panel");
            String where = "the hover panel " + java.util.Arrays.toString(panel);
            assertTrue(panel[0] >= 0 && panel[1] >= 0 && panel[2] <= width && panel[3] <= height, where + " is inside the window");
            java.util.Map<String, float[]> lines = WidgetSpots.rects("hover-l");   // hover-line:k, and hover-last-line where the last shows
            assertFalse(lines.isEmpty(), "some of its lines show");
            float padY = imgui.ImGui.getStyle().getWindowPaddingY();
            lines.forEach((name, r) -> assertTrue(r[3] <= panel[3] - padY + 0.5f, where + ": " + name + " " + java.util.Arrays.toString(r)
                    + " shows whole, inside its padding"));
            assertNull(WidgetSpots.rect("hover-last-line"), "its last line does not fit");
            assertEquals(PanelPlaces.MIN_HOVER_IMAGE, height(spot("hover-image")), 0.5f, "its image at its least");
        } finally {
            WidgetSpots.enable(false);
        }
    }

    /**
     * The space the selection panel keeps clear for the hover panel is that panel's height in the window
     * as it is: made narrower (1280x800 to 100x360), the hover panel's image shrinks to the width, and the
     * selection panel had kept the larger window's hover panel's height, starting lower than it needed.
     */
    @Test
    void theHoverPanelsSpaceFollowsItsHeightInASmallerWindow() throws Exception {
        int n = 60;
        String[] file = new String[n];
        for (int i = 0; i < n; i++) file[i] = "image-" + i + ".png";
        Bundle b = org.embedscope.bundle.BundleFixture.items(n)
                .layout("a", "A", org.embedscope.bundle.BundleFixture.gaussian(n, 3)).metadata("file", file)
                .level(16, 8, 8, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255).write(dir.resolve("resized")).load();
        WidgetSpots.enable(true);
        try (OffscreenExplorer x = new OffscreenExplorer(b, 1280, 800)) {
            x.setPanelOpen(false);
            x.frame(-1, -1, true);
            int[] cursor = hoverSpot(x);
            for (int f = 0; f < 4; f++) assertTrue(x.frame(cursor[0], cursor[1], true) >= 0, "an item hovered");
            float large = height(spot("hover-panel"));
            x.scene().state().setSelection(org.embedscope.select.ItemSet.all(n));
            x.resize(100, 360);
            for (int f = 0; f < 4; f++) x.frame(-1, -1, true);
            float pad = 2 * imgui.ImGui.getStyle().getWindowPaddingX(), m = PanelPlaces.MARGIN;
            float image = 100 - 2 * m - pad;   // the image the width leaves
            assertTrue(image < Overlay.THUMBNAIL_PX - 20, "the image shrinks to " + image);
            float expected = m + (large - Overlay.THUMBNAIL_PX + image) + m;
            float[] selection = x.overlay().selectionRect();
            assertNotNull(selection, "the selection panel shows");
            assertEquals(expected, selection[1], 1.5f, "the selection panel starts a margin below the hover panel as this window draws it ("
                    + large + " px tall in the larger one): " + java.util.Arrays.toString(selection));
        } finally {
            WidgetSpots.enable(false);
        }
    }

    /** The selection panel is as tall as its lines and thumbnails need: one item had a 460-px panel, mostly empty. */
    @Test
    void theSelectionPanelIsNoTallerThanWhatItShows() throws Exception {
        int n = 300;
        Bundle b = org.embedscope.bundle.BundleFixture.items(n)
                .layout("a", "A", org.embedscope.bundle.BundleFixture.gaussian(n, 5))
                .level(16, 20, 15, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255).write(dir.resolve("few")).load();
        try (OffscreenExplorer x = new OffscreenExplorer(b, 1280, 800)) {
            var st = x.scene().state();
            st.setSelection(org.embedscope.select.ItemSet.all(n));
            for (int f = 0; f < 3; f++) x.frame(-1, -1, true);
            float[] many = x.overlay().selectionRect();
            for (int k : new int[] {1, 7, 12}) {
                st.setSelection(org.embedscope.select.ItemSet.of(n, java.util.stream.IntStream.range(0, k).toArray()));
                for (int f = 0; f < 3; f++) x.frame(-1, -1, true);
                float[] few = x.overlay().selectionRect();
                assertEquals(many[3], few[3], 0.5f, k + " selected: the bottom stays");
                assertTrue(few[3] - few[1] < many[3] - many[1] - 100, k + " selected: shorter than " + java.util.Arrays.toString(many)
                        + ": " + java.util.Arrays.toString(few));
                float half = SelectionPanel.THUMB_PX / 2;
                for (int t = 0; t < k; t++) {
                    float[] c = x.overlay().thumbnailCentre(t);
                    assertNotNull(c, k + " selected: thumbnail " + t + " drawn");
                    assertTrue(c[1] - half >= few[1] && c[1] + half <= few[3] + 0.5f, k + " selected: thumbnail " + t + " at y " + c[1]
                            + " whole inside " + java.util.Arrays.toString(few));
                }
            }
        }
    }

    private static boolean bright(int rgba, int level) {
        for (int sh = 0; sh < 24; sh += 8) if (((rgba >>> sh) & 255) < level) return false;
        return true;
    }
}
