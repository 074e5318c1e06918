package org.embedscope.bundle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.embedscope.progress.Progress;

/**
 * Loads a bundle folder (README, "Bundle format, version 1") into a {@link Bundle}: the manifest,
 * the atlas pages' headers (every page present, of equal size per level, large enough for its grid;
 * pixels are decoded later, by the renderer), then the points table and the neighbours file if any.
 *
 * <p>Every defect is refused with one {@link BundleException} naming the file and the line or field.
 */
public final class BundleReader {
    private BundleReader() {}

    /** Loads {@code bundleDir}. */
    public static Bundle load(Path bundleDir) throws BundleException {
        return load(bundleDir, Progress.NONE);
    }

    /**
     * Loads {@code bundleDir}, reporting the points table's rows to {@code progress} (which may cancel).
     * The parsed points come from the user's {@link PointsCache} when it holds them for this very
     * {@code points.csv}; otherwise they are parsed and the cache is filled.
     */
    public static Bundle load(Path bundleDir, Progress progress) throws BundleException {
        return load(bundleDir, progress, PointsCache.user());
    }

    /**
     * As {@link #load(Path, Progress)}, for viewing: the neighbours file's header is checked now, its
     * lists are read when first asked for ({@link Bundle#neighbors()}, {@link Bundle#prefetchNeighbors()}),
     * so that a million items open without waiting for lists only pinning reads.
     */
    public static Bundle loadForViewing(Path bundleDir, Progress progress) throws BundleException {
        return load(bundleDir, progress, PointsCache.user(), true);
    }

    static Bundle load(Path bundleDir, Progress progress, PointsCache cache) throws BundleException {
        return load(bundleDir, progress, cache, false);
    }

    /** The manifest of the bundle folder {@code bundleDir}, refused in one line when it is no bundle folder or its manifest is bad. */
    public static Manifest manifest(Path bundleDir) throws BundleException {
        if (!Files.isDirectory(bundleDir)) {
            throw new BundleException(bundleDir, null, Files.exists(bundleDir)
                    ? "is not a folder; expected a bundle folder holding " + Manifest.FILE_NAME
                    : "missing: no such bundle folder");
        }
        return Manifest.read(bundleDir);
    }

    private static Bundle load(Path bundleDir, Progress progress, PointsCache cache, boolean deferNeighbors) throws BundleException {
        Manifest manifest = manifest(bundleDir);
        List<AtlasCheck.LevelPages> pages = AtlasCheck.readPages(bundleDir, manifest);
        Path points = BundlePaths.resolve(bundleDir, manifest.points(), "points");
        BundlePaths.checkRegularFile(points, "the points table, a CSV file");
        PointsCache.Key key = cache.key(points, bundleDir.resolve(Manifest.FILE_NAME));
        PointsReader.Points p = cache.read(key, manifest);
        if (p == null) {
            p = PointsReader.read(points, manifest, progress);
            cache.write(key, p);
        }
        Bundle.NeighborSource neighbors = null;
        Manifest.Neighbors nb = manifest.neighbors();
        if (nb != null) {
            Path file = BundlePaths.resolve(bundleDir, nb.file(), "neighbors.file");
            BundlePaths.checkRegularFile(file, "the neighbours file");
            if (deferNeighbors) {
                neighbors = NeighborsFile.deferred(file, manifest.count(), nb.k());
            } else {
                NeighborLists lists = NeighborsFile.read(file, manifest.count(), nb.k());
                neighbors = () -> lists;
            }
        }
        return new Bundle(bundleDir, manifest, pages, p.coords(), p.labels(), p.labelValues(), p.metaColumns(), p.meta(),
                p.columns(), neighbors);
    }
}
