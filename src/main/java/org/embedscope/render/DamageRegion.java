package org.embedscope.render;

/**
 * The part of a frame that must be drawn again: a few rectangles in framebuffer pixels (origin at the
 * bottom left, {@code x0 ≤ x < x1}, {@code y0 ≤ y < y1}), clamped to the frame. Rectangles that
 * overlap or touch are merged into their bounding box, so that no pixel is drawn twice and few
 * passes are needed; past {@link #MOST} the region is one box.
 * GL-free.
 */
public final class DamageRegion {
    /** At most this many separate rectangles. */
    public static final int MOST = 8;

    private final int[] r = new int[4 * MOST];
    private int count;
    private int width, height;

    /** Empties the region for a frame of {@code width × height}. */
    public void clear(int width, int height) {
        this.width = width;
        this.height = height;
        count = 0;
    }

    /** Adds a box given as {@code {x0, y0, x1, y1}}; null or an empty box adds nothing. */
    public void add(int[] box) {
        if (box != null) add(box[0], box[1], box[2], box[3]);
    }

    /** Adds the box [x0, x1) × [y0, y1), clamped to the frame. */
    public void add(int x0, int y0, int x1, int y1) {
        x0 = Math.max(0, x0);
        y0 = Math.max(0, y0);
        x1 = Math.min(width, x1);
        y1 = Math.min(height, y1);
        if (x1 <= x0 || y1 <= y0) return;
        // Merge with every rectangle it meets, until it meets none (a merged box can meet others).
        for (boolean merged = true; merged; ) {
            merged = false;
            for (int k = 0; k < count; k++) {
                int o = 4 * k;
                if (x0 <= r[o + 2] && r[o] <= x1 && y0 <= r[o + 3] && r[o + 1] <= y1) {
                    x0 = Math.min(x0, r[o]);
                    y0 = Math.min(y0, r[o + 1]);
                    x1 = Math.max(x1, r[o + 2]);
                    y1 = Math.max(y1, r[o + 3]);
                    remove(k);
                    merged = true;
                    break;
                }
            }
        }
        if (count == MOST) {
            // Too many pieces: one box around all of them.
            for (int k = 0; k < count; k++) {
                x0 = Math.min(x0, r[4 * k]);
                y0 = Math.min(y0, r[4 * k + 1]);
                x1 = Math.max(x1, r[4 * k + 2]);
                y1 = Math.max(y1, r[4 * k + 3]);
            }
            count = 0;
        }
        int o = 4 * count++;
        r[o] = x0;
        r[o + 1] = y0;
        r[o + 2] = x1;
        r[o + 3] = y1;
    }

    private void remove(int k) {
        System.arraycopy(r, 4 * (k + 1), r, 4 * k, 4 * (count - k - 1));
        count--;
    }

    /** The number of separate rectangles. */
    public int count() { return count; }

    /** Rectangle {@code k} as {@code {x0, y0, x1, y1}}. */
    public int[] rect(int k) {
        return new int[] {r[4 * k], r[4 * k + 1], r[4 * k + 2], r[4 * k + 3]};
    }

    /** Pixels covered (the rectangles never overlap). */
    public long area() {
        long a = 0;
        for (int k = 0; k < count; k++) a += (long) (r[4 * k + 2] - r[4 * k]) * (r[4 * k + 3] - r[4 * k + 1]);
        return a;
    }

    /** The fraction of the frame covered. */
    public double coverage() {
        return width <= 0 || height <= 0 ? 1 : area() / ((double) width * height);
    }

    /** The intersection of boxes {@code a} and {@code b} ({@code {x0, y0, x1, y1}}), or null when it is empty. */
    public static int[] intersect(int[] a, int[] b) {
        int x0 = Math.max(a[0], b[0]), y0 = Math.max(a[1], b[1]), x1 = Math.min(a[2], b[2]), y1 = Math.min(a[3], b[3]);
        return x1 > x0 && y1 > y0 ? new int[] {x0, y0, x1, y1} : null;
    }
}
