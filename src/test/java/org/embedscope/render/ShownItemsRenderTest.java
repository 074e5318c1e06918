package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.embedscope.atlas.PixelFormat;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.BundleFixture;
import org.embedscope.bundle.BundleReader;
import org.embedscope.select.ItemSet;
import org.embedscope.ui.OffscreenExplorer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lwjgl.system.MemoryUtil;

/**
 * A redraw of an unchanged view draws only the items the last full scene showed, and shows the same
 * picture, pixel for pixel; a change of colour alone keeps them; a change that uncovers other items
 * (the selection shrinks, a hidden label comes back, the threshold or the sprite size changes, the view
 * moves) is drawn as a full redraw draws it, which a fresh explorer in the final state gives.
 */
class ShownItemsRenderTest {
    static final int W = 300, H = 220, N = 4_000;
    @TempDir static Path dir;
    static Path bundle;

    @BeforeAll
    static void write() throws Exception {
        float[] xy = new float[2 * N];
        Random r = new Random(5);
        for (int i = 0; i < 2 * N; i++) xy[i] = (float) r.nextGaussian();
        String[] labels = new String[N];
        for (int i = 0; i < N; i++) labels[i] = String.valueOf(i % 4);
        bundle = BundleFixture.items(N).layout("a", "A", xy).labels("label", Map.of(), labels).alpha(AlphaMode.LUMINANCE)
                .level(16, 32, 32, PixelFormat.GREY, (i, x, y) -> IndexedPickTest.ring(x, y, 16))
                .level(8, 32, 32, PixelFormat.GREY, (i, x, y) -> IndexedPickTest.ring(x, y, 8))
                .write(dir.resolve("b")).dir;
    }

    private static int[] pixels(OffscreenExplorer v) {
        ByteBuffer px = v.pixels();
        try {
            int[] out = new int[W * H];
            for (int i = 0; i < out.length; i++) out[i] = px.getInt(4 * i);
            return out;
        } finally {
            MemoryUtil.memFree(px);
        }
    }

    private static int differing(int[] a, int[] b) {
        int d = 0;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) d++;
        return d;
    }

    /** Draws the view {@code times} times over, as redraws at an unchanged view (each redraw forced). */
    private static void redraw(OffscreenExplorer v, int times) {
        for (int k = 0; k < times; k++) {
            v.scene().state().invalidate();
            v.frame(-1, -1, false);
        }
    }

    private static ItemSet every(int step) {
        ItemSet s = new ItemSet(N);
        for (int i = 0; i < N; i += step) s.add(i);
        return s;
    }

    @Test
    void redrawsOfAnUnchangedViewDrawOnlyTheShownItemsAndTheSamePicture() throws Exception {
        int[] dimmed;
        // One explorer at a time: each has its own GL context.
        try (OffscreenExplorer v = new OffscreenExplorer(BundleReader.load(bundle), W, H)) {
            SceneRenderer scene = v.scene();
            ViewState st = scene.state();
            st.setView(0.2f, -0.1f, 2f);
            v.frame(-1, -1, false);
            int full = scene.drawnCount();
            int[] first = pixels(v);
            redraw(v, 2);
            assertTrue(scene.drawnCount() < full / 2,
                    "the third redraw of a dense view draws the items it shows: " + scene.drawnCount() + " of " + full);
            assertEquals(0, differing(first, pixels(v)), "pixels differing from the full scene");

            // Colours alone: the same items on top; the picture is what a full redraw in that state draws.
            st.setSelection(new ItemSet(N));
            st.setMatches(every(3));
            redraw(v, 3);
            assertTrue(scene.drawnCount() < full / 2, "dimming keeps the shown items: " + scene.drawnCount());
            dimmed = pixels(v);
            assertNotEquals(0, differing(first, dimmed), "the search dims the others");
        }
        try (OffscreenExplorer fresh = new OffscreenExplorer(BundleReader.load(bundle), W, H)) {
            fresh.scene().state().setView(0.2f, -0.1f, 2f);
            fresh.scene().state().setMatches(every(3));
            fresh.frame(-1, -1, false);
            assertEquals(0, differing(pixels(fresh), dimmed), "pixels differing from a full redraw of the dimmed view");
        }
    }

    @Test
    void changesThatUncoverItemsAreDrawnAsAFullRedrawDrawsThem() throws Exception {
        record Change(String what, Consumer<ViewState> before, Consumer<ViewState> after) {}
        Change[] changes = {
            new Change("the selection shrinks", s -> s.setSelection(every(5)), s -> s.setSelection(every(50))),
            new Change("a hidden label is shown again", s -> s.setShown(0, false), s -> s.setShown(0, true)),
            new Change("the threshold is lowered", s -> s.setThreshold(0.9f), s -> s.setThreshold(0.2f)),
            new Change("the sprites grow", s -> s.setUserScale(1f), s -> s.setUserScale(1.4f)),
            new Change("the view moves", s -> s.setView(0.2f, -0.1f, 2f), s -> s.setView(0.23f, -0.1f, 2f)),
        };
        for (Change c : changes) {
            int[] seen;
            try (OffscreenExplorer v = new OffscreenExplorer(BundleReader.load(bundle), W, H)) {
                ViewState st = v.scene().state();
                st.setView(0.2f, -0.1f, 2f);
                c.before.accept(st);
                v.frame(-1, -1, false);
                redraw(v, 3);
                c.after.accept(st);
                v.frame(-1, -1, false);
                redraw(v, 3);
                seen = pixels(v);
            }
            try (OffscreenExplorer fresh = new OffscreenExplorer(BundleReader.load(bundle), W, H)) {
                ViewState st = fresh.scene().state();
                st.setView(0.2f, -0.1f, 2f);
                c.before.accept(st);
                c.after.accept(st);
                fresh.frame(-1, -1, false);
                assertEquals(0, differing(pixels(fresh), seen), c.what + ": pixels differing from a full redraw");
            }
        }
    }

    @Test
    void theShownItemsAreEachNamedOnceLastFirst() {
        IntBuffer ids = IntBuffer.wrap(new int[] {0, 3, 3, 3, 0, 8, 1, 3, 0, 8, 9, -4, 12});
        int[] order = ShownItems.lastFirst(ids, 12, 10, new long[1]);
        assertArrayEquals(new int[] {8, 7, 2, 0}, order, "ids 1..10 name items 0..9; 0 is no item; 12 is beyond the 12 pixels read");
        long[] seen = new long[2];
        IntBuffer wide = IntBuffer.wrap(new int[] {70, 1, 65, 70});
        assertArrayEquals(new int[] {69, 64, 0}, ShownItems.lastFirst(wide, 4, 100, seen));
        assertArrayEquals(new int[] {0}, ShownItems.lastFirst(IntBuffer.wrap(new int[] {1}), 1, 100, seen), "the scratch is cleared first");
    }
}
