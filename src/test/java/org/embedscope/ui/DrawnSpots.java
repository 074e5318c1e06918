package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The panel tests' reading of {@link WidgetSpots}: a widget's rectangle, which must have been drawn. */
final class DrawnSpots {
    private DrawnSpots() {}

    /** Where the widget noted as {@code name} was drawn in the last frame: x0, y0, x1, y1. */
    static float[] spot(String name) {
        float[] r = WidgetSpots.rect(name);
        assertNotNull(r, name + " is drawn");
        return r;
    }
}
