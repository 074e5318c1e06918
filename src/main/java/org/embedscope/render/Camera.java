package org.embedscope.render;

import org.joml.Matrix4f;

/**
 * The 2-D view: which world point is at the middle of the framebuffer and how many pixels a world
 * unit spans. Zoom 1 is the fitted view: the data's core box ({@link #setFitBox}, far outliers left
 * out) fills the part of the framebuffer not under a side panel ({@link #setInsetLeft}), with a margin.
 *
 * <p>Constraints keep the data in sight: zoom stays in [minZoom, maxZoom], where minZoom ≤ 1 is the
 * zoom that shows all the data, outliers included. The centre stays where the classic rule allows it
 * for the whole data or for the core box (the span between): along an axis where the usable view is
 * wider than a box, that box stays centred; otherwise the view cannot leave the box. Screen
 * coordinates are framebuffer pixels, origin at the top left, y down.
 *
 * <p>One loosening: a flight that puts an item in the middle of the part of the view no panel covers may
 * take the view beyond that rule as far as it needs to ({@link #viewPutting}, {@link #beyondRule}): an
 * item near the data's edge landed at the view's edge, often under a panel. The view keeps that room
 * only while it uses it: every later constraint shrinks it to how far the view still is beyond the rule
 * (a move back towards the data gives it up, none goes further out), and {@link #fit} ends it; the view
 * never jumps.
 *
 * <p>Outside this package the camera is read-only: what is shown changes through {@link ViewState}.
 */
public final class Camera {
    /** Fraction of the framebuffer the data's bounds take in the fitted view. */
    public static final float FIT_FILL = 0.92f;

    private float minX = -1, minY = -1, maxX = 1, maxY = 1;
    private float fitMinX = -1, fitMinY = -1, fitMaxX = 1, fitMaxY = 1;
    private int width = 1, height = 1;
    private float insetLeft;
    /** Pixels the fitted view keeps free at each side beyond {@link #FIT_FILL}'s margin allows: a sprite's width (see {@link #setFitMargin}). */
    private float fitMargin;
    private float maxZoom = 1;
    private float centerX, centerY;
    private float zoom = 1;
    /** Pixels the view may be beyond the pan rule at each side {left, right, top, bottom}: see the class comment. */
    private final float[] slack = new float[4];

    /** Sets the world bounds of all the data; the fitted view shows all of it until {@link #setFitBox}. */
    void setBounds(float minX, float minY, float maxX, float maxY) {
        // A span of nothing (one item, or all in one place) is widened about its middle, so that the
        // item is in the middle of the view (a width of 1e-6 from its minimum put it at an edge).
        if (!(maxX - minX >= 1e-6f)) { float c = (minX + maxX) / 2; minX = c - 1; maxX = c + 1; }
        if (!(maxY - minY >= 1e-6f)) { float c = (minY + maxY) / 2; minY = c - 1; maxY = c + 1; }
        this.minX = minX;
        this.minY = minY;
        this.maxX = maxX;
        this.maxY = maxY;
        fitMinX = this.minX;
        fitMinY = this.minY;
        fitMaxX = this.maxX;
        fitMaxY = this.maxY;
        clamp();
    }

    /** Sets the box the fitted view shows (the data's core), within the bounds. */
    void setFitBox(float minX, float minY, float maxX, float maxY) {
        if (!(maxX - minX >= 1e-6f)) { minX = this.minX; maxX = this.maxX; }   // no core width: the bounds' own
        if (!(maxY - minY >= 1e-6f)) { minY = this.minY; maxY = this.maxY; }
        fitMinX = Math.max(this.minX, Math.min(minX, this.maxX));
        fitMinY = Math.max(this.minY, Math.min(minY, this.maxY));
        fitMaxX = Math.max(fitMinX + 1e-6f, Math.min(maxX, this.maxX));
        fitMaxY = Math.max(fitMinY + 1e-6f, Math.min(maxY, this.maxY));
        clamp();
    }

    /**
     * Pixels at the left of the framebuffer covered by a panel: the fitted view centres the data in
     * the rest. The current scale is kept; a view that was fitted stays fitted.
     */
    void setInsetLeft(float px) {
        float inset = Math.max(0, Math.min(px, 0.5f * width));
        if (inset == insetLeft) return;
        keepingView(() -> insetLeft = inset);
    }

    /**
     * Makes {@code change} to what the fitted view is, keeping the view: a fitted view stays fitted,
     * any other keeps its scale.
     */
    private void keepingView(Runnable change) {
        boolean fitted = isFitted();
        float ppu = pixelsPerUnit();
        change.run();
        if (fitted) {
            fit();
        } else {
            zoom = ppu / fitPixelsPerUnit();
            clamp();
        }
    }

    public float insetLeft() { return insetLeft; }

    /**
     * The sprites' side at the fitted view: the fitted view leaves half of it free beyond the core box on
     * each side, so the outermost sprites are whole (two items' 255-px sprites were cut by the edges).
     * {@link #FIT_FILL}'s margin already holds the small sprites of large data. A fitted view stays fitted.
     */
    void setFitMargin(float px) {
        if (px == fitMargin) return;
        keepingView(() -> fitMargin = px);
    }

