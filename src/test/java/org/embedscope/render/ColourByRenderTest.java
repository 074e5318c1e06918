package org.embedscope.render;

import static org.embedscope.render.TestScene.assertColor;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Colouring by any column, as drawn: numbers through viridis, categories through the palette and their legend. */
class ColourByRenderTest {
    static final float[] A = SpriteFixture.A, B = SpriteFixture.B;

    @TempDir Path dir;
    private TestScene s;

    @AfterEach
    void tearDown() {
        if (s != null) s.close();
    }

    private int centre(int i) { return s.rgb(s.sx(A[2 * i]), s.sy(A[2 * i + 1])); }

    @Test
    void numbersPaintTheMaximumWithTheMapsEndAndTheMinimumWithItsStart() throws Exception {
        s = TestScene.open(dir.resolve("b"), A, B, false, 0.25f, 256);
        // a_x is -1, 1, -1, 1, 0: items 1 and 3 hold the maximum, 0 and 2 the minimum.
        ColourBy c = ColourBy.of(s.scene().columns().column("a_x"), false);
        s.state().setColourBy(c);
        s.state().setTintByLabel(true);
        s.frame();
        assertColor(0xfde725, centre(1), "the maximum: the map's end");
        assertColor(0xfde725, centre(3), "the maximum: the map's end");
        assertColor(0x440154, centre(0), "the minimum: the map's start");
        assertColor(ColourMap.rgb(c.position(0)), centre(4), "the middle value where the range puts it");
        assertColor(c.rgb(4), centre(4), "what the CPU says is drawn");
        // A narrower range moves the middle item to the end.
        s.state().setColourRange(-1, 0);
        s.frame();
        assertColor(0xfde725, centre(4), "0 at the top of the range [-1, 0]");
        // Flat squares take the colour too.
        s.setWorldSize(0.005f);
        s.frame();
        assertEquals(-1, s.scene().currentLevel());
        assertColor(0x440154, centre(0), "a flat square of the minimum");
    }

    @Test
    void categoriesTakeThePaletteAndTheirLegendHidesAndSelects() throws Exception {
        s = TestScene.open(dir.resolve("b"), A, B, false, 0.25f, 256);
        // note is "item 0" … "item 4": five categories, in that order.
        ColourBy c = ColourBy.of(s.scene().columns().column("note"), true);
        assertEquals(5, c.categoryCount());
        s.state().setColourBy(c);
        s.state().setTintByLabel(true);
        s.frame();
        for (int i = 0; i < 5; i++) assertColor(Palette.rgb(i), centre(i), "item " + i + " in its category's colour");
        s.state().setCategoryShown(2, false);
        s.frame();
        assertColor(SceneRenderer.BACKGROUND, centre(2), "a hidden category is not drawn");
        assertEquals(-1, s.scene().pick(s.sx(A[4]), s.sy(A[5])), "nor picked");
        assertEquals(0, s.scene().pick(s.sx(A[0]), s.sy(A[1])));
        s.state().selectCategory(3);
        assertArrayEquals(new int[] {3}, s.state().selectedItems());
        // Back to the labels: their legend decides again (category 2 of the notes no longer hides item 2).
        s.state().setColourBy(s.state().labelColouring());
        s.frame();
        assertColor(Palette.rgb(0), centre(2), "item 2 in its label's colour");
    }
}
