package org.embedscope.bundle;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A decoded atlas page: 8-bit pixels, row by row from the top, {@code channels} bytes per pixel
 * (1 grey, 2 grey+alpha, 3 RGB, 4 RGBA), in native memory ready for upload. Close to free it.
 */
public interface PageImage extends AutoCloseable {
    int width();

    int height();

    int channels();

    /** {@code width * height * channels} bytes. Valid until {@link #close()}. */
    ByteBuffer pixels();

    @Override
    void close();

    /** Decodes a PNG file, refusing corrupt, truncated or absurdly large ones with a clear message. */
    static PageImage read(Path png) throws BundleException {
        throw new UnsupportedOperationException("not yet written");
    }
}
