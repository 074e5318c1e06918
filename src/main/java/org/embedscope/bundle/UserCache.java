package org.embedscope.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The user's cache folder for embedscope, the one place every cache (prepared image folders, derived
 * atlas levels, parsed points, annotations of read-only bundles) lives under: {@code $EMBEDSCOPE_CACHE}
 * when set; else {@code $XDG_CACHE_HOME/embedscope} or {@code ~/.cache/embedscope} on Linux,
 * {@code ~/Library/Caches/embedscope} on macOS, {@code %LOCALAPPDATA%\embedscope\cache} on Windows.
 * Everything here is rebuilt when deleted but the user's edits: annotations of read-only bundles, and
 * the annotations.csv of prepared folders.
 */
public final class UserCache {
    private UserCache() {}

    /** The root of embedscope's caches (not created). */
    public static Path root() {
        String own = System.getenv("EMBEDSCOPE_CACHE");
        if (own != null && !own.isBlank()) return Path.of(own);
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) return Path.of(home, "Library", "Caches", "embedscope");
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return local != null ? Path.of(local, "embedscope", "cache") : Path.of(home, "AppData", "Local", "embedscope", "cache");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "embedscope") : Path.of(home, ".cache", "embedscope");
    }

    /** The sub-folder of the cache for one kind of cached thing, such as {@code "levels"} (not created). */
    public static Path folder(String kind) {
        return root().resolve(kind);
    }

    /** A temporary entry (its name starts with a dot) this much older than now was left by a process that died: removed. */
    static final long STALE_TEMP_MILLIS = 24L * 3600 * 1000;

    /**
     * Keeps cache folder {@code folder} (one of {@link #folder}'s, never the annotations') within
     * {@code maxBytes}: removes its least recently used entries (files or folders directly in it, by
     * modification time, which a cache refreshes with {@link #touch} when it serves one) until the rest
     * fit, never {@code keep}; and temporary entries left behind a day ago. Errors are ignored: a
     * cache that cannot be pruned is only larger.
     */
    public static void prune(Path folder, long maxBytes, Path keep) {
        record Entry(Path path, long bytes, long modified) {}
        List<Entry> entries = new ArrayList<>();
        long now = System.currentTimeMillis();
        try (var children = Files.list(folder)) {
            for (Path p : children.toList()) {
                long modified = Files.getLastModifiedTime(p).toMillis();
                if (p.getFileName().toString().startsWith(".")) {
                    if (now - modified > STALE_TEMP_MILLIS) org.embedscope.util.FileTrees.delete(p);
                    continue;
                }
                entries.add(new Entry(p, size(p), modified));
            }
        } catch (IOException | RuntimeException e) {
            return;
        }
        entries.sort(Comparator.comparingLong(Entry::modified).reversed());
        long total = 0;
        for (Entry e : entries) {
            total += e.bytes();
            if (total > maxBytes && !e.path().equals(keep)) {
                try {
                    org.embedscope.util.FileTrees.delete(e.path());
                    total -= e.bytes();
                } catch (IOException ignored) {
                    // still there: counted
                }
            }
        }
    }

    /** Marks cache entry {@code entry} as just used, for {@link #prune}. */
    public static void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException | RuntimeException ignored) {
            // a read-only cache: pruned by age of writing
        }
    }

    private static long size(Path p) throws IOException {
        if (!Files.isDirectory(p)) return Files.size(p);
        try (var files = Files.walk(p)) {
            long sum = 0;
            for (Path f : files.toList()) if (Files.isRegularFile(f)) sum += Files.size(f);
            return sum;
        }
    }
}
