package org.embedscope.ui;

/**
 * Where the panels that come and go (the neighbours panel, the selection panel) are put each frame,
 * so that they keep off the control panel, the hovered item's panel and one another while the window
 * has room (math only: the overlay gives it the panels' rectangles from the frame before and the
 * heights they want).
 *
 * <ul>
 *   <li>The neighbours panel sits at the bottom of the wider free strip beside the control panel
 *       (the panel can be dragged: either side), at most that wide. In a window whose strip is narrower
 *       than {@link #MIN_NEIGHBOURS_WIDTH} it takes the window's width below the control panel where
 *       that leaves it {@link #MIN_NEIGHBOURS_HEIGHT}, else the strip down to
 *       {@link #NARROWEST_NEIGHBOURS_WIDTH} (its grid two columns, scrolling), else the window's width
 *       below the control panel, which yields it up to half the window's height and scrolls
 *       ({@link #controlBottomLimit}): it had covered the lower half of the control panel's widgets.</li>
 *   <li>The selection panel sits at the bottom right, as tall as its lines and thumbnails want (at most
 *       {@link #SELECTION_HEIGHT} and six tenths of the window), below the hovered item's panel (its
 *       space kept while nothing is hovered, so that the selection panel does not jump as the pointer
 *       moves), right of the control panel where it can keep {@link #MIN_SELECTION_WIDTH} there, else
 *       below the control panel, which yields it room as for the neighbours panel (it covered the
 *       control panel).</li>
 *   <li>Where the two share columns the selection panel goes above the neighbours panel, and they share
 *       the height below the hover panel's space: each gets what it wants where both fit, else the one
 *       that wants less than half gets it and the other the rest, else half each (their contents scroll).
 *       Where that leaves either less than its least ({@link #MIN_SELECTION_HEIGHT},
 *       {@link #MIN_NEIGHBOURS_HEIGHT}), they first give up the hover panel's space (that panel only shows
 *       while the pointer is on an item, and is then drawn in front of them).
 *       Folded to its title bar, the selection panel keeps its top (its arrow stays under the pointer)
 *       and only that bar's height, the neighbours panel taking the rest below it (a folded panel kept its
 *       whole place, the neighbours panel as far down).</li>
 *   <li>The hovered item's panel, at the top right, is no larger than the window less its margins; in a
 *       window too small for it its image shrinks, down to {@link #MIN_HOVER_IMAGE}, to leave its lines
 *       in view (they ran off the window, where the panel, which takes no input, cannot be scrolled);
 *       where its lines alone are taller than that it shows those that fit whole ({@link #hoverLinesShown}:
 *       the last was cut at the window's edge), and the space the other panels keep clear for it is as tall
 *       as it is drawn in this window ({@link #hoverHeight}: it kept the height of a larger window's).
 *       It keeps to the strip right of the control panel, at most that wide, where that strip is at least
 *       {@link #MIN_HOVER_WIDTH} wide; in a narrower window it goes below the control panel, at the top of
 *       the panels there, the control panel yielding it room as for them once it has been drawn (it covered
 *       the control panel's top right in windows under about 480 px: {@link #hoverArea}). Its space is kept
 *       while nothing is hovered, so that the control panel does not jump as the pointer moves.</li>
 * </ul>
 * And where the panels leave the scene clear ({@link #clearArea}): a flight to an item puts it in its middle.
 * Rectangles are {x0, y0, x1, y1} in window pixels; sizes are before the UI scale unless said.
 */
