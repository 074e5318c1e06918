package org.embedscope.render;

import org.embedscope.bundle.BundleReader;
import static org.embedscope.render.TestScene.assertColor;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.embedscope.select.ItemSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-item state as a person sees it, on a real GL context: the selection ring and the selected
 * sprite on top, dimmed items, "only matches", and that every pass leaves the GL state as it found it.
 */
class ItemStatesRenderTest {
    static final int SIZE = 256;
    static final float[] A = SceneRendererTest.A;
    static final float[] B = SceneRendererTest.B;

    @TempDir Path dir;
    private TestScene s;

    @AfterEach
    void tearDown() {
        if (s != null) s.close();
    }

    private ItemSet items(int... indices) {
        return ItemSet.of(s.state().itemCount(), indices);
    }

    /** Pixels of exactly the ring's colour (±3) in row {@code y} from column {@code x0} to {@code x1}. */
    private int ringPixels(int x0, int x1, int y) {
        int n = 0;
        for (int x = x0; x <= x1; x++) {
            int c = s.rgb(x, y);
            boolean ring = true;
            for (int shift = 0; shift <= 16; shift += 8) {
                ring &= Math.abs(((c >> shift) & 255) - ((SceneRenderer.SELECTION_COLOR >> shift) & 255)) <= 3;
            }
            if (ring) n++;
        }
        return n;
    }

    @Test
    void aSelectedSpriteIsRingedAndDrawnOverItsNeighbour() throws Exception {
        // Item 1 overlaps item 0 from the right; drawn later, it covers item 0 where their cores meet.
        float[] a = {0, 0, 0.05f, 0, -1, -1, 1, 1};
        s = TestScene.open(dir.resolve("b"), a, a, false, 0.25f, SIZE);
        s.frame();
        float px = s.state().spritePixels();
        int overlapX = s.sx(0.03f), y = s.sy(0);
        int left = Math.round(s.state().camera().screenX(0) - px / 2);
        assertColor(SpriteFixture.color(1), s.rgb(overlapX, y), "the later item on top before selecting");
        assertEquals(0, ringPixels(left - 8, left, y), "no ring before selecting");

        s.state().setSelection(items(0));
        s.frame();
        assertColor(SpriteFixture.color(0), s.rgb(overlapX, y), "the selected item on top");
        assertTrue(ringPixels(left - 8, left, y) >= 1, "a ring left of the selected sprite");
        // The ring has a dark outer edge, so it reads on light images too: just outside it, black.
        float ring = SelectionPass.ringPixels(px);
        int outer = Math.round(s.state().camera().screenX(0) - px / 2 - ring - 0.5f);
        assertColor(SelectionPass.EDGE_COLOR, s.rgb(outer + 1, y), "the ring's dark edge");

        // Another selection moves the ring: the index list is uploaded again.
        s.state().setSelection(items(3));
        s.frame();
        assertEquals(0, ringPixels(left - 8, left, y), "item 0 no longer ringed");
        assertColor(SpriteFixture.color(1), s.rgb(overlapX, y), "item 1 on top again");
        int left3 = Math.round(s.state().camera().screenX(1) - px / 2);
        assertTrue(ringPixels(left3 - 8, left3, s.sy(1)) >= 1, "item 3 ringed");
    }

