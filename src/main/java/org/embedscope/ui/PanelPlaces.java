package org.embedscope.ui;

/**
 * Where the panels that come and go (the neighbours panel, the selection panel) are put each frame,
 * so that they keep off the control panel, the hovered item's panel and one another while the window
 * has room (math only: the overlay gives it the panels' rectangles from the frame before).
 *
 * <ul>
 *   <li>The neighbours panel sits at the bottom of the wider free strip beside the control panel
 *       (the panel can be dragged: either side), at most that wide; in a window whose strip is too
 *       narrow for it, it takes the window's width and covers the control panel.</li>
 *   <li>The selection panel sits at the bottom right, below the hovered item's panel (its space kept
 *       while nothing is hovered, so that the selection panel does not jump as the pointer moves) and
 *       above the neighbours panel where the two would meet. Where that leaves it less than
 *       {@link #MIN_SELECTION_HEIGHT}, it first gives up the hover panel's space (that panel only shows
 *       while the pointer is on an item, and is then drawn in front of it), then the neighbours panel's.</li>
 * </ul>
 * And where the panels leave the scene clear ({@link #clearArea}): a flight to an item puts it in its middle.
 * Rectangles are {x0, y0, x1, y1} in window pixels; sizes are before the UI scale unless said.
 */
final class PanelPlaces {
    static final float MARGIN = Overlay.MARGIN;
    /** The selection panel's width and its tallest. */
    static final float SELECTION_WIDTH = 330f, SELECTION_HEIGHT = 460f;
    /** Below this the selection panel shows too little (its count, export buttons and a few lines, scrolling). */
    static final float MIN_SELECTION_HEIGHT = 110f;
    /** The narrowest strip the neighbours panel keeps to (its first lines wrap, its grid has four columns). */
    static final float MIN_NEIGHBOURS_WIDTH = 340f;
    /** The hover panel's height until it has been drawn once. */
    static final float HOVER_HEIGHT_GUESS = 230f;

    private final float scale;
    private float width, height;
    private float[] control;
    private float hoverBottom;
    private float[] neighbours;

    PanelPlaces(float uiScale) {
        this.scale = uiScale;
    }

    /**
     * This frame's inputs: the window's size, the control panel's rectangle (null when it is only the
     * slim bar), the bottom of the hover panel as last drawn (0: never drawn yet) and the neighbours
     * panel's rectangle as last drawn (null: none shown).
     */
    void update(float windowWidth, float windowHeight, float[] controlPanel, float hoverPanelBottom, float[] neighboursPanel) {
        width = windowWidth;
        height = windowHeight;
        control = controlPanel;
        hoverBottom = hoverPanelBottom;
        neighbours = neighboursPanel;
    }

    /**
     * The strip the neighbours panel keeps to, {x0, x1}: the wider side of the control panel, or the
     * whole window when that is narrower than {@link #MIN_NEIGHBOURS_WIDTH}.
     */
    float[] neighboursStrip() {
        float m = MARGIN * scale;
        float[] whole = {m, width - m};
        if (control == null) return whole;
        float[] left = {m, control[0] - m}, right = {control[2] + m, width - m};
        float[] wider = right[1] - right[0] >= left[1] - left[0] ? right : left;
        return wider[1] - wider[0] >= MIN_NEIGHBOURS_WIDTH * scale ? wider : whole;
    }

    /**
     * The selection panel's rectangle. Its bottom is the window's, or the neighbours panel's top where
     * they share columns; its top is below the hover panel; its height at most {@link #SELECTION_HEIGHT}
     * and six tenths of the window.
     */
    float[] selection() {
        float m = MARGIN * scale;
        float w = Math.min(SELECTION_WIDTH * scale, width - 2 * m);
        float x1 = width - m, x0 = x1 - w;
        float tallest = Math.min(SELECTION_HEIGHT * scale, 0.6f * height);
        float bottom = height - m;
        if (neighbours != null && neighbours[0] < x1 && neighbours[2] > x0) bottom = Math.min(bottom, neighbours[1] - m);
        float top = (hoverBottom > 0 ? hoverBottom : m + HOVER_HEIGHT_GUESS * scale) + m;
        float min = Math.min(MIN_SELECTION_HEIGHT * scale, tallest);
        if (bottom - top < min) top = m;                 // over the hover panel's space rather than too short
        if (bottom - top < min) bottom = height - m;     // over the neighbours panel rather than too short
        float h = Math.min(tallest, bottom - top);
        return new float[] {x0, bottom - h, x1, bottom};
    }

    /**
     * The largest rectangle of a {@code width} × {@code height} window that none of {@code panels}
     * covers (the whole window when they leave none). Its sides lie on the window's and the panels' edges,
     * so those few are all tried.
     */
    static float[] clearArea(float width, float height, java.util.List<float[]> panels) {
        java.util.TreeSet<Float> xs = new java.util.TreeSet<>(java.util.List.of(0f, width)), ys = new java.util.TreeSet<>(java.util.List.of(0f, height));
        for (float[] p : panels) {
            xs.add(Math.max(0f, Math.min(width, p[0])));
            xs.add(Math.max(0f, Math.min(width, p[2])));
            ys.add(Math.max(0f, Math.min(height, p[1])));
            ys.add(Math.max(0f, Math.min(height, p[3])));
        }
        Float[] x = xs.toArray(new Float[0]), y = ys.toArray(new Float[0]);
        float[] best = {0, 0, width, height};
        float bestArea = -1;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                for (int k = 0; k < y.length; k++) {
                    for (int l = k + 1; l < y.length; l++) {
                        float area = (x[j] - x[i]) * (y[l] - y[k]);
                        if (area > bestArea && clear(x[i], y[k], x[j], y[l], panels)) {
                            bestArea = area;
                            best = new float[] {x[i], y[k], x[j], y[l]};
                        }
                    }
                }
            }
        }
        return best;
    }

    private static boolean clear(float x0, float y0, float x1, float y1, java.util.List<float[]> panels) {
        for (float[] p : panels) if (p[0] < x1 && p[2] > x0 && p[1] < y1 && p[3] > y0) return false;
        return true;
    }
}
