package org.embedscope.render;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The bookkeeping of streamed atlas pages, GL-free: which page sits in which layer of the shared
 * pool, which pages the current frame wants (most wanted first), which are being decoded, and, when a
 * decoded page arrives, the layer it goes to — a free one, else the least recently used one that
 * the current frame does not use (that page is evicted). A page the frame uses is never evicted for
 * another, so a view that wants more pages than the pool holds keeps what it has (the rest are drawn
 * from coarser levels) instead of thrashing.
 */
public final class PagePool {
    /** Where a decoded page goes: its layer, and the page evicted from it ({@code evictedLevel} -1 when the layer was free). */
    public record Claim(int layer, int evictedLevel, int evictedPage) {}

    private final int[][] layerOfPage;  // per level (null when not streamed): page → layer, or -1
    private final int[] levelOfLayer, pageOfLayer;
    private final long[] lastUsed;
    private final int maxInFlight;
    private final Set<Long> inFlight = new HashSet<>();
    private final Set<Long> wanted = new HashSet<>();
    private final Set<Long> broken = new HashSet<>();
    private long frame;
    private long evictions, placed;

    /**
     * @param layers      layers of the pool
     * @param pages       pages per level
     * @param streamed    per level, whether it streams through the pool
     * @param maxInFlight pages decoded at once at most
     */
    public PagePool(int layers, int[] pages, boolean[] streamed, int maxInFlight) {
        layerOfPage = new int[pages.length][];
        for (int l = 0; l < pages.length; l++) {
            if (!streamed[l]) continue;
            layerOfPage[l] = new int[pages[l]];
            Arrays.fill(layerOfPage[l], -1);
        }
        levelOfLayer = new int[layers];
        pageOfLayer = new int[layers];
        Arrays.fill(levelOfLayer, -1);
        Arrays.fill(pageOfLayer, -1);
        lastUsed = new long[layers];
        Arrays.fill(lastUsed, -1);
        this.maxInFlight = Math.max(1, maxInFlight);
    }

    private static long key(int level, int page) { return ((long) level << 32) | page; }

    public int layers() { return levelOfLayer.length; }

    /** True when level {@code level} streams through this pool. */
    public boolean streams(int level) { return layerOfPage[level] != null; }

    /** The layer holding page {@code page} of streamed level {@code level}, or -1. */
    public int layer(int level, int page) { return layerOfPage[level][page]; }

    /** Pages evicted so far, to make room for others. */
    public long evictions() { return evictions; }

    /** Pages placed in a layer so far. */
    public long placed() { return placed; }

    /**
     * Starts a frame that wants {@code levels[i]}, {@code pages[i]} for {@code i < count}, most wanted
     * first: the resident ones are marked used, and the first missing ones not being decoded are
     * returned (as {level, page} pairs) to be decoded now, while fewer than the limit are in flight.
     */
    public int[][] frame(int[] levels, int[] pages, int count) {
        frame++;
        wanted.clear();
        int[][] start = new int[Math.max(0, Math.min(count, maxInFlight - inFlight.size()))][];
        int started = 0;
        for (int i = 0; i < count; i++) {
            int l = levels[i], p = pages[i];
            if (!streams(l) || broken.contains(key(l, p))) continue;
            wanted.add(key(l, p));
            int layer = layerOfPage[l][p];
            if (layer >= 0) {
                lastUsed[layer] = frame;
            } else if (started < start.length && inFlight.add(key(l, p))) {
                start[started++] = new int[] {l, p};
            }
        }
        return Arrays.copyOf(start, started);
    }

    /** True when the current frame wants the page. */
    public boolean wanted(int level, int page) { return wanted.contains(key(level, page)); }

    /**
     * A page finished decoding: the layer it goes to, or null when the current frame no longer wants
     * it or every layer holds a page the frame uses. The caller uploads it there (and tells the GPU
     * that the evicted page is gone) before drawing.
     */
    public Claim arrived(int level, int page) {
        inFlight.remove(key(level, page));
        if (!wanted(level, page) || layerOfPage[level][page] >= 0) return null;
        int layer = -1;
        for (int i = 0; i < levelOfLayer.length && layer < 0; i++) if (levelOfLayer[i] < 0) layer = i;
        if (layer < 0) {
            long oldest = Long.MAX_VALUE;
            for (int i = 0; i < levelOfLayer.length; i++) {
                if (lastUsed[i] < frame && lastUsed[i] < oldest) {
                    oldest = lastUsed[i];
                    layer = i;
                }
            }
        }
        if (layer < 0) return null;
        int evictedLevel = levelOfLayer[layer], evictedPage = pageOfLayer[layer];
        if (evictedLevel >= 0) {
            layerOfPage[evictedLevel][evictedPage] = -1;
            evictions++;
        }
        levelOfLayer[layer] = level;
        pageOfLayer[layer] = page;
        layerOfPage[level][page] = layer;
        lastUsed[layer] = frame;
        placed++;
        return new Claim(layer, evictedLevel, evictedPage);
    }

    /** A page could not be decoded: it is never asked for again (coarser levels stand in for it). */
    public void failed(int level, int page) {
        inFlight.remove(key(level, page));
        broken.add(key(level, page));
    }

    /** True when some layer holds no page. */
    public boolean hasFree() {
        for (int l : levelOfLayer) if (l < 0) return true;
        return false;
    }

    /** Pages being decoded. */
    public int inFlight() { return inFlight.size(); }
}
