package org.embedscope.render;

/**
 * The zoom rule for sprite size. A sprite has a size in world units, so it grows as the view zooms
 * in; its on-screen size is clamped between a minimum and a maximum number of pixels and then
 * multiplied by the user's scale:
 *
 * <pre>  px(z) = min(clamp(worldSize · pixelsPerUnit(z), minPx, maxPx) · userScale, pointLimit)</pre>
 *
 * Continuous and monotone in zoom, with no jumps. The world size comes from the data's density
 * (items per unit area), so a fitted view of many items reads as clusters of small images rather
 * than a solid blob.
 */
public final class SpriteSizing {
    /** Smallest on-screen size in pixels before the user's scale. */
    public static final float DEFAULT_MIN_PX = 3f;
    /** World size as a multiple of the mean spacing of items over the layout's area. */
    public static final float DENSITY_FACTOR = 1.5f;

    private final float worldSize;
    private final float minPx;
    private final float maxPx;
    private final float pointLimit;

    /**
     * @param worldSize  sprite side in world units
     * @param minPx      smallest side in pixels (before user scale)
     * @param maxPx      largest side in pixels (before user scale)
     * @param pointLimit the GL's largest point size; nothing is drawn larger
     */
    public SpriteSizing(float worldSize, float minPx, float maxPx, float pointLimit) {
        if (!(worldSize > 0) || !(minPx > 0) || !(maxPx >= minPx) || !(pointLimit >= 1)) {
            throw new IllegalArgumentException("bad sprite sizing " + worldSize + ", " + minPx + ", " + maxPx + ", " + pointLimit);
        }
        this.worldSize = worldSize;
        this.minPx = minPx;
        this.maxPx = maxPx;
        this.pointLimit = pointLimit;
    }

    /**
     * Default world size for {@code n} items spread over {@code area} square world units:
     * {@link #DENSITY_FACTOR} times the spacing of a uniform grid of that density.
     */
    public static float densityWorldSize(int n, float area) {
        return DENSITY_FACTOR * (float) Math.sqrt(Math.max(area, 1e-6f) / Math.max(n, 1));
    }

    public float worldSize() { return worldSize; }

    public float minPx() { return minPx; }

    public float maxPx() { return maxPx; }

    public float pointLimit() { return pointLimit; }

    /** On-screen side in pixels at {@code pixelsPerUnit} and the user's {@code userScale}. */
    public float pixels(float pixelsPerUnit, float userScale) {
        float px = worldSize * pixelsPerUnit;
        px = Math.max(minPx, Math.min(maxPx, px));
        return Math.min(px * userScale, pointLimit);
    }

    /** The pixels-per-unit at which the world size reaches {@code maxPx}: where zooming in stops helping. */
    public float pixelsPerUnitAtMax() {
        return maxPx / worldSize;
    }

    /**
     * The atlas level whose cell size best matches {@code px} on screen (nearest in log scale), from
     * cell sizes ordered finest first. Sampling a level whose cells are close to the drawn size keeps
     * texture reads cheap and avoids aliasing.
     */
    public static int bestLevel(int[] cellSizes, float px) {
        int best = 0;
        double bestErr = Double.POSITIVE_INFINITY;
        for (int l = 0; l < cellSizes.length; l++) {
            double err = Math.abs(Math.log(cellSizes[l] / (double) Math.max(px, 1e-3f)));
            // Ties go to the finer level: never blurrier than needed.
            if (err < bestErr - 1e-9) {
                bestErr = err;
                best = l;
            }
        }
        return best;
    }
}
