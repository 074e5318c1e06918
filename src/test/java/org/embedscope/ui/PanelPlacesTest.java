package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Where the neighbours and selection panels go, beside the control panel and below the hover panel. */
class PanelPlacesTest {
    private static final float[] CONTROL_LEFT = {10, 10, 280, 790};

    @Test
    void theNeighboursPanelKeepsToTheWiderSideOfTheControlPanel() {
        PanelPlaces p = new PanelPlaces(1f);
        p.update(1280, 800, CONTROL_LEFT, 0, null, 0);
        assertArrayEquals(new float[] {290, 1270}, p.neighboursStrip(), "right of the panel at the left");
        p.update(1280, 800, new float[] {990, 10, 1260, 790}, 0, null, 0);
        assertArrayEquals(new float[] {10, 980}, p.neighboursStrip(), "left of a panel dragged to the right");
        p.update(1280, 800, null, 0, null, 0);
        assertArrayEquals(new float[] {10, 1270}, p.neighboursStrip(), "the whole width beside the slim bar");
    }

    /**
     * In a window too narrow for the neighbours panel beside the control panel, it took the window's width
     * and covered the control panel (only H uncovered the control panel's widgets).
     */
    @Test
    void aWindowTooNarrowBesideTheControlPanelLeavesBothPanelsInReach() {
        PanelPlaces p = new PanelPlaces(1f);
        float[] shortControl = {10, 10, 274, 500};
        p.update(600, 800, shortControl, 0, null, 300);
        assertArrayEquals(new float[] {10, 590}, p.neighboursStrip(), "below a short control panel: the window's width");
        assertEquals(280, p.neighboursHeight(), "from below the control panel to the window's bottom");
        p.wantSelection(PanelPlaces.UNKNOWN);
        assertArrayEquals(new float[] {284, 250, 590, 515}, p.selection(), "a selection above it, beside the control panel");
        assertEquals(265, p.neighboursHeight(), "the two sharing the height below the hover panel's space");
        p.update(600, 400, new float[] {10, 10, 274, 390}, 0, null, 300);
        assertArrayEquals(new float[] {284, 590}, p.neighboursStrip(), "beside a control panel as tall as the window: the strip, narrower");
        assertEquals(380, p.neighboursHeight());
        p.update(600, 400, CONTROL_LEFT, 0, null, 300);
        assertArrayEquals(new float[] {290, 590}, p.neighboursStrip(), "a control panel past the window's bottom: the strip too");
        float[] drawn = settle(p, 400, 300, new float[] {10, 10, 274, 290}, 300, 0);
        assertArrayEquals(new float[] {10, 390}, p.neighboursStrip(), "no room beside it or below it: the window's width");
        assertEquals(140, p.neighboursHeight(), "below the control panel, which yields it half the window");
        assertEquals(140, drawn[3], "the control panel ends above it, scrolling");
    }

    /**
     * In windows narrower than the control panel and the narrowest neighbours panel (under 480 px), the
     * neighbours panel covered the lower half of the control panel, and the selection panel covered it
     * too: they now go below it, the control panel yielding them room (it scrolls), and no two of them meet.
     */
    @Test
    void inANarrowWindowThePanelsGoBelowTheControlPanelWhichYields() {
        for (float[] size : new float[][] {{400, 600}, {320, 480}, {460, 300}, {420, 480}}) {
            float w = size[0], h = size[1];
            float[] control = {10, 10, Math.min(274, w - 10), h - 10};   // as tall as the window: it scrolls
            for (float[] wants : new float[][] {{300, 0}, {0, 200}, {300, 200}, {PanelPlaces.UNKNOWN, PanelPlaces.UNKNOWN}}) {
                PanelPlaces p = new PanelPlaces(1f);
                float[] drawn = settle(p, w, h, control, wants[0], wants[1]);
                String at = (int) w + "x" + (int) h + " wanting " + java.util.Arrays.toString(wants) + ": ";
                java.util.List<float[]> panels = new java.util.ArrayList<>(java.util.List.of(drawn));
                if (wants[0] > 0) panels.add(neighbours(p, h));
                if (wants[1] > 0) panels.add(p.selection());
                for (int i = 0; i < panels.size(); i++) {
                    float[] a = panels.get(i);
                    assertTrue(a[0] >= 0 && a[1] >= 0 && a[2] <= w && a[3] <= h && a[3] > a[1], at + java.util.Arrays.toString(a) + " inside the window");
                    for (int j = i + 1; j < panels.size(); j++) {
                        float[] c = panels.get(j);
                        assertFalse(a[0] < c[2] && c[0] < a[2] && a[1] < c[3] && c[1] < a[3],
                                at + java.util.Arrays.toString(a) + " and " + java.util.Arrays.toString(c) + " overlap");
                    }
                }
                assertTrue(drawn[3] >= h / 2 - PanelPlaces.MARGIN - 0.5f, at + "the control panel keeps half the window: " + java.util.Arrays.toString(drawn));
            }
        }
    }

