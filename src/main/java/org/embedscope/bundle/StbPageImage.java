package org.embedscope.bundle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.lwjgl.stb.STBImage;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * A PNG page decoded by stb_image into native memory (freed by {@link #close()}).
 *
 * <p>The file is read whole into native memory, its header and chunk structure checked by
 * {@link PngHeader} (size limits, truncation, CRCs), and only then handed to the decoder.
 */
final class StbPageImage extends NativePageImage {
    private StbPageImage(int width, int height, int channels, ByteBuffer pixels) {
        super(width, height, channels, pixels);
    }

    /** Decodes {@code png}; {@code wantChannels} 0 keeps the file's own channel count, 1 to 4 converts. */
    static PageImage decode(Path png, int wantChannels) throws BundleException {
        if (wantChannels < 0 || wantChannels > 4) throw new IllegalArgumentException("channels " + wantChannels);
        ByteBuffer file = readFile(png);
        try {
            PngHeader header = PngHeader.parse(file, png);
            PngHeader.checkChunks(file, png);
            try (MemoryStack stack = MemoryStack.stackPush()) {
                var w = stack.mallocInt(1);
                var h = stack.mallocInt(1);
                var comp = stack.mallocInt(1);
                // The flip flag is global state in stb; pin it for this thread so rows come top first.
                STBImage.stbi_set_flip_vertically_on_load_thread(0);
                ByteBuffer pixels = STBImage.stbi_load_from_memory(file, w, h, comp, wantChannels);
                if (pixels == null) {
                    throw new BundleException(png, null, "corrupt PNG: cannot decode (" + STBImage.stbi_failure_reason() + ")");
                }
                if (w.get(0) != header.width() || h.get(0) != header.height()) {
                    STBImage.stbi_image_free(pixels);
                    throw new BundleException(png, null, "corrupt PNG: decoded " + w.get(0) + "×" + h.get(0)
                            + " pixels but its header declares " + header.width() + "×" + header.height());
                }
                return new StbPageImage(w.get(0), h.get(0), wantChannels == 0 ? comp.get(0) : wantChannels, pixels);
            }
        } finally {
            MemoryUtil.memFree(file);
        }
    }

    /** The whole file in native memory (the decoder reads from there); the caller frees it. */
    private static ByteBuffer readFile(Path png) throws BundleException {
        try (FileChannel ch = FileChannel.open(png, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < PngHeader.HEADER_BYTES) PngHeader.read(png); // too short to be a page: says why
            if (size > Integer.MAX_VALUE - 16) {
                throw new BundleException(png, null, "is " + size + " bytes; expected a PNG page under 2 GiB");
            }
            ByteBuffer buf = MemoryUtil.memAlloc((int) size);
            try {
                while (buf.hasRemaining()) {
                    if (ch.read(buf) < 0) break;
                }
                buf.flip();
                return buf;
            } catch (IOException | RuntimeException e) {
                MemoryUtil.memFree(buf);
                throw e;
            }
        } catch (NoSuchFileException e) {
            throw new BundleException(png, null, "missing: no such file; expected a PNG image");
        } catch (IOException e) {
            throw new BundleException(png, null, "cannot read: " + e);
        }
    }

    @Override
    protected void free(ByteBuffer pixels) {
        STBImage.stbi_image_free(pixels);
    }
}
