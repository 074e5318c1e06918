package org.embedscope.annotate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.embedscope.bundle.BundleException;

/**
 * Keeps a bundle's {@link Annotations} on disk: loads the sidecar file when the bundle opens and saves
 * it after every edit, atomically and durably, so a crash or {@code kill -9} loses at most the edit in
 * flight. Saves run on one background thread; the rows are taken on the caller's thread, and a burst of
 * edits writes only the newest state.
 */
public final class AnnotationStore implements AutoCloseable {
    /**
     * Where the edits go, and a sentence for the user when it is not beside the bundle; {@code seed}, when
     * not null, is the bundle's own {@code annotations.csv} that the edits saved elsewhere start from
     * (a read-only bundle shipped with its corrections shows them).
     */
    public record Location(Path file, String notice, Path seed) {}

    private final Annotations annotations;
    private final Path file;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "annotations-writer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<AnnotationsFile.Snapshot> pending = new AtomicReference<>();
    private volatile long savedVersion;
    private volatile String lastError;

    private AnnotationStore(Annotations annotations, Path file) {
        this.annotations = annotations;
        this.file = file;
        this.savedVersion = annotations.version();
    }

    /**
     * Where a bundle's edits are kept: {@code override} when given; else {@code annotations.csv} in the
     * bundle's folder when it can be written; else a file in the user's cache folder named after the
     * bundle's path, with a notice saying so, starting from the bundle's own {@code annotations.csv}
     * when it has one.
     */
    public static Location locate(Path bundleDir, Path override, Path cacheDir) {
        if (override != null) return new Location(override.toAbsolutePath(), null, null);
        Path beside = bundleDir.toAbsolutePath().resolve(AnnotationsFile.FILE_NAME);
        if (writable(bundleDir)) return new Location(beside, null, null);
        String key = HexFormat.of().formatHex(sha256(bundleDir.toAbsolutePath().normalize().toString())).substring(0, 16);
        Path elsewhere = cacheDir.resolve("annotations").resolve(key + "-" + AnnotationsFile.FILE_NAME);
        Path seed = AnnotationsFile.exists(beside) ? beside : null;
        return new Location(elsewhere, "the bundle folder is read-only: " + (seed != null ? "its annotations.csv is shown, and " : "")
                + "edits are saved to " + elsewhere + " (choose with --annotations FILE)", seed);
    }

    /** Opens the store at {@code file}, applying the edits it already holds to {@code annotations}. */
    public static AnnotationStore open(Annotations annotations, Path file) throws BundleException {
        return open(annotations, new Location(file, null, null));
    }

    /**
     * Opens the store where {@code at} says: the seed's edits first (the bundle's own), then the file's
     * on top (the user's since), each item as the later says.
     */
    public static AnnotationStore open(Annotations annotations, Location at) throws BundleException {
        apply(annotations, at);
        return new AnnotationStore(annotations, at.file());
    }

    /**
     * Applies the edits {@code at} holds to {@code annotations}: the seed's (the bundle's own), then the
     * file's on top; returns the file last read, or null when neither exists. For the explorer and for
     * the commands that only show the edits.
     */
    public static Path apply(Annotations annotations, Location at) throws BundleException {
        Path read = null;
        if (at.seed() != null && AnnotationsFile.exists(at.seed())) {
            AnnotationsFile.read(at.seed(), annotations);
            read = at.seed();
        }
        if (AnnotationsFile.exists(at.file())) {
            AnnotationsFile.read(at.file(), annotations);
            read = at.file();
        }
        return read;
    }

    public Path file() { return file; }

    public Annotations annotations() { return annotations; }

    /** Saves the current state on the writer thread. Call after each edit (and undo/redo). */
    public void changed() {
        if (pending.getAndSet(AnnotationsFile.snapshot(annotations)) == null) writer.execute(this::drain);
    }

    /** Saves the current state now, on the caller's thread. */
    public void saveNow() throws IOException {
        AnnotationsFile.Snapshot s = AnnotationsFile.snapshot(annotations);
        AnnotationsFile.write(file, s);
        savedVersion = s.version();
    }

    /** Waits for saves in flight; true when everything up to now is on disk. */
    public boolean flush(long timeoutMillis) {
        try {
            writer.submit(() -> { }).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return false;
        }
        return pending.get() == null && lastError == null;
    }

    /** The last save's failure in words, or null when the last save succeeded. */
    public String lastError() { return lastError; }

    /** The version of {@link Annotations} that is on disk. */
    public long savedVersion() { return savedVersion; }

    private void drain() {
        AnnotationsFile.Snapshot s = pending.getAndSet(null);
        if (s == null) return;
        try {
            AnnotationsFile.write(file, s);
            savedVersion = s.version();
            lastError = null;
        } catch (IOException e) {
            lastError = "cannot save annotations to " + file + ": " + BundleException.describe(e);
        }
    }

    @Override
    public void close() {
        flush(10_000);
        writer.shutdown();
    }

    private static boolean writable(Path dir) {
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) return false;
        // isWritable trusts permission bits; a read-only mount or root-owned folder needs a real try.
        try {
            Path probe = Files.createTempFile(dir, ".embedscope-write-test", ".tmp");
            Files.delete(probe);
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
