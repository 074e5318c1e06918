package org.embedscope.render;

/** Easing curves for animated transitions: maps elapsed fraction t in [0, 1] to progress in [0, 1]. */
public final class Easing {
    private Easing() {}

    /**
     * Cubic ease-in-out: starts and ends at rest (zero velocity), so a transition that is reversed
     * mid-way turns back smoothly; symmetric, {@code e(1 - t) = 1 - e(t)}.
     */
    public static float cubicInOut(float t) {
        if (t <= 0f) return 0f;
        if (t >= 1f) return 1f;
        if (t < 0.5f) return 4f * t * t * t;
        float u = -2f * t + 2f;
        return 1f - u * u * u / 2f;
    }
}