    /**
     * In windows narrower than about 480 px the hovered item's panel, at the top right, covered the control
     * panel's top right (found by the QA session): it keeps to the strip beside it, narrower, where that is
     * {@link PanelPlaces#MIN_HOVER_WIDTH} wide, else it goes below it, the control panel yielding it room as
     * for the others (its space kept while nothing is hovered). Where the window's lower half holds it and
     * the others' least, no two panels meet; where it does not, the hover panel takes their space (drawn
     * in front of them while it shows), never the control panel's.
     */
    @Test
    void inANarrowWindowTheHoverPanelKeepsOffTheControlPanel() {
        float hoverW = 150, hoverH = 200, m = PanelPlaces.MARGIN;
        for (float[] size : new float[][] {{470, 600}, {400, 600}, {380, 600}, {320, 480}, {320, 800}, {460, 300}, {420, 480}}) {
            float w = size[0], h = size[1];
            for (float[] natural : new float[][] {{10, 10, 274, 200}, {10, 10, 274, h - 10}}) {
                for (float[] wants : new float[][] {{0, 0}, {300, 0}, {0, 200}, {300, 200}, {PanelPlaces.UNKNOWN, PanelPlaces.UNKNOWN}}) {
                    PanelPlaces p = new PanelPlaces(1f);
                    float[] drawn = settle(p, w, h, natural, wants[0], wants[1], hoverH);
                    String at = (int) w + "x" + (int) h + ", control panel " + java.util.Arrays.toString(natural) + ", wanting "
                            + java.util.Arrays.toString(wants) + ": ";
                    float[] a = p.hoverArea();
                    float[] hover = {a[0] - Math.min(hoverW, a[2]), a[1], a[0], a[1] + Math.min(hoverH, a[3])};
                    float strip = w - m - (natural[2] + m);
                    if (strip >= PanelPlaces.MIN_HOVER_WIDTH) {
                        assertEquals(m, a[1], at + "at the top");
                        assertEquals(Math.min(hoverW, strip), hover[2] - hover[0], at + "in the strip beside the control panel");
                    } else {
                        assertEquals(drawn[3] + m, a[1], at + "below the control panel as drawn");
                    }
                    java.util.List<float[]> others = new java.util.ArrayList<>();
                    if (wants[0] > 0) others.add(neighbours(p, h));
                    if (wants[1] > 0) others.add(p.selection());
                    // Room for all: below the hover panel beside the control panel, or in the band below the control panel.
                    float othersLeast = others.size() * 110 + Math.max(0, others.size() - 1) * m, least = hoverH + m + othersLeast;
                    boolean room = strip >= PanelPlaces.MIN_HOVER_WIDTH ? h - 3 * m - hoverH >= othersLeast
                            : h - m - (natural[3] + m) >= least || (h - 2 * m) / 2 >= least;
                    java.util.List<float[]> panels = new java.util.ArrayList<>(java.util.List.of(drawn, hover));
                    panels.addAll(others);
                    for (int i = 0; i < panels.size(); i++) {
                        float[] r = panels.get(i);
                        assertTrue(r[0] >= 0 && r[1] >= 0 && r[2] <= w && r[3] <= h && r[3] > r[1], at + java.util.Arrays.toString(r) + " inside the window");
                        for (int j = i + 1; j < panels.size(); j++) {
                            if (i == 1 && !room) continue;   // the hover panel over the others: no room for all
                            float[] c = panels.get(j);
                            assertFalse(r[0] < c[2] && c[0] < r[2] && r[1] < c[3] && c[1] < r[3],
                                    at + java.util.Arrays.toString(r) + " and " + java.util.Arrays.toString(c) + " overlap");
                        }
                    }
                    assertTrue(drawn[3] >= Math.min(natural[3], h / 2 - m - 0.5f), at + "the control panel keeps half the window: "
                            + java.util.Arrays.toString(drawn));
                }
            }
        }
        PanelPlaces low = new PanelPlaces(1f);
        settle(low, 340, 600, new float[] {10, 400, 274, 590}, 0, 0, 200);
        assertArrayEquals(new float[] {330, 10, 320, 380}, low.hoverArea(), "a control panel dragged to the bottom: above it");
        PanelPlaces wide = new PanelPlaces(1f);
        wide.update(1280, 800, CONTROL_LEFT, 0, null, 0);
        assertArrayEquals(new float[] {1270, 10, 980, 780}, wide.hoverArea(), "a wide window: the top right, as wide as the strip");
        PanelPlaces right = new PanelPlaces(1f);
        float[] atRight = settle(right, 1280, 800, new float[] {1016, 10, 1270, 700}, 0, 0, 200);
        assertArrayEquals(new float[] {1006, 10, 996, 780}, right.hoverArea(), "a control panel dragged to the right: left of it");
        assertEquals(700, atRight[3], "which keeps its height");
    }

