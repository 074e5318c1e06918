package org.embedscope.bundle;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * A binary copy of what {@link PointsReader} parsed from a bundle's {@code points.csv}, kept in a cache
 * folder (by default {@code points} in the user's, {@link UserCache}), so that a million rows load in a fraction of the time of
 * parsing the CSV. One file per points file (named by a hash of its real path), valid only while the
 * CSV has the same size, modification time and CRC-32C of its whole content and {@code bundle.json} the
 * same bytes; otherwise it is ignored, and replaced after the CSV is parsed again. The bundle itself is
 * never written to. Coordinates and indices are stored as flat arrays, metadata columns as a dictionary
 * of distinct values plus one index per row.
 *
 * <p>The cache is an accelerator only: a file that is missing, stale, unreadable or inconsistent in
 * any way is a miss, and a cache folder that cannot be written is silently not used.
 */
final class PointsCache {
    private static final int MAGIC = 0x45535043; // "ESPC"
    private static final int VERSION = 2;
    /** Points files smaller than this parse quickly enough; they are not cached. */
    static final long DEFAULT_MIN_BYTES = 1L << 20;
    /** The folder is kept within this many bytes, the least recently used copies removed first ({@link UserCache#prune}). */
    static final long MAX_BYTES = 1L << 30;

    private final Path dir;
    private final long minBytes;
    private final AtomicLong hits = new AtomicLong(), writes = new AtomicLong();

    /** @param dir cache folder (created when first written); null for no cache */
    PointsCache(Path dir, long minBytes) {
        this.dir = dir;
        this.minBytes = minBytes;
    }

    /** In the user's cache folder ({@link UserCache}). */
    static PointsCache user() {
        return new PointsCache(UserCache.folder("points"), DEFAULT_MIN_BYTES);
    }

    /** Loads served from the cache so far. */
    long hits() { return hits.get(); }

    /** Cache files written so far. */
    long writes() { return writes.get(); }

    /** What identifies one version of a points file and its manifest. */
    record Key(Path cacheFile, long size, long modified, long crc, byte[] manifestHash) {}

    /** The key of {@code points} read with {@code manifestFile}, or null when the file is not cached (too small, no cache). */
    Key key(Path points, Path manifestFile) {
        if (dir == null) return null;
        try {
            BasicFileAttributes a = Files.readAttributes(points, BasicFileAttributes.class);
            if (a.size() < minBytes) return null;
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String name = HexFormat.of().formatHex(sha.digest(points.toRealPath().toString().getBytes(StandardCharsets.UTF_8)), 0, 16);
            byte[] manifestHash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(manifestFile));
            java.time.Instant t = a.lastModifiedTime().toInstant();
            return new Key(dir.resolve(name + ".points"), a.size(), t.getEpochSecond() * 1_000_000_000L + t.getNano(), crc(points), manifestHash);
        } catch (IOException | NoSuchAlgorithmException | SecurityException e) {
            return null;
        }
    }

    private static long crc(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (ch.read(buf) >= 0) {
                buf.flip();
                crc.update(buf);
                buf.clear();
            }
        }
        return crc.getValue();
    }

    /** The cached points for {@code key}, or null on a miss of any kind. */
    PointsReader.Points read(Key key, Manifest manifest) {
        if (key == null || !Files.isRegularFile(key.cacheFile())) return null;
        try (FileChannel ch = FileChannel.open(key.cacheFile(), StandardOpenOption.READ)) {
            long length = ch.size();
            if (length > Integer.MAX_VALUE) return null;
            if (length < 16) return null;
            ByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, length);
            // The last 8 bytes are the CRC-32C of all before them: a damaged copy is a miss, never wrong points.
            CRC32C sum = new CRC32C();
            sum.update(b.duplicate().limit((int) length - 8));
            if (sum.getValue() != b.getLong((int) length - 8)) return null;
            b.limit((int) length - 8);
            if (b.getInt() != MAGIC || b.getInt() != VERSION) return null;
            if (b.getLong() != key.size() || b.getLong() != key.modified() || b.getLong() != key.crc()) return null;
            byte[] mh = new byte[32];
            b.get(mh);
            if (!java.util.Arrays.equals(mh, key.manifestHash())) return null;
            int count = b.getInt(), layouts = b.getInt();
            if (count != manifest.count() || layouts != manifest.layouts().size()) return null;
            float[][] coords = new float[layouts][2 * count];
            for (float[] c : coords) {
                b.asFloatBuffer().get(c);
                b.position(b.position() + 4 * c.length);
                for (float v : c) if (!Float.isFinite(v)) return null;
            }
            int[] labels = null;
            List<String> labelValues = List.of();
            if (b.get() == 1) {
                labelValues = List.of(strings(b));
                labels = indices(b, count, labelValues.size());
                if (labels == null || manifest.label() == null) return null;
            } else if (manifest.label() != null) {
                return null;
            }
            int metaCount = b.getInt();
            List<String> metaColumns = new ArrayList<>(metaCount);
            String[][] meta = new String[metaCount][];
            for (int c = 0; c < metaCount; c++) {
                metaColumns.add(string(b));
                String[] dict = strings(b);
                int[] idx = indices(b, count, dict.length);
                if (idx == null) return null;
                String[] column = new String[count];
                for (int i = 0; i < count; i++) column[i] = dict[idx[i]];
                meta[c] = column;
            }
            List<String> columns = List.of(strings(b));
            if (b.hasRemaining()) return null;
            hits.incrementAndGet();
            UserCache.touch(key.cacheFile());
            return new PointsReader.Points(coords, labels, labelValues, List.copyOf(metaColumns), meta, columns);
        } catch (IOException | RuntimeException e) {
            return null; // truncated, corrupt or unreadable: parse the CSV instead
        }
    }

    private static int[] indices(ByteBuffer b, int count, int bound) {
        int[] idx = new int[count];
        b.asIntBuffer().get(idx);
        b.position(b.position() + 4 * count);
        for (int v : idx) if (v < 0 || v >= bound) return null;
        return idx;
    }

    private static String string(ByteBuffer b) {
        int len = b.getInt();
        if (len < 0 || len > b.remaining()) throw new IllegalStateException("bad string length");
        byte[] utf8 = new byte[len];
        b.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static String[] strings(ByteBuffer b) {
        int n = b.getInt();
        if (n < 0 || n > b.remaining() / 4) throw new IllegalStateException("bad string count");
        String[] out = new String[n];
        for (int i = 0; i < n; i++) out[i] = string(b);
        return out;
    }

    /** Writes {@code points} for {@code key}, atomically; any failure leaves no cache file and is otherwise ignored. */
    void write(Key key, PointsReader.Points points) {
        if (key == null) return;
        try {
            AtomicFile.write(key.cacheFile(), tmp -> {
                CRC32C sum = new CRC32C();
                try (OutputStream os = Files.newOutputStream(tmp);
                     DataOutputStream out = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(os, 1 << 16), sum))) {
                    out.writeInt(MAGIC);
                    out.writeInt(VERSION);
                    out.writeLong(key.size());
                    out.writeLong(key.modified());
                    out.writeLong(key.crc());
                    out.write(key.manifestHash());
                    int count = points.coords().length > 0 ? points.coords()[0].length / 2
                            : points.labels() != null ? points.labels().length : 0;
                    out.writeInt(count);
                    out.writeInt(points.coords().length);
                    byte[] buf = new byte[1 << 16];
                    for (float[] c : points.coords()) writeFloats(out, c, buf);
                    if (points.labels() != null) {
                        out.writeByte(1);
                        writeStrings(out, points.labelValues());
                        writeInts(out, points.labels(), buf);
                    } else {
                        out.writeByte(0);
                    }
                    out.writeInt(points.metaColumns().size());
                    for (int c = 0; c < points.metaColumns().size(); c++) {
                        writeString(out, points.metaColumns().get(c));
                        String[] column = points.meta()[c];
                        // PointsReader shares one String per distinct value, so identity finds the distinct ones.
                        Map<String, Integer> ids = new IdentityHashMap<>();
                        List<String> dict = new ArrayList<>();
                        int[] idx = new int[column.length];
                        for (int i = 0; i < column.length; i++) {
                            Integer id = ids.get(column[i]);
                            if (id == null) {
                                id = dict.size();
                                ids.put(column[i], id);
                                dict.add(column[i]);
                            }
                            idx[i] = id;
                        }
                        writeStrings(out, dict);
                        writeInts(out, idx, buf);
                    }
                    writeStrings(out, points.columns());
                    out.writeLong(sum.getValue());
                }
            });
            writes.incrementAndGet();
            UserCache.prune(key.cacheFile().getParent(), MAX_BYTES, key.cacheFile());
        } catch (IOException | RuntimeException e) {
            // no cache this time
        }
    }

    private static void writeFloats(DataOutputStream out, float[] v, byte[] buf) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(buf);
        for (int i = 0; i < v.length; ) {
            b.clear();
            int m = Math.min(v.length - i, buf.length / 4);
            b.asFloatBuffer().put(v, i, m);
            out.write(buf, 0, 4 * m);
            i += m;
        }
    }

    private static void writeInts(DataOutputStream out, int[] v, byte[] buf) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(buf);
        for (int i = 0; i < v.length; ) {
            b.clear();
            int m = Math.min(v.length - i, buf.length / 4);
            b.asIntBuffer().put(v, i, m);
            out.write(buf, 0, 4 * m);
            i += m;
        }
    }

    private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String s : values) writeString(out, s);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] u = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(u.length);
        out.write(u);
    }
}
