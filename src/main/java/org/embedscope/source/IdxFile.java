package org.embedscope.source;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.GZIPInputStream;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.BundlePaths;

/**
 * The IDX format of MNIST and Fashion-MNIST: a big-endian magic number {@code 0x0000 TT DD}
 * (TT = 0x08, unsigned bytes; DD = number of dimensions), DD big-endian sizes, then the data.
 * Raw or gzip-compressed ({@code .gz}, detected by its signature, not its name).
 */
public final class IdxFile {
    private IdxFile() {}

    /** What a file given as IDX should be, for refusals. */
    private static final String IDX_FILE = "an IDX file";

    /** Greyscale images: {@code count × rows × cols} unsigned bytes, image after image, row by row. */
    public record Images(int count, int rows, int cols, byte[] pixels) {
        public int size() { return rows * cols; }

        /** Pixel value 0–255 of image {@code i} at ({@code x}, {@code y}). */
        public int pixel(int i, int x, int y) { return pixels[i * rows * cols + y * cols + x] & 0xff; }
    }

    /** Reads an image file (3 dimensions: count, rows, columns). */
    public static Images readImages(Path file) throws BundleException {
        try (DataInputStream in = open(file)) {
            int[] dims = header(in, file, 3, "images (magic 0x00000803)");
            long total = (long) dims[0] * dims[1] * dims[2];
            if (total > Integer.MAX_VALUE - 8) {
                throw new BundleException(file, "header", "declares " + total + " pixels; at most " + (Integer.MAX_VALUE - 8) + " fit");
            }
            byte[] pixels = new byte[(int) total];
            readFully(in, pixels, file, dims[0], dims[1] * dims[2], "image");
            return new Images(dims[0], dims[1], dims[2], pixels);
        } catch (IOException e) {
            throw new BundleException(file, null, "cannot read: " + e.getMessage());
        }
    }

    /** An images file read one image at a time; any number of threads may read at once. */
    public interface ImageReader {
        int count();

        int rows();

        int cols();

        /** Copies image {@code i} ({@code rows × cols} bytes) into {@code into}. */
        void read(int i, byte[] into) throws BundleException;
    }

    /**
     * Opens an image file for reading image by image. A raw file stays on disk and each image is read
     * where it lies (no copy of the pixels in memory, and any size of file); a gzip-compressed one is
     * decompressed into memory once ({@link #readImages}). Either way the header and the length are
     * checked now.
     */
    public static ImageReader openImages(Path file) throws BundleException {
        BundlePaths.checkRegularFile(file, IDX_FILE);
        boolean gzip;
        try (InputStream raw = Files.newInputStream(file)) {
            gzip = raw.read() == 0x1f && raw.read() == 0x8b;
        } catch (NoSuchFileException e) {
            throw new BundleException(file, null, "no such file");
        } catch (IOException e) {
            throw new BundleException(file, null, "cannot read: " + e.getMessage());
        }
        if (gzip) {
            Images im = readImages(file);
            int size = im.size();
            return new ImageReader() {
                @Override public int count() { return im.count(); }
                @Override public int rows() { return im.rows(); }
                @Override public int cols() { return im.cols(); }
                @Override public void read(int i, byte[] into) { System.arraycopy(im.pixels(), i * size, into, 0, size); }
            };
        }
        return RawImages.open(file);
    }

    /** A raw images file read in place, by positional reads (safe from several threads). */
    private static final class RawImages implements ImageReader {
        private final Path file;
        private final FileChannel channel;
        private final int count, rows, cols;
        private final long dataStart;

        private RawImages(Path file, FileChannel channel, int[] dims, long dataStart) {
            this.file = file;
            this.channel = channel;
            this.count = dims[0];
            this.rows = dims[1];
            this.cols = dims[2];
            this.dataStart = dataStart;
        }

