package org.embedscope.annotate;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;
import org.embedscope.bundle.BundleException;

/**
 * Keeps a bundle's {@link Annotations} on disk: loads the sidecar file when the bundle opens and saves
 * it after every edit, atomically and durably, so a crash or {@code kill -9} loses at most the edit in
 * flight. Saves run on one background thread; the rows are taken on the caller's thread, and a burst of
 * edits writes only the newest state.
 *
 * <p>A save writes what this store changed onto what the file holds now, not its whole state over the
 * file: a second window on the same bundle (or a hand edit) saves edits this one never read, and
 * rewriting the file from this store's rows would drop them. So each save re-reads the file when it
 * changed since this store last read or wrote it, keeps every row of items this store did not change
 * since, and writes this store's rows for the items it did (on the same item, the later save wins). A
 * lock file beside it keeps two processes from reading and writing it at the same time.
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
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "annotations-writer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<AnnotationsFile.Snapshot> pending = new AtomicReference<>();
    private volatile long savedVersion;
    private volatile String lastError;
    private volatile int editedElsewhere;
    private volatile String setAside;
    // Guarded by saving: this store's rows as last read or saved, the file's rows then, and the file's
    // stamp then (null: there was no file).
    private final Object saving = new Object();
    private AnnotationsFile.Snapshot synced;
    private AnnotationsFile.Snapshot onDisk;
    private Stamp diskStamp;
    // The items without edits, copied where the store opens: the writer thread reads files into copies
    // of it, as the annotations themselves change on the window's thread.
    private final Annotations pristine;

    /** What tells that a file was replaced or rewritten: a save renames a new file over it. */
    private record Stamp(long size, long modified, Object key) {
        static Stamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.fileKey());
            } catch (IOException e) {
                return null;
            }
        }
    }

    private AnnotationStore(Annotations annotations, Path file) throws BundleException {
        this.annotations = annotations;
        this.file = file;
        this.savedVersion = annotations.version();
        this.synced = AnnotationsFile.snapshot(annotations);
        this.pristine = annotations.blank();
        // The file's own rows (without a seed's) and its stamp, so that the first save tells what
        // changed there since.
        this.diskStamp = Stamp.of(file);
        if (diskStamp == null) {
            this.onDisk = AnnotationsFile.empty();
        } else {
            Annotations alone = annotations.blank();
            AnnotationsFile.read(file, alone);
            this.onDisk = AnnotationsFile.snapshot(alone);
        }
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
        if (at.seed() != null && AnnotationsFile.present(at.seed())) {
            AnnotationsFile.read(at.seed(), annotations);
            read = at.seed();
        }
        if (AnnotationsFile.present(at.file())) {
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
        save(AnnotationsFile.snapshot(annotations));
    }

    /**
     * How many item edits the saves so far found made in the file elsewhere (by another window, or by
     * hand) since this store read it, and kept: they are on disk, and {@link #applyEditedElsewhere}
     * shows them. 0 when the file held only what this store wrote.
     */
    public int editedElsewhere() { return editedElsewhere; }

    /** Edits a save found made elsewhere: the items, the file's rows then, and this store's rows then. */
    private record Elsewhere(int[] items, AnnotationsFile.Snapshot there, AnnotationsFile.Snapshot ours) {}

    private final AtomicReference<Elsewhere> elsewhere = new AtomicReference<>();
    private volatile Runnable onElsewhere;

    /**
     * Runs {@code r} (on the writer thread) when a save or a look at the file finds edits made elsewhere,
     * for the window to wake; from now on the file is looked at every {@code everyMillis} (a stat; it
     * is read only when it changed), so another window's edits show without an edit here.
     */
    public void onEditedElsewhere(Runnable r, long everyMillis) {
        onElsewhere = r;
        writer.scheduleWithFixedDelay(this::lookAtFile, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
    }

    /** The writer's periodic look: when the file changed since the last read or save, what changed there. */
    private void lookAtFile() {
        synchronized (saving) {
            Stamp now = Stamp.of(file);
            if (Objects.equals(diskStamp, now) || now == null) return;
            Annotations scratch = pristine.blank();
            try {
                AnnotationsFile.read(file, scratch);
            } catch (BundleException e) {
                return; // half-edited by hand, perhaps: the next save sets it aside if it still cannot be read
            }
            AnnotationsFile.Snapshot there = AnnotationsFile.snapshot(scratch);
            // This store's rows as last saved: an edit here since is not saved yet, and applyEditedElsewhere
            // leaves the items it changed as they are.
            found(AnnotationsFile.itemsEditedElsewhere(onDisk, there, synced, synced), there, synced);
            onDisk = there;
            diskStamp = now;
        }
    }

    private void found(int[] items, AnnotationsFile.Snapshot there, AnnotationsFile.Snapshot ours) {
        if (items.length == 0) return;
        editedElsewhere += items.length;
        Elsewhere last = elsewhere.get();
        elsewhere.set(new Elsewhere(last == null ? items : union(last.items(), items), there, ours));
        Runnable tell = onElsewhere;
        if (tell != null) tell.run();
    }

    /**
     * Shows the edits saves found made elsewhere: each such item takes the file's row, unless this
     * store's annotations changed it since that save (the user's newer edit stays). Not undoable: they
     * are not this user's edits. Call on the thread that edits; true when any item changed.
     */
    public boolean applyEditedElsewhere() {
        Elsewhere e = elsewhere.getAndSet(null);
        if (e == null) return false;
        AnnotationsFile.Snapshot now = AnnotationsFile.snapshot(annotations);
        boolean any = false;
        for (int item : e.items()) {
            if (AnnotationsFile.changed(e.ours(), now, item)) continue;
            AnnotationsFile.restoreRow(annotations, e.there(), item);
            any = true;
        }
        return any;
    }

    private static int[] union(int[] a, int[] b) {
        return IntStream.concat(Arrays.stream(a), Arrays.stream(b)).distinct().sorted().toArray();
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
            save(s);
            lastError = null;
        } catch (IOException e) {
            lastError = "cannot save annotations to " + file + ": " + BundleException.describe(e);
        }
    }

    private void save(AnnotationsFile.Snapshot ours) throws IOException {
        synchronized (saving) {
            try (FileGuard guard = FileGuard.hold(file)) {
                Stamp now = Stamp.of(file);
                if (!Objects.equals(diskStamp, now)) {
                    AnnotationsFile.Snapshot before = onDisk;
                    AnnotationsFile.Snapshot there = now == null ? AnnotationsFile.empty() : readAside(now);
                    // A file set aside leaves nothing to merge with: this store's rows are saved whole.
                    onDisk = there != null ? there : synced;
                    if (there != null) found(AnnotationsFile.itemsEditedElsewhere(before, there, synced, ours), there, ours);
                }
                AnnotationsFile.Snapshot merged = AnnotationsFile.merge(onDisk, synced, ours);
                AnnotationsFile.write(file, merged);
                onDisk = merged;
                diskStamp = Stamp.of(file);
                synced = ours;
                savedVersion = ours.version();
            }
        }
    }

    /**
     * The rows of the file as it is now. One that cannot be read (a hand edit gone wrong) is not
     * written over: it is moved aside whole, named by {@link #setAside()}, and null is returned.
     */
    private AnnotationsFile.Snapshot readAside(Stamp now) throws IOException {
        Annotations scratch = pristine.blank();
        try {
            AnnotationsFile.read(file, scratch);
            return AnnotationsFile.snapshot(scratch);
        } catch (BundleException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + now.modified());
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            setAside = aside.toString();
            return null;
        }
    }

    /**
     * The file moved aside because it changed elsewhere into something that cannot be read (its edits
     * would otherwise be written over), or null.
     */
    public String setAside() { return setAside; }

    /**
     * Holds the file against other processes' saves while one save reads and writes it: a lock on a
     * hidden file beside it (the file itself is replaced by each save, so it cannot carry the lock), and
     * a lock per path within this process, where a second lock of the same file would be refused.
     */
    private static final class FileGuard implements AutoCloseable {
        private static final long LOCK_WAIT_NS = 10_000_000_000L;
        private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS =
                new ConcurrentHashMap<>();
        private final ReentrantLock inProcess;
        private final FileChannel channel;

        private FileGuard(ReentrantLock inProcess, FileChannel channel) {
            this.inProcess = inProcess;
            this.channel = channel;
        }

        static FileGuard hold(Path file) {
            Path abs = file.toAbsolutePath().normalize();
            ReentrantLock l = IN_PROCESS.computeIfAbsent(abs, k -> new ReentrantLock());
            l.lock();
            FileChannel ch = null;
            try {
                ch = FileChannel.open(abs.resolveSibling("." + abs.getFileName() + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                // A process that holds the lock and hangs must not hang this one's saves: after a while
                // the save goes ahead unguarded.
                long until = System.nanoTime() + LOCK_WAIT_NS;
                while (ch.tryLock() == null && System.nanoTime() < until) Thread.sleep(10);
            } catch (IOException | RuntimeException | InterruptedException e) {
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                // A folder where no lock file can be made still saves; only the guard against a
                // simultaneous save by another process is lost.
                closeQuietly(ch);
                ch = null;
            }
            return new FileGuard(l, ch);
        }

        @Override
        public void close() {
            closeQuietly(channel); // releases the lock
            inProcess.unlock();
        }

        private static void closeQuietly(FileChannel ch) {
            if (ch == null) return;
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing was written through it
            }
        }
    }

    @Override
    public void close() {
        flush(10_000);
        writer.shutdown();
        // A look at the file in progress wakes the window: it ends before the window goes.
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
