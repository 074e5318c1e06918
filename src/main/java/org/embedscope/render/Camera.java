package org.embedscope.render;

import org.joml.Matrix4f;

/**
 * The 2-D view: which world point is at the middle of the framebuffer and how many pixels a world
 * unit spans. Zoom 1 is the fitted view (the data's bounds fill the framebuffer, with a margin).
 *
 * <p>Constraints keep the data in sight: zoom stays in [1, maxZoom]; along an axis where the view
 * is wider than the data, the data stays centred; otherwise the view cannot leave the data's
 * bounds. Screen coordinates are framebuffer pixels, origin at the top left, y down.
 */
public final class Camera {
    /** Fraction of the framebuffer the data's bounds take in the fitted view. */
    public static final float FIT_FILL = 0.92f;

    private float minX = -1, minY = -1, maxX = 1, maxY = 1;
    private int width = 1, height = 1;
    private float maxZoom = 1;
    private float centerX, centerY;
    private float zoom = 1;

    /** Sets the world bounds of the data. */
    public void setBounds(float minX, float minY, float maxX, float maxY) {
        this.minX = minX;
        this.minY = minY;
        this.maxX = Math.max(maxX, minX + 1e-6f);
        this.maxY = Math.max(maxY, minY + 1e-6f);
        clamp();
    }

    /** Sets the framebuffer size in pixels, keeping the world point at the centre. */
    public void setViewport(int width, int height) {
        this.width = Math.max(1, width);
        this.height = Math.max(1, height);
        clamp();
    }

    /** Sets the largest zoom, at least 1. */
    public void setMaxZoom(float maxZoom) {
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
        return FIT_FILL * Math.min(width / (maxX - minX), height / (maxY - minY));
    }

    /** Pixels per world unit now. */
    public float pixelsPerUnit() {
        return zoom * fitPixelsPerUnit();
    }

    /** Shows the whole data. */
    public void fit() {
        zoom = 1;
        centerX = (minX + maxX) / 2;
        centerY = (minY + maxY) / 2;
    }

    /** Sets centre and zoom directly (then constrained). */
    public void set(float cx, float cy, float z) {
        centerX = cx;
        centerY = cy;
        zoom = z;
        clamp();
    }

    public float screenX(float worldX) { return width / 2f + (worldX - centerX) * pixelsPerUnit(); }

    public float screenY(float worldY) { return height / 2f - (worldY - centerY) * pixelsPerUnit(); }

    public float worldX(float screenX) { return centerX + (screenX - width / 2f) / pixelsPerUnit(); }

    public float worldY(float screenY) { return centerY - (screenY - height / 2f) / pixelsPerUnit(); }

    /** Moves the view by a drag of (dx, dy) pixels: the world follows the pointer. */
    public void panPixels(float dx, float dy) {
        float ppu = pixelsPerUnit();
        centerX -= dx / ppu;
        centerY += dy / ppu;
        clamp();
    }

    /** Multiplies the zoom by {@code factor}, keeping the world point under (sx, sy) where it is. */
    public void zoomAbout(float sx, float sy, float factor) {
        float wx = worldX(sx), wy = worldY(sy);
        zoom = Math.max(1f, Math.min(maxZoom, zoom * factor));
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
        if (!(zoom >= 1f)) zoom = 1f;
        if (zoom > maxZoom) zoom = maxZoom;
        float ppu = pixelsPerUnit();
        centerX = clampAxis(centerX, minX, maxX, width / 2f / ppu);
        centerY = clampAxis(centerY, minY, maxY, height / 2f / ppu);
    }

    private static float clampAxis(float c, float lo, float hi, float halfView) {
        if (Float.isNaN(c)) c = (lo + hi) / 2;
        if (2 * halfView >= hi - lo) return (lo + hi) / 2;
        return Math.max(lo + halfView, Math.min(hi - halfView, c));
    }
}
