package org.embedscope.render;

/**
 * The zoom rule for sprite size. A sprite has a size in world units, so it grows as the view zooms
 * in; its on-screen size is clamped between a minimum and a maximum number of pixels and then
 * multiplied by the user's scale:
 *
 * <pre>  px(z) = min(clamp(worldSize · pixelsPerUnit(z), minPx, maxPx) · userScale, pointLimit)</pre>
 *
 * Continuous and monotone in zoom, with no jumps. The world size comes from the data's local
 * density ({@link LocalDensity}), so a fitted view of many items reads as clusters of small images
 * rather than a solid blob, and a software rasteriser is not asked to fill far more pixels than the
 * screen has.
 */
public final class SpriteSizing {
    /** Smallest on-screen size in pixels before the user's scale. */
    public static final float DEFAULT_MIN_PX = 3f;
    /** World size as a multiple of the typical spacing of items where most of them are. */
    public static final float DENSITY_FACTOR = 1.0f;

    private final float minPx;
    private final float maxPx;
    private final float pointLimit;

    /**
     * @param minPx      smallest side in pixels (before user scale)
     * @param maxPx      largest side in pixels (before user scale)
     * @param pointLimit the GL's largest point size; nothing is drawn larger
     */
    public SpriteSizing(float minPx, float maxPx, float pointLimit) {
        if (!(minPx > 0) || !(maxPx >= minPx) || !(pointLimit >= 1)) {
            throw new IllegalArgumentException("bad sprite sizing " + minPx + ", " + maxPx + ", " + pointLimit);
        }
        this.minPx = minPx;
        this.maxPx = maxPx;
        this.pointLimit = pointLimit;
    }

    /**
     * Default world size for a layout whose items are typically {@code spacing} apart
     * ({@link LocalDensity#typicalSpacing}); a layout of one item gets a tenth of its extent.
     */
    public static float worldSizeFor(float spacing) {
        return spacing > 0 ? DENSITY_FACTOR * spacing : 0.2f;
    }

    public float maxPx() { return maxPx; }

    public float pointLimit() { return pointLimit; }

    /** On-screen side in pixels of a sprite {@code worldSize} wide at {@code pixelsPerUnit} and the user's {@code userScale}. */
    public float pixels(float worldSize, float pixelsPerUnit, float userScale) {
        float px = worldSize * pixelsPerUnit;
        px = Math.max(minPx, Math.min(maxPx, px));
        return Math.min(px * userScale, pointLimit);
    }

    /** The pixels-per-unit at which {@code worldSize} reaches {@code maxPx}: where zooming in stops helping. */
    public float pixelsPerUnitAtMax(float worldSize) {
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