    @Test
    void dimmedItemsAreDarkerButDrawnAndPickable() throws Exception {
        s = TestScene.open(dir.resolve("b"), A, B, false, 0.25f, SIZE);
        s.state().setSelection(items(4));
        s.state().setDimUnselected(true);
        s.frame();
        int bg = SceneRenderer.BACKGROUND;
        for (int i = 0; i < 4; i++) {
            int c = SpriteFixture.color(i), dimmed = 0;
            for (int shift = 0; shift <= 16; shift += 8) {
                float e = ((bg >> shift) & 255) + SpritePass.DIM_KEEP * (((c >> shift) & 255) - ((bg >> shift) & 255));
                dimmed |= Math.round(e) << shift;
            }
            assertColor(dimmed, s.rgb(s.sx(A[2 * i]), s.sy(A[2 * i + 1])), "item " + i + " dimmed");
            assertEquals(i, s.scene().pick(s.sx(A[2 * i]), s.sy(A[2 * i + 1])), "dimmed item " + i + " is still picked");
        }
        assertColor(SpriteFixture.color(4), s.rgb(s.sx(0), s.sy(0)), "the selected item at full strength");
        s.state().setDimUnselected(false);
        s.frame();
        assertColor(SpriteFixture.color(0), s.rgb(s.sx(A[0]), s.sy(A[1])), "undimmed");
    }

    @Test
    void onlyMatchesRemovesTheRestFromDrawingAndPicking() throws Exception {
        s = TestScene.open(dir.resolve("b"), A, B, false, 0.25f, SIZE);
        s.state().setMatches(items(1, 3));
        s.frame();
        // A search alone dims the items it does not match; they stay pickable.
        assertNotEquals(SceneRenderer.BACKGROUND, s.rgb(s.sx(A[0]), s.sy(A[1])), "non-match drawn");
        assertNotEquals(SpriteFixture.color(0), s.rgb(s.sx(A[0]), s.sy(A[1])), "but dimmed");
        assertEquals(0, s.scene().pick(s.sx(A[0]), s.sy(A[1])));
        s.state().setOnlyMatches(true);
        s.frame();
        for (int i = 0; i < 5; i++) {
            int x = s.sx(A[2 * i]), y = s.sy(A[2 * i + 1]);
            boolean match = i == 1 || i == 3;
            assertColor(match ? SpriteFixture.color(i) : SceneRenderer.BACKGROUND, s.rgb(x, y), "item " + i);
            assertEquals(match ? i : -1, s.scene().pick(x, y), "picking item " + i);
        }
        s.state().setMatches(null);
        s.frame();
        assertColor(SpriteFixture.color(0), s.rgb(s.sx(A[0]), s.sy(A[1])), "no search: all shown");
    }

    @Test
    void aHiddenSelectedItemStaysHidden() throws Exception {
        s = TestScene.open(dir.resolve("b"), A, B, false, 0.25f, SIZE);
        s.state().setSelection(items(0, 1));
        s.state().setShown(0, false); // label "even": items 0, 2, 4
        s.frame();
        float px = s.state().spritePixels();
        int left0 = Math.round(s.state().camera().screenX(A[0]) - px / 2), left1 = Math.round(s.state().camera().screenX(A[2]) - px / 2);
        assertColor(SceneRenderer.BACKGROUND, s.rgb(s.sx(A[0]), s.sy(A[1])), "hidden item 0");
        assertEquals(0, ringPixels(Math.max(0, left0 - 8), left0, s.sy(A[1])), "no ring around a hidden item");
        assertTrue(ringPixels(left1 - 8, left1, s.sy(A[3])) >= 1, "the shown selected item is ringed");
    }

    @Test
    void everyPassLeavesTheGlStateAsItFoundIt() throws Exception {
        s = TestScene.open(dir.resolve("b"), A, B, false, 0.25f, SIZE);
        assertEquals(java.util.List.of(), GlState.deviations(), "after loading");
        s.state().setSelection(items(0, 4));
        s.state().setDimUnselected(true);
        s.view.frame(s.sx(0), s.sy(0), false); // scene, selection, pick and hover
        assertEquals(java.util.List.of(), GlState.deviations(), "after a frame");
        s.scene().thumbnail(4, 64);
        assertEquals(java.util.List.of(), GlState.deviations(), "after a thumbnail");
        s.setWorldSize(0.01f); // flat squares
        s.view.frame(s.sx(0), s.sy(0), false);
        assertEquals(-1, s.scene().currentLevel());
        assertEquals(java.util.List.of(), GlState.deviations(), "after a flat frame");
    }
}