    /** Pixels per world unit that {@link #FIT_FILL} alone gives the fitted view, before the sprites' margin. */
    float fillPixelsPerUnit() {
        return FIT_FILL * Math.min((width - insetLeft) / (fitMaxX - fitMinX), height / (fitMaxY - fitMinY));
    }

    /** True when the view is the fitted one (zoom 1, centred on the core box). */
    public boolean isFitted() {
        float ppu = pixelsPerUnit();
        return Math.abs(zoom - 1) < 1e-4f && Math.abs(centerX - fitCenterX()) * ppu < 0.5f
                && Math.abs(centerY - fitCenterY()) * ppu < 0.5f;
    }

    /** Sets the framebuffer size in pixels, keeping the world point at the centre. */
    void setViewport(int width, int height) {
        this.width = Math.max(1, width);
        this.height = Math.max(1, height);
        clamp();
    }

    /** Sets the largest zoom, at least 1. */
    void setMaxZoom(float maxZoom) {
        this.maxZoom = Math.max(1f, maxZoom);
        clamp();
    }

    public int width() { return width; }

    public int height() { return height; }

    public float centerX() { return centerX; }

    public float centerY() { return centerY; }

    public float zoom() { return zoom; }

    /** Pixels per world unit in the fitted view. */
    public float fitPixelsPerUnit() {
        return pixelsPerUnitShowing(fitMaxX - fitMinX, fitMaxY - fitMinY);
    }

    /** The largest zoom (where the smallest sprites reach their largest size). */
    public float maxZoom() { return maxZoom; }

    /** The smallest zoom: every item in view, outliers included (1 when there are none). */
    public float minZoom() {
        return Math.min(1f, pixelsPerUnitShowing(maxX - minX, maxY - minY) / fitPixelsPerUnit());
    }

    private float pixelsPerUnitShowing(float w, float h) {
        float wide = width - insetLeft, high = height;
        float m = Math.min(fitMargin, 0.5f * Math.min(wide, high));   // the data keeps at least half the view
        return Math.min(FIT_FILL * Math.min(wide / w, high / h), Math.min((wide - m) / w, (high - m) / h));
    }

    /** Pixels per world unit now. */
    public float pixelsPerUnit() {
        return zoom * fitPixelsPerUnit();
    }

    /** Shows the data's core box in the part of the view beside the panel. */
    void fit() {
        java.util.Arrays.fill(slack, 0f);
        zoom = 1;
        centerX = fitCenterX();
        centerY = fitCenterY();
    }

    /** The centre of the fitted view: the core box's middle in the middle of the part beside the panel. */
    private float fitCenterX() { return (fitMinX + fitMaxX) / 2 - insetLeft / 2 / fitPixelsPerUnit(); }

    private float fitCenterY() { return (fitMinY + fitMaxY) / 2; }

    /** Data bounds {minX, minY, maxX, maxY}, outliers included. */
    public float[] bounds() { return new float[] {minX, minY, maxX, maxY}; }

    /** The fitted view's box {minX, minY, maxX, maxY}. */
    public float[] fitBox() { return new float[] {fitMinX, fitMinY, fitMaxX, fitMaxY}; }

    /** Sets centre and zoom directly (then constrained). */
    void set(float cx, float cy, float z) {
        centerX = cx;
        centerY = cy;
        zoom = z;
        clamp();
    }

    /** True while the view is beyond the pan rule, where a flight took it (see the class comment). */
    public boolean isBeyondRule() { return slack[0] > 0 || slack[1] > 0 || slack[2] > 0 || slack[3] > 0; }

    /**
     * The same, the pan rule loosened by {@code px} pixels per side {left, right, top, bottom} (a flight's
     * room: see the class comment); null keeps the room the view has.
     */
    void set(float cx, float cy, float z, float[] px) {
        if (px != null) for (int i = 0; i < 4; i++) slack[i] = Math.max(0f, px[i]);
        set(cx, cy, z);
    }

    /**
     * The view {cx, cy, zoom} that puts world point ({@code wx}, {@code wy}) at screen point ({@code sx},
     * {@code sy}) at zoom {@code z} (within the zoom limits), whether or not the pan rule allows it.
     */
    float[] viewPutting(float wx, float wy, float sx, float sy, float z) {
        float zoom = Math.max(minZoom(), Math.min(maxZoom, z));
        float ppu = zoom * fitPixelsPerUnit();
        return new float[] {wx - (sx - width / 2f) / ppu, wy + (sy - height / 2f) / ppu, zoom};
    }

    /**
     * How far view ({@code cx}, {@code cy}, {@code z}) is beyond the pan rule, in pixels per side {left,
     * right, top, bottom}: the room {@link #set(float, float, float, float[])} gives a flight to it.
     * The camera does not change.
     */
    float[] beyondRule(float cx, float cy, float z) {
        float x0 = centerX, y0 = centerY, zoom0 = zoom;
        float[] slack0 = slack.clone();
        try {
            java.util.Arrays.fill(slack, 0f);
            set(cx, cy, z);
            float ppu = pixelsPerUnit();
            return new float[] {Math.max(0f, (centerX - cx) * ppu), Math.max(0f, (cx - centerX) * ppu),
                    Math.max(0f, (cy - centerY) * ppu), Math.max(0f, (centerY - cy) * ppu)};
        } finally {
            centerX = x0;
            centerY = y0;
            zoom = zoom0;
            System.arraycopy(slack0, 0, slack, 0, 4);
        }
    }

