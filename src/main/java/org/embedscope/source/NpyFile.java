package org.embedscope.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.embedscope.bundle.BundleException;

/**
 * NumPy's {@code .npy} format (versions 1, 2 and 3), as {@code np.save} writes it: the magic
 * {@code \x93NUMPY}, a version, a little-endian header length, and a Python dict literal
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (n, d), }}, then the data.
 * Reads 2-D float32 or float64 arrays (either byte order) in C order into a float {@link Matrix};
 * refuses Fortran order, other dtypes and other shapes with a message saying how to save it instead.
 */
public final class NpyFile {
    private NpyFile() {}

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** True when the file starts with the {@code .npy} magic. */
    public static boolean isNpy(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(MAGIC.length);
            while (b.hasRemaining() && ch.read(b) >= 0) { }
            return !b.hasRemaining() && java.util.Arrays.equals(b.array(), MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads a 2-D float array. */
    public static Matrix read(Path file) throws BundleException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer pre = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, pre, file, "header");
            for (int i = 0; i < MAGIC.length; i++) {
                if (pre.get(i) != MAGIC[i]) throw new BundleException(file, "header", "not a .npy file (no \\x93NUMPY magic)");
            }
            int major = pre.get(6) & 0xff;
            long headerLen;
            if (major == 1) {
                headerLen = pre.getShort(8) & 0xffff;
            } else if (major == 2 || major == 3) {
                ByteBuffer more = ByteBuffer.allocate(2);
                readFully(ch, more, file, "header");
                headerLen = ByteBuffer.wrap(new byte[] {pre.get(8), pre.get(9), more.get(0), more.get(1)})
                        .order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
            } else {
                throw new BundleException(file, "header", ".npy version " + major + " is not supported; expected 1, 2 or 3");
            }
            if (headerLen > 1 << 20) throw new BundleException(file, "header", "header length " + headerLen + " is absurd");
            ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
            readFully(ch, hb, file, "header");
            String header = new String(hb.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            Header h = parseHeader(header, file);
            long values = (long) h.rows * h.cols;
            if (values > Integer.MAX_VALUE - 8) throw new BundleException(file, "header", "shape (" + h.rows + ", " + h.cols + ") is too large");
            long dataBytes = values * h.itemSize;
            long available = ch.size() - ch.position();
            if (available < dataBytes) {
                throw new BundleException(file, null, "is truncated: shape (" + h.rows + ", " + h.cols + ") of " + h.descr + " needs "
                        + dataBytes + " data bytes, the file holds " + available);
            }
            if (available > dataBytes) {
                throw new BundleException(file, null, "holds " + (available - dataBytes) + " bytes after the (" + h.rows + ", " + h.cols
                        + ") array; expected exactly one array as np.save writes it");
            }
            float[] data = new float[(int) values];
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20).order(h.order);
            int next = 0;
            while (next < data.length) {
                buf.clear();
                long left = (long) (data.length - next) * h.itemSize;
                if (left < buf.capacity()) buf.limit((int) left);
                readFully(ch, buf, file, "data");
                buf.flip();
                if (h.itemSize == 4) {
                    int k = buf.remaining() / 4;
                    buf.asFloatBuffer().get(data, next, k);
                    next += k;
                } else {
                    while (buf.hasRemaining()) data[next++] = (float) buf.getDouble();
                }
            }
            return new Matrix(h.rows, h.cols, data, null);
        } catch (NoSuchFileException e) {
            throw new BundleException(file, null, "no such file");
        } catch (IOException e) {
            throw new BundleException(file, null, "cannot read: " + e.getMessage());
        }
    }

    private record Header(String descr, ByteOrder order, int itemSize, int rows, int cols) {}

    static Header parseHeader(String header, Path file) throws BundleException {
        Matcher d = DESCR.matcher(header), f = FORTRAN.matcher(header), s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw new BundleException(file, "header", "cannot parse the .npy header " + header.strip()
                    + "; expected {'descr': ..., 'fortran_order': ..., 'shape': (...)}");
        }
        String descr = d.group(1);
        if (f.group(1).equals("True")) {
            throw new BundleException(file, "header", "array is in Fortran (column-major) order; save a C-order copy: "
                    + "np.save(path, np.ascontiguousarray(a))");
        }
        ByteOrder order;
        int size;
        switch (descr) {
            case "<f4", "=f4" -> { order = ByteOrder.LITTLE_ENDIAN; size = 4; }
            case ">f4" -> { order = ByteOrder.BIG_ENDIAN; size = 4; }
            case "<f8", "=f8" -> { order = ByteOrder.LITTLE_ENDIAN; size = 8; }
            case ">f8" -> { order = ByteOrder.BIG_ENDIAN; size = 8; }
            default -> throw new BundleException(file, "header", "dtype '" + descr + "' is not supported; expected float32 ('<f4') or "
                    + "float64 ('<f8'): save a.astype(np.float32)");
        }
        List<Long> dims = new ArrayList<>();
        for (String part : s.group(1).split(",")) {
            String t = part.strip().replace("L", "");
            if (t.isEmpty()) continue;
            try {
                dims.add(Long.parseLong(t));
            } catch (NumberFormatException e) {
                throw new BundleException(file, "header", "cannot parse shape (" + s.group(1) + ")");
            }
        }
        String shape = "(" + s.group(1).strip() + ")";
        if (dims.size() != 2) {
            throw new BundleException(file, "header", "has shape " + shape + "; expected a 2-D array (rows, columns) with one row per item");
        }
        if (dims.get(0) > Integer.MAX_VALUE || dims.get(1) > Integer.MAX_VALUE) {
            throw new BundleException(file, "header", "shape " + shape + " is too large");
        }
        return new Header(descr, order, size, (int) (long) dims.get(0), (int) (long) dims.get(1));
    }

    private static void readFully(FileChannel ch, ByteBuffer b, Path file, String part) throws IOException, BundleException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) throw new BundleException(file, part, "file ends early; it is truncated");
        }
    }
}
