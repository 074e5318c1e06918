package org.embedscope.cli;

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
    /**
     * The edits of {@code b}, or null when {@code override} is null and there are none: those the
     * explorer would show (a read-only bundle's own annotations.csv, then the user's saved beside it in
     * the cache). A bad file is one line.
     */
    static SavedEdits read(Bundle b, Path override) throws BundleException {
        Annotations edits = new Annotations(b.count(), b.labels(), b.labelValues());
        if (override != null) {
            AnnotationsFile.read(override, edits);   // a file that is not there is one line
            return new SavedEdits(override, edits);
        }
        Path read = AnnotationStore.apply(edits, AnnotationStore.locate(b.dir(), null, UserCache.root()));
        return read == null ? null : new SavedEdits(read, edits);
    }
}