    public float screenX(float worldX) { return width / 2f + (worldX - centerX) * pixelsPerUnit(); }

    public float screenY(float worldY) { return height / 2f - (worldY - centerY) * pixelsPerUnit(); }

    public float worldX(float screenX) { return centerX + (screenX - width / 2f) / pixelsPerUnit(); }

    public float worldY(float screenY) { return centerY - (screenY - height / 2f) / pixelsPerUnit(); }

    /** Moves the view by a drag of (dx, dy) pixels: the world follows the pointer. */
    void panPixels(float dx, float dy) {
        float ppu = pixelsPerUnit();
        centerX -= dx / ppu;
        centerY += dy / ppu;
        clamp();
    }

    /** Multiplies the zoom by {@code factor}, keeping the world point under (sx, sy) where it is. */
    void zoomAbout(float sx, float sy, float factor) {
        float wx = worldX(sx), wy = worldY(sy);
        zoom = Math.max(minZoom(), Math.min(maxZoom, zoom * factor));
        float ppu = pixelsPerUnit();
        centerX = wx - (sx - width / 2f) / ppu;
        centerY = wy + (sy - height / 2f) / ppu;
        clamp();
    }

    /**
     * Column-major 4×4 matrix from world to clip space ({@code x' = a·x + c}, {@code y' = b·y + d}),
     * for the vertex shader.
     */
    public float[] worldToClip() {
        return worldToClip(0);
    }

    /**
     * The same for a target {@code guard} pixels larger than the view on every side, with the view
     * in its middle at the same scale.
     */
    public float[] worldToClip(int guard) {
        return worldToClip(guard, new Matrix4f()).get(new float[16]);
    }

    /** {@link #worldToClip(int)} into {@code dest}: a scaling to clip units after moving the centre to the origin. */
    public Matrix4f worldToClip(int guard, Matrix4f dest) {
        float ppu = pixelsPerUnit();
        float a = 2f * ppu / (width + 2 * guard), b = 2f * ppu / (height + 2 * guard);
        return dest.scaling(a, b, 1f).translate(-centerX, -centerY, 0f);
    }

    private void clamp() {
        float lo = minZoom();
        if (!(zoom >= lo)) zoom = lo;
        if (zoom > maxZoom) zoom = Math.max(lo, maxZoom);
        float ppu = pixelsPerUnit();
        // Constraints apply to the part of the view beside the panel: its centre is shifted right.
        float shift = insetLeft / 2 / ppu;
        float halfW = (width - insetLeft) / 2f / ppu, halfH = height / 2f / ppu;
        // Zoomed out past the fitted view, the core box widens towards the bounds, reaching them at
        // the smallest zoom, where everything is centred in view.
        float t = zoom >= 1f || lo >= 1f ? 0f : Math.min(1f, (1f - zoom) / (1f - lo));
        // Screen y is down: the view's top is the world's larger y.
        centerX = clampAxis(centerX + shift, minX, maxX, fitMinX + t * (minX - fitMinX), fitMaxX + t * (maxX - fitMaxX), halfW, ppu, 0, 1) - shift;
        centerY = clampAxis(centerY, minY, maxY, fitMinY + t * (minY - fitMinY), fitMaxY + t * (maxY - fitMaxY), halfH, ppu, 3, 2);
    }

    /**
     * The centre c clamped to where the classic rule allows it for the whole span [lo, hi] or for the
     * core span [coreLo, coreHi] (the hull of the two allowed intervals), widened by the slack of the
     * axis' sides ({@code low}: the side a smaller c shows beyond the data, {@code high} the other);
     * each side's slack then shrinks to how far c is beyond the rule on it.
     */
    private float clampAxis(float c, float lo, float hi, float coreLo, float coreHi, float halfView, float ppu, int low, int high) {
        if (Float.isNaN(c)) c = (coreLo + coreHi) / 2;
        float[] a = allowed(lo, hi, halfView), b = allowed(coreLo, coreHi, halfView);
        float least = Math.min(a[0], b[0]), most = Math.max(a[1], b[1]);
        c = Math.max(least - slack[low] / ppu, Math.min(most + slack[high] / ppu, c));
        slack[low] = Math.min(slack[low], Math.max(0f, (least - c) * ppu));
        slack[high] = Math.min(slack[high], Math.max(0f, (c - most) * ppu));
        return c;
    }

    /** Centres at which a view of half-width {@code halfView} keeps [lo, hi] in sight: centred when wider, inside otherwise. */
    private static float[] allowed(float lo, float hi, float halfView) {
        if (2 * halfView >= hi - lo) return new float[] {(lo + hi) / 2, (lo + hi) / 2};
        return new float[] {lo + halfView, hi - halfView};
    }
}
