package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.embedscope.bundle.BundleReader;
import org.embedscope.ui.OffscreenExplorer;

/** A sprite bundle ({@link SpriteFixture}) open in an offscreen explorer, and what the renderer tests ask of it. */
final class TestScene implements AutoCloseable {
    final OffscreenExplorer view;

    private TestScene(OffscreenExplorer view) {
        this.view = view;
    }

    /** Writes and opens a bundle of items at {@code a} and {@code b} in a {@code size²} frame, sprites {@code worldSize} wide. */
    static TestScene open(Path dir, float[] a, float[] b, boolean grey, float worldSize, int size) throws Exception {
        TestScene s = new TestScene(new OffscreenExplorer(BundleReader.load(SpriteFixture.write(dir, a, b, grey)), size, size));
        s.setWorldSize(worldSize);
        return s;
    }

    /** Opens the bundle written in {@code bundle} in a {@code size²} frame, sprites {@code worldSize} wide. */
    static TestScene open(Path bundle, float worldSize, int size) throws Exception {
        TestScene s = new TestScene(new OffscreenExplorer(BundleReader.load(bundle), size, size));
        s.setWorldSize(worldSize);
        return s;
    }

    ViewState state() { return view.scene().state(); }

    SceneRenderer scene() { return view.scene(); }

    /** Sprites {@code worldSize} wide in both layouts, with a 1-px minimum so small sizes are honoured. */
    void setWorldSize(float worldSize) {
        SpriteSizing s = state().sizing();
        state().setSizing(new SpriteSizing(1f, s.maxPx(), s.pointLimit()));
        state().setWorldSizes(new float[] {worldSize, worldSize});
    }

    /** The pixel column of world x. */
    int sx(float wx) { return Math.round(state().camera().screenX(wx) - 0.5f); }

    /** The pixel row of world y. */
    int sy(float wy) { return Math.round(state().camera().screenY(wy) - 0.5f); }

    /** Draws a frame without cursor or overlay. */
    void frame() { view.frame(-1, -1, false); }

    int rgb(int x, int y) { return view.rgb(x, y); }

    /** Each channel within 3 of the expected colour's. */
    static void assertColor(int expected, int actual, String what) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = (expected >> shift) & 255, a = (actual >> shift) & 255;
            assertTrue(Math.abs(e - a) <= 3, String.format("%s: expected #%06x, got #%06x", what, expected, actual));
        }
    }

    @Override
    public void close() { view.close(); }
}
