package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.embedscope.bundle.BundleReader;
import org.embedscope.bundle.Ink;
import org.embedscope.ui.OffscreenExplorer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The renderer on a real GL context (Mesa llvmpipe): draws synthetic bundles, reads pixels back and
 * checks what a person would see.
 */
class SceneRendererTest {
    static final int SIZE = 256;

    @TempDir Path dir;
    private TestScene scene;
    private OffscreenExplorer view;

    static final float[] A = SpriteFixture.A, B = SpriteFixture.B;

    @AfterEach
    void tearDown() {
        if (scene != null) scene.close();
    }

    private OffscreenExplorer open(float[] a, float[] b, boolean grey, float worldSize) throws Exception {
        scene = TestScene.open(dir.resolve("bundle"), a, b, grey, worldSize, SIZE);
        view = scene.view;
        return view;
    }

    private void setWorldSize(float worldSize) { scene.setWorldSize(worldSize); }

    private ViewState state() { return view.scene().state(); }

    private int sx(float wx) { return scene.sx(wx); }

    private int sy(float wy) { return scene.sy(wy); }

    private static void assertColor(int expected, int actual, String what) { TestScene.assertColor(expected, actual, what); }

    @Test
    void eachSpriteShowsItsOwnCellAtItsPosition() throws Exception {
        open(A, B, false, 0.25f);
        view.frame(-1, -1, false);
        for (int i = 0; i < 5; i++) {
            assertColor(SpriteFixture.color(i), view.rgb(sx(A[2 * i]), sy(A[2 * i + 1])), "centre of item " + i);
        }
        // Between sprites: background.
        assertColor(SceneRenderer.BACKGROUND, view.rgb(sx(0.5f), sy(0.5f)), "empty space");
    }

    @Test
    void thresholdDiscardsHalfTransparentTexelsAndLoweringItShowsThem() throws Exception {
        open(A, B, false, 0.25f);
        float px = state().spritePixels();
        // A point in the ring: 2.5/16 of the sprite from its left edge, level with its centre.
        int x = Math.round(state().camera().screenX(0) - px / 2 + px * 2.5f / 16), y = sy(0);
        view.frame(-1, -1, false);
        assertColor(SceneRenderer.BACKGROUND, view.rgb(x, y), "ring at threshold 0.5");
        state().setThreshold(0.2f);
        view.frame(-1, -1, false);
        assertColor(SpriteFixture.color(4), view.rgb(x, y), "ring at threshold 0.2");
        // The transparent corner stays background at any threshold above zero.
        int cx = Math.round(state().camera().screenX(0) - px / 2 + 1.5f);
        int cy = Math.round(state().camera().screenY(0) - px / 2 + 1.5f);
        assertColor(SceneRenderer.BACKGROUND, view.rgb(cx, cy), "transparent corner");
    }

    /** Width in pixels of the run of non-background pixels through (x, y) along the row. */
    private int runWidth(int x, int y) {
        int left = x, right = x;
        while (left > 0 && view.rgb(left - 1, y) != SceneRenderer.BACKGROUND) left--;
        while (right < SIZE - 1 && view.rgb(right + 1, y) != SceneRenderer.BACKGROUND) right++;
        return right - left + 1;
    }

    @Test
    void onScreenSizeFollowsTheZoomRule() throws Exception {
        open(A, B, false, 0.2f);
        view.frame(-1, -1, false);
        float px1 = state().spritePixels();
        assertEquals(0.2f * state().camera().pixelsPerUnit(), px1, 1e-3);
        int core1 = runWidth(sx(0), sy(0));
        // The opaque core is half the sprite.
        assertEquals(px1 / 2, core1, 2.0, "core width at zoom 1");
        state().setView(0, 0, 2);
        view.frame(-1, -1, false);
        int core2 = runWidth(sx(0), sy(0));
        assertEquals(2 * px1 / 2, core2, 2.0, "core width at zoom 2");
        // Past the clamp the size stops growing. (Layout b's smaller sprites let the camera zoom on.)
        SpriteSizing s = state().sizing();
        state().setSizing(new SpriteSizing(1f, 1.5f * px1, s.pointLimit()));
        state().setWorldSizes(new float[] {0.2f, 0.05f});
        state().setView(0, 0, 3);
        assertEquals(3f, state().camera().zoom(), 1e-6);
        view.frame(-1, -1, false);
        assertEquals(1.5f * px1 / 2, runWidth(sx(0), sy(0)), 2.0, "clamped at max");
    }

