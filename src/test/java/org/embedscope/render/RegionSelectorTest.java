package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.embedscope.select.ItemSet;
import org.embedscope.select.Polygon;
import org.junit.jupiter.api.Test;

/** Boxes and lassos select by drawn position: the transition's blend, seen through the camera. GL-free. */
class RegionSelectorTest {
    static final int N = 3000;

    private static float[][] layouts() {
        SplittableRandom r = new SplittableRandom(7);
        float[] a = new float[2 * N], b = new float[2 * N];
        for (int i = 0; i < 2 * N; i++) {
            a[i] = (float) r.nextDouble(-1, 1);
            b[i] = (float) r.nextDouble(-1, 1);
        }
        return new float[][] {a, b};
    }

    private static ViewState state(float[][] l) {
        int[] labels = new int[N];
        for (int i = 0; i < N; i++) labels[i] = i % 3;
        ViewState st = new ViewState(2, 3, labels, 0);
        st.setViewport(800, 600, new SpriteSizing(3, 100, 100));
        st.fitTo(l);
        return st;
    }

    /** A star-shaped (non-convex) lasso of 100 vertices around screen point (cx, cy). */
    private static float[] star(float cx, float cy, float r) {
        float[] o = new float[200];
        for (int k = 0; k < 100; k++) {
            double t = 2 * Math.PI * k / 100, rr = r * (k % 2 == 0 ? 1 : 0.45);
            o[2 * k] = (float) (cx + rr * Math.cos(t));
            o[2 * k + 1] = (float) (cy + rr * Math.sin(t));
        }
        return o;
    }

    /** The items a point-in-polygon test finds at their drawn screen positions (the reference). */
    private static ItemSet reference(ViewState st, float[][] l, float[] outline) {
        Polygon p = new Polygon(outline);
        ItemSet want = new ItemSet(N);
        float[] xy = new float[2];
        for (int i = 0; i < N; i++) {
            st.transition().position(l, i, xy);
            if (!st.isHidden(i) && p.contains(st.camera().screenX(xy[0]), st.camera().screenY(xy[1]))) want.add(i);
        }
        return want;
    }

    @Test
    void aLassoSelectsExactlyTheItemsDrawnInsideItAtRestAndMidTransition() {
        float[][] l = layouts();
        ViewState st = state(l);
        st.setView(0.2f, -0.1f, 2.5f);
        RegionSelector sel = new RegionSelector(l);
        float[] lasso = star(420, 310, 200);
        ItemSet at = sel.inside(st, lasso, false);
        assertTrue(at.cardinality() > 50, "a real selection: " + at.cardinality());
        assertEquals(reference(st, l, lasso), at, "at rest");

        st.moveTo(1, 0f);
        st.update(0.37f * Transition.DURATION);
        ItemSet mid = sel.inside(st, lasso, false);
        assertEquals(reference(st, l, lasso), mid, "mid-transition: the drawn, blended positions");
        assertNotEquals(at, mid, "the items moved");
    }

    @Test
    void hiddenItemsAreNotSelectedAndABoxIsItsCorners() {
        float[][] l = layouts();
        ViewState st = state(l);
        st.setShown(1, false);
        RegionSelector sel = new RegionSelector(l);
        float[] box = {100, 80, 500, 80, 500, 400, 100, 400};
        ItemSet got = sel.inside(st, box, true);
        assertEquals(reference(st, l, box), got);
        for (int i = got.next(0); i >= 0; i = got.next(i + 1)) assertNotEquals(1, i % 3, "item " + i + " is hidden");
        assertEquals(0, sel.inside(st, new float[] {1, 1, 2, 2}, false).cardinality(), "two vertices hold nothing");
    }
}
