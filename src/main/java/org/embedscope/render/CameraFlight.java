package org.embedscope.render;

/**
 * An eased camera move from one view (centre, zoom) to another: the centre moves linearly and the
 * zoom geometrically (so zooming in and out feel the same speed), both by the transitions' easing,
 * starting and ending at rest, with the room beyond the pan rule its target needs (Camera). Time is
 * passed in (seconds); GL-free.
 */
final class CameraFlight {
    /** Duration of a flight, in seconds. */
    static final float DURATION = 0.6f;

    private float fromX, fromY, fromZoom, toX, toY, toZoom;
    private float[] slack;
    private float start = Float.NaN;
    private boolean running;

    /**
     * Starts flying at time {@code now} from the camera's view to ({@code x}, {@code y}) at {@code zoom},
     * the pan rule loosened by {@code slack} px per side (null: by the room the view has).
     */
    void start(Camera cam, float x, float y, float zoom, float[] slack, float now) {
        this.slack = slack;
        fromX = cam.centerX();
        fromY = cam.centerY();
        fromZoom = cam.zoom();
        toX = x;
        toY = y;
        toZoom = zoom;
        start = now;
        running = true;
    }

    boolean isRunning() { return running; }

    void stop() { running = false; }

    /** Puts the camera where the flight is at {@code now}; the last step lands exactly on the target. */
    void update(Camera cam, float now) {
        if (!running) return;
        float t = Math.max(0f, (now - start) / DURATION);
        if (t >= 1f - 1e-5f) {
            t = 1f;
            running = false;
        }
        float e = Easing.cubicInOut(t);
        float zoom = (float) (fromZoom * Math.pow(toZoom / fromZoom, e));
        cam.set(fromX + e * (toX - fromX), fromY + e * (toY - fromY), zoom, slack);
    }
}