        static RawImages open(Path file) throws BundleException {
            int[] dims;
            long length;
            try (DataInputStream in = IdxFile.open(file)) {
                dims = header(in, file, 3, "images (magic 0x00000803)");
                length = Files.size(file);
            } catch (IOException e) {
                throw new BundleException(file, null, "cannot read: " + e.getMessage());
            }
            long start = 4 + 4L * dims.length, size = (long) dims[1] * dims[2];
            if (size > Integer.MAX_VALUE - 8) throw new BundleException(file, "header", "declares images of " + size + " pixels; too large");
            if (length < start + dims[0] * size) {
                long ends = (length - start) / size;
                throw new BundleException(file, "image " + ends, "file is truncated: the header declares " + dims[0]
                        + " images, the data ends inside image " + ends + " (0-based)");
            }
            try {
                return new RawImages(file, FileChannel.open(file, StandardOpenOption.READ), dims, start);
            } catch (IOException e) {
                throw new BundleException(file, null, "cannot read: " + e.getMessage());
            }
        }

        @Override public int count() { return count; }

        @Override public int rows() { return rows; }

        @Override public int cols() { return cols; }

        @Override
        public void read(int i, byte[] into) throws BundleException {
            int size = rows * cols;
            ByteBuffer buf = ByteBuffer.wrap(into, 0, size);
            long pos = dataStart + (long) i * size;
            try {
                while (buf.hasRemaining()) {
                    int r = channel.read(buf, pos + buf.position());
                    if (r < 0) throw new BundleException(file, "image " + i, "file ends inside this image; it was shortened while being read");
                }
            } catch (IOException e) {
                throw new BundleException(file, "image " + i, "cannot read: " + e.getMessage());
            }
        }
    }

    /** Reads a label file (1 dimension): one unsigned byte per item. */
    public static int[] readLabels(Path file) throws BundleException {
        try (DataInputStream in = open(file)) {
            int[] dims = header(in, file, 1, "labels (magic 0x00000801)");
            byte[] raw = new byte[dims[0]];
            readFully(in, raw, file, dims[0], 1, "label");
            int[] labels = new int[raw.length];
            for (int i = 0; i < raw.length; i++) labels[i] = raw[i] & 0xff;
            return labels;
        } catch (IOException e) {
            throw new BundleException(file, null, "cannot read: " + e.getMessage());
        }
    }

    /** The header of an images file of {@code count} images of {@code rows × cols} unsigned bytes. */
    public static byte[] imagesHeader(int count, int rows, int cols) {
        return java.nio.ByteBuffer.allocate(16).putInt(0x803).putInt(count).putInt(rows).putInt(cols).array();
    }

    /** The header of a labels file of {@code count} unsigned bytes. */
    public static byte[] labelsHeader(int count) {
        return java.nio.ByteBuffer.allocate(8).putInt(0x801).putInt(count).array();
    }

    private static DataInputStream open(Path file) throws IOException, BundleException {
        BundlePaths.checkRegularFile(file, IDX_FILE);
        InputStream raw;
        try {
            raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new BundleException(file, null, "no such file");
        }
        raw.mark(2);
        int b0 = raw.read(), b1 = raw.read();
        raw.reset();
        InputStream in = (b0 == 0x1f && b1 == 0x8b) ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
        return new DataInputStream(in);
    }

    private static int[] header(DataInputStream in, Path file, int wantDims, String expected) throws IOException, BundleException {
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            throw new BundleException(file, "header", "file ends before the magic number; expected IDX " + expected);
        }
        int type = (magic >>> 8) & 0xff, ndim = magic & 0xff;
        if ((magic >>> 16) != 0 || type != 0x08 || ndim != wantDims) {
            throw new BundleException(file, "header", String.format("wrong magic number 0x%08x; expected IDX %s", magic, expected));
        }
        int[] dims = new int[ndim];
        for (int d = 0; d < ndim; d++) {
            try {
                dims[d] = in.readInt();
            } catch (EOFException e) {
                throw new BundleException(file, "header", "file ends inside the header (size " + (d + 1) + " of " + ndim + ")");
            }
            if (dims[d] <= 0) throw new BundleException(file, "header", "size " + (d + 1) + " is " + dims[d] + "; expected a positive number");
        }
        return dims;
    }

    private static void readFully(DataInputStream in, byte[] into, Path file, int items, int itemSize, String what)
            throws IOException, BundleException {
        int off = 0;
        while (off < into.length) {
            int r = in.read(into, off, into.length - off);
            if (r < 0) {
                throw new BundleException(file, what + " " + (off / itemSize),
                        "file is truncated: the header declares " + items + " " + what + "s, the data ends inside " + what + " "
                                + (off / itemSize) + " (0-based)");
            }
            off += r;
        }
    }
}
