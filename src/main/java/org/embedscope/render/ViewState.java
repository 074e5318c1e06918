package org.embedscope.render;

import java.util.Arrays;

/**
 * Everything that decides what the scene looks like, free of GL: camera, transition, sprite sizing
 * and the user's settings. Every change bumps {@link #version()}, so the renderer redraws the
 * cached scene only when something changed (render on demand).
 */
public final class ViewState {
    /** Default alpha threshold: texels with less coverage are discarded. */
    public static final float DEFAULT_THRESHOLD = 0.5f;
    /** Sprites drawn smaller than this many pixels are drawn as flat squares of their label's colour. */
    public static final float DEFAULT_FLAT_BELOW_PX = 2.5f;

    private final Camera camera = new Camera();
    private final Transition transition;
    private final int layouts;
    private SpriteSizing sizing;
    private final float[] worldSizes;
    private float userScale = 1f;
    private float threshold = DEFAULT_THRESHOLD;
    private boolean tintByLabel;
    private boolean smoothAlpha;
    private final boolean[] shown;
    private final TransitionCamera follow = new TransitionCamera();
    private float[][] positions;
    private int[] labelOfItem;
    private long version;

    public ViewState(int layouts, int labels, int initialLayout) {
        this.layouts = layouts;
        this.transition = new Transition(initialLayout);
        this.worldSizes = new float[layouts];
        java.util.Arrays.fill(worldSizes, 0.01f);
        this.shown = new boolean[Math.max(1, labels)];
        Arrays.fill(shown, true);
    }

    public Camera camera() { return camera; }

    /**
     * Takes the layouts' normalised coordinates and each item's label: the camera's bounds (every
     * layout, outliers included), its fitted box (the union of the layouts' core boxes), each
     * layout's sprite world size from its density; then shows the fitted view.
     */
    public void fitTo(float[][] normalized, int[] labels) {
        positions = normalized;
        labelOfItem = labels;
        float[][] all = new float[normalized.length][], core = new float[normalized.length][];
        float[] sizes = new float[normalized.length];
        for (int l = 0; l < normalized.length; l++) {
            all[l] = LayoutNormalizer.bounds(normalized[l]);
            core[l] = LayoutNormalizer.coreBounds(normalized[l]);
            sizes[l] = SpriteSizing.worldSizeFor(LocalDensity.typicalSpacing(normalized[l]));
        }
        float[] b = LayoutNormalizer.union(all), f = LayoutNormalizer.union(core);
        camera.setBounds(b[0], b[1], b[2], b[3]);
        camera.setFitBox(f[0], f[1], f[2], f[3]);
        setWorldSizes(sizes);
        camera.fit();
        changed();
    }

    /** Pixels at the left covered by the overlay's panel: the fitted view leaves room for it. */
    public void setInsetLeft(float px) {
        if (px == camera.insetLeft()) return;
        camera.setInsetLeft(px);
        updateMaxZoom();
        changed();
    }

    /** Whether a transition started while zoomed in moves the camera with the items on screen. */
    public boolean followsTransitions() { return follow.enabled(); }

    public void setFollowTransitions(boolean on) {
        if (on != follow.enabled()) {
            follow.setEnabled(on);
            changed();
        }
    }

    /** Smooth alpha: texels blend by their alpha (premultiplied) instead of passing or failing the threshold. */
    public boolean smoothAlpha() { return smoothAlpha; }

    public void setSmoothAlpha(boolean on) { if (on != smoothAlpha) { smoothAlpha = on; changed(); } }

    public Transition transition() { return transition; }

    public int layoutCount() { return layouts; }

    public SpriteSizing sizing() { return sizing; }

    public void setSizing(SpriteSizing sizing) {
        this.sizing = sizing;
        updateMaxZoom();
        changed();
    }

    /** Sprite side in world units, per layout (from each layout's density). */
    public void setWorldSizes(float[] perLayout) {
        System.arraycopy(perLayout, 0, worldSizes, 0, layouts);
        updateMaxZoom();
        changed();
    }

    public float worldSize(int layout) { return worldSizes[layout]; }

    /** Sprite side in world units now: during a transition, the layouts' sizes blended by the same weights. */
    public float worldSize() {
        float[] w = transition.weights();
        float s = 0;
        for (int k = 0; k < 3; k++) s += w[k] * worldSizes[transition.slot(k)];
        return s;
    }

    /** Zoom stops where the smallest sprites of any layout reach their largest size. */
    private void updateMaxZoom() {
        if (sizing == null) return;
        float smallest = Float.POSITIVE_INFINITY;
        for (float w : worldSizes) smallest = Math.min(smallest, w);
        camera.setMaxZoom(sizing.pixelsPerUnitAtMax(smallest) / camera.fitPixelsPerUnit());
    }

    public float userScale() { return userScale; }

    public void setUserScale(float s) { if (s != userScale) { userScale = s; changed(); } }

    public float threshold() { return threshold; }

    public void setThreshold(float t) { if (t != threshold) { threshold = t; changed(); } }

    public float flatBelowPx() { return DEFAULT_FLAT_BELOW_PX; }

    public boolean tintByLabel() { return tintByLabel; }

    public void setTintByLabel(boolean on) { if (on != tintByLabel) { tintByLabel = on; changed(); } }

    public boolean isShown(int label) { return shown[label]; }

    public boolean[] shownLabels() { return shown.clone(); }

    public void setShown(int label, boolean on) { if (shown[label] != on) { shown[label] = on; changed(); } }

    /** Sprite side in pixels now. */
    public float spritePixels() {
        return sizing.pixels(worldSize(), camera.pixelsPerUnit(), camera.zoom(), userScale);
    }

    /** Call after changing the camera directly. */
    public void cameraChanged() {
        changed();
    }

    /** Framebuffer size changed: the camera keeps its centre; the zoom limit follows the new size. */
    public void setViewport(int width, int height, SpriteSizing newSizing) {
        camera.setViewport(width, height);
        setSizing(newSizing);
        cameraChanged();
    }

    /** Starts a transition to {@code layout} at time {@code now} (seconds). */
    public void moveTo(int layout, float now) {
        int before = transition.target();
        transition.moveTo(layout, now);
        if (transition.target() != before && labelOfItem != null) follow.start(positions, transition, camera, labelOfItem, shown);
        changed();
    }

    /** Advances time; returns true when the scene moved. */
    public boolean update(float now) {
        if (!transition.isRunning()) return false;
        transition.update(now);
        follow.update(transition, camera);
        changed();
        return true;
    }

    public void changed() { version++; }

    /** Increases whenever the scene would draw differently. */
    public long version() { return version; }
}
