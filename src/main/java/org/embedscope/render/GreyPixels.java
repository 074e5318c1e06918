package org.embedscope.render;

import java.nio.ByteBuffer;
import org.lwjgl.system.MemoryUtil;

/**
 * Pages written by other tools often store grey images as RGB or RGBA (every pixel r = g = b, alpha
 * 255). Found on the decoding threads, such a page is kept as one channel (two when its alpha
 * varies): a quarter of the memory and upload, and read identically by the shaders through the
 * texture's swizzle (grey → r, g, b; alpha 1 or the second channel).
 */
public final class GreyPixels {
    private GreyPixels() {}

    /** The fewest channels that hold {@code px} ({@code channels} per pixel) without loss: 1, 2, or {@code channels}. */
    public static int channelsNeeded(ByteBuffer px, int channels) {
        if (channels < 3) return channels;
        int n = px.remaining() / channels, base = px.position();
        boolean opaque = true;
        for (int i = 0, o = base; i < n; i++, o += channels) {
            byte r = px.get(o);
            if (px.get(o + 1) != r || px.get(o + 2) != r) return channels;
            if (channels == 4 && px.get(o + 3) != (byte) 255) opaque = false;
        }
        return opaque ? 1 : 2;
    }

    /** Grey (or grey+alpha when {@code to} is 2) copy of grey RGB(A) pixels; free it with {@link MemoryUtil#memFree}. */
    public static ByteBuffer toGrey(ByteBuffer px, int channels, int to) {
        int n = px.remaining() / channels, base = px.position();
        ByteBuffer out = MemoryUtil.memAlloc(n * to);
        for (int i = 0, o = base; i < n; i++, o += channels) {
            out.put(px.get(o));
            if (to == 2) out.put(channels == 4 ? px.get(o + 3) : (byte) 255);
        }
        return out.flip();
    }
}