final class PanelPlaces {
    static final float MARGIN = Overlay.MARGIN;
    /** The selection panel's width and its tallest. */
    static final float SELECTION_WIDTH = 330f, SELECTION_HEIGHT = 460f;
    /** The narrowest the selection panel is made to keep off the control panel (its count and buttons still fit a row or two). */
    static final float MIN_SELECTION_WIDTH = 200f;
    /** Below this the selection panel shows too little (its count, export buttons and a few lines, scrolling). */
    static final float MIN_SELECTION_HEIGHT = 110f;
    /** Below this the neighbours panel shows too little (its title, its first lines, scrolling). */
    static final float MIN_NEIGHBOURS_HEIGHT = 110f;
    /** The narrowest strip the neighbours panel keeps to (its first lines wrap, its grid has four columns). */
    static final float MIN_NEIGHBOURS_WIDTH = 340f;
    /** The narrowest strip it takes where the window leaves no other place clear of the control panel (two grid columns). */
    static final float NARROWEST_NEIGHBOURS_WIDTH = 200f;
    /** The hover panel's height until it has been drawn once. */
    static final float HOVER_HEIGHT_GUESS = 230f;
    /** The narrowest strip beside the control panel the hover panel keeps to (its image 84 px); else it goes below it. */
    static final float MIN_HOVER_WIDTH = 100f;
    /** The hover panel's image at its smallest, where the window leaves less. */
    static final float MIN_HOVER_IMAGE = 24f;
    /** A height wanted that is not known yet (a panel not drawn before): as much as there is. */
    static final float UNKNOWN = Float.MAX_VALUE;

    private final float scale;
    private float width, height;
    private float[] control;
    /** The control panel's bottom were it as tall as its content (it may be drawn shorter, scrolling). */
    private float controlNatural;
    /** The lowest the control panel's bottom may be in the next frame, from {@link #place}. */
    private float controlLimit = UNKNOWN;
    private float hoverBottom;
    private float[] neighbours;
    private float neighboursWanted, selectionWanted, selectionFolded;
    /** This frame's places, worked out in {@link #place}. */
    private float neighboursHeight;
    private float[] selection;
    /** Where the hover panel goes, from {@link #place}: {right, top, widest, tallest}. */
    private float[] hover;

    PanelPlaces(float uiScale) {
        this.scale = uiScale;
    }

    /**
     * This frame's inputs: the window's size, the control panel's rectangle (null when it is only the
     * slim bar), the bottom of the hover panel as last drawn (0: never drawn yet), the neighbours
     * panel's rectangle as last drawn (null: not drawn) and the height it wants (0: none shown, as for
     * the selection panel's in {@link #wantSelection}, which follows).
     */
    void update(float windowWidth, float windowHeight, float[] controlPanel, float hoverPanelBottom, float[] neighboursPanel,
            float neighboursWantedHeight) {
        update(windowWidth, windowHeight, controlPanel, controlPanel == null ? 0f : controlPanel[3], hoverPanelBottom, neighboursPanel,
                neighboursWantedHeight);
    }

    /**
     * As above, with the bottom the control panel would have were it as tall as its content ({@code
     * controlNaturalBottom}): drawn shorter where it yielded to the panels below it ({@link #controlBottomLimit}).
     */
    void update(float windowWidth, float windowHeight, float[] controlPanel, float controlNaturalBottom, float hoverPanelBottom,
            float[] neighboursPanel, float neighboursWantedHeight) {
        controlNatural = controlNaturalBottom;
        width = windowWidth;
        height = windowHeight;
        control = controlPanel;
        hoverBottom = hoverPanelBottom;
        neighbours = neighboursPanel;
        neighboursWanted = neighboursWantedHeight;
        wantSelection(0);
    }

    /** The height the selection panel wants for its lines and thumbnails at {@link #selectionWidth} (0: none shown), open. */
    void wantSelection(float wanted) {
        wantSelection(wanted, 0f);
    }

    /** As {@link #wantSelection(float)}, for a panel folded to a title bar {@code folded} tall (0: open). */
    void wantSelection(float wanted, float folded) {
        selectionWanted = wanted;
        selectionFolded = folded;
        place();
    }

    /**
     * The lowest the control panel's bottom may be in the next frame ({@link #UNKNOWN}: anywhere): above
     * the neighbours and selection panels where they are below it (a window too narrow for them beside it),
     * so that they never cover its widgets; it then scrolls.
     */
    float controlBottomLimit() { return controlLimit; }

    /** The strip the neighbours panel keeps to, {x0, x1} (see the class's rules). */
    float[] neighboursStrip() {
        float[] p = neighboursPlace();
        return new float[] {p[0], p[1]};
    }

