package org.embedscope.ui;

import java.nio.ByteBuffer;
import org.lwjgl.system.MemoryUtil;

/** The last frame of an offscreen explorer as packed pixels, and comparisons of two frames (for renderer tests). */
public final class FramePixels {
    private FramePixels() {}

    /** The last frame of {@code v}, one int per pixel (RGBA bytes as read), rows from the top. */
    public static int[] of(OffscreenExplorer v) {
        ByteBuffer px = v.pixels();
        try {
            int[] out = new int[v.width() * v.height()];
            for (int i = 0; i < out.length; i++) out[i] = px.getInt(4 * i);
            return out;
        } finally {
            MemoryUtil.memFree(px);
        }
    }

    /** Pixels that differ at all. */
    public static int differing(int[] a, int[] b) {
        return differing(a, b, 0);
    }

    /** Pixels one of whose channels differs by more than {@code tolerance} levels. */
    public static int differing(int[] a, int[] b, int tolerance) {
        int d = 0;
        for (int i = 0; i < a.length; i++) {
            for (int s = 0; s < 32; s += 8) {
                if (Math.abs(((a[i] >>> s) & 255) - ((b[i] >>> s) & 255)) > tolerance) {
                    d++;
                    break;
                }
            }
        }
        return d;
    }
}
