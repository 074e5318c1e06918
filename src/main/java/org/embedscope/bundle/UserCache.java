package org.embedscope.bundle;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The user's cache folder for embedscope, the one place every cache (prepared image folders, derived
 * atlas levels, parsed points, annotations of read-only bundles) lives under: {@code $EMBEDSCOPE_CACHE}
 * when set; else {@code $XDG_CACHE_HOME/embedscope} or {@code ~/.cache/embedscope} on Linux,
 * {@code ~/Library/Caches/embedscope} on macOS, {@code %LOCALAPPDATA%\embedscope\cache} on Windows.
 * Nothing here is precious: each cache can be deleted at any time and is rebuilt.
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
}