    @Test
    void pickingFindsTheItemUnderAnOpaqueTexelAndNothingElsewhere() throws Exception {
        open(A, B, false, 0.25f);
        for (int i = 0; i < 5; i++) assertEquals(i, view.scene().pick(sx(A[2 * i]), sy(A[2 * i + 1])), "item " + i);
        assertEquals(-1, view.scene().pick(sx(0.5f), sy(0.5f)), "background");
        float px = state().spritePixels();
        int ringX = Math.round(state().camera().screenX(0) - px / 2 + px * 2.5f / 16);
        assertEquals(-1, view.scene().pick(ringX, sy(0)), "discarded ring texel is not the item");
        state().setThreshold(0.2f);
        assertEquals(4, view.scene().pick(ringX, sy(0)), "after lowering the threshold it is");
    }

    @Test
    void midTransitionSpritesAndPickingFollowTheInterpolatedPosition() throws Exception {
        open(A, B, false, 0.25f);
        Transition t = state().transition();
        state().moveTo(1, 0f);
        state().update(0.5f); // halfway in time = halfway in space
        // Items 0–3 all cross the origin halfway; item 4 moves from (0, 0) to (0.5, 0), so halfway it is
        // alone at (0.25, 0), just right of the crowd.
        float[] p = new float[2];
        t.position(view.scene().layouts(), 4, p);
        assertEquals(0.25f, p[0], 1e-5);
        view.frame(-1, -1, false);
        int x = sx(p[0]) + Math.round(state().spritePixels() * 0.2f), y = sy(p[1]);
        assertColor(SpriteFixture.color(4), view.rgb(x, y), "item 4 mid-way");
        assertEquals(4, view.scene().pick(x, y));
        // Where item 4 started, only the items crossing the origin may be; 0.1 to the left of it nothing is.
        assertEquals(-1, view.scene().pick(sx(-0.35f), sy(0)));
    }

    @Test
    void hiddenLabelIsNeitherDrawnNorPicked() throws Exception {
        open(A, B, false, 0.25f);
        state().setShown(0, false); // label "even": items 0, 2, 4
        view.frame(-1, -1, false);
        assertColor(SceneRenderer.BACKGROUND, view.rgb(sx(A[0]), sy(A[1])), "hidden item 0");
        assertEquals(-1, view.scene().pick(sx(A[0]), sy(A[1])));
        assertColor(SpriteFixture.color(1), view.rgb(sx(A[2]), sy(A[3])), "shown item 1");
        assertEquals(1, view.scene().pick(sx(A[2]), sy(A[3])));
        state().setShown(0, true);
        view.frame(-1, -1, false);
        assertColor(SpriteFixture.color(0), view.rgb(sx(A[0]), sy(A[1])), "shown again");
    }

    @Test
    void hoverDrawsTheItemEnlargedOverItsNeighbour() throws Exception {
        // Items 0 and 1 side by side, 0.3 apart: sprites of 0.25 do not overlap, the hover does.
        float[] a = {0, 0, 0.3f, 0, -1, -1, 1, 1};
        open(a, a, false, 0.25f);
        view.frame(-1, -1, false);
        int nx = sx(0.3f), ny = sy(0);
        assertColor(SpriteFixture.color(1), view.rgb(nx, ny), "neighbour before hover");
        int hovered = view.frame(sx(0), sy(0), false);
        assertEquals(0, hovered);
        float[] r = view.scene().hoverRect(0);
        assertTrue(r[2] >= SceneRenderer.HOVER_MIN_PX && r[2] >= 4 * state().spritePixels() - 1e-3);
        int c = view.rgb(nx, ny);
        assertNotEquals(SpriteFixture.color(1), c, "the neighbour is covered by the hover");
        // The middle of the enlarged image is the hovered item's core, in its colour.
        assertColor(SpriteFixture.color(0), view.rgb(Math.round(r[0] + r[2] / 2), Math.round(r[1] + r[2] / 2)), "hover centre");
    }

