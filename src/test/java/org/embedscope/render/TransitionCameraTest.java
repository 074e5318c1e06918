package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TransitionCameraTest {
    /** Two layouts of 5,000 items; a cluster of items at the top left of A lands at the bottom right of B, spread out. */
    private static float[][] layouts() {
        SplittableRandom r = new SplittableRandom(7);
        int n = 5000;
        float[] a = new float[2 * n], b = new float[2 * n];
        for (int i = 0; i < n; i++) {
            a[2 * i] = (float) r.nextDouble(-1, 1);
            a[2 * i + 1] = (float) r.nextDouble(-1, 1);
            boolean corner = a[2 * i] < -0.6f && a[2 * i + 1] > 0.6f;
            // The corner's items go to the other corner and spread 1.5 times wider; the rest shuffle.
            b[2 * i] = corner ? 0.7f + 3 * (a[2 * i] + 0.8f) * 0.5f : (float) r.nextDouble(-1, 1);
            b[2 * i + 1] = corner ? -0.7f + 3 * (a[2 * i + 1] - 0.8f) * 0.5f : (float) r.nextDouble(-1, 1);
        }
        return new float[][] {a, b};
    }

    private static ViewState state(float[][] layouts) {
        ViewState st = new ViewState(2, 1, new int[layouts[0].length / 2], 0);
        st.setViewport(800, 600, new SpriteSizing(3, 300, 300));
        st.fitTo(layouts);
        return st;
    }

    @Test
    void itemsOnScreenAtTheStartStayOnScreenAtEveryStep() {
        float[][] l = layouts();
        ViewState st = state(l);
        Camera cam = st.camera();
        st.setView(-0.8f, 0.8f, 10);   // looking at the top-left corner
        int n = l[0].length / 2;
        boolean[] tracked = new boolean[n];
        int count = VisibleItems.mark(l, st.transition(), cam, new int[n], new boolean[] {true}, 0f, tracked);
        assertTrue(count > 10, "some items in view: " + count);
        st.moveTo(1, 0f);
        float[] p = new float[2];
        for (int f = 1; f <= 60; f++) {
            st.update(f / 60f * Transition.DURATION);
            for (int i = 0; i < n; i++) {
                if (!tracked[i]) continue;
                st.transition().position(l, i, p);
                float sx = cam.screenX(p[0]), sy = cam.screenY(p[1]);
                assertTrue(sx >= -0.5f && sx <= cam.width() + 0.5f && sy >= -0.5f && sy <= cam.height() + 0.5f,
                        "item " + i + " at frame " + f + " is at " + sx + "," + sy);
            }
        }
        // The camera ended over the other corner, zoomed out about as much as the items spread.
        assertTrue(cam.centerX() > 0.4f && cam.centerY() < -0.4f, cam.centerX() + "," + cam.centerY());
        assertTrue(cam.zoom() < 10f / 1.3f && cam.zoom() > 10f / 1.7f, "zoom " + cam.zoom());
    }

    @Test
    void turnedOffOrAtTheFittedViewTheCameraStays() {
        float[][] l = layouts();
        ViewState st = state(l);
        st.setFollowTransitions(false);
        st.setView(-0.8f, 0.8f, 10);
        float cx = st.camera().centerX(), cy = st.camera().centerY();
        st.moveTo(1, 0f);
        st.update(Transition.DURATION);
        assertEquals(cx, st.camera().centerX());
        assertEquals(cy, st.camera().centerY());

        ViewState fit = state(l);
        float fx = fit.camera().centerX(), fz = fit.camera().zoom();
        fit.moveTo(1, 0f);
        fit.update(0.5f);
        assertEquals(fx, fit.camera().centerX());
        assertEquals(fz, fit.camera().zoom());
    }

    @Test
    void theUsersMoveEndsTheFollowing() {
        float[][] l = layouts();
        ViewState st = state(l);
        st.setView(-0.8f, 0.8f, 10);
        st.moveTo(1, 0f);
        st.update(0.3f);
        st.pan(50, 0);
        float cx = st.camera().centerX();
        st.update(0.6f);
        assertEquals(cx, st.camera().centerX(), "the camera stays where the user put it");
    }

    /**
     * A transition turned back mid-way keeps tracking the items it started with, so the camera comes
     * back to the view it left: it tracked the items in view mid-way instead, which come from all over
     * the first layout (at a million digits, T pressed twice while zoomed in ended at about the fitted view).
     */
    @Test
    void turnedBackMidWayTheCameraReturnsToWhereItStarted() {
        float[][] l = layouts();
        ViewState st = state(l);
        Camera cam = st.camera();
        st.setView(-0.8f, 0.8f, 10);
        float cx = cam.centerX(), cy = cam.centerY(), zoom = cam.zoom();
        st.moveTo(1, 0f);
        st.update(0.5f * Transition.DURATION);
        assertTrue(cam.zoom() < zoom * 0.95f, "mid-way the camera has zoomed out with the spreading items: " + cam.zoom());
        st.moveTo(0, 0.5f * Transition.DURATION);
        st.update(1.5f * Transition.DURATION);
        assertFalse(st.transition().isRunning());
        assertEquals(zoom, cam.zoom(), zoom * 1e-3f, "back at the zoom it started from");
        assertEquals(cx, cam.centerX(), 1e-3f);
        assertEquals(cy, cam.centerY(), 1e-3f);
    }
}