    /** A short control panel in a narrow window keeps its height: the panels take what it leaves below it. */
    @Test
    void aShortControlPanelInANarrowWindowDoesNotYield() {
        PanelPlaces p = new PanelPlaces(1f);
        float[] drawn = settle(p, 400, 600, new float[] {10, 10, 274, 300}, 500, 0);
        assertEquals(300, drawn[3], "its whole height");
        assertEquals(280, p.neighboursHeight(), "the neighbours panel from below it to the window's bottom");
        drawn = settle(p, 400, 600, new float[] {10, 10, 274, 300}, 0, 200);
        assertEquals(300, drawn[3]);
        assertArrayEquals(new float[] {60, 390, 390, 590}, p.selection(), "the selection as tall as it wants, below it");
    }

    /**
     * Frames of the panels as the overlay draws them until they rest: a control panel {@code natural} as
     * tall as its content, drawn no lower than the places' limit, and the neighbours and selection panels
     * wanting {@code neighboursWants} and {@code selectionWants} (0: not shown). The control panel as drawn last.
     */
    private static float[] settle(PanelPlaces p, float w, float h, float[] natural, float neighboursWants, float selectionWants) {
        return settle(p, w, h, natural, neighboursWants, selectionWants, 0);
    }

    /** As above, with a hover panel {@code hoverHeight} tall once drawn (0: never drawn). */
    private static float[] settle(PanelPlaces p, float w, float h, float[] natural, float neighboursWants, float selectionWants,
            float hoverHeight) {
        float[] drawn = natural.clone(), nb = null;
        float limit = PanelPlaces.UNKNOWN;
        for (int f = 0; f < 4; f++) {
            drawn = new float[] {natural[0], natural[1], natural[2], Math.min(natural[3], limit)};
            p.update(w, h, drawn, natural[3], hoverHeight > 0 ? PanelPlaces.MARGIN + hoverHeight : 0, nb, neighboursWants);
            p.wantSelection(selectionWants);
            nb = neighboursWants > 0 ? neighbours(p, h) : null;
            limit = p.controlBottomLimit();
        }
        return drawn;
    }

