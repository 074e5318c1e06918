package org.embedscope.prepare;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.embedscope.Version;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.Manifest;
import org.embedscope.layout.LayoutOptions;
import org.embedscope.layout.LayoutRegistry;
import org.embedscope.layout.tsne.Tsne;
import org.embedscope.layout.umap.Umap;
import org.embedscope.progress.Progress;
import org.embedscope.source.FolderSource;

/**
 * A folder of images opened as it is ({@code embedscope explore DIR}): prepared once into a bundle in
 * the user's cache folder ({@link #defaultRoot()}), one per folder (named by a hash of its real path),
 * and reused while the folder's images are unchanged. Unchanged means the same fingerprint: a hash of
 * every image's relative path, size and modification time, of the tool's version and of how the
 * bundle is prepared; it is kept in the cached bundle's provenance, so a bundle and its key are
 * written together, atomically ({@link PreparePipeline}).
 */
public final class FolderCache {
    private FolderCache() {}

    /** Overrides the cache folder (for tests, or a machine with a small home folder). */
    public static final String ROOT_PROPERTY = "embedscope.cache";
    /** Layouts of a cached folder: UMAP (shown first) and PCA. */
    static final List<String> LAYOUTS = List.of("umap", "pca");
    private static final String FINGERPRINT = "folder_fingerprint";

    /**
     * The user's cache folder for embedscope: {@code $XDG_CACHE_HOME/embedscope}, else
     * {@code ~/Library/Caches/embedscope} on macOS, {@code %LOCALAPPDATA%\embedscope\cache} on Windows,
     * {@code ~/.cache/embedscope} elsewhere; the {@value #ROOT_PROPERTY} system property overrides it.
     */
    public static Path defaultRoot() {
        return root(System.getProperty(ROOT_PROPERTY), System.getenv("XDG_CACHE_HOME"), System.getProperty("os.name", ""),
                System.getProperty("user.home"), System.getenv("LOCALAPPDATA"));
    }

    /** {@link #defaultRoot()} from its inputs: the property, {@code XDG_CACHE_HOME}, the OS name, the home folder, {@code LOCALAPPDATA}. */
    public static Path root(String override, String xdg, String osName, String home, String localAppData) {
        if (override != null && !override.isBlank()) return Path.of(override);
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg, "embedscope");
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) return Path.of(home, "Library", "Caches", "embedscope");
        if (os.startsWith("windows")) {
            return localAppData != null && !localAppData.isBlank() ? Path.of(localAppData, "embedscope", "cache")
                    : Path.of(home, "AppData", "Local", "embedscope", "cache");
        }
        return Path.of(home, ".cache", "embedscope");
    }

    /** Where the bundle of {@code folder} is kept under {@code root}. */
    public static Path bundleOf(Path root, Path folder) throws BundleException {
        return root.resolve("folders").resolve(sha256(realPath(folder).toString()).substring(0, 24));
    }

    /**
     * The bundle of the images under {@code folder}: the cached one when its fingerprint matches (or
     * prepared now, with progress, and kept). {@code rebuild} prepares it again in any case.
     *
     * @param log where a line says that the folder is being prepared, and where it is kept
     */
    public static Path open(Path folder, Path root, boolean rebuild, Progress progress, Runnable onInterrupt, PrintWriter log)
            throws BundleException {
        progress.stage("listing images", 0);
        List<FolderSource.Entry> images = FolderSource.scan(folder);
        String fingerprint = fingerprint(images);
        Path bundle = bundleOf(root, folder);
        if (!rebuild && fingerprint.equals(cachedFingerprint(bundle))) return bundle;
        FolderSource source = FolderSource.of(folder, images);

        log.println("embedscope: preparing " + source.count() + " images of " + folder + " into " + bundle + " (once; delete it to free the space)");
        log.flush();
        // prepare's defaults (seed 42), as `embedscope prepare --images DIR --layout umap,pca` uses them
        LayoutOptions options = new LayoutOptions(42, Umap.Params.defaults(), Tsne.Params.defaults(), null);
        List<PreparePipeline.ComputedLayout> layouts = LAYOUTS.stream().map(name -> {
            LayoutRegistry.Configured c = LayoutRegistry.create(name, options);
            return new PreparePipeline.ComputedLayout(name, c.title(), c.algorithm(), c.params());
        }).toList();
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("tool", "embedscope " + Version.get());
        provenance.put("folder", realPath(folder).toString());
        provenance.put(FINGERPRINT, fingerprint);
        Path name = realPath(folder).getFileName();
        PreparePipeline.Spec spec = new PreparePipeline.Spec(source, bundle, name == null ? folder.toString() : name.toString(), null,
                Map.of(), layouts, 0, 2048, 16, null, 6, false, null, provenance);
        PreparePipeline.run(spec, progress, onInterrupt, log);
        return bundle;
    }

    /** The fingerprint a cached bundle was made for, or null when there is none (or it is not readable). */
    static String cachedFingerprint(Path bundle) {
        if (!Files.isRegularFile(bundle.resolve(Manifest.FILE_NAME))) return null;
        try {
            Object f = Manifest.read(bundle).provenance().get(FINGERPRINT);
            return f == null ? null : f.toString();
        } catch (BundleException e) {
            return null; // a damaged cache is prepared again
        }
    }

    /** The hash of every image's relative path, size and modification time, the version and the recipe. */
    static String fingerprint(List<FolderSource.Entry> images) {
        MessageDigest md = digest();
        update(md, "embedscope " + Version.get() + "; layouts " + String.join(",", LAYOUTS) + "; default cell, page 2048, png 6");
        for (FolderSource.Entry e : images) update(md, e.path() + "\u0000" + e.size() + "\u0000" + e.modifiedMillis());
        return HexFormat.of().formatHex(md.digest());
    }

    private static void update(MessageDigest md, String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
    }

    private static Path realPath(Path folder) throws BundleException {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            throw new BundleException(folder, null, "cannot read: " + BundleException.describe(e));
        }
    }

    private static String sha256(String s) {
        MessageDigest md = digest();
        return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }
}