    /**
     * Where the neighbours panel may go, {x0, x1, tallest, below}: the wider side of the control panel; in a
     * window where that is narrower than {@link #MIN_NEIGHBOURS_WIDTH}, the window's width below the
     * control panel, or that side down to {@link #NARROWEST_NEIGHBOURS_WIDTH}, or the window's width
     * below the control panel, which yields room ({@code below} 1: below the control panel, its tallest
     * then worked out in {@link #place}).
     */
    private float[] neighboursPlace() {
        float m = MARGIN * scale, tallest = Math.max(1f, height - 2 * m);
        float[] whole = {m, width - m, tallest, 0};
        if (control == null) return whole;
        float[] left = {m, control[0] - m, tallest, 0}, right = {control[2] + m, width - m, tallest, 0};
        float[] wider = right[1] - right[0] >= left[1] - left[0] ? right : left;
        float side = wider[1] - wider[0];
        if (side >= MIN_NEIGHBOURS_WIDTH * scale) return wider;
        float under = height - m - (controlNatural + m);
        if (under >= MIN_NEIGHBOURS_HEIGHT * scale) return new float[] {m, width - m, under, 1};
        if (side >= NARROWEST_NEIGHBOURS_WIDTH * scale) return wider;
        return new float[] {m, width - m, 0, 1};
    }

    /** The neighbours panel's tallest this frame (its bottom is the window's, less the margin). */
    float neighboursHeight() { return neighboursHeight; }

    /**
     * Where the hover panel goes this frame, {right, top, widest, tallest} (null before the first {@link
     * #update}): at the top right, no wider than the strip right of the control panel, or, where that strip
     * is narrower than {@link #MIN_HOVER_WIDTH}, in the strip left of it (a control panel dragged to the
     * right), else below the control panel across the window (see the class's rules).
     */
    float[] hoverArea() { return hover == null ? null : hover.clone(); }

    /**
     * Whether the hover panel goes below the control panel: the strips right and left of it are both too
     * narrow for it (a control panel dragged to the right of a wide window leaves it the strip on its left).
     */
    private boolean hoverBelowControl() {
        return control != null && rightOfControl() < MIN_HOVER_WIDTH * scale && leftOfControl() < MIN_HOVER_WIDTH * scale;
    }

    /** The width of the strip right of the control panel, margins aside. */
    private float rightOfControl() {
        return width - MARGIN * scale - (control[2] + MARGIN * scale);
    }

    /** The width of the strip left of the control panel, margins aside. */
    private float leftOfControl() {
        return control[0] - 2 * MARGIN * scale;
    }

    /** The hover panel's largest size in a {@code windowWidth} × {@code windowHeight} window, {width, height}: the window less its margins. */
    float[] hoverLargest(float windowWidth, float windowHeight) {
        float m = MARGIN * scale;
        return new float[] {Math.max(1f, windowWidth - 2 * m), Math.max(1f, windowHeight - 2 * m)};
    }

    /**
     * The side of the hover panel's image: {@link Overlay#THUMBNAIL_PX} where the panel fits the window,
     * else what {@link #hoverLargest} leaves beside {@code aroundWidth} (the panel's padding) and below
     * {@code aroundHeight} (its title bar, padding and lines as last drawn), down to {@link #MIN_HOVER_IMAGE}.
     */
    float hoverImageSide(float windowWidth, float windowHeight, float aroundWidth, float aroundHeight) {
        float[] most = hoverLargest(windowWidth, windowHeight);
        float side = Math.min(Overlay.THUMBNAIL_PX * scale, Math.min(most[0] - aroundWidth, most[1] - aroundHeight));
        return Math.max(MIN_HOVER_IMAGE * scale, side);
    }

    /**
     * The hover panel's height in a {@code windowWidth} × {@code windowHeight} window for lines, title bar
     * and padding {@code aroundHeight} tall (with padding {@code aroundWidth} wide): its image's side as
     * {@link #hoverImageSide} makes it, and the rest, no taller than {@link #hoverLargest}.
     */
    float hoverHeight(float windowWidth, float windowHeight, float aroundWidth, float aroundHeight) {
        float side = hoverImageSide(windowWidth, windowHeight, aroundWidth, aroundHeight);
        return Math.min(hoverLargest(windowWidth, windowHeight)[1], aroundHeight + side);
    }

