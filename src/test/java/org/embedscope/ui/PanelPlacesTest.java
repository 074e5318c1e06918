package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Where the neighbours and selection panels go, beside the control panel and below the hover panel. */
class PanelPlacesTest {
    private static final float[] CONTROL_LEFT = {10, 10, 280, 790};

    @Test
    void theNeighboursPanelKeepsToTheWiderSideOfTheControlPanel() {
        PanelPlaces p = new PanelPlaces(1f);
        p.update(1280, 800, CONTROL_LEFT, 0, null);
        assertArrayEquals(new float[] {290, 1270}, p.neighboursStrip(), "right of the panel at the left");
        p.update(1280, 800, new float[] {990, 10, 1260, 790}, 0, null);
        assertArrayEquals(new float[] {10, 980}, p.neighboursStrip(), "left of a panel dragged to the right");
        p.update(1280, 800, null, 0, null);
        assertArrayEquals(new float[] {10, 1270}, p.neighboursStrip(), "the whole width beside the slim bar");
        p.update(600, 400, CONTROL_LEFT, 0, null);
        assertArrayEquals(new float[] {10, 590}, p.neighboursStrip(), "too narrow a strip: the window's width");
    }

    @Test
    void theSelectionPanelSitsBelowTheHoverPanelAndAboveTheNeighboursPanel() {
        PanelPlaces p = new PanelPlaces(1f);
        p.update(1280, 800, CONTROL_LEFT, 0, null);
        assertArrayEquals(new float[] {940, 330, 1270, 790}, p.selection(), "alone: the bottom right, its full height");
        p.update(1280, 800, CONTROL_LEFT, 300, new float[] {290, 560, 1010, 790});
        assertArrayEquals(new float[] {940, 310, 1270, 550}, p.selection(), "between the hover panel and the neighbours panel");
        p.update(1920, 1000, CONTROL_LEFT, 300, new float[] {290, 760, 1010, 990});
        assertArrayEquals(new float[] {1580, 530, 1910, 990}, p.selection(), "beside a neighbours panel it does not meet");
    }

    @Test
    void aShortWindowGivesUpTheHoverPanelsSpaceThenTheNeighboursPanels() {
        PanelPlaces p = new PanelPlaces(1f);
        p.update(800, 500, CONTROL_LEFT, 250, new float[] {290, 160, 730, 490});
        assertArrayEquals(new float[] {460, 10, 790, 150}, p.selection(), "over the hover panel's space, not the neighbours panel");
        p.update(800, 400, CONTROL_LEFT, 250, new float[] {290, 60, 730, 390});
        float[] r = p.selection();
        assertEquals(390, r[3], "no room above the neighbours panel: at the bottom, over it");
        assertEquals(240, r[3] - r[1], 1e-3, "six tenths of the window");
    }

    @Test
    void sizesFollowTheUiScale() {
        PanelPlaces p = new PanelPlaces(2f);
        p.update(2560, 1600, new float[] {20, 20, 560, 1580}, 0, null);
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
