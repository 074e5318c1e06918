package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CameraTest {
    private Camera cam;

    @BeforeEach
    void setUp() {
        cam = new Camera();
        cam.setBounds(-1, -0.5f, 1, 0.5f);
        cam.setViewport(1000, 800);
        cam.setMaxZoom(50);
        cam.fit();
    }

    /** One item (bounds of no size) is fitted into the middle of the view beside the panel, not at its edge. */
    @Test
    void aSingleItemIsInTheMiddleOfTheFittedView() {
        Camera one = new Camera();
        one.setBounds(0.3f, -0.2f, 0.3f, -0.2f);
        one.setFitBox(0.3f, -0.2f, 0.3f, -0.2f);
        one.setViewport(1000, 800);
        one.setInsetLeft(270);
        one.setMaxZoom(50);
        one.fit();
        assertEquals(270 + (1000 - 270) / 2f, one.screenX(0.3f), 0.5f);
        assertEquals(400f, one.screenY(-0.2f), 0.5f);
        assertTrue(Float.isFinite(one.pixelsPerUnit()) && one.pixelsPerUnit() < 1000, "a sensible scale: " + one.pixelsPerUnit());
    }

    @Test
    void fittedViewShowsTheWholeDataWithAMargin() {
        // Data spans 2 × 1 units; the width limits: 1000 px · 0.92 / 2 units.
        assertEquals(460f, cam.pixelsPerUnit(), 1e-3);
        assertEquals(500f - 460f, cam.screenX(-1), 1e-3);
        assertEquals(500f + 460f, cam.screenX(1), 1e-3);
        assertEquals(400f, cam.screenY(0), 1e-3);
        // World y up, screen y down.
        assertTrue(cam.screenY(0.5f) < cam.screenY(-0.5f));
    }

    @Test
    void screenAndWorldAreInverse() {
        cam.set(0.3f, 0.1f, 7);
        for (float x : new float[] {0, 123, 999}) assertEquals(x, cam.screenX(cam.worldX(x)), 1e-2);
        for (float y : new float[] {0, 456, 799}) assertEquals(y, cam.screenY(cam.worldY(y)), 1e-2);
    }

    @Test
    void zoomAboutCursorKeepsTheWorldPointUnderIt() {
        cam.set(0, 0, 4);
        float sx = 700, sy = 250;
        float wx = cam.worldX(sx), wy = cam.worldY(sy);
        cam.zoomAbout(sx, sy, 1.5f);
        assertEquals(6f, cam.zoom(), 1e-4);
        assertEquals(sx, cam.screenX(wx), 1e-2);
        assertEquals(sy, cam.screenY(wy), 1e-2);
    }

    @Test
    void zoomStaysBetweenFitAndMax() {
        cam.zoomAbout(500, 400, 0.1f);
        assertEquals(1f, cam.zoom());
        for (int i = 0; i < 100; i++) cam.zoomAbout(500, 400, 2f);
        assertEquals(50f, cam.zoom());
    }

    @Test
    void panCannotPushTheDataOffScreen() {
        cam.set(0, 0, 8);
        cam.panPixels(1e6f, -1e6f);
        float halfW = 500f / cam.pixelsPerUnit();
        // The view's left edge stops at the data's left edge.
        assertEquals(-1f + halfW, cam.centerX(), 1e-4);
        assertTrue(cam.screenX(-1f) >= -1e-2 && cam.screenX(1f) > cam.width());
        // At the fitted zoom, nothing moves: the data is centred.
        cam.fit();
        cam.panPixels(300, 300);
        assertEquals(0f, cam.centerX(), 1e-6);
        assertEquals(0f, cam.centerY(), 1e-6);
    }

    @Test
    void dragMovesTheWorldWithThePointer() {
        cam.set(0, 0, 8);
        float wx = cam.worldX(400), wy = cam.worldY(300);
        cam.panPixels(25, -10);
        assertEquals(425f, cam.screenX(wx), 1e-2);
        assertEquals(290f, cam.screenY(wy), 1e-2);
    }

    @Test
    void worldToClipMapsTheViewToTheUnitSquare() {
        cam.set(0.2f, 0.1f, 3);
        float[] m = cam.worldToClip();
        float wx = cam.worldX(0), wy = cam.worldY(0); // top-left pixel corner
        float clipX = m[0] * wx + m[12], clipY = m[5] * wy + m[13];
        assertEquals(-1f, clipX, 1e-4);
        assertEquals(1f, clipY, 1e-4);
    }

    @Test
    void fittedViewShowsTheCoreBoxAndZoomingOutReachesTheOutliers() {
        Camera c = new Camera();
        c.setBounds(-1, -1, 9, 1);          // an outlier far to the right
        c.setFitBox(-1, -1, 1, 1);
        c.setViewport(1000, 800);
        c.setMaxZoom(50);
        c.fit();
        // The core fills the height: 800 · 0.92 / 2 units, centred.
        assertEquals(368f, c.pixelsPerUnit(), 1e-3);
        assertEquals(500f, c.screenX(0), 1e-3);
        assertTrue(c.screenX(9) > c.width(), "the outlier is out of the fitted view");
        // Zooming out all the way shows everything.
        c.zoomAbout(500, 400, 1e-3f);
        assertEquals(c.minZoom(), c.zoom(), 1e-6);
        assertTrue(c.minZoom() < 1f);
        assertTrue(c.screenX(-1) >= 0 && c.screenX(9) <= c.width(), c.screenX(-1) + " .. " + c.screenX(9));
        // At the fitted zoom the view can pan over to the outlier, but not beyond it.
        c.fit();
        c.panPixels(-1e6f, 0);
        assertTrue(c.screenX(9) <= c.width() + 1e-2 && c.screenX(9) >= c.width() / 2f, "pan stops at the outlier: " + c.screenX(9));
        c.panPixels(1e6f, 0);
        assertEquals(0f, c.centerX(), 1e-5, "back at the core: the fitted centre is allowed");
    }

    @Test
    void withoutOutliersTheClassicRulesHold() {
        // The fit box equal to the bounds gives the rules tested above; a fit box inside them only
        // widens where the centre may go.
        cam.setFitBox(-1, -0.5f, 1, 0.5f);
        cam.set(0, 0, 8);
        cam.panPixels(1e6f, -1e6f);
        assertEquals(-1f + 500f / cam.pixelsPerUnit(), cam.centerX(), 1e-4);
    }

    @Test
    void aPanelAtTheLeftShiftsTheFittedViewIntoTheRest() {
        cam.setInsetLeft(200);
        // The data now fits 800 px: 800 · 0.92 / 2 units, centred on pixel 600.
        assertEquals(368f, cam.pixelsPerUnit(), 1e-3);
        assertEquals(600f, cam.screenX(0), 1e-2);
        assertTrue(cam.screenX(-1) > 200, "clear of the panel");
        assertTrue(cam.isFitted());
        // Zoomed in, closing the panel keeps the scale and where the view is.
        cam.set(0.2f, 0.1f, 4);
        float ppu = cam.pixelsPerUnit(), cx = cam.centerX();
        cam.setInsetLeft(0);
        assertEquals(ppu, cam.pixelsPerUnit(), 1e-3);
        assertEquals(cx, cam.centerX(), 1e-5);
    }
}