    /**
     * How many of the hover panel's {@code lines} lines show whole in a window {@code windowHeight} tall:
     * the first starts {@code firstLineY} below the panel's top, each is {@code lineHeight} tall and
     * {@code linePitch} below the one before, and the panel's padding {@code padY} ends it, at most
     * {@link #hoverLargest} tall. All of them where they fit, else as many as do (none where none does).
     */
    int hoverLinesShown(float windowHeight, float firstLineY, float lineHeight, float linePitch, float padY, int lines) {
        float room = hoverLargest(1f, windowHeight)[1] - padY - firstLineY - lineHeight;
        if (room < 0) return 0;
        return (int) Math.min(lines, Math.floor(room / linePitch + 1e-3) + 1);
    }

    /** The selection panel's {x0, x1}: at the right, clear of a control panel at its left where it can stay {@link #MIN_SELECTION_WIDTH} wide. */
    float[] selectionColumns() {
        float m = MARGIN * scale;
        float x1 = width - m, x0 = x1 - Math.min(SELECTION_WIDTH * scale, width - 2 * m);
        if (control != null && control[0] < x0 && control[2] + m > x0 && x1 - (control[2] + m) >= MIN_SELECTION_WIDTH * scale) x0 = control[2] + m;
        return new float[] {x0, x1};
    }

    /** Whether the selection panel's columns meet the control panel's: it then goes below it. */
    private boolean selectionBelowControl(float[] cols) {
        return control != null && cols[0] < control[2] && cols[1] > control[0];
    }

    /** The selection panel's width. */
    float selectionWidth() {
        float[] c = selectionColumns();
        return c[1] - c[0];
    }

    /** The selection panel's rectangle (as tall as it wants where there is room). */
    float[] selection() { return selection.clone(); }

