package org.embedscope.ui;

import org.embedscope.render.Camera;
import org.embedscope.render.ViewState;

/**
 * Turns pointer and keyboard input on the scene into view changes: drag to pan, wheel to zoom about
 * the cursor, arrows and +/− on the keyboard, {@code F} or a double-click to fit, {@code T} to
 * transition. Positions are framebuffer pixels (origin top left). Free of GLFW and GL, so the
 * interaction rules are unit-tested; the window feeds it events.
 */
public final class SceneInput {
    /** Zoom factor per wheel notch and per +/− key press. */
    public static final float ZOOM_STEP = 1.2f;
    /** Fraction of the view an arrow key pans. */
    public static final float PAN_STEP = 0.1f;
    /** Two clicks within this time (seconds) and distance (pixels) make a double-click. */
    public static final double DOUBLE_CLICK_SECONDS = 0.35;
    public static final float DOUBLE_CLICK_PIXELS = 5f;

    /** Keys the scene understands, independent of the windowing library. */
    public enum Key { LEFT, RIGHT, UP, DOWN, ZOOM_IN, ZOOM_OUT, FIT, TRANSITION }

    private final ViewState state;
    private final Runnable transition;
    private boolean dragging;
    private float lastX, lastY;
    private double lastClickTime = Double.NEGATIVE_INFINITY;
    private float lastClickX, lastClickY;

    /** @param transition what {@code T} does: starts the transition chosen in the overlay */
    public SceneInput(ViewState state, Runnable transition) {
        this.state = state;
        this.transition = transition;
    }

    private Camera cam() { return state.camera(); }

    public boolean isDragging() { return dragging; }

    /** Left button pressed at (x, y) at time {@code now} seconds. */
    public void press(float x, float y, double now) {
        if (now - lastClickTime <= DOUBLE_CLICK_SECONDS
                && Math.abs(x - lastClickX) <= DOUBLE_CLICK_PIXELS && Math.abs(y - lastClickY) <= DOUBLE_CLICK_PIXELS) {
            state.fit();
            lastClickTime = Double.NEGATIVE_INFINITY;
            dragging = false;
            return;
        }
        lastClickTime = now;
        lastClickX = x;
        lastClickY = y;
        dragging = true;
        lastX = x;
        lastY = y;
    }

    public void release() { dragging = false; }

    /** Pointer moved to (x, y); pans while dragging. */
    public void move(float x, float y) {
        if (dragging && (x != lastX || y != lastY)) state.pan(x - lastX, y - lastY);
        lastX = x;
        lastY = y;
    }

    /** Wheel turned by {@code notches} (positive: away from the user, zoom in) at (x, y). */
    public void scroll(float x, float y, double notches) {
        if (notches == 0) return;
        state.zoomAbout(x, y, (float) Math.pow(ZOOM_STEP, notches));
    }

    public void key(Key key) {
        Camera c = cam();
        switch (key) {
            case LEFT -> state.pan(PAN_STEP * c.width(), 0);
            case RIGHT -> state.pan(-PAN_STEP * c.width(), 0);
            case UP -> state.pan(0, PAN_STEP * c.height());
            case DOWN -> state.pan(0, -PAN_STEP * c.height());
            case ZOOM_IN -> state.zoomAbout(c.width() / 2f, c.height() / 2f, ZOOM_STEP);
            case ZOOM_OUT -> state.zoomAbout(c.width() / 2f, c.height() / 2f, 1 / ZOOM_STEP);
            case FIT -> state.fit();
            case TRANSITION -> transition.run();
        }
    }
}
