package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.embedscope.render.SpriteSizing;
import org.embedscope.render.ViewState;
import org.embedscope.select.ItemSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SceneInputTest {
    private ViewState state;
    private SceneInput input;
    private int transitions;
    /** Item i sits at screen (100 i, 50); hovering finds it within 10 px. Records region requests. */
    private final List<Object[]> regions = new ArrayList<>();
    private final SceneInput.Selector selector = new SceneInput.Selector() {
        @Override
        public int itemAt(float x, float y) {
            int i = Math.round(x / 100);
            return i >= 0 && i < 10 && Math.abs(x - 100 * i) <= 10 && Math.abs(y - 50) <= 10 ? i : -1;
        }

        @Override
        public void selectInside(float[] outline, boolean box, boolean add) {
            regions.add(new Object[] {outline, box, add});
        }
    };

    @BeforeEach
    void setUp() {
        int[] labels = new int[10];
        for (int i = 0; i < 10; i++) labels[i] = i % 2;
        state = new ViewState(2, 2, labels, 0);
        state.setDataBounds(-1, -1, 1, 1);
        state.setViewport(800, 600, new SpriteSizing(3, 300, 300));
        state.setWorldSizes(new float[] {0.01f, 0.01f});
        state.fit();
        input = new SceneInput(state, () -> transitions++, selector);
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
        input.press(400, 300, 0, 0);
        input.move(430, 280);
        assertEquals(430, state.camera().screenX(wx), 0.05);
        assertEquals(280, state.camera().screenY(wy), 0.05);
        input.release(430, 280);
        input.move(500, 500);
        assertEquals(430, state.camera().screenX(wx), 0.05, "moving without a button does not pan");
    }

    @Test
    void aDragAtAFractionalScalePansByWholePixelsAndKeepsUpWithThePointer() {
        input.scroll(400, 300, 10);
        float wx = state.camera().worldX(400), wy = state.camera().worldY(300);
        input.press(400, 300, 0, 0);
        float x = 400, y = 300;
        for (int k = 1; k <= 40; k++) { // window pixels at 150%: 1.5 framebuffer pixels a step
            long before = state.version();
            float cx = state.camera().screenX(wx), cy = state.camera().screenY(wy);
            x += 1.5f;
            y -= 0.75f;
            input.move(x, y);
            float mx = state.camera().screenX(wx) - cx, my = state.camera().screenY(wy) - cy;
            assertEquals(Math.round(mx), mx, 1e-3, "step " + k + ": a whole-pixel pan, not " + mx);
            assertEquals(Math.round(my), my, 1e-3, "step " + k + ": a whole-pixel pan, not " + my);
            assertEquals(x, state.camera().screenX(wx), 0.51, "step " + k + ": the content stays under the pointer");
            assertEquals(y, state.camera().screenY(wy), 0.51, "step " + k);
            if (mx == 0 && my == 0) assertEquals(before, state.version(), "no pan, no new frame");
        }
        input.release(x, y);
    }

    @Test
    void arrowKeysPanByWholePixels() {
        state.setViewport(803, 601, new SpriteSizing(3, 300, 300)); // a tenth of it is not a whole number
        state.fit();
        input.scroll(401, 300, 10);
        float wx = state.camera().worldX(401), wy = state.camera().worldY(300);
        input.key(SceneInput.Key.LEFT);
        assertEquals(401 + Math.round(SceneInput.PAN_STEP * 803), state.camera().screenX(wx), 1e-3);
        input.key(SceneInput.Key.DOWN);
        assertEquals(300 - Math.round(SceneInput.PAN_STEP * 601), state.camera().screenY(wy), 1e-3);
    }

    @Test
    void doubleClickFitsButTwoSlowClicksDoNot() {
        input.scroll(100, 100, 8);
        input.press(200, 200, 10.0, 0);
        input.release(200, 200);
        input.press(201, 200, 10.0 + SceneInput.DOUBLE_CLICK_SECONDS * 2, 0);
        input.release(201, 200);
        assertTrue(state.camera().zoom() > 1, "slow clicks");
        input.press(201, 200, 20.0, 0);
        input.release(201, 200);
        input.press(202, 201, 20.2, 0);
        input.release(202, 201);
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

    private void click(float x, float y, double t, int mods) {
        input.press(x, y, t, mods);
        input.release(x, y);
    }

    @Test
    void clickSelectsShiftClickTogglesAndEscClears() {
        click(300, 50, 1, 0);
        assertArrayEquals(new int[] {3}, state.selectedItems());
        click(500, 52, 2, SceneInput.SHIFT);
        assertArrayEquals(new int[] {3, 5}, state.selectedItems(), "shift-click adds");
        click(300, 48, 3, SceneInput.SHIFT);
        assertArrayEquals(new int[] {5}, state.selectedItems(), "shift-click again removes");
        click(250, 300, 4, 0);
        assertArrayEquals(new int[] {5}, state.selectedItems(), "a click on nothing keeps the selection");
        click(700, 50, 5, 0);
        assertArrayEquals(new int[] {7}, state.selectedItems(), "a plain click replaces");
        input.key(SceneInput.Key.CLEAR_SELECTION);
        assertEquals(0, state.selectedCount());
        assertTrue(regions.isEmpty(), "clicks are not regions");
    }

    @Test
    void ctrlClickAndNPinEscUnpinsBeforeItClears() {
        click(200, 50, 1, 0);
        click(400, 50, 3, SceneInput.CTRL);
        assertEquals(4, state.pinned(), "ctrl-click pins");
        assertArrayEquals(new int[] {2}, state.selectedItems(), "and leaves the selection alone");
        assertTrue(regions.isEmpty(), "a ctrl-click is no lasso");
        input.move(600, 51);
        input.key(SceneInput.Key.PIN_HOVERED);
        assertEquals(6, state.pinned(), "N pins the item under the pointer, unpinning the last");
        input.move(250, 300);
        input.key(SceneInput.Key.PIN_HOVERED);
        assertEquals(6, state.pinned(), "N over nothing keeps the pin");
        click(600, 50, 5, SceneInput.CTRL);
        assertEquals(-1, state.pinned(), "ctrl-click on the pinned item unpins");
        click(800, 50, 7, SceneInput.CTRL);
        input.key(SceneInput.Key.CLEAR_SELECTION);
        assertEquals(-1, state.pinned(), "Esc unpins");
        assertEquals(1, state.selectedCount(), "the first Esc keeps the selection");
        input.key(SceneInput.Key.CLEAR_SELECTION);
        assertEquals(0, state.selectedCount(), "the second clears it");
        state.setShown(1, false);
        click(300, 50, 9, SceneInput.CTRL);
        assertEquals(-1, state.pinned(), "a hidden item is not pinned");
    }

    @Test
    void aHiddenItemIsNotSelectedByAClick() {
        state.setShown(1, false); // odd items
        click(300, 50, 1, 0);
        assertEquals(0, state.selectedCount());
        click(400, 50, 2, SceneInput.SHIFT);
        assertArrayEquals(new int[] {4}, state.selectedItems());
    }

    @Test
    void shiftDragDrawsABoxAndCtrlDragALassoWithoutPanning() {
        float cx = state.camera().centerX(), cy = state.camera().centerY();
        input.press(100, 100, 1, SceneInput.SHIFT);
        input.move(150, 120);
        assertEquals(SceneInput.Drag.BOX, input.drag());
        input.move(200, 150);
        assertArrayEquals(new float[] {100, 100, 200, 100, 200, 150, 100, 150}, input.outline());
        input.release(200, 150);
        assertEquals(1, regions.size());
        assertArrayEquals(new float[] {100, 100, 200, 100, 200, 150, 100, 150}, (float[]) regions.get(0)[0]);
        assertEquals(true, regions.get(0)[1]);
        assertEquals(false, regions.get(0)[2], "a box replaces the selection");

        input.press(300, 300, 5, SceneInput.CTRL | SceneInput.ALT);
        input.move(301, 300); // closer than a lasso step: not a vertex
        input.move(340, 300);
        input.move(340, 340);
        assertEquals(SceneInput.Drag.LASSO, input.drag());
        assertArrayEquals(new float[] {300, 300, 340, 300, 340, 340}, input.outline());
        input.release(300, 340);
        assertEquals(2, regions.size());
        assertArrayEquals(new float[] {300, 300, 340, 300, 340, 340, 300, 340}, (float[]) regions.get(1)[0]);
        assertEquals(false, regions.get(1)[1]);
        assertEquals(true, regions.get(1)[2], "with Alt the lasso adds");
        assertFalse(input.isDragging());
        assertEquals(0, input.outline().length);
        assertEquals(cx, state.camera().centerX(), 0f, "selecting does not pan");
        assertEquals(cy, state.camera().centerY(), 0f);
    }

    @Test
    void keysInvertDimAndSelectMatches() {
        state.setShown(1, false);
        click(200, 50, 1, 0);
        input.key(SceneInput.Key.INVERT_SELECTION);
        assertArrayEquals(new int[] {0, 4, 6, 8}, state.selectedItems(), "inverted among the shown items");
        input.key(SceneInput.Key.DIM_REST);
        assertTrue(state.dimUnselected());
        input.key(SceneInput.Key.DIM_REST);
        assertFalse(state.dimUnselected());
        state.setMatches(ItemSet.of(10, 3, 6));
        input.key(SceneInput.Key.SELECT_MATCHES);
        assertArrayEquals(new int[] {6}, state.selectedItems(), "the shown matches");
    }
}
