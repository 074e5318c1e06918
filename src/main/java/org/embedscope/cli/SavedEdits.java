package org.embedscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.embedscope.annotate.AnnotationStore;
import org.embedscope.annotate.Annotations;
import org.embedscope.annotate.AnnotationsFile;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.UserCache;

/**
 * A user's label corrections and tags for a command that shows them but never changes them
 * ({@code select}, {@code render}): read from {@code --annotations FILE}, else from the sidecar where
 * the explorer saves this bundle's edits, when there is one.
 */
record SavedEdits(Path file, Annotations annotations) {
    /** The edits of {@code b}, or null when {@code override} is null and the explorer saved none. A bad file is one line. */
    static SavedEdits read(Bundle b, Path override) throws BundleException {
        Path file = override != null ? override : existingSidecar(b);
        if (file == null) return null;
        Annotations edits = new Annotations(b.count(), b.labels(), b.labelValues());
        AnnotationsFile.read(file, edits);
        return new SavedEdits(file, edits);
    }

    /** The sidecar the explorer saves this bundle's edits to, when it exists; else null. */
    private static Path existingSidecar(Bundle b) {
        Path f = AnnotationStore.locate(b.dir(), null, UserCache.root()).file();
        return Files.isRegularFile(f) ? f : null;
    }
}
