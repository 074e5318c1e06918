package org.embedscope.bundle;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A bundle's neighbours file (README, "Bundle format"): a 16-byte little-endian header (the magic
 * {@code ESNB}, version 1, n, k as int32), then {@code n × k} int32 indices and {@code n × k} float32
 * distances, row by row. Raw or gzip-compressed, told apart by the gzip signature, not by the name.
 *
 * <p>{@link #read} refuses, naming the file and the item, a wrong magic or version, counts other than
 * the manifest's, a size other than the header's, an index out of range, an item listed as its own
 * neighbour or twice in a row, and distances that are negative, not finite or decreasing along a row.
 */
public final class NeighborsFile {
    private NeighborsFile() {}

    /** The first four bytes: {@code ESNB}. */
    public static final int MAGIC = 0x424E5345; // 'E','S','N','B' read as a little-endian int32
    public static final int VERSION = 1;
    static final int HEADER_BYTES = 16;

    /** Writes {@code lists} to {@code file}, gzip-compressed when its name ends in {@code .gz}. */
    public static void write(Path file, NeighborLists lists) throws IOException {
        long entries = (long) lists.n() * lists.k();
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(HEADER_BYTES + 8 * entries)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putInt(VERSION).putInt(lists.n()).putInt(lists.k());
        b.asIntBuffer().put(lists.indices());
        b.position(Math.toIntExact(HEADER_BYTES + 4 * entries));
        b.asFloatBuffer().put(lists.distances());
        boolean gzip = file.getFileName().toString().endsWith(".gz");
        try (OutputStream out = Files.newOutputStream(file);
             OutputStream o = gzip ? new GZIPOutputStream(out, 1 << 16) : out) {
            o.write(b.array());
        }
    }

    /**
     * Reads and checks the file for a bundle of {@code count} items whose manifest declares {@code k}
     * neighbours per item.
     */
    public static NeighborLists read(Path file, int count, int k) throws BundleException {
        long entries = (long) count * k, expected = HEADER_BYTES + 8 * entries;
        int[] indices = new int[(int) entries];
        float[] distances = new float[(int) entries];
        try (InputStream in = open(file)) {
            header(in, file, count, k);
            // Chunk by chunk into the arrays: no copy of the whole file in memory.
            byte[] chunk = new byte[1 << 16];
            ByteBuffer b = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
            long got = HEADER_BYTES;
            for (int filled = 0; filled < indices.length; ) {
                int part = in.readNBytes(chunk, 0, 4 * Math.min(chunk.length / 4, indices.length - filled));
                got += part;
                if (part == 0) throw truncated(file, got, expected, count, k);
                b.rewind();
                b.asIntBuffer().get(indices, filled, part / 4);
                filled += part / 4;
                if (part % 4 != 0) throw truncated(file, got, expected, count, k);
            }
            for (int filled = 0; filled < distances.length; ) {
                int part = in.readNBytes(chunk, 0, 4 * Math.min(chunk.length / 4, distances.length - filled));
                got += part;
                if (part == 0) throw truncated(file, got, expected, count, k);
                b.rewind();
                b.asFloatBuffer().get(distances, filled, part / 4);
                filled += part / 4;
                if (part % 4 != 0) throw truncated(file, got, expected, count, k);
            }
            if (in.read() >= 0) {
                long size = got + 1 + in.transferTo(OutputStream.nullOutputStream());
                throw new BundleException(file, null, "too long: " + size + " bytes; expected " + sizeRule(count, k, expected));
            }
        } catch (NoSuchFileException e) {
            throw new BundleException(file, null, "missing (bundle.json, field neighbors.file)");
        } catch (EOFException e) {
            throw endsEarly(file, count, k);
        } catch (IOException e) {
            throw new BundleException(file, null, "cannot read: " + BundleException.describe(e));
        }
        check(file, count, k, indices, distances);
        return new NeighborLists(count, k, indices, distances);
    }

    /** Reads and checks the 16-byte header only (the magic, version and counts), as {@link #deferred} does at once. */
    public static void checkHeader(Path file, int count, int k) throws BundleException {
        try (InputStream in = open(file)) {
            header(in, file, count, k);
        } catch (NoSuchFileException e) {
            throw new BundleException(file, null, "missing (bundle.json, field neighbors.file)");
        } catch (EOFException e) {
            throw endsEarly(file, count, k);
        } catch (IOException e) {
            throw new BundleException(file, null, "cannot read: " + BundleException.describe(e));
        }
    }

    private static void header(InputStream in, Path file, int count, int k) throws IOException, BundleException {
        byte[] header = in.readNBytes(HEADER_BYTES);
        if (header.length < HEADER_BYTES) throw new BundleException(file, "header", "truncated: " + header.length + " bytes; expected a 16-byte header");
        ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        if (h.getInt(0) != MAGIC) throw new BundleException(file, "header", "not a neighbours file; expected it to start with ESNB");
        int version = h.getInt(4), n = h.getInt(8), kk = h.getInt(12);
        if (version != VERSION) throw new BundleException(file, "header", "version " + version + "; this embedscope reads version " + VERSION);
        if (n != count) throw new BundleException(file, "header", "holds " + n + " items; expected " + count + " (bundle.json, field count)");
        if (kk != k) throw new BundleException(file, "header", "holds " + kk + " neighbours per item; expected " + k + " (bundle.json, field neighbors.k)");
    }

    /**
     * The file's lists read when first asked for: the header is checked now, the rest (a million
     * items' lists take a second or two to read and check) by {@link Bundle#neighbors()} or
     * {@link Bundle#prefetchNeighbors()}; a defect found then is reported then.
     */
    static Bundle.NeighborSource deferred(Path file, int count, int k) throws BundleException {
        checkHeader(file, count, k);
        return new Bundle.NeighborSource() {
            private NeighborLists lists;
            private BundleException error;

            @Override
            public synchronized NeighborLists get() throws BundleException {
                if (lists == null && error == null) {
                    try {
                        lists = read(file, count, k);
                    } catch (BundleException e) {
                        error = e;
                    }
                }
                if (error != null) throw error;
                return lists;
            }
        };
    }

    /** A gzip file cut short: the decompressor meets the file's end inside the compressed stream ("Unexpected end of ZLIB input stream"). */
    private static BundleException endsEarly(Path file, int count, int k) {
        return new BundleException(file, null, "the file ends early (truncated); expected " + count + " lists of " + k
                + " neighbours (" + (HEADER_BYTES + 8L * count * k) + " bytes uncompressed)");
    }

    private static BundleException truncated(Path file, long got, long expected, int count, int k) {
        return new BundleException(file, null, "truncated: " + got + " bytes; expected " + sizeRule(count, k, expected));
    }

    private static String sizeRule(int count, int k, long expected) {
        return "16 + 8 × " + count + " items × " + k + " neighbours = " + expected;
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b0 = in.read(), b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static void check(Path file, int n, int k, int[] indices, float[] distances) throws BundleException {
        int[] seenBy = new int[n]; // seenBy[j] == i + 1: item i already lists j
        for (int i = 0; i < n; i++) {
            float previous = 0;
            for (int r = 0; r < k; r++) {
                int e = i * k + r, j = indices[e];
                float d = distances[e];
                String where = "item " + i + ", neighbour " + (r + 1);
                if (j < 0 || j >= n) throw new BundleException(file, where, "index " + j + " is out of range; expected 0 to " + (n - 1));
                if (j == i) throw new BundleException(file, where, "lists the item itself; expected other items only");
                if (seenBy[j] == i + 1) throw new BundleException(file, where, "lists item " + j + " twice");
                seenBy[j] = i + 1;
                if (!Float.isFinite(d) || d < 0) throw new BundleException(file, where, "distance " + d + "; expected a finite distance of 0 or more");
                if (d < previous) {
                    throw new BundleException(file, where, "distance " + d + " is smaller than the one before (" + previous
                            + "); expected neighbours nearest first");
                }
                previous = d;
            }
        }
    }
}
