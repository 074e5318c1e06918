package org.embedscope.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.BundlePaths;

/**
 * NumPy's {@code .npy} format (versions 1, 2 and 3), as {@code np.save} writes it: the magic
 * {@code \x93NUMPY}, a version, a little-endian header length, and a Python dict literal
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (n, d), }}, then the data.
 * Reads 2-D float16, float32 or float64 arrays (either byte order, C or Fortran order) into a
 * row-major float {@link Matrix}; refuses other dtypes and shapes with a message saying how to save
 * it instead. The same reader serves an array inside an {@code .npz} archive ({@link NpzFile}).
 */
public final class NpyFile {
    private NpyFile() {}

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** True when the file starts with the {@code .npy} magic. */
    public static boolean isNpy(Path file) {
        return startsWith(file, MAGIC);
    }

    /** True when the file starts with {@code prefix}. */
    static boolean startsWith(Path file, byte[] prefix) {
        if (!Files.isRegularFile(file)) return false; // a pipe would wait here; the reader refuses it
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(prefix.length);
            while (b.hasRemaining() && ch.read(b) >= 0) { }
            return !b.hasRemaining() && java.util.Arrays.equals(b.array(), prefix);
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads a 2-D float array from a {@code .npy} file. */
    public static Matrix read(Path file) throws BundleException {
        BundlePaths.checkRegularFile(file, "a .npy file");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(ch, ch.size(), file, null);
        } catch (NoSuchFileException e) {
            throw new BundleException(file, null, "no such file");
        } catch (IOException e) {
            throw new BundleException(file, null, "cannot read: " + BundleException.describe(e));
        }
    }

