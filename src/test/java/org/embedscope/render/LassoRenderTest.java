package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.embedscope.select.ItemSet;
import org.embedscope.select.Polygon;
import org.embedscope.ui.SceneSelector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lasso selects exactly the items whose drawn centre lies inside it: the centres are found in the
 * rendered pixels (each item's core is its own colour), at rest and mid-transition, and compared
 * with a point-in-polygon test on them.
 */
class LassoRenderTest {
    static final int SIZE = 320;
    // Eight items spread out; in layout b they move around so the lasso catches others mid-way.
    static final float[] A = {-0.8f, -0.7f, -0.3f, -0.8f, 0.2f, -0.6f, 0.7f, -0.7f, -0.7f, 0.5f, -0.1f, 0.2f, 0.4f, 0.6f, 0.8f, 0.3f};
    static final float[] B = {0.6f, 0.7f, 0.7f, -0.2f, -0.6f, 0.6f, -0.8f, 0.1f, 0.2f, -0.7f, 0.5f, 0.1f, -0.3f, -0.2f, -0.1f, 0.7f};

    @TempDir Path dir;
    private TestScene s;

    @AfterEach
    void tearDown() {
        if (s != null) s.close();
    }

    /**
     * Each item's drawn centre, from the pixels of its colour: {x, y} per item (NaN when not seen). The
     * fixture's coarse level shows each item in its inverted colour, so the colour looked for is the one
     * of the level the frame sampled (a moving frame may be drawn at half resolution, from the coarse level).
     */
    private float[] drawnCentres() {
        boolean coarse = s.scene().drawnLevel() == 1;
        int n = A.length / 2;
        double[] sx = new double[n], sy = new double[n];
        int[] count = new int[n];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int c = s.rgb(x, y);
                for (int i = 0; i < n; i++) {
                    int want = coarse ? SpriteFixture.inverted(SpriteFixture.color(i)) : SpriteFixture.color(i);
                    if (c == want) {
                        sx[i] += x + 0.5;
                        sy[i] += y + 0.5;
                        count[i]++;
                    }
                }
            }
        }
        float[] out = new float[2 * n];
        for (int i = 0; i < n; i++) {
            out[2 * i] = count[i] > 0 ? (float) (sx[i] / count[i]) : Float.NaN;
            out[2 * i + 1] = count[i] > 0 ? (float) (sy[i] / count[i]) : Float.NaN;
        }
        return out;
    }

    private void check(float[] lasso, String when) {
        s.frame();
        float[] centres = drawnCentres();
        Polygon p = new Polygon(lasso);
        new SceneSelector(s.scene()).selectInside(lasso, false, false);
        ItemSet got = s.state().selection();
        int inside = 0;
        for (int i = 0; i < A.length / 2; i++) {
            assertFalse(Float.isNaN(centres[2 * i]), when + ": item " + i + " is drawn");
            boolean in = p.contains(centres[2 * i], centres[2 * i + 1]);
            if (in) inside++;
            assertEquals(in, got.contains(i), when + ": item " + i + " drawn at " + centres[2 * i] + "," + centres[2 * i + 1]);
        }
        assertTrue(inside >= 2 && inside <= 6, when + ": the lasso holds some items, not all: " + inside);
    }

    @Test
    void aLassoSelectsWhatIsDrawnInsideItAtRestAndMidTransition() throws Exception {
        s = TestScene.open(dir.resolve("b"), A, B, false, 0.12f, SIZE);
        // An L-shaped lasso over the lower left and the left column of the view.
        float[] lasso = {20, 20, 120, 20, 120, 200, 300, 200, 300, 300, 20, 300};
        check(lasso, "at rest");
        s.state().moveTo(1, 0f);
        s.state().update(0.45f * Transition.DURATION);
        check(lasso, "mid-transition");
    }
}
