package org.embedscope.render;

/**
 * The zoom rule for sprite size: the larger of a <b>readable</b> size and a <b>spacing</b> size,
 * clamped, then multiplied by the user's scale:
 *
 * <pre>  px(z) = min(clamp(max(fitPx · min(√z, 2), worldSize · pixelsPerUnit(z)), minPx, maxPx) · userScale, pointLimit)</pre>
 *
 * <ul>
 *   <li>readable: at the fitted view (z = 1) sprites are {@code fitPx} ({@link #readableFitPx}: their
 *       areas add up to {@value #FIT_COVERAGE} times the view), so the first view shows images, not
 *       dots; they grow as √z, to twice that at 4× zoom, and no more, so zooming in separates them;</li>
 *   <li>spacing: a size in world units, the typical spacing of items where most of them are
 *       ({@link LocalDensity}), which grows with the zoom and takes over once items no longer
 *       overlap at their readable size.</li>
 * </ul>
 * Both terms are continuous and monotone in zoom, so the size is too, with no jumps.
 */
public final class SpriteSizing {
    /** Smallest on-screen size in pixels before the user's scale. */
    public static final float DEFAULT_MIN_PX = 3f;
    /** World size as a multiple of the typical spacing of items where most of them are. */
    public static final float DENSITY_FACTOR = 1.0f;
    /** At the fitted view, the sprites' areas add up to this many times the view's area. */
    public static final float FIT_COVERAGE = 10f;
    /** The readable size at the fitted view is at most this fraction of the view's smaller side. */
    public static final float FIT_MAX_FRACTION = 0.05f;
    /** Zooming in, the readable size grows to this multiple of its fitted size (at the square of it). */
    public static final float READABLE_GROWTH = 2f;

    private final float minPx;
    private final float maxPx;
    private final float pointLimit;
    private final float fitPx;
    /** The 2019 demo's rule instead (for side-by-side benchmarks): see {@link #matchingDemo}. */
    private final boolean demo;
    /** The demo's sprite side at its fitted view and from 4× zoom on, in pixels. */
    public static final float DEMO_FIT_PX = 14f, DEMO_MAX_PX = 28f;

    /**
     * @param minPx      smallest side in pixels (before user scale)
     * @param maxPx      largest side in pixels (before user scale)
     * @param pointLimit the GL's largest point size; nothing is drawn larger
     */
    public SpriteSizing(float minPx, float maxPx, float pointLimit) {
        this(minPx, maxPx, pointLimit, 0f);
    }

    /** @param fitPx readable side at the fitted view in pixels (before user scale); 0 for the spacing rule alone */
    public SpriteSizing(float minPx, float maxPx, float pointLimit, float fitPx) {
        this(minPx, maxPx, pointLimit, fitPx, false);
    }

    private SpriteSizing(float minPx, float maxPx, float pointLimit, float fitPx, boolean demo) {
        if (!(minPx > 0) || !(maxPx >= minPx) || !(pointLimit >= 1) || !(fitPx >= 0)) {
            throw new IllegalArgumentException("bad sprite sizing " + minPx + ", " + maxPx + ", " + pointLimit + ", " + fitPx);
        }
        this.minPx = minPx;
        this.maxPx = maxPx;
        this.pointLimit = pointLimit;
        this.fitPx = fitPx;
        this.demo = demo;
    }

    /**
     * The 2019 three.js demo's sizes, so a benchmark draws what it draws: 14 px at the fitted view,
     * 28 px from 4× zoom on, and between them linear in the camera's distance (1/zoom), as the
     * demo's {@code zoomScaler} maps its camera's z from 20 to 5 onto 14 to 28 px.
     */
    public static SpriteSizing matchingDemo(float maxPx, float pointLimit) {
        return new SpriteSizing(DEFAULT_MIN_PX, Math.max(DEMO_MAX_PX, maxPx), pointLimit, DEMO_FIT_PX, true);
    }

    /** The demo's side at zoom {@code zoom}. */
    static float demoPx(float zoom) {
        if (!(zoom > 1f)) return DEMO_FIT_PX;
        if (zoom >= 4f) return DEMO_MAX_PX;
        return DEMO_FIT_PX + (DEMO_MAX_PX - DEMO_FIT_PX) * (1f - 1f / zoom) / (1f - 1f / 4f);
    }

    /** True for {@link #matchingDemo}. */
    public boolean matchesDemo() { return demo; }

    /**
     * The default sizing for a {@code width × height} view of {@code items} items: readable at the
     * fitted view, up to half the view's smaller side (so one sprite can fill a quarter of it).
     */
    public static SpriteSizing forView(int width, int height, int items, float pointLimit) {
        float maxPx = Math.max(DEFAULT_MIN_PX, Math.min(pointLimit, 0.5f * Math.min(width, height)));
        return new SpriteSizing(DEFAULT_MIN_PX, maxPx, pointLimit, Math.min(maxPx, readableFitPx(width, height, items)));
    }

    /**
     * Side in pixels at which {@code items} sprites together cover {@value #FIT_COVERAGE} times a
     * {@code width × height} view, at most {@value #FIT_MAX_FRACTION} of its smaller side: 12 px for
     * 70,000 items in 1280×800, 40 px for a few thousand.
     */
    public static float readableFitPx(int width, int height, int items) {
        if (items <= 0) return 0f;
        double px = Math.sqrt(FIT_COVERAGE * (double) width * height / items);
        return (float) Math.min(px, FIT_MAX_FRACTION * Math.min(width, height));
    }

    public float fitPx() { return fitPx; }

    /**
     * Default world size for a layout whose items are typically {@code spacing} apart
     * ({@link LocalDensity#typicalSpacing}); a layout of one item gets a tenth of its extent.
     */
    public static float worldSizeFor(float spacing) {
        return spacing > 0 ? DENSITY_FACTOR * spacing : 0.2f;
    }

    public float maxPx() { return maxPx; }

    public float pointLimit() { return pointLimit; }

    /** On-screen side in pixels of a sprite {@code worldSize} wide at {@code pixelsPerUnit} and the user's {@code userScale} (spacing rule only). */
    public float pixels(float worldSize, float pixelsPerUnit, float userScale) {
        return pixels(worldSize, pixelsPerUnit, 0f, userScale);
    }

    /**
     * On-screen side in pixels at zoom {@code zoom} (1 = fitted view): the readable size or that of a
     * sprite {@code worldSize} wide at {@code pixelsPerUnit}, whichever is larger, clamped, times the
     * user's {@code userScale}.
     */
    public float pixels(float worldSize, float pixelsPerUnit, float zoom, float userScale) {
        if (demo) return Math.min(demoPx(zoom) * userScale, pointLimit);
        float px = Math.max(readablePx(zoom), worldSize * pixelsPerUnit);
        px = Math.max(minPx, Math.min(maxPx, px));
        return Math.min(px * userScale, pointLimit);
    }

    /** The readable term at zoom {@code zoom}: {@code fitPx · min(√zoom, growth)}. */
    public float readablePx(float zoom) {
        if (!(zoom > 0)) return 0f;
        return fitPx * (float) Math.min(Math.sqrt(zoom), READABLE_GROWTH);
    }

    /** The pixels-per-unit at which {@code worldSize} reaches {@code maxPx}: where zooming in stops helping (the readable term stops growing before). */
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
