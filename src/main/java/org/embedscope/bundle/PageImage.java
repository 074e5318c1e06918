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

    /**
     * Decodes a PNG file with stb_image, keeping its own channel count, refusing corrupt, truncated or
     * absurdly large ones (checked by {@link PngHeader} before any pixel memory is allocated).
     */
    static PageImage read(Path png) throws BundleException {
        return StbPageImage.decode(png, 0);
    }

    /**
     * Like {@link #read(Path)} but converted to {@code channels} (1 to 4) as stb_image converts: grey
     * becomes (g, g, g, 255) in RGBA, a missing alpha channel becomes 255. For texture arrays that need
     * one format while pages of a level differ.
     */
    static PageImage read(Path png, int channels) throws BundleException {
        if (channels < 1 || channels > 4) throw new IllegalArgumentException("channels must be 1 to 4, not " + channels);
        return StbPageImage.decode(png, channels);
    }
}
