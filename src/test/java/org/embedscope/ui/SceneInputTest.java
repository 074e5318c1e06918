package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;

import org.embedscope.render.SpriteSizing;
import org.embedscope.render.ViewState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SceneInputTest {
    private ViewState state;
    private SceneInput input;
    private int transitions;

    @BeforeEach
    void setUp() {
        state = new ViewState(2, 1, 0);
        state.setDataBounds(-1, -1, 1, 1);
        state.setViewport(800, 600, new SpriteSizing(3, 300, 300));
        state.setWorldSizes(new float[] {0.01f, 0.01f});
        state.fit();
        input = new SceneInput(state, () -> transitions++);
    }

    @Test
    void wheelZoomsAboutTheCursor() {
        input.scroll(400, 300, 8); // zoom in at the centre first, so the edges do not constrain the view
        float wx = state.camera().worldX(600), wy = state.camera().worldY(150);
        long v = state.version();
        input.scroll(600, 150, 3);
        assertEquals((float) Math.pow(SceneInput.ZOOM_STEP, 11), state.camera().zoom(), 1e-3);
        assertEquals(600, state.camera().screenX(wx), 0.05);
        assertEquals(150, state.camera().screenY(wy), 0.05);
        assertTrue(state.version() > v, "the scene is redrawn");
        input.scroll(600, 150, -30);
        assertEquals(1f, state.camera().zoom(), "never below the fitted view");
    }

    @Test
    void dragPansWithThePointerAndStopsOnRelease() {
        input.scroll(400, 300, 10);
        float wx = state.camera().worldX(400), wy = state.camera().worldY(300);
        input.press(400, 300, 0);
        input.move(430, 280);
        assertEquals(430, state.camera().screenX(wx), 0.05);
        assertEquals(280, state.camera().screenY(wy), 0.05);
        input.release();
        input.move(500, 500);
        assertEquals(430, state.camera().screenX(wx), 0.05, "moving without a button does not pan");
    }

    @Test
    void doubleClickFitsButTwoSlowClicksDoNot() {
        input.scroll(100, 100, 8);
        input.press(200, 200, 10.0);
        input.release();
        input.press(201, 200, 10.0 + SceneInput.DOUBLE_CLICK_SECONDS * 2);
        input.release();
        assertTrue(state.camera().zoom() > 1, "slow clicks");
        input.press(201, 200, 20.0);
        input.release();
        input.press(202, 201, 20.2);
        input.release();
        assertEquals(1f, state.camera().zoom());
        assertFalse(input.isDragging());
    }

    @Test
    void keysPanZoomFitAndTransition() {
        input.key(SceneInput.Key.ZOOM_IN);
        input.key(SceneInput.Key.ZOOM_IN);
        input.key(SceneInput.Key.ZOOM_IN);
        float z = state.camera().zoom();
        assertEquals(SceneInput.ZOOM_STEP * SceneInput.ZOOM_STEP * SceneInput.ZOOM_STEP, z, 1e-4);
        float cx = state.camera().centerX(), cy = state.camera().centerY();
        input.key(SceneInput.Key.RIGHT);
        assertTrue(state.camera().centerX() > cx, "right arrow shows what is to the right");
        input.key(SceneInput.Key.UP);
        assertTrue(state.camera().centerY() > cy, "up arrow shows what is above");
        input.key(SceneInput.Key.ZOOM_OUT);
        assertEquals(z / SceneInput.ZOOM_STEP, state.camera().zoom(), 1e-4);
        input.key(SceneInput.Key.FIT);
        assertEquals(1f, state.camera().zoom());
        input.key(SceneInput.Key.TRANSITION);
        assertEquals(1, transitions);
    }
}
