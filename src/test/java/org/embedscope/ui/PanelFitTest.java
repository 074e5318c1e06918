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

    private static float[] spot(String name) {
        float[] r = WidgetSpots.rect(name);
        assertNotNull(r, name + " is drawn");
        return r;
    }

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
}
