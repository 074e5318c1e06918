package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.embedscope.select.ItemSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search's matches are drawn in front of the items it dims, and hovering picks what is drawn: a match
 * under a later item was covered by it, dimmed (a search for 600 Fashion-MNIST items showed a few slivers of
 * them), in the threshold's depth-ordered scene, with smooth alpha and in a recoloured record alike.
 * Hovering finds the selection over the rest, as it is drawn. Item 4 lies on item 0 (red under magenta).
 */
class MatchesInFrontTest {
    static final int SIZE = 256;
    static final float[] ON_TOP = {-1, -1, 1, -1, -1, 1, 1, 1, -1, -1};

    @TempDir Path dir;
    private TestScene scene;

    @AfterEach
    void tearDown() {
        if (scene != null) scene.close();
    }

    private int[] spot() { return new int[] {scene.sx(-1), scene.sy(-1)}; }

    private void open() throws Exception {
        scene = TestScene.open(dir.resolve("bundle"), ON_TOP, SpriteFixture.B, false, 0.25f, SIZE);
    }

    @Test
    void aMatchIsDrawnAndHoveredInFrontOfTheItemOverIt() throws Exception {
        for (boolean smooth : new boolean[] {false, true}) {
            open();
            ViewState st = scene.state();
            st.setSmoothAlpha(smooth);
            int[] p = spot();
            String mode = smooth ? "smooth alpha: " : "threshold: ";
            scene.frame();
            TestScene.assertColor(SpriteFixture.color(4), scene.rgb(p[0], p[1]), mode + "without a search the later item is on top");
            assertEquals(4, scene.scene().hoverAt(p[0], p[1]), mode + "and hovered");
            st.setMatches(ItemSet.of(5, 0));
            scene.frame();
            TestScene.assertColor(SpriteFixture.color(0), scene.rgb(p[0], p[1]), mode + "the match, undimmed, is on top");
            assertEquals(0, scene.scene().hoverAt(p[0], p[1]), mode + "and hovered");
            st.setMatches(ItemSet.of(5, 4));
            scene.frame();
            TestScene.assertColor(SpriteFixture.color(4), scene.rgb(p[0], p[1]), mode + "the other match is on top");
            assertEquals(4, scene.scene().hoverAt(p[0], p[1]), mode + "and hovered");
            scene.close();
            scene = null;
        }
    }

    @Test
    void aSearchOverARecordedSceneBringsItsMatchesToTheFront() throws Exception {
        open();
        ViewState st = scene.state();
        int[] p = spot();
        // Redrawn at an unchanged view, the scene is recorded; a change of colours alone recolours it.
        for (int k = 0; k < 4; k++) {
            st.invalidate();
            scene.frame();
        }
        TestScene.assertColor(SpriteFixture.color(4), scene.rgb(p[0], p[1]), "the later item on top");
        st.setMatches(ItemSet.of(5, 0));
        scene.frame();
        TestScene.assertColor(SpriteFixture.color(0), scene.rgb(p[0], p[1]), "after the search, the match on top");
    }

    @Test
    void theSelectionIsHoveredWhereItIsDrawnOverALaterItem() throws Exception {
        open();
        ViewState st = scene.state();
        int[] p = spot();
        st.selectOnly(0);
        scene.frame();
        TestScene.assertColor(SpriteFixture.color(0), scene.rgb(p[0], p[1]), "the selected item is drawn on top");
        assertEquals(0, scene.scene().hoverAt(p[0], p[1]), "and hovered");
        assertEquals(0, scene.scene().pickByFullPass(p[0], p[1], 0), "a pass over every item finds it too");
    }
}