    /** An item at the window's edge: its enlarged image and the panel's margin round it stay inside the window (the border had been cut). */
    @Test
    void theHoverAtTheWindowsEdgeKeepsItsPanelInside() throws Exception {
        float[] a = {0, 0, 0.3f, 0, -1, -1, 1, 1};
        open(a, a, false, 0.25f);
        view.frame(-1, -1, false);
        int w = state().camera().width(), h = state().camera().height();
        float[] r = view.scene().hoverRect(3);   // top right
        float wouldBe = sy(1) - r[2] / 2;
        assertTrue(wouldBe < 4, "centred on the item it would reach past the top: " + wouldBe);
        float pad = Math.max(4f, r[2] * 0.04f);
        assertTrue(r[1] - pad >= -1e-3 && r[0] + r[2] + pad <= w + 1e-3, java.util.Arrays.toString(r) + " in " + w + "x" + h);
        r = view.scene().hoverRect(2);   // bottom left
        assertTrue(r[0] - pad >= -1e-3 && r[1] + r[2] + pad <= h + 1e-3, java.util.Arrays.toString(r) + " in " + w + "x" + h);
    }

    @Test
    void zoomedOutSamplesTheCoarseLevel() throws Exception {
        open(A, B, false, 0.25f);
        // ~29 px sprites: the 16-px level; ~7 px: the 8-px level, whose cells are drawn inverted.
        view.frame(-1, -1, false);
        assertEquals(0, view.scene().currentLevel());
        assertColor(SpriteFixture.color(2), view.rgb(sx(A[4]), sy(A[5])), "fine level");
        setWorldSize(0.06f);
        view.frame(-1, -1, false);
        assertEquals(1, view.scene().currentLevel());
        assertColor(SpriteFixture.inverted(SpriteFixture.color(2)), view.rgb(sx(A[4]), sy(A[5])), "coarse level");
    }

    @Test
    void spritesBelowTheFlatSizeAreSquaresOfTheirLabelColour() throws Exception {
        open(A, B, false, 0.25f);
        // Two texels in from the sprite's corner: transparent in the cell, inside its square.
        float px = state().spritePixels();
        int cornerX = Math.round(state().camera().screenX(A[8]) - px / 2 + px * 1.5f / 16);
        int cornerY = Math.round(state().camera().screenY(A[9]) - px / 2 + px * 1.5f / 16);
        view.frame(-1, -1, false);
        assertColor(SpriteFixture.color(4), view.rgb(sx(A[8]), sy(A[9])), "the image's core");
        assertColor(SceneRenderer.BACKGROUND, view.rgb(cornerX, cornerY), "the image's transparent corner");
        state().setFlatBelowPx(Float.POSITIVE_INFINITY);
        view.frame(-1, -1, false);
        assertEquals(-1, view.scene().currentLevel());
        assertEquals(px, state().spritePixels(), 1e-4, "the same size");
        assertColor(Palette.rgb(0), view.rgb(sx(A[8]), sy(A[9])), "item 4 (label 0): a square of its label's colour");
        assertColor(Palette.rgb(0), view.rgb(cornerX, cornerY), "the square's corner too");
        state().setFlatBelowPx(ViewState.DEFAULT_FLAT_BELOW_PX);
        view.frame(-1, -1, false);
        assertColor(SceneRenderer.BACKGROUND, view.rgb(cornerX, cornerY), "the image again");
    }

    @Test
    void luminanceAlphaShowsAGreyRegionOnlyAboveTheThreshold() throws Exception {
        open(A, B, true, 0.25f);
        float px = state().spritePixels();
        int ringX = Math.round(state().camera().screenX(0) - px / 2 + px * 2.5f / 16), y = sy(0);
        view.frame(-1, -1, false);
        assertColor(0xffffff, view.rgb(sx(0), y), "white core");
        assertColor(SceneRenderer.BACKGROUND, view.rgb(ringX, y), "grey ring (80/255) below 0.5");
        state().setThreshold(0.25f);
        view.frame(-1, -1, false);
        // Luminance alpha: the ring is ink of coverage 80/255, drawn at full strength once kept.
        assertColor(0xffffff, view.rgb(ringX, y), "grey ring above 0.25");
    }

