package org.embedscope.render;

/**
 * Animated transitions between layouts, interpolated in the vertex shader.
 *
 * <p>Each sprite is drawn at a weighted sum of its position in up to three layouts (three slots,
 * bound to three vertex attributes): {@code p = w0·L[slot0] + w1·L[slot1] + w2·L[slot2]}, with
 * weights summing to 1. A transition eases the weights from where they are to a single target
 * slot, so a transition reversed mid-way starts from exactly where the sprites are, at rest (the
 * easing has zero velocity at both ends), and turns back smoothly. Retargeting to a layout not in
 * the slots (only possible with more than two layouts, mid-way) frees the slot of least weight,
 * folding its weight into the others.
 *
 * <p>Time is passed in explicitly (seconds), so the class is deterministic and GL-free. Outside this
 * package it is read-only: transitions start and advance through {@link ViewState}.
 */
public final class Transition {
    /** Duration of a full transition, in seconds. */
    public static final float DURATION = 1.0f;

    private final int[] slots = new int[3];
    private final float[] from = new float[3];
    private int targetSlot;
    private float start = Float.NaN;
    private float progress = 1f;

    /** At rest on layout {@code layout}. */
    public Transition(int layout) {
        reset(layout);
    }

    /** Jumps to rest on {@code layout}, without animation. */
    void reset(int layout) {
        slots[0] = slots[1] = slots[2] = layout;
        from[0] = 1f;
        from[1] = from[2] = 0f;
        targetSlot = 0;
        progress = 1f;
        start = Float.NaN;
    }

    /** The layout being moved to (or rested on). */
    public int target() { return slots[targetSlot]; }

    /** True while sprites are moving. */
    public boolean isRunning() { return progress < 1f; }

    /** Layout bound to slot {@code s} (0..2). */
    public int slot(int s) { return slots[s]; }

    /** Weights of the three slots now; they sum to 1. */
    public float[] weights() {
        float e = Easing.cubicInOut(progress);
        float[] w = new float[3];
        for (int s = 0; s < 3; s++) w[s] = (1 - e) * from[s] + (s == targetSlot ? e : 0f);
        return w;
    }

    /** Advances the clock to {@code now} seconds. */
    void update(float now) {
        if (progress >= 1f) return;
        if (Float.isNaN(start)) start = now;
        progress = Math.max(0f, (now - start) / DURATION);
        // Float clocks land a hair short of the end; finish there rather than one frame later.
        if (progress > 1f - 1e-5f) progress = 1f;
    }

    /**
     * Starts moving towards {@code layout} at time {@code now}, from wherever the sprites are.
     * Does nothing when already at rest on it or moving to it.
     */
    void moveTo(int layout, float now) {
        update(now);
        if (slots[targetSlot] == layout) return;
        float[] w = weights();
        int slot = -1;
        for (int s = 0; s < 3; s++) if (slots[s] == layout && w[s] > 0f) slot = s;
        if (slot < 0) for (int s = 0; s < 3; s++) if (w[s] == 0f) { slot = s; break; }
        if (slot < 0) {
            // Three layouts in play: give the lightest slot's weight to the heaviest and reuse it.
            int light = 0, heavy = 0;
            for (int s = 1; s < 3; s++) {
                if (w[s] < w[light]) light = s;
                if (w[s] > w[heavy]) heavy = s;
            }
            w[heavy] += w[light];
            w[light] = 0f;
            slot = light;
        }
        slots[slot] = layout;
        System.arraycopy(w, 0, from, 0, 3);
        targetSlot = slot;
        progress = 0f;
        start = now;
    }

    /**
     * Every item's position now, interleaved x, y into {@code out} (as long as the layouts): what the
     * shader computes, for tests of what is drawn (a lasso selects by drawn position).
     */
    public void positions(float[][] layouts, float[] out) {
        float[] w = weights();
        float[] a = layouts[slots[0]], b = layouts[slots[1]], c = layouts[slots[2]];
        for (int k = 0; k < out.length; k++) out[k] = w[0] * a[k] + w[1] * b[k] + w[2] * c[k];
    }

    /** Position of one item given each layout's normalised coordinates: what the shader computes. */
    public void position(float[][] layouts, int item, float[] out) {
        float[] w = weights();
        float x = 0, y = 0;
        for (int s = 0; s < 3; s++) {
            if (w[s] == 0f) continue;
            x += w[s] * layouts[slots[s]][2 * item];
            y += w[s] * layouts[slots[s]][2 * item + 1];
        }
        out[0] = x;
        out[1] = y;
    }
}
