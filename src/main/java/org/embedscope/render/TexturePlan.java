package org.embedscope.render;

import java.util.Arrays;

/**
 * How a GPU memory budget for textures is spent on the atlas: one texture array of layers the size of
 * the largest page, holding the pages of the coarse levels for good (the coarsest level always, even
 * over budget, so every item can be drawn) and, in the layers the rest of the budget allows, pages of
 * the finer levels streamed in and out as the view needs them. When every page fits, every page is
 * resident and nothing streams. GL-free.
 *
 * <p>Bytes are counted as the GPU stores them: 1, 2 or 4 bytes a texel (RGB is padded to four by
 * most drivers, so it is counted as four), every layer the size of the largest page.
 */
public final class TexturePlan {
    /** At most this share of the budget holds wholly resident levels finer than the coarsest; the rest streams. */
    static final double RESIDENT_SHARE = 0.5;

    private final boolean[] resident;
    private final int residentLayers, streamLayers, width, height, channels;
    private int[] levelChannels;
    /** What the plan was made of, to plan again for another budget ({@link #budgetFor}). */
    private int[] pages, widths, heights;
    private boolean[] pinned;
    private int maxLayers;

    private TexturePlan(boolean[] resident, int residentLayers, int streamLayers, int width, int height, int channels) {
        this.resident = resident;
        this.residentLayers = residentLayers;
        this.streamLayers = streamLayers;
        this.width = width;
        this.height = height;
        this.channels = channels;
    }

    /** Bytes a texel of {@code channels} channels takes on the GPU. */
    public static int texelBytes(int channels) {
        return channels == 3 ? 4 : channels;
    }

    /**
     * The plan for levels (finest first) of {@code pages[l]} pages of {@code widths[l] × heights[l]}
     * texels and {@code channels[l]} channels, within {@code budget} bytes and {@code maxLayers}
     * layers.
     */
    public static TexturePlan of(long budget, int[] pages, int[] widths, int[] heights, int[] channels, int maxLayers) {
        return of(budget, pages, widths, heights, channels, maxLayers, new boolean[pages.length]);
    }

    /** As above, with the levels {@code pinned} (pages that cannot be read again) resident whatever the budget. */
    public static TexturePlan of(long budget, int[] pages, int[] widths, int[] heights, int[] channels, int maxLayers, boolean[] pinned) {
        TexturePlan p = plan(budget, pages, widths, heights, channels, maxLayers, pinned);
        p.levelChannels = channels.clone();
        p.pages = pages.clone();
        p.widths = widths.clone();
        p.heights = heights.clone();
        p.pinned = pinned.clone();
        p.maxLayers = maxLayers;
        return p;
    }

    private static TexturePlan plan(long budget, int[] pages, int[] widths, int[] heights, int[] channels, int maxLayers, boolean[] pinned) {
        int levels = pages.length;
        int w = Arrays.stream(widths).max().orElse(1), h = Arrays.stream(heights).max().orElse(1);
        int ch = Arrays.stream(channels).max().orElse(1);
        long layerBytes = (long) w * h * texelBytes(ch);
        long all = Arrays.stream(pages).asLongStream().sum();
        boolean[] resident = new boolean[levels];
        if (all * layerBytes <= budget && all <= maxLayers) {
            Arrays.fill(resident, true);
            return new TexturePlan(resident, (int) all, 0, w, h, ch);
        }
        // The coarsest level and pinned ones always; then finer ones, coarsest first, while they stay within the resident share.
        resident[levels - 1] = true;
        long layers = 0;
        for (int l = 0; l < levels; l++) {
            if (l == levels - 1 || pinned[l]) {
                resident[l] = true;
                layers += pages[l];
            }
        }
        for (int l = levels - 2; l >= 0 && (resident[l] || ((layers + pages[l]) * layerBytes <= budget * RESIDENT_SHARE
                && layers + pages[l] < maxLayers)); l--) {
            if (resident[l]) continue;
            resident[l] = true;
            layers += pages[l];
        }
        long streamed = 0;
        for (int l = 0; l < levels; l++) if (!resident[l]) streamed += pages[l];
        long room = Math.max(0, budget / layerBytes - layers);
        int stream = (int) Math.max(0, Math.min(Math.min(streamed, room), maxLayers - layers));
        return new TexturePlan(resident, (int) layers, stream, w, h, ch);
    }

    /** True when level {@code l} is wholly resident. */
    public boolean resident(int level) { return resident[level]; }

    /** True when some level streams. */
    public boolean streams() {
        for (boolean r : resident) if (!r) return true;
        return false;
    }

    /** Layers holding the resident levels' pages, one each. */
    public int residentLayers() { return residentLayers; }

    /** Layers for streamed pages (0: streamed levels never show, coarser ones stand in). */
    public int streamLayers() { return streamLayers; }

    public int layers() { return residentLayers + streamLayers; }

    /** Size of a layer: the largest page. */
    public int width() { return width; }

    public int height() { return height; }

    /** Channels of the array: the most any page has. */
    public int channels() { return channels; }

    /** The most channels a page of level {@code level} has (as its files declare). */
    public int channels(int level) { return levelChannels[level]; }

    /** Levels planned. */
    public int levels() { return resident.length; }

    /**
     * The least budget, to a layer, whose plan holds {@code wanted} pages of level {@code level} on the GPU
     * at once (the level resident, or that many streamed layers), or -1 when none within the layer limit
     * does: what a view that asks for them would need.
     */
    public long budgetFor(int level, int wanted) {
        long layerBytes = (long) width * height * texelBytes(channels);
        long lo = 1, hi = Arrays.stream(pages).asLongStream().sum();
        if (!holds(hi * layerBytes, level, wanted)) return -1;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (holds(mid * layerBytes, level, wanted)) hi = mid;
            else lo = mid + 1;
        }
        return lo * layerBytes;
    }

    private boolean holds(long budget, int level, int wanted) {
        TexturePlan p = plan(budget, pages, widths, heights, levelChannels, maxLayers, pinned);
        return p.resident(level) || p.streamLayers() >= wanted;
    }

    /** Every byte the plan puts on the GPU. */
    public long bytes() { return (long) layers() * width * height * texelBytes(channels); }
}
