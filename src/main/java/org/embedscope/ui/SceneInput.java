package org.embedscope.ui;

import java.util.Arrays;
import org.embedscope.render.Camera;
import org.embedscope.render.ViewState;

/**
 * Turns pointer and keyboard input on the scene into view and selection changes. Pointer: drag to
 * pan, wheel to zoom about the cursor, double-click to fit; click selects the item under the
 * pointer, Shift-click adds or removes it, Shift-drag selects a box, Ctrl-drag
 * a freehand lasso (with Alt held as well, either adds to the selection instead of replacing it);
 * Ctrl-click pins the item (its neighbours shown), a second Ctrl-click on it unpins.
 * Keys: arrows and +/− move, {@code F} fits, {@code T} transitions, {@code N} pins the item under the
 * pointer, Esc unpins, or with nothing pinned clears the selection,
 * {@code I} inverts it, {@code D} dims the rest, {@code M} selects the search's matches.
 *
 * <p>Positions are framebuffer pixels (origin top left). Free of GLFW and GL, so the interaction
 * rules are unit-tested; the window feeds it events and supplies picking and region selection
 * through {@link Selector}.
 */
public final class SceneInput {
    /** Zoom factor per wheel notch and per +/− key press. */
    public static final float ZOOM_STEP = 1.2f;
    /** Fraction of the view an arrow key pans. */
    public static final float PAN_STEP = 0.1f;
    /** Two clicks within this time (seconds) and distance (pixels) make a double-click. */
    public static final double DOUBLE_CLICK_SECONDS = 0.35;
    public static final float DOUBLE_CLICK_PIXELS = 5f;
    /** A press and release this close (pixels) are a click, not a drag. */
    public static final float CLICK_PIXELS = 4f;
    /** A lasso records a vertex whenever the pointer has moved this far (pixels) from the last. */
    public static final float LASSO_STEP_PIXELS = 3f;

    /** Modifier bits of {@link #press}. */
    public static final int SHIFT = 1, CTRL = 2, ALT = 4;

    /** Keys the scene understands, independent of the windowing library. */
    public enum Key {
        LEFT, RIGHT, UP, DOWN, ZOOM_IN, ZOOM_OUT, FIT, TRANSITION,
        CLEAR_SELECTION, INVERT_SELECTION, DIM_REST, SELECT_MATCHES,
        /** Pins the item under the pointer (its neighbours shown), or unpins it when it is pinned. */
        PIN_HOVERED
    }

    /** What a drag does. */
    public enum Drag { NONE, PAN, BOX, LASSO }

    /** What selecting needs from the renderer. */
    public interface Selector {
        /** The item under framebuffer pixel ({@code x}, {@code y}) as hovering finds it, or -1. */
        int itemAt(float x, float y);

        /**
         * Selects the items drawn inside {@code outline} (screen vertices interleaved x, y; a box is
         * its four corners); {@code add}: added to the selection, else replacing it.
         */
        void selectInside(float[] outline, boolean box, boolean add);
    }

    private final ViewState state;
    private final Runnable transition;
    private final Selector selector;
    private Drag drag = Drag.NONE;
    private boolean addToSelection;
    private boolean toggle;
    private boolean pinOnClick;
    private float lastX, lastY;
    private float pressX, pressY;
    private boolean moved;
    private float[] outline = new float[64];
    private int outlineLength;
    private double lastClickTime = Double.NEGATIVE_INFINITY;
    private float lastClickX, lastClickY;

    /**
     * @param transition what {@code T} does: starts the transition chosen in the overlay
     * @param selector   picking and region selection (null: clicks and drags only pan)
     */
    public SceneInput(ViewState state, Runnable transition, Selector selector) {
        this.state = state;
        this.transition = transition;
        this.selector = selector;
    }

    private Camera cam() { return state.camera(); }

    /** True while a button is held down on the scene (panning or drawing a selection). */
    public boolean isDragging() { return drag != Drag.NONE; }

    /** What the current drag does. */
    public Drag drag() { return drag; }

    /**
     * The selection outline being drawn, screen vertices interleaved x, y: the box's four corners, or
     * the lasso's path so far; empty when no selection drag is under way.
     */
    public float[] outline() {
        return switch (drag) {
            case BOX -> boxCorners();
            case LASSO -> Arrays.copyOf(outline, outlineLength);
            default -> new float[0];
        };
    }

    private float[] boxCorners() {
        return new float[] {pressX, pressY, lastX, pressY, lastX, lastY, pressX, lastY};
    }

