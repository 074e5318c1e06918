package org.embedscope.render;

import static org.lwjgl.opengl.GL11.*;

import java.nio.ByteBuffer;
import org.lwjgl.system.MemoryUtil;

/**
 * The colouring's colours on the GPU: per category a colour, in a small RGBA8 texture the vertex
 * shader reads with the item's category code; and the numbers' colour map, {@link ColourMap#SIZE}
 * texels in a row. Changing the colouring re-uploads the categories' colours, a few bytes each,
 * never per item. (Hidden categories reach the shaders as per-item flags, {@link ItemStates#HIDDEN}.)
 */
public final class CategoryColours implements AutoCloseable {
    /** Texture width; categories wrap onto further rows. */
    public static final int WIDTH = 1024;

    private final int texture;
    private final int map;
    private int count;
    private int rows;

    /** The palette's colours for {@code categories} categories, and the colour map. */
    public CategoryColours(int categories) {
        texture = newTexture(GL_NEAREST);
        map = newTexture(GL_LINEAR);
        setPalette(categories);
        ByteBuffer buf = MemoryUtil.memAlloc(ColourMap.SIZE * 4);
        try {
            int[] table = ColourMap.table256();
            for (int i = 0; i < table.length; i++) put(buf, i, table[i]);
            upload(map, ColourMap.SIZE, 1, buf);
        } finally {
            MemoryUtil.memFree(buf);
        }
    }

    private static int newTexture(int filter) {
        int t = glGenTextures();
        glBindTexture(GL_TEXTURE_2D, t);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, org.lwjgl.opengl.GL12.GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, org.lwjgl.opengl.GL12.GL_CLAMP_TO_EDGE);
        glBindTexture(GL_TEXTURE_2D, 0);
        return t;
    }

    /** Categories in the table. */
    public int count() { return count; }

    public int width() { return Math.min(count, WIDTH); }

    /** Uploads the palette's colours ({@link Palette}) for {@code categories} categories. */
    public void setPalette(int categories) {
        int[] rgb = new int[Math.max(1, categories)];
        for (int i = 0; i < rgb.length; i++) rgb[i] = Palette.rgb(i);
        setColours(rgb);
    }

    /** Uploads the categories' colours, 0xRRGGBB each (there may be more categories than before). */
    public void setColours(int[] rgb) {
        count = Math.max(1, rgb.length);
        rows = (count + WIDTH - 1) / WIDTH;
        int w = width();
        ByteBuffer buf = MemoryUtil.memCalloc(w * rows * 4);
        try {
            for (int i = 0; i < rgb.length; i++) put(buf, i, rgb[i]);
            upload(texture, w, rows, buf);
        } finally {
            MemoryUtil.memFree(buf);
        }
    }

    private static void put(ByteBuffer buf, int i, int c) {
        buf.put(i * 4, (byte) (c >> 16)).put(i * 4 + 1, (byte) (c >> 8)).put(i * 4 + 2, (byte) c).put(i * 4 + 3, (byte) 255);
    }

    private static void upload(int texture, int w, int h, ByteBuffer buf) {
        glBindTexture(GL_TEXTURE_2D, texture);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, buf);
        glBindTexture(GL_TEXTURE_2D, 0);
    }

    /** The categories' colours. */
    public int texture() { return texture; }

    /** The colour map, one row of {@link ColourMap#SIZE} texels. */
    public int mapTexture() { return map; }

    @Override
    public void close() {
        glDeleteTextures(texture);
        glDeleteTextures(map);
    }
}