    /**
     * Reads a 2-D float array of {@code size} bytes in all from {@code ch}.
     *
     * @param file  the file named in messages
     * @param part  where in the file the array is (an archive member), or null for the whole file
     */
    static Matrix read(ReadableByteChannel ch, long size, Path file, String part) throws IOException, BundleException {
        String header0 = at(part, "header");
        ByteBuffer pre = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, pre, file, header0);
        for (int i = 0; i < MAGIC.length; i++) {
            if (pre.get(i) != MAGIC[i]) throw new BundleException(file, header0, "not a .npy array (no \\x93NUMPY magic)");
        }
        int major = pre.get(6) & 0xff;
        long headerLen;
        long prefix = 10;
        if (major == 1) {
            headerLen = pre.getShort(8) & 0xffff;
        } else if (major == 2 || major == 3) {
            ByteBuffer more = ByteBuffer.allocate(2);
            readFully(ch, more, file, header0);
            headerLen = ByteBuffer.wrap(new byte[] {pre.get(8), pre.get(9), more.get(0), more.get(1)})
                    .order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
            prefix = 12;
        } else {
            throw new BundleException(file, header0, ".npy version " + major + " is not supported; expected 1, 2 or 3");
        }
        if (headerLen > 1 << 20) throw new BundleException(file, header0, "header length " + headerLen + " is absurd");
        ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
        readFully(ch, hb, file, header0);
        String header = new String(hb.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Header h = parseHeader(header, file, header0);
        long values = (long) h.rows * h.cols;
        if (values > Integer.MAX_VALUE - 8) throw new BundleException(file, header0, "shape (" + h.rows + ", " + h.cols + ") is too large");
        long dataBytes = values * h.itemSize;
        long available = size - prefix - headerLen;
        if (available < dataBytes) {
            throw new BundleException(file, part, "is truncated: shape (" + h.rows + ", " + h.cols + ") of " + h.descr + " needs "
                    + dataBytes + " data bytes, the file holds " + available);
        }
        if (available > dataBytes) {
            throw new BundleException(file, part, "holds " + (available - dataBytes) + " bytes after the (" + h.rows + ", " + h.cols
                    + ") array; expected exactly one array as np.save writes it");
        }
        float[] data = new float[(int) values];
        ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20).order(h.order);
        String dataPart = at(part, "data");
        int next = 0;
        while (next < data.length) {
            buf.clear();
            long left = (long) (data.length - next) * h.itemSize;
            if (left < buf.capacity()) buf.limit((int) left);
            readFully(ch, buf, file, dataPart);
            buf.flip();
            if (h.fortran) {
                // column-major: value k is (row k mod rows, column k / rows)
                while (buf.hasRemaining()) {
                    int r = next % h.rows, c = next / h.rows;
                    data[r * h.cols + c] = value(buf, h.itemSize);
                    next++;
                }
            } else if (h.itemSize == 4) {
                int k = buf.remaining() / 4;
                buf.asFloatBuffer().get(data, next, k);
                next += k;
            } else {
                while (buf.hasRemaining()) data[next++] = value(buf, h.itemSize);
            }
        }
        return new Matrix(h.rows, h.cols, data, null);
    }

    private static String at(String part, String what) {
        return part == null ? what : part + ", " + what;
    }

    private static float value(ByteBuffer b, int itemSize) {
        return switch (itemSize) {
            case 2 -> halfToFloat(b.getShort());
            case 4 -> b.getFloat();
            default -> (float) b.getDouble();
        };
    }

    /** IEEE 754 binary16 to float, exactly (every half is a float): subnormals, infinities and NaN included. */
    static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13)); // inf, NaN
        if (exp == 0) {
            float v = mant * 0x1p-24f; // subnormal (or zero): mant × 2^-24
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    private record Header(String descr, ByteOrder order, int itemSize, boolean fortran, int rows, int cols) {}

    static Header parseHeader(String header, Path file, String where) throws BundleException {
        Matcher d = DESCR.matcher(header), f = FORTRAN.matcher(header), s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw new BundleException(file, where, "cannot parse the .npy header " + header.strip()
                    + "; expected {'descr': ..., 'fortran_order': ..., 'shape': (...)}");
        }
        String descr = d.group(1);
        ByteOrder order;
        int size;
        switch (descr) {
            case "<f2", "=f2" -> { order = ByteOrder.LITTLE_ENDIAN; size = 2; }
            case ">f2" -> { order = ByteOrder.BIG_ENDIAN; size = 2; }
            case "<f4", "=f4" -> { order = ByteOrder.LITTLE_ENDIAN; size = 4; }
            case ">f4" -> { order = ByteOrder.BIG_ENDIAN; size = 4; }
            case "<f8", "=f8" -> { order = ByteOrder.LITTLE_ENDIAN; size = 8; }
            case ">f8" -> { order = ByteOrder.BIG_ENDIAN; size = 8; }
            default -> throw new BundleException(file, where, "dtype '" + descr + "' is not supported; expected float16, float32 "
                    + "('<f4') or float64: save a.astype(np.float32)");
        }
        List<Long> dims = new ArrayList<>();
        for (String p : s.group(1).split(",")) {
            String t = p.strip().replace("L", "");
            if (t.isEmpty()) continue;
            try {
                dims.add(Long.parseLong(t));
            } catch (NumberFormatException e) {
                throw new BundleException(file, where, "cannot parse shape (" + s.group(1) + ")");
            }
        }
        String shape = "(" + s.group(1).strip() + ")";
        if (dims.size() != 2) {
            throw new BundleException(file, where, "has shape " + shape + "; expected a 2-D array (rows, columns) with one row per item");
        }
        if (dims.get(0) > Integer.MAX_VALUE || dims.get(1) > Integer.MAX_VALUE) {
            throw new BundleException(file, where, "shape " + shape + " is too large");
        }
        return new Header(descr, order, size, f.group(1).equals("True"), (int) (long) dims.get(0), (int) (long) dims.get(1));
    }

    private static void readFully(ReadableByteChannel ch, ByteBuffer b, Path file, String part) throws IOException, BundleException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) throw new BundleException(file, part, "file ends early; it is truncated");
        }
    }
}
