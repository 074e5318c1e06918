package org.embedscope.render;

import java.nio.ByteBuffer;
import org.embedscope.bundle.PageImage;
import org.lwjgl.system.MemoryUtil;

/** A page held in native memory from {@link MemoryUtil#memAlloc}, freed on close (or by its owner when not {@code owned}). */
final class MemoryPageImage implements PageImage {
    private final int width, height, channels;
    private final boolean owned;
    private ByteBuffer pixels;

    MemoryPageImage(int width, int height, int channels, ByteBuffer pixels, boolean owned) {
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.pixels = pixels;
        this.owned = owned;
    }

    @Override public int width() { return width; }

    @Override public int height() { return height; }

    @Override public int channels() { return channels; }

    @Override
    public ByteBuffer pixels() {
        if (pixels == null) throw new IllegalStateException("page image already closed");
        return pixels;
    }

    @Override
    public void close() {
        if (owned && pixels != null) MemoryUtil.memFree(pixels);
        pixels = null;
    }
}
