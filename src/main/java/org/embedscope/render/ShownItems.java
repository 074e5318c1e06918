package org.embedscope.render;

import java.nio.IntBuffer;
import java.util.Arrays;
import org.lwjgl.system.MemoryUtil;

/**
 * The items an exact scene showed (those on top at one pixel or more) and the conditions it was drawn
 * under. With the alpha threshold a pixel shows the topmost kept texel, so an item on top nowhere adds
 * nothing to the picture: a redraw under the same conditions draws only the shown items, the same
 * picture pixel for pixel, for a fraction of the sprites where they pile up (a fitted view of the 70,000
 * MNIST digits shows about a quarter of them, the densest 8× view of a million about two thirds). The
 * conditions are all that decides which item is on top where ({@link ItemDraw#coverageKey} plus the
 * pages on the GPU, the hidden items, the selection drawn in front and the list drawn); changes of
 * colour alone (dimming, colouring, the search's highlight) keep them. Smooth alpha blends every
 * item into the picture: no set is kept then.
 *
 * <p>The ids are those the full scene wrote into its target's id attachment ({@link RenderTarget.Kind#SCENE}).
 */
final class ShownItems implements AutoCloseable {
    private long[] key;
    /** The conditions of the last full scene drawn without recording. */
    private long[] drawnOnce;
    /** The shown items, last first (the depth-tested scene's order, {@link SpritePass#drawScene}). */
    private final IndexList list = new IndexList();
    private IntBuffer ids;
    private long[] seen = new long[0];
    private int count;

    /** True when a scene drawn under {@code conditions} would show exactly the recorded items. */
    boolean matches(long[] conditions) {
        return key != null && conditions != null && Arrays.equals(key, conditions);
    }

    /**
     * True when a full scene under {@code conditions} should record what it shows: when the one before
     * was drawn under them too. A view that changes every frame (a zoom, a pan) is never drawn twice
     * and pays nothing for the record; one drawn again (a selection, a colouring, a search at a view
     * that stays) is drawn from the record from the third time on.
     */
    boolean worthRecording(long[] conditions) {
        if (conditions == null) return false;
        if (Arrays.equals(drawnOnce, conditions)) return true;
        drawnOnce = conditions;
        return false;
    }

    /** The recorded items, last first, on the GPU. */
    IndexList list() { return list; }

    /** How many items the recorded scene showed. */
    int count() { return count; }

    /**
     * Records what {@code target}'s id attachment shows, the scene just drawn into it under
     * {@code conditions}, for {@code itemCount} items.
     */
    void record(long[] conditions, RenderTarget target, int itemCount) {
        int pixels = target.width() * target.height();
        if (ids == null || ids.capacity() < pixels) {
            if (ids != null) MemoryUtil.memFree(ids);
            ids = MemoryUtil.memAllocInt(pixels);
        }
        ids.clear().limit(pixels);
        target.readIds(ids);
        if (seen.length < (itemCount + 63) / 64) seen = new long[(itemCount + 63) / 64];
        int[] order = lastFirst(ids, pixels, itemCount, seen);
        list.upload(order, 0);
        count = order.length;
        key = conditions;
    }

    /**
     * The items named in {@code ids} (item + 1 per pixel, 0 for none, the first {@code pixels}
     * values), each once, last item first. {@code seen} is scratch of at least ⌈itemCount / 64⌉ words.
     */
    static int[] lastFirst(IntBuffer ids, int pixels, int itemCount, long[] seen) {
        Arrays.fill(seen, 0, (itemCount + 63) / 64, 0L);
        int n = 0;
        int last = -1;
        for (int p = 0; p < pixels; p++) {
            int v = ids.get(p) - 1;
            if (v == last || v < 0 || v >= itemCount) continue;   // runs of one item along a row are common
            last = v;
            long bit = 1L << v;
            int w = v >>> 6;
            if ((seen[w] & bit) == 0) {
                seen[w] |= bit;
                n++;
            }
        }
        int[] order = new int[n];
        int k = 0;
        for (int w = (itemCount + 63) / 64 - 1; w >= 0; w--) {
            long bits = seen[w];
            while (bits != 0) {
                int b = 63 - Long.numberOfLeadingZeros(bits);
                order[k++] = w * 64 + b;
                bits &= ~(1L << b);
            }
        }
        return order;
    }

    @Override
    public void close() {
        list.close();
        if (ids != null) MemoryUtil.memFree(ids);
        ids = null;
    }
}
