package org.embedscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.Manifest;
import org.embedscope.prepare.FolderCache;
import org.embedscope.progress.TerminalProgress;
import org.embedscope.source.FolderSource;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What {@code explore} and {@code render} open: a bundle folder as it is, or a folder of images, prepared
 * once into the user's cache ({@link FolderCache}) with progress and reused while its images are unchanged.
 */
public final class BundleOrFolder {
    @Option(names = "--rebuild", description = "With a folder of images: prepare it again, even when the cached bundle is up to date.")
    boolean rebuild;

    @Option(names = "--skip-bad", description = "With a folder of images: leave out the images that cannot be read (they are listed) instead of refusing the folder.")
    boolean skipBad;

    /**
     * Refuses an output inside {@code dir} when it is a folder of images: a picture written there is one
     * more image of the folder the next time it is opened (and a file of the same name is one of them now).
     */
    void checkNotInside(Path out, Path dir) throws BundleException {
        if (!Files.isDirectory(dir) || Files.isRegularFile(dir.resolve(Manifest.FILE_NAME))) return;
        if (out.toAbsolutePath().normalize().startsWith(dir.toAbsolutePath().normalize())) {
            throw new BundleException(out, null, "cannot write: it is inside " + dir + ", the folder of images this command reads "
                    + "(the picture would be one of its images); expected a file elsewhere");
        }
    }

    /** The bundle to open for {@code dir}. */
    Path resolve(Path dir, CommandLine.Model.CommandSpec spec) throws BundleException {
        if (!Files.isDirectory(dir) || Files.isRegularFile(dir.resolve(Manifest.FILE_NAME))) {
            if (rebuild) throw new BundleException(dir, null, "is a bundle; --rebuild goes with a folder of images");
            if (skipBad) throw new BundleException(dir, null, "is a bundle; --skip-bad goes with a folder of images");
            return dir; // a bundle, or a missing one: the loader says what is wrong
        }
        if (!FolderSource.holdsImages(dir)) {
            throw new BundleException(dir, null, "is not a bundle (no " + Manifest.FILE_NAME + ") and " + FolderSource.noImagesIn(dir));
        }
        TerminalProgress progress = TerminalProgress.onStderr();
        Path bundle = FolderCache.open(dir, FolderCache.defaultRoot(), rebuild, skipBad, progress, progress::cancel, spec.commandLine().getErr());
        progress.finish();
        return bundle;
    }
}
