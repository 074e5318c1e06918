package org.embedscope.render;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32C;
import org.embedscope.atlas.PixelFormat;
import org.embedscope.atlas.PngEncoder;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.BundlePaths;
import org.embedscope.bundle.Manifest;
import org.embedscope.bundle.PngHeader;
import org.embedscope.bundle.UserCache;

/**
 * Levels made at load ({@link DerivedLevels}), and grey copies of RGB(A) pages that hold grey
 * images, kept in the user's cache ({@code levels/KEY/}) so the next load reads small, ready pages.
 * The key is a digest of the finest pages' contents (every 64 KiB of each file through CRC-32C, the
 * list through SHA-256: the files are read once, fast even before the JIT compiles anything), the
 * grid, the alpha mode and {@link DerivedLevels#VERSION}: a changed page gives a new key, so the
 * levels are rebuilt. Entries are written on a background thread into a temporary folder and moved
 * into place when complete; a half-written one is never used.
 */
public final class LevelCache {
    static final String INDEX = "levels.txt";
    /** The folder is kept within this many bytes, the least recently used bundles' levels removed first ({@link UserCache#prune}). */
    public static final long MAX_BYTES = 2L << 30;
    private static final String MAGIC = "embedscope-levels";
    private static volatile CompletableFuture<Void> pending = CompletableFuture.completedFuture(null);

    private LevelCache() {}

    /** One cached level: its grid, channel count and page files. */
    public record Level(Manifest.Level grid, int channels, List<Path> files) {}

    /**
     * A cache entry: {@code base} replaces the bundle's own finest pages (grey copies) or is null
     * when those are used as they are; {@code derived} are the coarser levels.
     */
    public record Entry(Level base, List<Level> derived) {}

    /** The folder entries live in. */
    public static Path root() { return UserCache.folder("levels"); }

    /** The key of a one-level bundle's finest pages in {@code dir}. */
    public static String key(Path dir, Manifest m) throws BundleException {
        Manifest.Level l = m.atlas().levels().get(0);
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String head = DerivedLevels.VERSION + " " + m.count() + " " + l.cell() + " " + l.columns() + " " + l.rows()
                + " " + m.atlas().alpha() + " " + l.pages().size();
        sha.update(head.getBytes(StandardCharsets.UTF_8));
        ByteBuffer block = ByteBuffer.allocateDirect(1 << 16);
        ByteBuffer word = ByteBuffer.allocate(12);
        for (int p = 0; p < l.pages().size(); p++) {
            Path page = BundlePaths.resolve(dir, l.pages().get(p), "atlas.levels[0].pages[" + p + "]");
            try (FileChannel ch = FileChannel.open(page, StandardOpenOption.READ)) {
                CRC32C crc = new CRC32C();
                long size = 0;
                while (true) {
                    block.clear();
                    int r = ch.read(block);
                    if (r < 0) break;
                    block.flip();
                    crc.reset();
                    crc.update(block);
                    size += r;
                    word.clear();
                    word.putLong(size).putInt((int) crc.getValue());
                    sha.update(word.array());
                }
            } catch (IOException e) {
                throw new BundleException(page, null, "cannot read: " + e.getMessage());
            }
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 16);
    }

    /** The complete entry for {@code key}, or null (none, or not readable: it is then rebuilt). */
    public static Entry lookup(String key) {
        Path dir = root().resolve(key);
        Path index = dir.resolve(INDEX);
        if (!Files.isRegularFile(index)) return null;
        try {
            List<String> lines = Files.readAllLines(index, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(MAGIC + " " + DerivedLevels.VERSION)) return null;
            Level base = null;
            List<Level> derived = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split(" ");
                if (f.length < 6) return null;
                int cell = Integer.parseInt(f[1]), cols = Integer.parseInt(f[2]), rows = Integer.parseInt(f[3]);
                int channels = Integer.parseInt(f[4]);
                List<String> names = List.of(f).subList(5, f.length);
                List<Path> files = new ArrayList<>();
                for (String name : names) {
                    Path file = dir.resolve(name);
                    if (!file.normalize().startsWith(dir) || !Files.isRegularFile(file)) return null;
                    PngHeader h = PngHeader.read(file);
                    if (h.channels() != channels || h.width() < cols * cell || h.height() < rows * cell) return null;
                    files.add(file);
                }
                Level lv = new Level(new Manifest.Level(cell, cols, rows, names), channels, files);
                if (f[0].equals("base")) base = lv;
                else if (f[0].equals("level")) derived.add(lv);
                else return null;
            }
            if (derived.isEmpty()) return null;
            UserCache.touch(dir);
            return new Entry(base, derived);
        } catch (IOException | BundleException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Writes an entry on a background thread: grey copies of the finest pages ({@code basePages},
     * {@code baseChannels} per pixel; null when the bundle's own pages serve) and the levels of
     * {@code derived}. Failures leave no entry, only a warning.
     */
    public static void write(String key, Manifest.Level baseGrid, int basePageW, int basePageH, byte[][] basePages, int baseChannels,
                             DerivedLevels derived) {
        CompletableFuture<Void> task = CompletableFuture.runAsync(() -> {
            try {
                writeNow(key, baseGrid, basePageW, basePageH, basePages, baseChannels, derived);
            } catch (IOException | RuntimeException e) {
                System.err.println("embedscope: could not cache the atlas levels in " + root() + ": " + e.getMessage());
            }
        }, r -> {
            Thread t = new Thread(r, "atlas-cache-write");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        });
        pending = pending.thenCombine(task, (a, b) -> null);
    }

    /** Waits until every entry started by {@link #write} is in place (bench and tests). */
    public static void awaitWrites() { pending.join(); }

    private static void writeNow(String key, Manifest.Level baseGrid, int basePageW, int basePageH, byte[][] basePages,
                                 int baseChannels, DerivedLevels d) throws IOException {
        Path root = root();
        Files.createDirectories(root);
        Path target = root.resolve(key);
        if (Files.isDirectory(target)) return;
        Path tmp = Files.createTempDirectory(root, ".tmp-" + key + "-");
        try {
            StringBuilder index = new StringBuilder(MAGIC + " " + DerivedLevels.VERSION + "\n");
            if (basePages != null) {
                List<String> names = new ArrayList<>();
                for (int p = 0; p < basePages.length; p++) {
                    String name = String.format("0-%02d.png", p);
                    png(tmp.resolve(name), basePages[p], basePageW, basePageH, baseChannels);
                    names.add(name);
                }
                index.append(line("base", baseGrid, baseChannels, names));
            }
            for (int l = 0; l < d.levels(); l++) {
                Manifest.Level g = d.grid(l);
                for (int p = 0; p < g.pages().size(); p++) png(tmp.resolve(g.pages().get(p)), d.page(l, p), d.pageWidth(l), d.pageHeight(l), d.channels());
                index.append(line("level", g, d.channels(), g.pages()));
            }
            Files.writeString(tmp.resolve(INDEX), index, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // Another process cached the same pages first.
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
        } finally {
            org.embedscope.util.FileTrees.delete(tmp);
        }
        UserCache.prune(root, MAX_BYTES, target);
    }

    private static String line(String kind, Manifest.Level g, int channels, List<String> names) {
        return kind + " " + g.cell() + " " + g.columns() + " " + g.rows() + " " + channels + " " + String.join(" ", names) + "\n";
    }

    private static void png(Path file, byte[] pixels, int w, int h, int channels) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            PngEncoder.write(out, pixels, w, h, PixelFormat.ofChannels(channels), 1);
        }
    }
}
