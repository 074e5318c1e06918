package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The index finds exactly the items a brute-force pass over every drawn position finds. */
class PickIndexTest {

    /** n items in clusters of very different density, a few far outliers, and exact duplicates. */
    static float[] layout(int n, long seed) {
        Random r = new Random(seed);
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(6);
            double spread = c == 0 ? 0.002 : 0.05 * c;
            xy[2 * i] = (float) (Math.cos(c) * 0.6 + r.nextGaussian() * spread);
            xy[2 * i + 1] = (float) (Math.sin(c) * 0.6 + r.nextGaussian() * spread);
        }
        for (int i = 0; i < n / 500; i++) {
            int k = r.nextInt(n);
            xy[2 * k] = (float) (r.nextGaussian() * 40);
            xy[2 * k + 1] = (float) (r.nextGaussian() * 40);
        }
        for (int i = 0; i < 20; i++) { // duplicates of item 0
            xy[2 * (n - 1 - i)] = xy[0];
            xy[2 * (n - 1 - i) + 1] = xy[1];
        }
        return xy;
    }

    static int[] bruteForce(float[][] layouts, Transition tr, float x, float y, float half) {
        int n = layouts[0].length / 2;
        float[] p = new float[2];
        return java.util.stream.IntStream.range(0, n).filter(i -> {
            tr.position(layouts, i, p);
            return p[0] >= x - half && p[0] <= x + half && p[1] >= y - half && p[1] <= y + half;
        }).toArray();
    }

    @Test
    void sameItemsAsEveryPositionTestedOnRandomCursorsViewsAndTimes() {
        int n = 20_000;
        float[][] layouts = {layout(n, 1), layout(n, 2), layout(n, 3)};
        PickIndex index = new PickIndex(layouts);
        Random r = new Random(4);
        Camera cam = new Camera();
        cam.setViewport(1280, 800);
        cam.setBounds(-1, -1, 1, 1);
        cam.setMaxZoom(400);
        Transition tr = new Transition(0);
        int nonEmpty = 0, moving = 0;
        for (int q = 0; q < 600; q++) {
            if (q % 20 == 0) { // a new transition state: at rest, moving, or turned towards a third layout mid-way
                tr.reset(r.nextInt(3));
                int kind = r.nextInt(3);
                if (kind >= 1) {
                    tr.moveTo((tr.target() + 1) % 3, 0f);
                    tr.update(r.nextFloat() * Transition.DURATION);
                }
                if (kind == 2) {
                    float t = tr.isRunning() ? 0.5f * Transition.DURATION : 0f;
                    tr.moveTo((tr.target() + 1) % 3, t);
                    tr.update(t + r.nextFloat() * 0.9f * Transition.DURATION);
                }
                cam.set((float) r.nextGaussian() * 0.5f, (float) r.nextGaussian() * 0.5f, (float) Math.exp(r.nextDouble() * Math.log(300)));
            }
            float px = r.nextFloat() * cam.width(), py = r.nextFloat() * cam.height();
            if (q % 7 == 0) { // right on an item, or on the duplicates
                float[] p = new float[2];
                tr.position(layouts, q % 3 == 0 ? 0 : r.nextInt(n), p);
                px = cam.screenX(p[0]);
                py = cam.screenY(p[1]);
            }
            float halfPx = 1 + r.nextFloat() * 60;
            int[] got = index.near(tr, cam, px, py, halfPx);
            int[] want = bruteForce(layouts, tr, cam.worldX(px), cam.worldY(py), halfPx / cam.pixelsPerUnit());
            assertArrayEquals(want, got, "query " + q + " weights " + Arrays.toString(tr.weights()));
            if (want.length > 0) nonEmpty++;
            if (tr.isRunning()) moving++;
        }
        assertTrue(nonEmpty > 200, "most queries find something: " + nonEmpty);
        assertTrue(moving > 150, "many queries mid-transition: " + moving);
    }

    @Test
    void theGridVisitsOnlyTheCellsTheBoxTouches() {
        int n = 200_000;
        float[] xy = layout(n, 9);
        PointGrid g = PointGrid.of(xy);
        int[] few = g.query(0.5f, 0.5f, 0.5001f, 0.5001f);
        assertTrue(few.length < 50, "a tiny box holds few items: " + few.length);
        int[] all = g.query(Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY);
        assertEquals(n, all.length, "an unbounded box holds every item, outliers included");
        for (int i = 0; i < n; i++) assertEquals(i, all[i]);
        int[] outlier = g.query(39f, -200f, 200f, 200f);
        int expected = 0;
        for (int i = 0; i < n; i++) if (xy[2 * i] >= 39f) expected++;
        assertEquals(expected, outlier.length, "items beyond the grid are found in its border cells");
    }

    @Test
    void emptyAndSinglePointLayouts() {
        PointGrid none = PointGrid.of(new float[0]);
        assertEquals(0, none.query(-1, -1, 1, 1).length);
        PointGrid one = PointGrid.of(new float[] {0.25f, -0.5f});
        assertArrayEquals(new int[] {0}, one.query(0.25f, -0.5f, 0.25f, -0.5f));
        assertEquals(0, one.query(0.3f, -0.5f, 1f, 1f).length);
    }
}
