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
import java.util.Map;
import org.embedscope.Version;
import org.embedscope.bundle.BundleException;
import org.embedscope.util.Counted;
import org.embedscope.bundle.Manifest;
import org.embedscope.bundle.UserCache;
import org.embedscope.layout.LayoutOptions;
import org.embedscope.layout.LayoutRegistry;
import org.embedscope.layout.knn.Metric;
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

    /** Layouts of a cached folder: UMAP (shown first) and PCA. */
    static final List<String> LAYOUTS = List.of("umap", "pca");
    /** Neighbours kept per item, as prepare keeps them by default. */
    static final int NEIGHBORS = 15;
    private static final String FINGERPRINT = "folder_fingerprint";

    /** Where cached folders are kept: {@code folders} in the user's cache folder ({@link UserCache}). */
    public static Path defaultRoot() {
        return UserCache.folder("folders");
    }

    /** Where the bundle of {@code folder} is kept under {@code root}. */
    public static Path bundleOf(Path root, Path folder) throws BundleException {
        return root.resolve(sha256(realPath(folder).toString()).substring(0, 24));
    }

    /**
     * The bundle of the images under {@code folder}: the cached one when its fingerprint matches (or
     * prepared now, with progress, and kept). {@code rebuild} prepares it again in any case.
     *
     * @param log where a line says that the folder is being prepared, and where it is kept
     */
    public static Path open(Path folder, Path root, boolean rebuild, Progress progress, Runnable onInterrupt, PrintWriter log)
            throws BundleException {
        return open(folder, root, rebuild, false, progress, onInterrupt, log);
    }

    /**
     * As {@link #open(Path, Path, boolean, Progress, Runnable, PrintWriter)}; with {@code skipBad} an
     * unreadable image is left out (and listed) instead of refusing the folder.
     */
    public static Path open(Path folder, Path root, boolean rebuild, boolean skipBad, Progress progress, Runnable onInterrupt, PrintWriter log)
            throws BundleException {
        progress.stage("listing images", 0);
        List<String> otherFormats = new java.util.ArrayList<>();
        List<FolderSource.Entry> images = FolderSource.scan(folder, otherFormats);
        String leftOut = FolderSource.leftOutNote(otherFormats);
        if (leftOut != null) {
            log.println("embedscope: " + leftOut);
            log.flush();
        }
        String fingerprint = fingerprint(images);
        Path bundle = bundleOf(root, folder);
        if (!rebuild && fingerprint.equals(cachedFingerprint(bundle))) {
            sayWhatWasSkipped(bundle, log);
            return bundle;
        }
        FolderSource source = FolderSource.of(folder, images);

        log.println("embedscope: preparing " + source.count() + (source.count() == 1 ? " image of " : " images of ") + folder + " into " + bundle + " (once; delete it to free the space)");
        log.flush();
        // prepare's defaults (seed 42, 15 neighbours kept), as `embedscope prepare --images DIR --layout umap,pca` uses them
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
                Map.of(), layouts, 0, 2048, 16, null, 6, skipBad, null, provenance, new PreparePipeline.Neighbors(NEIGHBORS, Metric.EUCLIDEAN, 42));
        try {
            PreparePipeline.run(spec, progress, onInterrupt, log);
        } catch (BundleException e) {
            // One bad file among a folder of photos is common: say how to open the rest.
            if (skipBad || e.file() == null || !e.file().toAbsolutePath().startsWith(folder.toAbsolutePath())) throw e;
            throw new BundleException(null, null, e.getMessage() + " (--skip-bad opens the folder without the unreadable images)", e);
        }
        return bundle;
    }

    /**
     * A cached bundle prepared with {@code --skip-bad} lacks the images it could not read: said each time
     * it is opened, not only when it was prepared.
     */
    private static void sayWhatWasSkipped(Path bundle, PrintWriter log) {
        Object skipped;
        try {
            skipped = Manifest.read(bundle).provenance().get("skipped");
        } catch (BundleException e) {
            return;
        }
        if (!(skipped instanceof List<?> names) || names.isEmpty()) return;
        List<String> shown = names.stream().limit(5).map(String::valueOf).toList();
        log.println("embedscope: " + Counted.of(names.size(), "unreadable image") + (names.size() == 1 ? " was" : " were") + " left out when this folder was prepared ("
                + String.join(", ", shown) + (names.size() > shown.size() ? ", ..." : "") + "); --rebuild tries them again");
        log.flush();
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
        update(md, "embedscope " + Version.get() + "; layouts " + String.join(",", LAYOUTS) + "; neighbors " + NEIGHBORS
                + "; default cell, page 2048, png 6");
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
