package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pinned item's lines, read back from the pixels: a line runs from the pinned sprite to each of its
 * neighbours' (and to no other item), cyan to a neighbour the layout kept near, magenta to one it put
 * far away; the lines follow the sprites mid-transition, vanish with a hidden neighbour and when unpinned.
 */
class NeighborLinesRenderTest {
    static final int SIZE = 320;
    static final int K = 2;
    static final int FILLERS = 22;
    /*
     * Item 0 is pinned; its neighbours are 1 and 2. Items 3.. sit on an arc above it, 0.6 away. In layout
     * a, 1 is the nearest item to 0 (kept) and 2 lies beyond 1 and every filler (layout rank 24 ≥ 10·k: far);
     * in layout b the two change places.
     */
    static final float[] A = layout(0.3f, 0f, -1f, -1f);
    static final float[] B = layout(1f, -1f, 0f, -0.3f);

    private static float[] layout(float x1, float y1, float x2, float y2) {
        float[] xy = new float[2 * (3 + FILLERS)];
        xy[2] = x1;
        xy[3] = y1;
        xy[4] = x2;
        xy[5] = y2;
        for (int f = 0; f < FILLERS; f++) {
            double angle = Math.toRadians(20 + 140.0 * f / (FILLERS - 1));
            xy[2 * (3 + f)] = (float) (0.6 * Math.cos(angle));
            xy[2 * (3 + f) + 1] = (float) (0.6 * Math.sin(angle));
        }
        return xy;
    }

    @TempDir Path dir;
    private TestScene s;

    @AfterEach
    void tearDown() {
        if (s != null) s.close();
    }

    private void open() throws Exception {
        int n = A.length / 2;
        int[] idx = new int[n * K];
        float[] dist = new float[n * K];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < K; r++) {
                idx[i * K + r] = i == 0 ? r + 1 : (i + r + 1) % n;
                dist[i * K + r] = 1f + r;
            }
        }
        Path b = SpriteFixture.builder(A, B, false).neighbors(K, idx, dist).write(dir.resolve("b")).dir;
        s = TestScene.open(b, 0.08f, SIZE);
    }

    /** The colour halfway between where items {@code i} and {@code j} are drawn now. */
    private int midway(int i, int j) {
        float[] p = new float[2], q = new float[2];
        ViewState st = s.state();
        st.transition().position(s.scene().layouts(), i, p);
        st.transition().position(s.scene().layouts(), j, q);
        Camera cam = st.camera();
        int x = (int) Math.floor((cam.screenX(p[0]) + cam.screenX(q[0])) / 2);
        int y = (int) Math.floor((cam.screenY(p[1]) + cam.screenY(q[1])) / 2);
        return s.rgb(x, y);
    }

    @Test
    void linesRunFromThePinnedItemToEachNeighbourInTheColourOfTheirLayoutRank() throws Exception {
        open();
        s.frame();
        assertEquals(SceneRenderer.BACKGROUND, midway(0, 1), "nothing pinned: no line");
        s.state().pin(0);
        s.frame();
        PinnedNeighbors p = s.scene().pinnedNeighbors();
        assertArrayEquals(new int[] {1, 2}, new int[] {p.neighbor(0), p.neighbor(1)});
        assertArrayEquals(new int[] {1, FILLERS + 2}, new int[] {p.layoutRank(0), p.layoutRank(1)});
        TestScene.assertColor(NeighborLinesPass.NEAR_COLOR, midway(0, 1), "to neighbour 1, kept near");
        TestScene.assertColor(NeighborLinesPass.FAR_COLOR, midway(0, 2), "to neighbour 2, put far away");
        for (int f = 3; f < 3 + FILLERS; f += 5) assertEquals(SceneRenderer.BACKGROUND, midway(0, f), "no line to item " + f);
        // The pinned sprite and its neighbours are drawn over the lines: their cores keep their colour.
        float[] at = s.scene().layouts()[0];
        for (int i = 0; i <= 2; i++) {
            TestScene.assertColor(SpriteFixture.color(i), s.rgb(s.sx(at[2 * i]), s.sy(at[2 * i + 1])), "item " + i + " on top");
        }
        assertEquals(java.util.List.of(), GlState.deviations(), "after a frame with lines");
    }

    @Test
    void linesFollowTheSpritesThroughATransitionAndTakeTheTargetLayoutsRanks() throws Exception {
        open();
        s.state().pin(0);
        s.state().moveTo(1, 0f);
        s.state().update(0.4f * Transition.DURATION);
        s.frame();
        // Ranked in layout b, where the view is going: 1 is far now, 2 near.
        TestScene.assertColor(NeighborLinesPass.FAR_COLOR, midway(0, 1), "mid-transition, to neighbour 1");
        TestScene.assertColor(NeighborLinesPass.NEAR_COLOR, midway(0, 2), "mid-transition, to neighbour 2");
        s.state().update(Transition.DURATION);
        s.frame();
        TestScene.assertColor(NeighborLinesPass.NEAR_COLOR, midway(0, 2), "at rest on b");
        TestScene.assertColor(NeighborLinesPass.FAR_COLOR, midway(0, 1), "at rest on b");
    }

    @Test
    void aHiddenNeighbourLosesItsLineAndUnpinningRemovesThem() throws Exception {
        open();
        s.state().pin(0);
        s.state().setShown(1, false); // odd items: 1, 3, 5, ...
        s.frame();
        assertEquals(SceneRenderer.BACKGROUND, midway(0, 1), "hidden neighbour 1: no line");
        TestScene.assertColor(NeighborLinesPass.FAR_COLOR, midway(0, 2), "neighbour 2 shown");
        s.state().setShown(1, true);
        s.state().pin(-1);
        s.frame();
        for (int j = 1; j <= 2; j++) assertEquals(SceneRenderer.BACKGROUND, midway(0, j), "unpinned: no line to " + j);
        assertNull(s.scene().pinnedNeighbors());
    }
}
