package org.embedscope.render;

import static org.lwjgl.opengl.GL11.*;

import java.nio.ByteBuffer;
import org.lwjgl.system.MemoryUtil;

/**
 * Per-label colour in a small RGBA8 texture, read by the vertex shader with the item's label index.
 * (Hidden labels reach the shaders as per-item flags, {@link ItemStates#HIDDEN}.)
 */
public final class LabelTable implements AutoCloseable {
    /** Texture width; labels wrap onto further rows. */
    public static final int WIDTH = 1024;

    private final int texture;
    private int count;
    private int rows;
    private int[] colors;

    public LabelTable(int labels) {
        count = Math.max(1, labels);
        rows = (count + WIDTH - 1) / WIDTH;
        colors = new int[count];
        for (int i = 0; i < count; i++) colors[i] = Palette.rgb(i);
        texture = glGenTextures();
        glBindTexture(GL_TEXTURE_2D, texture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        upload();
    }

    public int count() { return count; }

    public int width() { return Math.min(count, WIDTH); }

    public int color(int label) { return colors[label]; }

    private void upload() {
        int w = width();
        ByteBuffer buf = MemoryUtil.memCalloc(w * rows * 4);
        try {
            for (int i = 0; i < count; i++) {
                int c = colors[i];
                buf.put(i * 4, (byte) (c >> 16)).put(i * 4 + 1, (byte) (c >> 8)).put(i * 4 + 2, (byte) c)
                        .put(i * 4 + 3, (byte) 255);
            }
            glBindTexture(GL_TEXTURE_2D, texture);
            glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
            glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, rows, 0, GL_RGBA, GL_UNSIGNED_BYTE, buf);
            glBindTexture(GL_TEXTURE_2D, 0);
        } finally {
            MemoryUtil.memFree(buf);
        }
    }

    /** Replaces the colours (0xRRGGBB per label; there may be more labels than before). */
    public void setColors(int[] rgb) {
        count = Math.max(1, rgb.length);
        rows = (count + WIDTH - 1) / WIDTH;
        colors = java.util.Arrays.copyOf(rgb, count);
        upload();
    }

    public int texture() { return texture; }

    @Override
    public void close() { glDeleteTextures(texture); }
}