    /** The neighbours panel at its tallest: at the bottom of its strip. */
    private static float[] neighbours(PanelPlaces p, float h) {
        float[] strip = p.neighboursStrip();
        return new float[] {strip[0], h - PanelPlaces.MARGIN - p.neighboursHeight(), strip[1], h - PanelPlaces.MARGIN};
    }

    @Test
    void theSelectionPanelSitsBelowTheHoverPanelAndAboveTheNeighboursPanel() {
        PanelPlaces p = new PanelPlaces(1f);
        p.update(1280, 800, CONTROL_LEFT, 0, null, 0);
        p.wantSelection(PanelPlaces.UNKNOWN);
        assertArrayEquals(new float[] {940, 330, 1270, 790}, p.selection(), "alone: the bottom right, its full height");
        p.update(1280, 800, CONTROL_LEFT, 300, new float[] {290, 560, 1010, 790}, 230);
        p.wantSelection(PanelPlaces.UNKNOWN);
        assertArrayEquals(new float[] {940, 310, 1270, 550}, p.selection(), "between the hover panel and the neighbours panel");
        assertEquals(230, p.neighboursHeight(), "the neighbours panel as tall as it wants");
        p.update(1920, 1000, CONTROL_LEFT, 300, new float[] {290, 760, 1010, 990}, 230);
        p.wantSelection(PanelPlaces.UNKNOWN);
        assertArrayEquals(new float[] {1580, 530, 1910, 990}, p.selection(), "beside a neighbours panel it does not meet");
        assertEquals(980, p.neighboursHeight(), "which may be as tall as the window");
    }

    /** A selection of one item had a panel of 460 px, mostly an empty grid. */
    @Test
    void theSelectionPanelIsAsTallAsItWants() {
        PanelPlaces p = new PanelPlaces(1f);
        p.update(1280, 800, CONTROL_LEFT, 300, null, 0);
        p.wantSelection(120);
        assertArrayEquals(new float[] {940, 670, 1270, 790}, p.selection(), "at the bottom right, 120 px tall");
        p.wantSelection(2000);
        assertArrayEquals(new float[] {940, 330, 1270, 790}, p.selection(), "no taller than its tallest");
        p.update(1280, 800, CONTROL_LEFT, 300, new float[] {290, 560, 1010, 790}, 230);
        p.wantSelection(120);
        assertArrayEquals(new float[] {940, 430, 1270, 550}, p.selection(), "above the neighbours panel, as tall as it wants");
    }

    /**
     * At 640x480 with an item hovered, one pinned and a selection, the neighbours panel (as tall as the
     * window, in a strip three thumbnails wide) covered the selection panel, which covered the hover panel.
     */
    @Test
    void aSmallWindowStacksTheHoverSelectionAndNeighboursPanels() {
        PanelPlaces p = new PanelPlaces(1f);
        float[] control = {10, 10, 274, 470};
        p.update(640, 480, control, 220, new float[] {284, 20, 630, 470}, 450);
        p.wantSelection(200);
        float[] s = p.selection();
        assertArrayEquals(new float[] {300, 230, 630, 345}, s, "below the hover panel, half of what is left");
        assertEquals(115, p.neighboursHeight(), "the other half, below the selection panel");
        assertTrue(s[3] + PanelPlaces.MARGIN <= 470 - p.neighboursHeight(), "apart by the margin");
        p.update(640, 480, control, 220, new float[] {284, 20, 630, 470}, 60);
        p.wantSelection(200);
        assertArrayEquals(new float[] {300, 230, 630, 400}, p.selection(), "a short neighbours panel leaves the rest to the selection");
        assertEquals(60, p.neighboursHeight());
    }

