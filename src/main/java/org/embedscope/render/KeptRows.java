package org.embedscope.render;

/**
 * Which pixels of a cached scene target are complete, what an exact scene would draw there: per row of
 * the target, one span {@code [x0, x1)} (empty where {@code x0 >= x1}). After an exact scene that is the
 * view; a pan shifts the spans with the picture, so the view's pixels it moves into the guard band stay
 * known, along a straight pan or a diagonal one, until they leave the target; a pan back finds them
 * there. Rows and boxes are in the target's GL pixels (y up), boxes {@code {x0, y0, x1, y1}}.
 * GL-free.
 *
 * <p>After each frame the spans of the view's rows hold the view's columns, so a shift by less than
 * half the view leaves at most one strip of them missing sideways ({@link #missingColumns}), and the
 * view's rows with no span at its top or bottom ({@link #missingRows}).
 */
final class KeptRows {
    private int width, height;
    private int[] x0 = new int[0], x1 = new int[0];
    private int[] spare0 = new int[0], spare1 = new int[0];
    private boolean any;

    /** Nothing is complete in a {@code width × height} target. */
    void clear(int width, int height) {
        if (x0.length != height) {
            x0 = new int[height];
            x1 = new int[height];
            spare0 = new int[height];
            spare1 = new int[height];
        }
        this.width = width;
        this.height = height;
        java.util.Arrays.fill(x0, 0);
        java.util.Arrays.fill(x1, 0);
        any = false;
    }

    /** Only {@code box} is complete (an exact scene of it, or a recolouring). */
    void only(int[] box, int width, int height) {
        clear(width, height);
        add(box);
    }

    /**
     * {@code box} is complete too: each of its rows' spans grows to hold it, or where a span does not
     * meet it (a row that came back to the view's rows far to one side), becomes it.
     */
    void add(int[] box) {
        int bx0 = Math.max(0, box[0]), bx1 = Math.min(width, box[2]);
        if (bx1 <= bx0) return;
        for (int y = Math.max(0, box[1]), end = Math.min(height, box[3]); y < end; y++) {
            if (x0[y] >= x1[y] || x1[y] < bx0 || x0[y] > bx1) {
                x0[y] = bx0;
                x1[y] = bx1;
            } else {
                x0[y] = Math.min(x0[y], bx0);
                x1[y] = Math.max(x1[y], bx1);
            }
            any = true;
        }
    }

    /** True when nothing is complete. */
    boolean isEmpty() { return !any; }

    /**
     * The picture moved by {@code dx} columns right and {@code dy} rows up: every span moves with it,
     * cut to the target. Returns the bounding box of what is still complete (what a copy of the picture
     * has to carry), or null when nothing is.
     */
    int[] shift(int dx, int dy) {
        int bx0 = Integer.MAX_VALUE, by0 = Integer.MAX_VALUE, bx1 = Integer.MIN_VALUE, by1 = Integer.MIN_VALUE;
        any = false;
        for (int y = 0; y < height; y++) {
            int from = y - dy;
            int a = 0, b = 0;
            if (from >= 0 && from < height && x0[from] < x1[from]) {
                a = Math.max(0, x0[from] + dx);
                b = Math.min(width, x1[from] + dx);
            }
            if (a < b) {
                bx0 = Math.min(bx0, a);
                bx1 = Math.max(bx1, b);
                by0 = Math.min(by0, y);
                by1 = y + 1;
                any = true;
            } else {
                a = b = 0;
            }
            spare0[y] = a;
            spare1[y] = b;
        }
        int[] t = x0;
        x0 = spare0;
        spare0 = t;
        t = x1;
        x1 = spare1;
        spare1 = t;
        return any ? new int[] {bx0, by0, bx1, by1} : null;
    }

    /**
     * The box of the view's columns missing on the view's rows that are complete elsewhere: on one side
     * (spans hold a view moved sideways), over the rows where any is missing; null when none is.
     */
    int[] missingColumns(int[] view) {
        int left = view[0], right = view[2], y0 = Integer.MAX_VALUE, y1 = Integer.MIN_VALUE;
        for (int y = Math.max(0, view[1]), end = Math.min(height, view[3]); y < end; y++) {
            if (x0[y] >= x1[y]) continue;
            boolean missing = false;
            if (x0[y] > view[0]) {
                left = Math.max(left, Math.min(view[2], x0[y]));
                missing = true;
            }
            if (x1[y] < view[2]) {
                right = Math.min(right, Math.max(view[0], x1[y]));
                missing = true;
            }
            if (missing) {
                y0 = Math.min(y0, y);
                y1 = y + 1;
            }
        }
        if (y1 < y0) return null;
        // One side only (see the class); were it both, one box over all of them.
        if (left > view[0] && right < view[2]) return new int[] {view[0], y0, view[2], y1};
        return left > view[0] ? new int[] {view[0], y0, left, y1} : new int[] {right, y0, view[2], y1};
    }

    /**
     * The box across the view over its rows with nothing complete (after a pan, a run at its top or
     * bottom); null when none is.
     */
    int[] missingRows(int[] view) {
        int y0 = Integer.MAX_VALUE, y1 = Integer.MIN_VALUE;
        for (int y = Math.max(0, view[1]), end = Math.min(height, view[3]); y < end; y++) {
            if (x0[y] < x1[y]) continue;
            y0 = Math.min(y0, y);
            y1 = y + 1;
        }
        return y1 < y0 ? null : new int[] {view[0], y0, view[2], y1};
    }

    /** Whether pixel ({@code x}, {@code y}) is complete (for tests). */
    boolean holds(int x, int y) {
        return y >= 0 && y < height && x >= x0[y] && x < x1[y];
    }

    /** Complete pixels, all rows together (for tests). */
    long area() {
        long a = 0;
        for (int y = 0; y < height; y++) a += Math.max(0, x1[y] - x0[y]);
        return a;
    }
}
