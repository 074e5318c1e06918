package org.embedscope.source;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.embedscope.bundle.BundleException;

/**
 * The IDX format of MNIST and Fashion-MNIST: a big-endian magic number {@code 0x0000 TT DD}
 * (TT = 0x08, unsigned bytes; DD = number of dimensions), DD big-endian sizes, then the data.
 * Raw or gzip-compressed ({@code .gz}, detected by its signature, not its name).
 */
public final class IdxFile {
    private IdxFile() {}

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
