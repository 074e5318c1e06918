package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The region a partial frame redraws covers every pixel added to it, each once, within the frame. */
class DamageRegionTest {
    static final int W = 200, H = 120;

    @Test
    void coversEveryBoxAddedOnceAndStaysInTheFrame() {
        Random rnd = new Random(7);
        DamageRegion d = new DamageRegion();
        for (int trial = 0; trial < 300; trial++) {
            d.clear(W, H);
            boolean[] wanted = new boolean[W * H];
            int boxes = 1 + rnd.nextInt(12);
            for (int b = 0; b < boxes; b++) {
                int x0 = rnd.nextInt(W + 40) - 20, y0 = rnd.nextInt(H + 40) - 20;
                int x1 = x0 + rnd.nextInt(60), y1 = y0 + rnd.nextInt(40);
                d.add(new int[] {x0, y0, x1, y1});
                for (int y = Math.max(0, y0); y < Math.min(H, y1); y++) {
                    for (int x = Math.max(0, x0); x < Math.min(W, x1); x++) wanted[y * W + x] = true;
                }
            }
            int[] times = new int[W * H];
            assertTrue(d.count() <= DamageRegion.MOST);
            long area = 0;
            for (int k = 0; k < d.count(); k++) {
                int[] r = d.rect(k);
                assertTrue(r[0] >= 0 && r[1] >= 0 && r[2] <= W && r[3] <= H && r[0] < r[2] && r[1] < r[3], "inside the frame, not empty");
                area += (long) (r[2] - r[0]) * (r[3] - r[1]);
                for (int y = r[1]; y < r[3]; y++) {
                    for (int x = r[0]; x < r[2]; x++) times[y * W + x]++;
                }
            }
            assertEquals(area, d.area());
            for (int i = 0; i < W * H; i++) {
                assertTrue(times[i] <= 1, "a pixel is drawn once at most");
                if (wanted[i]) assertEquals(1, times[i], "every damaged pixel is redrawn");
            }
        }
    }

    @Test
    void separateBoxesStaySeparateAndTouchingOnesMerge() {
        DamageRegion d = new DamageRegion();
        d.clear(W, H);
        d.add(new int[] {10, 10, 20, 20});
        d.add(new int[] {100, 50, 130, 70});
        assertEquals(2, d.count(), "two distant boxes: two passes, not their bounding box");
        assertEquals(100 + 600, d.area());
        d.add(new int[] {20, 10, 30, 20});
        assertEquals(2, d.count(), "a box touching another joins it");
        d.add(null);
        d.add(new int[] {50, 50, 50, 60});
        assertEquals(2, d.count(), "nothing and empty boxes add nothing");
        assertArrayEquals(new int[] {1, 1, 3, 3}, DamageRegion.intersect(new int[] {0, 0, 3, 3}, new int[] {1, 1, 5, 5}));
        assertNull(DamageRegion.intersect(new int[] {0, 0, 3, 3}, new int[] {3, 0, 5, 5}));
        assertEquals(200 + 600, d.area(), "the joined box covers both");
        assertEquals(800 / (double) (W * H), d.coverage(), 1e-12);
    }
}
