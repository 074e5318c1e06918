package org.embedscope.bundle;

import java.nio.ByteBuffer;

/**
 * A {@link PageImage} whose pixels lie in native memory that its subclass frees: the size, the
 * closed check and a view of the pixels, once for every kind of page.
 */
public abstract class NativePageImage implements PageImage {
    private final int width, height, channels;
    private ByteBuffer pixels;

    protected NativePageImage(int width, int height, int channels, ByteBuffer pixels) {
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.pixels = pixels;
    }

    @Override public final int width() { return width; }

    @Override public final int height() { return height; }

    @Override public final int channels() { return channels; }

    @Override
    public final ByteBuffer pixels() {
        if (pixels == null) throw new IllegalStateException("page image already closed");
        // A view: a caller may move its position, and the memory is freed from the buffer's own start.
        return pixels.duplicate().order(pixels.order());
    }

    @Override
    public final void close() {
        if (pixels != null) {
            free(pixels);
            pixels = null;
        }
    }

    /** Frees {@code pixels} (once, on the first close). */
    protected abstract void free(ByteBuffer pixels);
}
