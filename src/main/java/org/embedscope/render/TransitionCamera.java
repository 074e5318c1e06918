package org.embedscope.render;

/**
 * Keeps what one looks at in view during a transition. When it starts while zoomed in, the items on
 * screen are tracked: per transition slot, the bounds of their positions in that slot's layout. An
 * item's drawn position is the slots' positions blended by the transition's weights, so it always
 * lies in the box blended by the same weights; the camera keeps that box where the first one was on
 * screen, scaled by how much it grew, so every tracked item stays in view at every step, eased as
 * the sprites are. Input that moves the camera meanwhile ends the tracking (the user's move wins).
 * GL-free.
 */
public final class TransitionCamera {
    /** Smallest tracked box side, as a fraction of the view at the start (one item is a point). */
    static final float MIN_BOX_FRACTION = 0.05f;

    private boolean enabled = true;
    private boolean following;
    private final float[][] boxes = new float[3][4];
    /** The layouts bound to the slots when {@link #boxes} were measured. */
    private final int[] trackedSlots = new int[3];
    private float startCenterX, startCenterY, startPpu;
    private final float[] startBox = new float[4];
    private float setX, setY, setZoom;

    public boolean enabled() { return enabled; }

    /** Turns following on or off; off also stops a running one. */
    public void setEnabled(boolean on) {
        enabled = on;
        if (!on) following = false;
    }

    /** True while the camera moves with the tracked items. */
    public boolean following() { return following; }

    /**
     * Starts tracking, right after {@code tr} started (or changed) its target: the items in view
     * now, when the view is zoomed in past the fitted view.
     */
    public void start(float[][] layouts, Transition tr, Camera cam, int[] labelOfItem, boolean[] shown) {
        // Turned back mid-way (the slots' layouts as they were, the camera where this put it): the same
        // items stay tracked, so the camera returns to the view it left. Tracking the items in view
        // mid-way, from all over the first layout, ended a zoomed-in T, T at about the fitted view.
        if (following && cam.centerX() == setX && cam.centerY() == setY && cam.zoom() == setZoom
                && tr.slot(0) == trackedSlots[0] && tr.slot(1) == trackedSlots[1] && tr.slot(2) == trackedSlots[2]) {
            return;
        }
        following = false;
        if (!enabled || layouts == null || cam.zoom() <= 1.001f) return;
        int n = labelOfItem.length;
        boolean[] inView = new boolean[n];
        if (VisibleItems.mark(layouts, tr, cam, labelOfItem, shown, 0f, inView) == 0) return;
        float minW = MIN_BOX_FRACTION * cam.width() / cam.pixelsPerUnit();
        float minH = MIN_BOX_FRACTION * cam.height() / cam.pixelsPerUnit();
        for (int k = 0; k < 3; k++) {
            trackedSlots[k] = tr.slot(k);
            float[] xy = layouts[tr.slot(k)];
            float[] b = boxes[k];
            b[0] = b[1] = Float.POSITIVE_INFINITY;
            b[2] = b[3] = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (!inView[i]) continue;
                float x = xy[2 * i], y = xy[2 * i + 1];
                if (x < b[0]) b[0] = x;
                if (x > b[2]) b[2] = x;
                if (y < b[1]) b[1] = y;
                if (y > b[3]) b[3] = y;
            }
            grow(b, minW, minH);
        }
        blend(tr.weights(), startBox);
        startCenterX = cam.centerX();
        startCenterY = cam.centerY();
        startPpu = cam.pixelsPerUnit();
        following = true;
        remember(cam);
    }

    /** Widens box {@code b} about its middle to at least {@code w × h}. */
    private static void grow(float[] b, float w, float h) {
        if (b[2] - b[0] < w) {
            float m = (b[0] + b[2]) / 2;
            b[0] = m - w / 2;
            b[2] = m + w / 2;
        }
        if (b[3] - b[1] < h) {
            float m = (b[1] + b[3]) / 2;
            b[1] = m - h / 2;
            b[3] = m + h / 2;
        }
    }

    private void blend(float[] w, float[] out) {
        for (int j = 0; j < 4; j++) out[j] = w[0] * boxes[0][j] + w[1] * boxes[1][j] + w[2] * boxes[2][j];
    }

    /**
     * Moves the camera for the transition's weights now; returns whether it did. Stops when the
     * transition is over or something else moved the camera since the last step.
     */
    public boolean update(Transition tr, Camera cam) {
        if (!following) return false;
        if (cam.centerX() != setX || cam.centerY() != setY || cam.zoom() != setZoom) {
            following = false;
            return false;
        }
        float[] box = new float[4];
        blend(tr.weights(), box);
        float s = Math.max((box[2] - box[0]) / (startBox[2] - startBox[0]), (box[3] - box[1]) / (startBox[3] - startBox[1]));
        float ppu = startPpu / s;
        // The box's middle keeps its offset from the view's centre, scaled with the box.
        float cx = (box[0] + box[2]) / 2 + (startCenterX - (startBox[0] + startBox[2]) / 2) * s;
        float cy = (box[1] + box[3]) / 2 + (startCenterY - (startBox[1] + startBox[3]) / 2) * s;
        cam.set(cx, cy, ppu / cam.fitPixelsPerUnit());
        remember(cam);
        if (!tr.isRunning()) following = false;
        return true;
    }

    private void remember(Camera cam) {
        setX = cam.centerX();
        setY = cam.centerY();
        setZoom = cam.zoom();
    }
}
