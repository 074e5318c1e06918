package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labels changed after load (a user's corrections) reach the GPU: tinted sprites take the new label's colour. */
class RelabelRenderTest {
    @TempDir Path dir;
    private TestScene s;

    @AfterEach
    void tearDown() {
        if (s != null) s.close();
    }

    @Test
    void aRelabelledItemIsTintedInItsNewLabelsColourAndANewLabelGrowsTheTable() throws Exception {
        s = TestScene.open(dir.resolve("b"), SpriteFixture.A, SpriteFixture.B, false, 0.2f, 200);
        ViewState st = s.state();
        st.setTintByLabel(true);
        float[] at = s.scene().layouts()[0];
        s.frame();
        TestScene.assertColor(Palette.rgb(1), s.rgb(s.sx(at[2]), s.sy(at[3])), "item 1 is odd: label 1");
        assertEquals(2, s.scene().labelCounts()[1]);
        // Item 1 gets a third label, with a colour of its own.
        int[] labels = st.labelOfItem().clone();
        labels[1] = 2;
        st.setLabels(labels, List.of("even", "odd", "new"), new int[] {Palette.rgb(0), Palette.rgb(1), 0x30c050});
        s.frame();
        TestScene.assertColor(0x30c050, s.rgb(s.sx(at[2]), s.sy(at[3])), "item 1 in the new label's colour");
        TestScene.assertColor(Palette.rgb(1), s.rgb(s.sx(at[6]), s.sy(at[7])), "item 3 still odd");
        assertArrayEquals(new int[] {3, 1, 1}, s.scene().labelCounts());
        // Hiding the new label hides item 1 alone.
        st.setShown(2, false);
        s.frame();
        assertEquals(SceneRenderer.BACKGROUND, s.rgb(s.sx(at[2]), s.sy(at[3])), "hidden with its new label");
        TestScene.assertColor(Palette.rgb(1), s.rgb(s.sx(at[6]), s.sy(at[7])), "item 3 still shown");
    }
}