    @Test
    void shadedGreyImagesShowTheirOwnGreysFromALowThreshold() throws Exception {
        // The same grey cells as above, in a bundle that says its images are shaded (atlas.ink).
        scene = TestScene.open(SpriteFixture.builder(A, B, true).ink(Ink.SHADED).write(dir.resolve("shaded")).dir, 0.25f, SIZE);
        view = scene.view;
        float px = state().spritePixels();
        int ringX = Math.round(state().camera().screenX(0) - px / 2 + px * 2.5f / 16), y = sy(0);
        view.frame(-1, -1, false);
        assertEquals(0.1f, state().threshold(), "the view starts at the shaded images' threshold");
        assertColor(0xffffff, view.rgb(sx(0), y), "white core");
        int ring = SpriteFixture.RING_ALPHA;
        assertColor(ring << 16 | ring << 8 | ring, view.rgb(ringX, y), "the grey ring (80/255) in its own grey, not white");
        state().setThreshold(0.5f);
        view.frame(-1, -1, false);
        assertColor(SceneRenderer.BACKGROUND, view.rgb(ringX, y), "the ring below a threshold of 0.5");
        // Blended by their alpha, the greys are the same over the background (not their square, darker).
        state().setSmoothAlpha(true);
        view.frame(-1, -1, false);
        int bg = SceneRenderer.BACKGROUND, keep = 255 - ring, blended = 0;
        for (int shift = 16; shift >= 0; shift -= 8) blended = blended << 8 | (ring + ((bg >> shift) & 255) * keep / 255);
        assertColor(blended, view.rgb(ringX, y), "smooth alpha: the ring's grey over the background");
    }

    @Test
    void colourByLabelTintsTheShapeWithTheLabelColour() throws Exception {
        open(A, B, false, 0.25f);
        state().setTintByLabel(true);
        view.frame(-1, -1, false);
        assertColor(Palette.rgb(1), view.rgb(sx(A[2]), sy(A[3])), "item 1 has label 1 (odd)");
        assertColor(Palette.rgb(0), view.rgb(sx(A[4]), sy(A[5])), "item 2 has label 0 (even)");
    }

    @Test
    void pickingWithARadiusFindsTheNearestVisibleTexel() throws Exception {
        open(A, B, false, 0.25f);
        float px = state().spritePixels();
        // Just outside the right edge of item 4's core (core = middle half of the sprite).
        int x = Math.round(state().camera().screenX(0) + px / 4 + 2), y = sy(0);
        assertEquals(-1, view.scene().pick(x, y, 0), "exactly there: a discarded ring texel");
        assertEquals(4, view.scene().pick(x, y, 4), "within 4 px of the core");
        assertEquals(-1, view.scene().pick(sx(0.5f), sy(0.5f), 4), "far from everything");
        assertTrue(SceneRenderer.hoverRadius(3) > SceneRenderer.hoverRadius(30));
        assertEquals(0, SceneRenderer.hoverRadius(30));
    }

    @Test
    void aLargeSpriteWhoseCentreLeftTheViewStillShowsItsVisibleHalf() throws Exception {
        open(A, B, false, 0.6f);
        SpriteSizing s = state().sizing();
        state().setSizing(new SpriteSizing(1f, 200f, s.pointLimit()));
        state().setWorldSizes(new float[] {0.6f, 0.6f});
        // Zoom 3, then put item 4 (at the origin) 5 px beyond the left edge.
        state().setView(0, 0, 3);
        float ppu = state().camera().pixelsPerUnit();
        state().setView((SIZE / 2f + 5) / ppu, 0, 3);
        assertEquals(-5f, state().camera().screenX(0), 0.01f);
        float px = state().spritePixels();
        assertTrue(px > 100, "a large sprite: " + px);
        view.frame(-1, -1, false);
        // Its core spans ±px/4 around the centre: pixel 2 is inside it.
        assertColor(SpriteFixture.color(4), view.rgb(2, sy(0)), "the visible half is drawn");
        assertEquals(4, view.scene().pick(2, sy(0)), "and pickable");
    }

    @Test
    void coarseLevelsScaleTheThresholdSoThinStrokesSurvive() throws Exception {
        open(A, B, true, 0.25f);
        // Level 1 has 8-px cells for 16-px ones at level 0: the threshold times √(1/2).
        assertEquals(0.5f * (float) Math.sqrt(0.5), view.scene().levelThreshold(1), 1e-6);
        assertEquals(0.5f, view.scene().levelThreshold(0), 1e-6);
        // The grey test cells' core is 255 at level 0 but 153/255 = 0.6 at level 1. A user threshold of
        // 0.8 keeps it at level 1 only because it is lowered there (0.57); 1.0 (0.71) hides it.
        setWorldSize(0.06f);
        state().setThreshold(0.8f);
        view.frame(-1, -1, false);
        assertEquals(1, view.scene().currentLevel());
        assertNotEquals(SceneRenderer.BACKGROUND, view.rgb(sx(0), sy(0)), "core kept at level 1 with threshold 0.8");
        state().setThreshold(1.0f);
        view.frame(-1, -1, false);
        assertColor(SceneRenderer.BACKGROUND, view.rgb(sx(0), sy(0)), "core hidden at level 1 with threshold 1.0");
    }
}
