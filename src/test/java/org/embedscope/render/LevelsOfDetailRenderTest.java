package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;
import org.embedscope.atlas.PixelFormat;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.BundleFixture;
import org.embedscope.bundle.BundleReader;
import org.embedscope.ui.OffscreenExplorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lwjgl.system.MemoryUtil;

/**
 * Levels of detail thin a view of many items to the top ones of each spot: the picture keeps its
 * shape (where there is ink, where there is none), lone items stay, and far fewer items are drawn.
 */
class LevelsOfDetailRenderTest {
    static final int SIZE = 320;
    @TempDir Path dir;

    static boolean[] covered(OffscreenExplorer v) {
        ByteBuffer px = v.pixels();
        try {
            boolean[] out = new boolean[SIZE * SIZE];
            int bg = SceneRenderer.BACKGROUND;
            for (int i = 0; i < out.length; i++) {
                int r = px.get(4 * i) & 255, g = px.get(4 * i + 1) & 255, b = px.get(4 * i + 2) & 255;
                out[i] = Math.abs(r - (bg >> 16 & 255)) + Math.abs(g - (bg >> 8 & 255)) + Math.abs(b - (bg & 255)) > 24;
            }
            return out;
        } finally {
            MemoryUtil.memFree(px);
        }
    }

    @Test
    void aThinnedViewKeepsItsShapeAndItsLoneItems() throws Exception {
        int dense = 40_000, lone = 40, n = dense + lone;
        float[] xy = new float[2 * n];
        Random r = new Random(3);
        for (int i = 0; i < dense; i++) {
            int c = i % 3;
            xy[2 * i] = (float) (c - 1 + r.nextGaussian() * 0.15);
            xy[2 * i + 1] = (float) (r.nextGaussian() * 0.15);
        }
        for (int k = 0; k < lone; k++) { // a sparse ring around the clusters, one item here and there
            double a = 2 * Math.PI * k / lone;
            xy[2 * (dense + k)] = (float) (2.2 * Math.cos(a));
            xy[2 * (dense + k) + 1] = (float) (1.2 * Math.sin(a));
        }
        Path b = BundleFixture.items(n).layout("a", "A", xy).alpha(AlphaMode.LUMINANCE)
                .level(8, 64, 64, PixelFormat.GREY, (i, x, y) -> IndexedPickTest.ring(x, y, 8))
                .level(4, 64, 64, PixelFormat.GREY, (i, x, y) -> IndexedPickTest.ring(x, y, 4))
                .write(dir.resolve("b")).dir;
        try (OffscreenExplorer v = new OffscreenExplorer(BundleReader.load(b), SIZE, SIZE)) {
            SceneRenderer scene = v.scene();
            v.frame(-1, -1, false);
            // All but those too far beyond the view's edges to reach into it (the fitted view leaves out the
            // farthest few of the ring).
            Camera c = scene.state().camera();
            float[] q = scene.layouts()[0];
            float reach = scene.activeGuard() + DrawList.SLACK_PX;
            int reaching = 0;
            for (int i = 0; i < n; i++) {
                float sx = c.screenX(q[2 * i]), sy = c.screenY(q[2 * i + 1]);
                if (sx >= -reach && sx <= c.width() + reach && sy >= -reach && sy <= c.height() + reach) reaching++;
            }
            assertTrue(reaching > n - 20, reaching + " of " + n + " reach the view");
            assertEquals(reaching, scene.drawnCount(), "a fitted view of 40,000 items draws all that can show by default");
            boolean[] all = covered(v);
            scene.setMostDrawn(10_000);
            v.frame(-1, -1, false);
            assertTrue(scene.drawnCount() < n / 4, "thinned to " + scene.drawnCount());
            // What render --json reports: the items drawn whose centre is in view, not every item there.
            int inView = scene.drawnInView(scene.state().spritePixels() / 2);
            assertTrue(inView <= scene.drawnCount() && inView > scene.drawnCount() - lone, inView + " in view of " + scene.drawnCount() + " drawn");
            boolean[] thin = covered(v);
            int inkAll = 0, differ = 0;
            for (int i = 0; i < all.length; i++) {
                if (all[i]) inkAll++;
                if (all[i] != thin[i]) differ++;
            }
            assertTrue(differ < 0.03 * inkAll, differ + " of " + inkAll + " inked pixels changed, " + scene.drawnCount() + " drawn");
            Camera cam = scene.state().camera();
            float[] p = scene.layouts()[0];
            for (int k = 0; k < lone; k++) {
                int i = dense + k, x = Math.round(cam.screenX(p[2 * i])), y = Math.round(cam.screenY(p[2 * i + 1]));
                if (x < 2 || y < 2 || x >= SIZE - 2 || y >= SIZE - 2) continue;
                boolean near = false;
                for (int dy = -2; dy <= 2; dy++) for (int dx = -2; dx <= 2; dx++) near |= thin[(y + dy) * SIZE + x + dx];
                assertTrue(near, "lone item " + i + " is still drawn");
            }
        }
    }
    @Test
    void aTransitionOfAThinnedViewMovesWhatItsEndsDraw() throws Exception {
        int n = 40_000;
        float[] a = new float[2 * n], b = new float[2 * n];
        Random r = new Random(5);
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            a[2 * i] = (float) (c - 1 + r.nextGaussian() * 0.15);
            a[2 * i + 1] = (float) (r.nextGaussian() * 0.15);
            // Layout b: the clusters stacked the other way and shuffled, so that other items top its spots.
            b[2 * i] = (float) (r.nextGaussian() * 0.15);
            b[2 * i + 1] = (float) ((i * 7 % 3) - 1 + r.nextGaussian() * 0.15);
        }
        Path dirB = BundleFixture.items(n).layout("a", "A", a).layout("b", "B", b).alpha(AlphaMode.LUMINANCE)
                .level(8, 64, 64, PixelFormat.GREY, (i, x, y) -> IndexedPickTest.ring(x, y, 8))
                .level(4, 64, 64, PixelFormat.GREY, (i, x, y) -> IndexedPickTest.ring(x, y, 4))
                .write(dir.resolve("t")).dir;
        try (OffscreenExplorer v = new OffscreenExplorer(BundleReader.load(dirB), SIZE, SIZE)) {
            SceneRenderer scene = v.scene();
            ViewState st = scene.state();
            scene.setMostDrawn(10_000);
            // Exact motion frames: what is compared is which items are drawn, and on a loaded machine the
            // measured cost of a redraw turned the first moving frame into a half-resolution one.
            scene.forceMotionScale(1f);
            st.jumpTo(1);
            v.frame(-1, -1, false);
            int restB = scene.drawnCount();
            st.jumpTo(0);
            v.frame(-1, -1, false);
            int restA = scene.drawnCount();
            boolean[] rest = covered(v);
            assertTrue(restA < n / 4 && restB < n / 4, "both ends thinned: " + restA + ", " + restB);

            // The first moving frame draws about what the view drew at rest, not every item.
            st.moveTo(1, 0f);
            st.update(Transition.DURATION * 0.01f);
            assertTrue(st.transition().isRunning());
            v.frame(-1, -1, false);
            int first = scene.drawnCount();
            assertTrue(Math.abs(first - restA) < 0.05 * restA, first + " drawn moving, " + restA + " at rest");
            boolean[] moving = covered(v);
            int ink = 0, differ = 0;
            for (int i = 0; i < rest.length; i++) {
                if (rest[i]) ink++;
                if (rest[i] != moving[i]) differ++;
            }
            assertTrue(differ < 0.05 * ink, differ + " of " + ink + " inked pixels changed as the motion began");

            // Half-way, about as many as either end: the items kept only at one end fade by their weight.
            st.update(Transition.DURATION * 0.5f);
            v.frame(-1, -1, false);
            int mid = scene.drawnCount(), lo = Math.min(restA, restB), hi = Math.max(restA, restB);
            assertTrue(mid > 0.8 * lo && mid < 1.2 * hi, mid + " drawn half-way, ends " + restA + " and " + restB);

            // At rest on b: what b's view draws.
            st.update(Transition.DURATION * 1.01f);
            v.frame(-1, -1, false);
            assertFalse(st.transition().isRunning());
            assertEquals(restB, scene.drawnCount());
        }
    }

    /**
     * Hiding a category leaves the other categories' spots as they were drawn: the level of detail is
     * chosen over every item, hidden ones too. Chosen over the shown ones, hiding one of three clusters
     * took the view to a finer level, and the other two were drawn with more sprites (at a million digits,
     * hiding "one" took the fitted view from 74,680 items to 220,028, the other clusters solid white).
     */
    @Test
    void hidingACategoryLeavesTheOthersDrawnAsTheyWere() throws Exception {
        int n = 30_000;
        float[] xy = new float[2 * n];
        String[] labels = new String[n];
        Random r = new Random(5);
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            xy[2 * i] = (float) (4 * (c - 1) + r.nextGaussian() * 0.2);
            xy[2 * i + 1] = (float) (r.nextGaussian() * 0.2);
            labels[i] = String.valueOf(c);
        }
        // A budget the three clusters exceed at some level where the two left do not: there, levels of the
        // shown items alone choose a finer level once one cluster is hidden.
        int[] two = new int[2 * n / 3];
        for (int i = 0, o = 0; i < n; i++) if (i % 3 != 1) two[o++] = i;
        DensityLevels every = DensityLevels.of(xy), shown = DensityLevels.of(xy, two);
        // (the finest such level: its cells are far smaller than the gaps between the clusters)
        int budget = -1;
        for (int k = Math.min(every.levels(), shown.levels()) - 1; k > 0 && budget < 0; k--) {
            if (shown.kept(k).length < every.kept(k).length && every.kept(k).length < n) budget = shown.kept(k).length;
        }
        assertTrue(budget > 0, "a level where the two clusters fit the budget and the three do not");
        Path b = BundleFixture.items(n).layout("a", "A", xy).labels("label", java.util.Map.of(), labels).alpha(AlphaMode.LUMINANCE)
                .level(8, 64, 64, PixelFormat.GREY, (i, x, y) -> IndexedPickTest.ring(x, y, 8))
                .level(4, 64, 64, PixelFormat.GREY, (i, x, y) -> IndexedPickTest.ring(x, y, 4))
                .write(dir.resolve("labelled")).dir;
        try (OffscreenExplorer v = new OffscreenExplorer(BundleReader.load(b), SIZE, SIZE)) {
            SceneRenderer scene = v.scene();
            scene.setMostDrawn(budget);
            v.frame(-1, -1, false);
            boolean[] before = covered(v);
            int drawnBefore = scene.drawnCount();
            assertTrue(drawnBefore < n, "the view is thinned: " + drawnBefore);
            ViewState st = scene.state();
            int middle = st.labelNames().indexOf("1");
            st.setCategoryShown(st.legendCodes()[1], false);
            assertTrue(st.isHidden(1) && !st.isHidden(0), "the middle cluster (label " + st.labelNames().get(middle) + ") is hidden");
            v.frame(-1, -1, false);
            boolean[] after = covered(v);
            assertTrue(scene.drawnCount() < drawnBefore, "fewer drawn: " + scene.drawnCount() + " of " + drawnBefore);
            // The outer clusters' thirds of the view (the clusters sit in the middles of the thirds), as
            // before; the middle one's emptied.
            int leftEnd = SIZE / 3, rightStart = 2 * SIZE / 3;
            int differ = 0, inkedMiddle = 0, inkedOuter = 0;
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    int i = y * SIZE + x;
                    if (x < leftEnd || x >= rightStart) {
                        if (before[i] != after[i]) differ++;
                        if (after[i]) inkedOuter++;
                    } else if (after[i]) {
                        inkedMiddle++;
                    }
                }
            }
            assertTrue(inkedOuter > 1000, "the outer clusters are drawn: " + inkedOuter + " inked pixels");
            assertEquals(0, differ, "pixels of the other clusters changed");
            assertEquals(0, inkedMiddle, "the hidden cluster is not drawn");
        }
    }
}