    /** A selection panel folded to its title bar kept its whole place, and the neighbours panel below it stayed as short. */
    @Test
    void aFoldedSelectionPanelKeepsItsTopAndLeavesTheRestToTheNeighboursPanel() {
        PanelPlaces p = new PanelPlaces(1f);
        p.update(640, 480, new float[] {10, 10, 274, 470}, 220, new float[] {284, 20, 630, 470}, 450);
        p.wantSelection(200, 19);
        assertArrayEquals(new float[] {300, 230, 630, 249}, p.selection(), "its title bar, at its top when open");
        assertEquals(211, p.neighboursHeight(), "the neighbours panel from below it to the window's bottom");
        p.update(1280, 800, CONTROL_LEFT, 300, null, 0);
        p.wantSelection(120, 19);
        assertArrayEquals(new float[] {940, 670, 1270, 689}, p.selection(), "alone: its title bar, at its top when open");
    }

    @Test
    void aShortWindowGivesUpTheHoverPanelsSpaceWhereThePanelsWouldBeTooShort() {
        PanelPlaces p = new PanelPlaces(1f);
        p.update(800, 500, CONTROL_LEFT, 250, new float[] {290, 160, 730, 490}, 330);
        p.wantSelection(PanelPlaces.UNKNOWN);
        assertArrayEquals(new float[] {460, 260, 790, 370}, p.selection(), "below the hover panel while each keeps its least");
        assertEquals(110, p.neighboursHeight());
        p.update(800, 400, CONTROL_LEFT, 250, new float[] {290, 60, 730, 390}, 330);
        p.wantSelection(PanelPlaces.UNKNOWN);
        assertArrayEquals(new float[] {460, 10, 790, 195}, p.selection(), "too short for that: over the hover panel's space, half each");
        assertEquals(185, p.neighboursHeight());
    }

    @Test
    void theSelectionPanelKeepsOffTheControlPanelWhileItCanStayWideEnough() {
        PanelPlaces p = new PanelPlaces(1f);
        float[] control = {10, 10, 274, 470};
        p.update(500, 480, control, 0, null, 0);
        assertArrayEquals(new float[] {284, 490}, p.selectionColumns(), "right of the control panel, narrower");
        p.update(420, 480, control, 0, null, 0);
        assertArrayEquals(new float[] {80, 410}, p.selectionColumns(), "no room for it there: its own width, below the control panel");
        p.wantSelection(200);
        assertEquals(470 - 200 - PanelPlaces.MARGIN, p.controlBottomLimit(), "the control panel yields it what it wants, up to half the window");
        p.update(420, 480, new float[] {10, 10, 274, 260}, 470, 0, null, 0);
        p.wantSelection(200);
        assertArrayEquals(new float[] {80, 270, 410, 470}, p.selection(), "below the control panel, which scrolls");
        p.update(420, 480, null, 0, null, 0);
        assertArrayEquals(new float[] {80, 410}, p.selectionColumns(), "beside the slim bar: its own width");
    }

    /** In a small window the hover panel's lines ran off the window: it fits it, its image shrinking to leave them in view. */
    @Test
    void theHoverPanelFitsTheWindowItsImageShrinking() {
        PanelPlaces p = new PanelPlaces(1f);
        assertEquals(Overlay.THUMBNAIL_PX, p.hoverImageSide(1280, 800, 16, 120), "its full size where it fits");
        assertEquals(60, p.hoverImageSide(320, 200, 16, 120), "in a short window, what its lines leave");
        assertEquals(84, p.hoverImageSide(120, 800, 16, 120), "in a narrow one, what its padding leaves");
        assertEquals(PanelPlaces.MIN_HOVER_IMAGE, p.hoverImageSide(320, 100, 16, 120), "no less than its least");
        assertArrayEquals(new float[] {300, 180}, p.hoverLargest(320, 200), "no larger than the window less its margins");
        PanelPlaces twice = new PanelPlaces(2f);
        assertEquals(2 * Overlay.THUMBNAIL_PX, twice.hoverImageSide(2560, 1600, 32, 240));
        assertEquals(100, twice.hoverImageSide(640, 400, 32, 260));
    }

