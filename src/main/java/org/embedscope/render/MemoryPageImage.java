package org.embedscope.render;

import java.nio.ByteBuffer;
import org.embedscope.bundle.NativePageImage;
import org.lwjgl.system.MemoryUtil;

/** A page held in native memory from {@link MemoryUtil#memAlloc}, freed on close (or by its owner when not {@code owned}). */
final class MemoryPageImage extends NativePageImage {
    private final boolean owned;

    MemoryPageImage(int width, int height, int channels, ByteBuffer pixels, boolean owned) {
        super(width, height, channels, pixels);
        this.owned = owned;
    }

    @Override
    protected void free(ByteBuffer pixels) {
        if (owned) MemoryUtil.memFree(pixels);
    }
}
