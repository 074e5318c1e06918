package org.embedscope.render;

/**
 * Which items can be under the cursor, so that the picking pass draws those few instead of every
 * item: the items whose drawn centre lies within a box around the cursor. At rest on a layout this is
 * a {@link PointGrid} lookup (each layout's grid is built on first use); mid-transition, when every
 * drawn position changes each frame, one pass over the blended positions, computed as the vertex
 * shader does ({@link Transition#position}). GL-free; thread-confined like the renderer that owns it.
 * The scene renderer asks it mid-transition only: at rest the grid of the level of detail's own items
 * ({@link DrawList#inBox}) gives the drawn ones near the cursor directly, without the filter.
 */
public final class PickIndex {
    private final float[][] layouts;
    private final PointGrid[] grids;

    /** @param layouts every layout's normalised coordinates, as the renderer draws them */
    public PickIndex(float[][] layouts) {
        this.layouts = layouts;
        this.grids = new PointGrid[layouts.length];
    }

    /**
     * The items whose centre, at the transition's current weights, lies within {@code half} world
     * units of ({@code x}, {@code y}) along both axes, ascending (the order the full pass draws them in).
     */
    public int[] near(Transition tr, float x, float y, float half) {
        float[] w = tr.weights();
        for (int s = 0; s < 3; s++) {
            if (w[s] == 1f) return grid(tr.slot(s)).query(x - half, y - half, x + half, y + half);
        }
        return scan(w, tr, x - half, y - half, x + half, y + half);
    }

    /**
     * {@link #near} for a cursor at view pixel ({@code px}, {@code py}) of {@code cam}, for sprites
     * that reach {@code halfPx} pixels from their centre (half the largest sprite, plus the pick radius
     * and a pixel or two of rounding).
     */
    public int[] near(Transition tr, Camera cam, float px, float py, float halfPx) {
        return near(tr, cam.worldX(px), cam.worldY(py), halfPx / cam.pixelsPerUnit());
    }

    private PointGrid grid(int layout) {
        PointGrid g = grids[layout];
        if (g == null) grids[layout] = g = PointGrid.of(layouts[layout]);
        return g;
    }

    private int[] scan(float[] w, Transition tr, float minX, float minY, float maxX, float maxY) {
        float[] a = layouts[tr.slot(0)], b = layouts[tr.slot(1)], c = layouts[tr.slot(2)];
        float w0 = w[0], w1 = w[1], w2 = w[2];
        int n = a.length / 2;
        int[] out = new int[16];
        int count = 0;
        for (int i = 0; i < n; i++) {
            float x = w0 * a[2 * i] + w1 * b[2 * i] + w2 * c[2 * i];
            if (x < minX || x > maxX) continue;
            float y = w0 * a[2 * i + 1] + w1 * b[2 * i + 1] + w2 * c[2 * i + 1];
            if (y < minY || y > maxY) continue;
            if (count == out.length) out = java.util.Arrays.copyOf(out, count * 2);
            out[count++] = i;
        }
        return java.util.Arrays.copyOf(out, count);
    }
}