    private void place() {
        float m = MARGIN * scale, bottom = height - m;
        float[] cols = selectionColumns();
        float[] place = neighboursPlace();
        float wantsS = Math.min(selectionWanted > 0 ? selectionWanted : UNKNOWN, Math.min(SELECTION_HEIGHT * scale, 0.6f * height));
        // The panels below the control panel (a window too narrow for them beside it) share the height
        // under it: what they want where it leaves them their least, else the control panel yields them up
        // to half the window (it then scrolls). This frame they keep below it as drawn; it yields in the next.
        boolean nBelow = neighboursWanted > 0 && place[3] > 0, sBelow = selectionWanted > 0 && selectionBelowControl(cols);
        // The hover panel below the control panel too (too narrow a strip beside it), its space kept once it
        // has been drawn: at the top of the band, the others below it.
        float hoverH = hoverBottom > 0 ? hoverBottom - m : 0f;
        boolean hBelow = hoverBelowControl();
        // A control panel dragged down, with room above it for the hover panel and more than below: above it.
        boolean hAbove = hBelow && control[1] - 2 * m >= (hoverH > 0 ? hoverH : HOVER_HEIGHT_GUESS * scale)
                && control[1] - 2 * m > bottom - (control[3] + m);
        float hoverBand = hBelow && !hAbove && hoverH > 0 ? hoverH : 0f;
        float bandTop = m;
        controlLimit = UNKNOWN;
        // The least the neighbours and selection panels below the control panel take, with the margin between them.
        float othersLeast = (nBelow ? Math.min(MIN_NEIGHBOURS_HEIGHT * scale, neighboursWanted) : 0f)
                + (sBelow ? Math.min(MIN_SELECTION_HEIGHT * scale, wantsS) : 0f) + (nBelow && sBelow ? m : 0f);
        if (nBelow || sBelow || hoverBand > 0) {
            int members = (nBelow ? 1 : 0) + (sBelow ? 1 : 0) + (hoverBand > 0 ? 1 : 0);
            float gap = (members - 1) * m;
            float wantsBand = (nBelow ? Math.min(neighboursWanted, height) : 0f) + (sBelow ? wantsS : 0f) + hoverBand + gap;
            float least = othersLeast + hoverBand + (hoverBand > 0 && (nBelow || sBelow) ? m : 0f);
            float free = bottom - (controlNatural + m);
            float most = free >= least ? free : Math.max(free, (height - 2 * m) / 2);
            float band = Math.max(0f, Math.min(wantsBand, most));
            controlLimit = bottom - band - m;
            bandTop = Math.max(bottom - band, control[3] + m);
        }
        if (hBelow) {
            // Below the control panel as drawn, across the window; the others keep below it where that leaves
            // them their least, else they take its space (it is then drawn in front of them, while it shows).
            float top = Math.max(m, Math.min(control[3] + m, bottom - 1f));
            hover = hAbove ? new float[] {width - m, m, Math.max(1f, width - 2 * m), control[1] - 2 * m}
                    : new float[] {width - m, top, Math.max(1f, width - 2 * m), Math.max(1f, bottom - top)};
            float underHover = top + hoverBand + m;
            if (hoverBand > 0 && bottom - underHover >= othersLeast) bandTop = Math.max(bandTop, underHover);
        } else {
            // At the top right: no wider than the strip right of the control panel (it grew over it for wide
            // lines); where that strip is too narrow and the one on its left is not, against its left side.
            boolean besideControl = control != null && control[2] < width - m;
            if (control != null && rightOfControl() < MIN_HOVER_WIDTH * scale) {
                hover = new float[] {control[0] - m, m, Math.max(1f, leftOfControl()), Math.max(1f, height - 2 * m)};
            } else {
                hover = new float[] {width - m, m, Math.max(1f, besideControl ? rightOfControl() : width - 2 * m),
                        Math.max(1f, height - 2 * m)};
            }
        }
        float tallestNeighbours = nBelow ? Math.max(1f, bottom - bandTop) : place[2];
        float wantsN = Math.min(neighboursWanted, tallestNeighbours);
        float below = hBelow && !hAbove ? m : (hoverBottom > 0 ? hoverBottom : m + HOVER_HEIGHT_GUESS * scale) + m;
        // Where the neighbours panel was drawn, or could be: its strip.
        float nx0 = neighbours != null ? neighbours[0] : place[0], nx1 = neighbours != null ? neighbours[2] : place[1];
        boolean shared = neighboursWanted > 0 && selectionWanted > 0 && nx0 < cols[1] && nx1 > cols[0];
        if (!shared) {
            neighboursHeight = tallestNeighbours;
            float top = below;
            if (bottom - top < Math.min(MIN_SELECTION_HEIGHT * scale, wantsS)) top = m;   // over the hover panel's space rather than too short
            if (sBelow) top = Math.max(top, bandTop);
            float h = Math.max(0f, Math.min(wantsS, bottom - top));
            selection = new float[] {cols[0], bottom - h, cols[1], bottom};
            if (selectionFolded > 0) selection[3] = selection[1] + Math.min(selectionFolded, h);
            return;
        }
        float least = Math.min(MIN_SELECTION_HEIGHT * scale, wantsS) + Math.min(MIN_NEIGHBOURS_HEIGHT * scale, wantsN);
        float top = below;
        if (bottom - top - m < least) top = m;                // over the hover panel's space rather than too short
        if (sBelow) top = Math.max(top, bandTop);
        float[] h = share(Math.max(0f, bottom - top - m), wantsS, wantsN);
        neighboursHeight = Math.max(1f, h[1]);
        float selectionBottom = bottom - h[1] - m;
        selection = new float[] {cols[0], selectionBottom - h[0], cols[1], selectionBottom};
        if (selectionFolded > 0) {
            selection[3] = selection[1] + Math.min(selectionFolded, h[0]);
            neighboursHeight = Math.max(neighboursHeight, Math.min(tallestNeighbours, bottom - selection[3] - m));
        }
    }

    /**
     * {@code room} shared between two that want {@code a} and {@code b}: what each wants where both fit,
     * else the one that wants less than half gets it and the other the rest, else half each.
     */
    static float[] share(float room, float a, float b) {
        if (a + b <= room) return new float[] {a, b};
        float half = room / 2;
        if (a <= half) return new float[] {a, room - a};
        if (b <= half) return new float[] {room - b, b};
        return new float[] {half, half};
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
