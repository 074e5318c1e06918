package org.embedscope.bundle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.embedscope.progress.Progress;

/**
 * Loads a bundle folder (README, "Bundle format, version 1") into a {@link Bundle}: the manifest,
 * the atlas pages' headers (every page present, of equal size per level, large enough for its grid;
 * pixels are decoded later, by the renderer), then the points table.
 *
 * <p>Every defect is refused with one {@link BundleException} naming the file and the line or field.
 */
public final class BundleReader {
    private BundleReader() {}

    /** Loads {@code bundleDir}. */
    public static Bundle load(Path bundleDir) throws BundleException {
        return load(bundleDir, Progress.NONE);
    }

    /** Loads {@code bundleDir}, reporting the points table's rows to {@code progress} (which may cancel). */
    public static Bundle load(Path bundleDir, Progress progress) throws BundleException {
        if (!Files.isDirectory(bundleDir)) {
            throw new BundleException(bundleDir, null, Files.exists(bundleDir)
                    ? "is not a folder; expected a bundle folder holding " + Manifest.FILE_NAME
                    : "missing: no such bundle folder");
        }
        Manifest manifest = Manifest.read(bundleDir);
        List<AtlasCheck.LevelPages> pages = AtlasCheck.readPages(bundleDir, manifest);
        Path points = BundlePaths.resolve(bundleDir, manifest.points(), "points");
        PointsReader.Points p = PointsReader.read(points, manifest, progress);
        return new Bundle(bundleDir, manifest, pages, p.coords(), p.labels(), p.labelValues(), p.metaColumns(), p.meta(),
                p.columns());
    }
}
