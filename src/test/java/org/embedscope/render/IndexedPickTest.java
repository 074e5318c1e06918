package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Random;
import org.embedscope.atlas.PixelFormat;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.BundleFixture;
import org.embedscope.bundle.BundleReader;
import org.embedscope.ui.OffscreenExplorer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Picking draws only the items near the cursor: it must find exactly what an id pass over every item
 * the scene draws finds, at rest, mid-transition and turned back, zoomed in and out, with levels of
 * detail thinning the view, and with hidden items.
 */
class IndexedPickTest {
    static final int N = 3000, SIZE = 320;
    @TempDir static Path dir;
    static OffscreenExplorer view;

    /** Clusters of very different density, in two layouts that move them about. */
    static float[] layout(long seed) {
        Random r = new Random(seed);
        float[] xy = new float[2 * N];
        for (int i = 0; i < N; i++) {
            int c = r.nextInt(5);
            double spread = c == 0 ? 0.01 : 0.08 * c;
            xy[2 * i] = (float) (Math.cos(c * 1.3) + r.nextGaussian() * spread);
            xy[2 * i + 1] = (float) (Math.sin(c * 1.3) + r.nextGaussian() * spread);
        }
        return xy;
    }

    @BeforeAll
    static void open() throws Exception {
        String[] labels = new String[N];
        for (int i = 0; i < N; i++) labels[i] = Integer.toString(i % 3);
        // Luminance alpha with holes: a ring of ink, so the alpha test decides what is hit.
        Path b = BundleFixture.items(N).layout("a", "A", layout(1)).layout("b", "B", layout(2))
                .labels("label", java.util.Map.of(), labels).alpha(AlphaMode.LUMINANCE)
                .level(8, 32, 32, PixelFormat.GREY, (i, x, y) -> ring(x, y, 8))
                .level(4, 32, 32, PixelFormat.GREY, (i, x, y) -> ring(x, y, 4))
                .write(dir.resolve("b")).dir;
        view = new OffscreenExplorer(BundleReader.load(b), SIZE, SIZE);
    }

    static int ring(int x, int y, int cell) {
        double dx = x + 0.5 - cell / 2.0, dy = y + 0.5 - cell / 2.0, d = Math.sqrt(dx * dx + dy * dy);
        return Math.abs(d - cell / 3.0) < cell / 6.0 ? 255 : 0;
    }

    @AfterAll
    static void close() {
        if (view != null) view.close();
    }

    @Test
    void indexedPickEqualsTheFullPassOnRandomCursorsViewsAndTimes() {
        SceneRenderer scene = view.scene();
        ViewState st = scene.state();
        Random r = new Random(7);
        int found = 0, moving = 0, thinned = 0;
        for (int q = 0; q < 400; q++) {
            if (q % 25 == 0) {
                st.jumpTo(r.nextInt(2));
                int kind = r.nextInt(4);
                if (kind >= 1) {
                    st.moveTo(1 - st.transition().target(), 0f);
                    st.update(r.nextFloat() * 0.99f * Transition.DURATION);
                }
                if (kind == 2) { // turned back mid-way
                    st.moveTo(1 - st.transition().target(), 0.5f);
                    st.update(0.5f + r.nextFloat() * 0.5f * Transition.DURATION);
                }
                float zoom = (float) Math.exp(r.nextDouble() * Math.log(30));
                st.setView((float) r.nextGaussian() * 0.6f, (float) r.nextGaussian() * 0.6f, zoom);
                st.setUserScale(0.5f + r.nextFloat() * 2);
                st.setShown(2, r.nextInt(3) != 0);
                scene.setMostDrawn(r.nextBoolean() ? 400 : DrawList.MOST_DRAWN);
                view.frame(-1, -1, false);
            }
            int x = r.nextInt(SIZE), y = r.nextInt(SIZE);
            if (q % 3 == 0) { // on an item
                float[] p = new float[2];
                st.transition().position(scene.layouts(), r.nextInt(N), p);
                x = Math.round(st.camera().screenX(p[0]));
                y = Math.round(st.camera().screenY(p[1]));
                if (x < 0 || y < 0 || x >= SIZE || y >= SIZE) continue;
            }
            int radius = q % 2 == 0 ? 0 : SceneRenderer.hoverRadius(st.spritePixels());
            int full = scene.pickByFullPass(x, y, radius);
            int indexed = scene.pick(x, y, radius);
            assertEquals(full, indexed, "query " + q + " at " + x + "," + y + " radius " + radius + ", weights "
                    + java.util.Arrays.toString(st.transition().weights()) + ", zoom " + st.camera().zoom());
            if (full >= 0) found++;
            if (st.transition().isRunning()) moving++;
            if (scene.drawnCount() < N && !st.transition().isRunning()) thinned++;
        }
        assertTrue(found > 100, "many queries hit an item: " + found);
        assertTrue(moving > 50, "many mid-transition: " + moving);
        assertTrue(thinned > 50, "many with the view thinned or culled: " + thinned);
        st.setShown(2, true);
    }
}