    /**
     * The space the other panels keep for the hover panel is its height as drawn in this window: it kept the
     * height of the panel in a larger window, or before its image shrank, and the panels below it lost room for nothing.
     */
    @Test
    void theHoverPanelsHeightIsAsDrawnInTheWindow() {
        PanelPlaces p = new PanelPlaces(1f);
        assertEquals(120 + Overlay.THUMBNAIL_PX, p.hoverHeight(1280, 800, 16, 120), "its lines and its whole image");
        assertEquals(120 + 84, p.hoverHeight(120, 800, 16, 120), "in a narrow window, the image the width leaves");
        assertEquals(180, p.hoverHeight(320, 200, 16, 120), "in a short one, the window less its margins");
        assertEquals(80, p.hoverHeight(320, 100, 16, 120), "its image at its least, no taller than the window");
    }

    /**
     * A hover panel whose lines are taller than the window (320x100, seven lines) showed them cut at the
     * window's edge: it shows the lines that fit whole.
     */
    @Test
    void theHoverPanelShowsTheLinesThatFitWhole() {
        PanelPlaces p = new PanelPlaces(1f);
        assertEquals(7, p.hoverLinesShown(800, 60, 13, 17, 8, 7), "all of them where they fit");
        // The panel is at most 80 tall; less its padding, 72: lines at 30, 47, 64 end at 43, 60 and 77.
        assertEquals(2, p.hoverLinesShown(100, 30, 13, 17, 8, 7), "as many as end inside it");
        assertEquals(3, p.hoverLinesShown(105, 30, 13, 17, 8, 7), "one more where it ends right at the padding");
        assertEquals(0, p.hoverLinesShown(50, 30, 13, 17, 8, 7), "none where none fits");
    }

    @Test
    void roomIsSharedByWhatEachWants() {
        assertArrayEquals(new float[] {100, 200}, PanelPlaces.share(400, 100, 200), "both fit");
        assertArrayEquals(new float[] {100, 300}, PanelPlaces.share(400, 100, 900), "the one wanting less than half gets it");
        assertArrayEquals(new float[] {320, 80}, PanelPlaces.share(400, 500, 80));
        assertArrayEquals(new float[] {200, 200}, PanelPlaces.share(400, 300, 900), "half each");
    }

    @Test
    void sizesFollowTheUiScale() {
        PanelPlaces p = new PanelPlaces(2f);
        p.update(2560, 1600, new float[] {20, 20, 560, 1580}, 0, null, 0);
        p.wantSelection(PanelPlaces.UNKNOWN);
        assertArrayEquals(new float[] {580, 2540}, p.neighboursStrip());
        assertArrayEquals(new float[] {1880, 660, 2540, 1580}, p.selection());
    }

    @Test
    void theClearAreaIsTheLargestRectangleNoPanelCovers() {
        float[] control = {10, 10, 280, 790}, hover = {1000, 0, 1280, 300}, selection = {940, 310, 1270, 790};
        assertArrayEquals(new float[] {280, 0, 940, 800}, PanelPlaces.clearArea(1280, 800, java.util.List.of(control, hover, selection)),
                "between the control panel and the column of the hover and selection panels");
        float[] neighbours = {290, 560, 930, 790};
        assertArrayEquals(new float[] {280, 0, 940, 560}, PanelPlaces.clearArea(1280, 800, java.util.List.of(control, hover, selection, neighbours)),
                "above the neighbours panel");
        assertArrayEquals(new float[] {0, 0, 1280, 800}, PanelPlaces.clearArea(1280, 800, java.util.List.of()), "no panel: the window");
        assertArrayEquals(new float[] {0, 0, 940, 800}, PanelPlaces.clearArea(1280, 800, java.util.List.of(hover, selection)),
                "the slim bar: from the window's left edge");
    }
}
