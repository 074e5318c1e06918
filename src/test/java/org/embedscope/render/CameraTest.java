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
}
