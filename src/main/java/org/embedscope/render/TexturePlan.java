package org.embedscope.render;

import java.util.Arrays;

/**
 * How a GPU memory budget for textures is spent on the atlas levels: the coarse levels wholly
 * resident, one texture array each (the coarsest always, even over budget, so every item can be
 * drawn); the finer levels streamed, page by page, through one shared pool of layers that holds what
 * the rest of the budget allows. When every level fits, everything is resident and nothing streams.
 * GL-free.
 *
 * <p>Bytes are counted as the GPU stores them: 1, 2 or 4 bytes a texel (RGB is padded to four by
 * most drivers, so it is counted as four).
 */
public final class TexturePlan {
    /** At most this share of the budget goes to wholly resident levels (finer than the coarsest), the rest to the pool. */
    static final double RESIDENT_SHARE = 0.5;

    private final boolean[] resident;
    private final long residentBytes;
    private final int poolLayers, poolWidth, poolHeight, poolChannels;

    private TexturePlan(boolean[] resident, long residentBytes, int poolLayers, int poolWidth, int poolHeight, int poolChannels) {
        this.resident = resident;
        this.residentBytes = residentBytes;
        this.poolLayers = poolLayers;
        this.poolWidth = poolWidth;
        this.poolHeight = poolHeight;
        this.poolChannels = poolChannels;
    }

    /** Bytes a texel of {@code channels} channels takes on the GPU. */
    public static int texelBytes(int channels) {
        return channels == 3 ? 4 : channels;
    }

    /** Bytes of one page. */
    public static long pageBytes(int width, int height, int channels) {
        return (long) width * height * texelBytes(channels);
    }

    /**
     * The plan for levels (finest first) of {@code pages[l]} pages of {@code widths[l] × heights[l]}
     * texels and {@code channels[l]} channels, within {@code budget} bytes and {@code maxLayers}
     * layers per texture array.
     */
    public static TexturePlan of(long budget, int[] pages, int[] widths, int[] heights, int[] channels, int maxLayers) {
        int levels = pages.length;
        boolean[] resident = new boolean[levels];
        long[] bytes = new long[levels];
        long total = 0;
        for (int l = 0; l < levels; l++) {
            bytes[l] = pages[l] * pageBytes(widths[l], heights[l], channels[l]);
            total += bytes[l];
        }
        if (total <= budget) {
            Arrays.fill(resident, true);
            return new TexturePlan(resident, total, 0, 0, 0, 0);
        }
        // The coarsest level always; then finer ones, coarsest first, while they stay within the resident share.
        resident[levels - 1] = true;
        long used = bytes[levels - 1];
        for (int l = levels - 2; l >= 0 && used + bytes[l] <= budget * RESIDENT_SHARE; l--) {
            resident[l] = true;
            used += bytes[l];
        }
        int w = 0, h = 0, ch = 0, streamedPages = 0;
        for (int l = 0; l < levels; l++) {
            if (resident[l]) continue;
            w = Math.max(w, widths[l]);
            h = Math.max(h, heights[l]);
            ch = Math.max(ch, channels[l]);
            streamedPages += pages[l];
        }
        long free = Math.max(0, budget - used);
        long layers = w == 0 ? 0 : Math.min(Math.min(streamedPages, maxLayers), free / pageBytes(w, h, ch));
        return new TexturePlan(resident, used, (int) layers, w, h, ch);
    }

    /** True when level {@code l} is wholly resident. */
    public boolean resident(int level) { return resident[level]; }

    /** True when some level streams through the pool. */
    public boolean streams() {
        for (boolean r : resident) if (!r) return true;
        return false;
    }

    public long residentBytes() { return residentBytes; }

    /** Layers of the shared pool (0: streamed levels are never shown, coarser ones stand in). */
    public int poolLayers() { return poolLayers; }

    public int poolWidth() { return poolWidth; }

    public int poolHeight() { return poolHeight; }

    public int poolChannels() { return poolChannels; }

    public long poolBytes() { return poolLayers == 0 ? 0 : poolLayers * pageBytes(poolWidth, poolHeight, poolChannels); }

    /** Every byte the plan puts on the GPU. */
    public long totalBytes() { return residentBytes + poolBytes(); }
}