    /** Left button pressed at (x, y) at time {@code now} seconds with modifiers {@code mods} ({@link #SHIFT}, …). */
    public void press(float x, float y, double now, int mods) {
        if (now - lastClickTime <= DOUBLE_CLICK_SECONDS
                && Math.abs(x - lastClickX) <= DOUBLE_CLICK_PIXELS && Math.abs(y - lastClickY) <= DOUBLE_CLICK_PIXELS) {
            state.fit();
            lastClickTime = Double.NEGATIVE_INFINITY;
            drag = Drag.NONE;
            return;
        }
        lastClickTime = now;
        lastClickX = x;
        lastClickY = y;
        pressX = lastX = x;
        pressY = lastY = y;
        moved = false;
        boolean shift = (mods & SHIFT) != 0, ctrl = (mods & CTRL) != 0;
        addToSelection = (mods & ALT) != 0;
        toggle = shift;
        pinOnClick = ctrl;
        if (selector != null && ctrl) drag = Drag.LASSO;
        else if (selector != null && shift) drag = Drag.BOX;
        else drag = Drag.PAN;
        outlineLength = 0;
        if (drag == Drag.LASSO) addVertex(x, y);
    }

    /** Left button released at (x, y): ends a pan, or applies a click, box or lasso. */
    public void release(float x, float y) {
        Drag was = drag;
        drag = Drag.NONE;
        if (was == Drag.NONE || selector == null) return;
        lastX = x;
        lastY = y;
        if (!moved && Math.hypot(x - pressX, y - pressY) <= CLICK_PIXELS) {
            int item = selector.itemAt(pressX, pressY);
            // A click on nothing keeps the selection: the first click of a double-click (fit) is one.
            if (item < 0) return;
            // Ctrl-click (a lasso that never moved) pins the item instead.
            if (pinOnClick) state.togglePin(item);
            else if (toggle) state.toggleSelected(item);
            else state.selectOnly(item);
            return;
        }
        if (was == Drag.BOX) {
            selector.selectInside(boxCorners(), true, addToSelection);
        } else if (was == Drag.LASSO) {
            addVertex(x, y);
            if (outlineLength >= 6) selector.selectInside(Arrays.copyOf(outline, outlineLength), false, addToSelection);
        }
    }

    /**
     * Pointer moved to (x, y): pans while panning, grows the box or lasso while drawing one. A pan moves
     * by whole framebuffer pixels, the content kept within half a pixel of the pointer: positions scaled
     * from a window by a fractional factor (a HiDPI screen at 125% or 150%) would otherwise move it by
     * fractions, and only a whole-pixel pan shifts the cached scene instead of drawing it anew.
     */
    public void move(float x, float y) {
        if (drag != Drag.NONE && Math.hypot(x - pressX, y - pressY) > CLICK_PIXELS) moved = true;
        if (drag == Drag.PAN) {
            int dx = Math.round(x) - Math.round(lastX), dy = Math.round(y) - Math.round(lastY);
            if (dx != 0 || dy != 0) state.pan(dx, dy);
        }
        if (drag == Drag.LASSO) {
            float dx = x - outline[outlineLength - 2], dy = y - outline[outlineLength - 1];
            if (dx * dx + dy * dy >= LASSO_STEP_PIXELS * LASSO_STEP_PIXELS) addVertex(x, y);
        }
        lastX = x;
        lastY = y;
    }

    private void addVertex(float x, float y) {
        if (outlineLength + 2 > outline.length) outline = Arrays.copyOf(outline, outline.length * 2);
        outline[outlineLength++] = x;
        outline[outlineLength++] = y;
    }

    /** Wheel turned by {@code notches} (positive: away from the user, zoom in) at (x, y). */
    public void scroll(float x, float y, double notches) {
        if (notches == 0) return;
        state.zoomAbout(x, y, (float) Math.pow(ZOOM_STEP, notches));
    }

    public void key(Key key) {
        Camera c = cam();
        switch (key) {
            // Whole pixels, as a drag's (see move).
            case LEFT -> state.pan(Math.round(PAN_STEP * c.width()), 0);
            case RIGHT -> state.pan(-Math.round(PAN_STEP * c.width()), 0);
            case UP -> state.pan(0, Math.round(PAN_STEP * c.height()));
            case DOWN -> state.pan(0, -Math.round(PAN_STEP * c.height()));
            case ZOOM_IN -> state.zoomAbout(c.width() / 2f, c.height() / 2f, ZOOM_STEP);
            case ZOOM_OUT -> state.zoomAbout(c.width() / 2f, c.height() / 2f, 1 / ZOOM_STEP);
            case FIT -> state.fit();
            case TRANSITION -> transition.run();
            // Esc unpins first, then clears the selection.
            case CLEAR_SELECTION -> {
                if (state.pinned() >= 0) state.pin(-1);
                else state.clearSelection();
            }
            case PIN_HOVERED -> {
                int item = selector == null ? -1 : selector.itemAt(lastX, lastY);
                if (item >= 0) state.togglePin(item);
            }
            case INVERT_SELECTION -> state.invertSelection();
            case DIM_REST -> state.setDimUnselected(!state.dimUnselected());
            case SELECT_MATCHES -> state.selectMatches();
        }
    }
}
