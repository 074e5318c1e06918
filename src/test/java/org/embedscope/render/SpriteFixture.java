package org.embedscope.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.embedscope.atlas.PixelFormat;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.BundleFixture;

/**
 * Bundles with recognisable cells for the renderer and window tests, written by {@link BundleFixture}.
 *
 * <p>Each item's level-0 cell (16 px) has an opaque 8×8 core in the item's colour, a ring two texels
 * wide of coverage {@link #RING_ALPHA}/255 around it, and transparent corners and edges. Level 1 (8 px
 * cells) has the same shape in the <em>inverted</em> colour, so a test can tell which level was sampled.
 * Two layouts, {@code a} and {@code b}; label = item index mod 2 ("even", "odd"); name "synthetic".
 */
public final class SpriteFixture {
    private SpriteFixture() {}

    public static final int CELL = 16;
    public static final int RING_ALPHA = 80;

    /** Five items: four corners and the middle; in layout b they mirror through the origin. */
    public static final float[] A = {-1, -1, 1, -1, -1, 1, 1, 1, 0, 0};
    public static final float[] B = {1, 1, -1, 1, 1, -1, -1, -1, 0.5f, 0};

    /** Pure colours, far apart, none close to the background. */
    static final int[] COLORS = {0xff0000, 0x00ff00, 0x0000ff, 0xffff00, 0xff00ff, 0x00ffff, 0xff8000, 0x8000ff};

    public static int color(int item) { return COLORS[item % COLORS.length]; }

    public static int inverted(int rgb) { return ~rgb & 0xffffff; }

    /**
     * {@code count} items around the origin ({@link BundleFixture#gaussian}, from {@code seed}), one layout
     * {@code a}, each drawn as a grey ring ({@link IndexedPickTest#ring}) in 16- and 8-px cells: dense
     * enough that sprites overlap; add labels and write it.
     */
    static BundleFixture gaussianRings(int count, long seed) {
        return BundleFixture.items(count).layout("a", "A", BundleFixture.gaussian(count, seed)).alpha(AlphaMode.LUMINANCE)
                .level(16, 32, 32, PixelFormat.GREY, (i, x, y) -> IndexedPickTest.ring(x, y, 16))
                .level(8, 32, 32, PixelFormat.GREY, (i, x, y) -> IndexedPickTest.ring(x, y, 8));
    }

    /** The five corner-and-middle items of {@link #A} and {@link #B}, in colour. */
    public static Path write(Path dir) throws IOException, BundleException {
        return write(dir, A, B, false);
    }

    /** Writes a bundle of {@code a.length / 2} items; grey = true writes grey pages with luminance alpha. */
    public static Path write(Path dir, float[] a, float[] b, boolean grey) throws IOException, BundleException {
        return builder(a, b, grey).write(dir).dir;
    }

    /** The bundle {@link #write(Path, float[], float[], boolean)} writes, to add more to (neighbours) before writing. */
    public static BundleFixture builder(float[] a, float[] b, boolean grey) {
        int n = a.length / 2, cols = 4, rows = (n + cols - 1) / cols;
        String[] labels = new String[n], notes = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2 == 0 ? "even" : "odd";
            notes[i] = "item " + i;
        }
        PixelFormat format = grey ? PixelFormat.GREY : PixelFormat.RGBA;
        return BundleFixture.items(n).name("synthetic")
                .layout("a", "A", a).layout("b", "B", b)
                .labels("label", Map.of(), labels)
                .metadata("note", notes)
                .alpha(grey ? AlphaMode.LUMINANCE : AlphaMode.CHANNEL)
                .level(CELL, cols, rows, format, (i, x, y) -> pixel(i, x, y, CELL, false, grey))
                .level(CELL / 2, cols, rows, format, (i, x, y) -> pixel(i, x, y, CELL / 2, true, grey));
    }

    private static int pixel(int item, int x, int y, int cell, boolean invert, boolean grey) {
        int a = coverage(x, y, cell);
        // Luminance alpha: the grey level is the coverage; level 1 is a dimmer grey.
        if (grey) return invert ? a * 3 / 5 : a;
        return a << 24 | (invert ? inverted(color(item)) : color(item));
    }

    /**
     * Coverage of texel (x, y) of a cell of side {@code cell}: 255 in the core (the middle half),
     * RING_ALPHA in a ring of an eighth of the side around it, 0 elsewhere.
     */
    static int coverage(int x, int y, int cell) {
        int q = cell / 4, r = cell / 8;
        boolean core = x >= q && x < cell - q && y >= q && y < cell - q;
        boolean ring = x >= q - r && x < cell - q + r && y >= q - r && y < cell - q + r;
        return core ? 255 : ring ? RING_ALPHA : 0;
    }
}
