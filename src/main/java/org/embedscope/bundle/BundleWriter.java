package org.embedscope.bundle;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.embedscope.progress.CancelledException;

/**
 * Writes a bundle atomically: everything goes into a hidden temporary folder beside the target
 * ({@code .NAME.partial-…}), and {@link #commit} moves it into place (an existing bundle is moved
 * aside first and deleted only once the new one is in place). {@link #close} without a commit deletes
 * the temporary folder, and a shutdown hook does the same on Ctrl-C — so a failed or interrupted run
 * leaves no partial bundle and the old one untouched.
 *
 * <p>On Ctrl-C the hook first runs {@code onInterrupt} (which should ask the work to stop), waits a few
 * seconds for the owner to {@link #close} the writer, then deletes the temporary folder itself.
 */
public final class BundleWriter implements AutoCloseable {
    /** How long the shutdown hook waits for the interrupted work to clean up. */
    private static final long HOOK_WAIT_MS = 2000;

    private final Path target;
    private final String marker;
    private final Path temp;
    private final Thread hook;
    private final CountDownLatch closed = new CountDownLatch(1);
    private boolean committed;
    private boolean aborted;

    private BundleWriter(Path target, String marker, Path temp, Runnable onInterrupt) {
        this.target = target;
        this.marker = marker;
        this.temp = temp;
        this.hook = new Thread(() -> {
            if (onInterrupt != null) onInterrupt.run();
            try {
                closed.await(HOOK_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ignored) {
                // JVM is going down either way
            }
            abort();
        }, "embedscope-bundle-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Starts a bundle at {@code target}. Refuses a target that exists and is neither a bundle (holding
     * {@code bundle.json}) nor an empty folder, so that no unrelated folder is ever replaced.
     *
     * @param onInterrupt run first on Ctrl-C (e.g. cancel the progress); may be null
     */
    public static BundleWriter create(Path target, Runnable onInterrupt) throws BundleException {
        return create(target, Manifest.FILE_NAME, onInterrupt);
    }

    /**
     * Starts a folder of another kind (an export) the same way: an existing {@code target} is replaced
     * only when it holds {@code marker} (it is an earlier output of the same kind) or is empty.
     */
    public static BundleWriter create(Path target, String marker, Runnable onInterrupt) throws BundleException {
        Path abs = target.toAbsolutePath().normalize();
        if (abs.getFileName() == null) throw new BundleException(target, null, "cannot write a bundle here; name a folder");
        checkReplaceable(abs, marker);
        Path parent = abs.getParent();
        try {
            Files.createDirectories(parent);
            String prefix = "." + abs.getFileName() + ".partial-";
            removeAbandoned(parent, prefix);
            Path temp = createUnique(parent, prefix + ProcessHandle.current().pid() + "-");
            return new BundleWriter(abs, marker, temp, onInterrupt);
        } catch (IOException e) {
            throw new BundleException(parent, null, "cannot create a folder here: " + BundleException.describe(e));
        }
    }

    /**
     * Deletes the temporary folders {@code prefix + PID-…} in {@code parent} whose process is gone: a run
     * killed outright ({@code kill -9}, a power cut) has no hook to clean up, and its folder stayed for
     * good. A folder whose process still runs (another prepare into the same target), or that does not
     * name one, is left alone.
     */
    private static void removeAbandoned(Path parent, String prefix) {
        try (Stream<Path> s = Files.list(parent)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (!name.startsWith(prefix) || !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
                String rest = name.substring(prefix.length());
                int dash = rest.indexOf('-');
                if (dash <= 0) continue;
                long pid;
                try {
                    pid = Long.parseLong(rest.substring(0, dash));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (ProcessHandle.of(pid).isEmpty()) deleteTree(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // nothing to clean, or not readable: the new run goes on
        }
    }

    /** A new folder with a random suffix; unlike a temporary directory it gets the usual permissions (umask). */
    private static Path createUnique(Path parent, String prefix) throws IOException {
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (int attempt = 0; ; attempt++) {
            Path p = parent.resolve(prefix + Long.toHexString(random.nextLong() & Long.MAX_VALUE));
            try {
                return Files.createDirectory(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) throw e;
            }
        }
    }

    /**
     * Refuses an input that lies inside {@code target} (or is it) when {@code target} is a folder that
     * {@link #commit} would replace, one holding {@code marker}: the input was read, then deleted with the old folder
     * ({@code prepare --images B/photos -o B} lost the photos). {@code what} names the input in the
     * message ({@code "--vectors clip.npy"}). Links are followed; an input that does not exist is left to
     * the reader to report.
     */
    public static void checkNotInside(Path target, String marker, Path input, String what) throws BundleException {
        Path realTarget, realInput;
        try {
            if (!Files.isRegularFile(target.resolve(marker))) return;
            realTarget = target.toRealPath();
            realInput = input.toRealPath();
        } catch (IOException e) {
            return;
        }
        if (realInput.startsWith(realTarget)) {
            throw new BundleException(target, null, "holds " + what + ", which replacing this folder would delete; "
                    + "write to another folder, or move the input out of it first");
        }
    }

    private static void checkReplaceable(Path target, String marker) throws BundleException {
        if (!Files.exists(target)) return;
        if (!Files.isDirectory(target)) throw new BundleException(target, null, "exists and is not a folder; choose another output");
        if (Files.isRegularFile(target.resolve(marker))) return;
        try (Stream<Path> s = Files.list(target)) {
            if (s.findAny().isPresent()) {
                throw new BundleException(target, null, "exists and is not " + (marker.equals(Manifest.FILE_NAME) ? "a bundle" : "an earlier output")
                        + " (no " + marker + "); choose another output or remove it");
            }
        } catch (IOException e) {
            throw new BundleException(target, null, "cannot read: " + e.getMessage());
        }
    }

    /** The temporary folder being filled. */
    public Path dir() { return temp; }

    /** The final location. */
    public Path target() { return target; }

    /** Writes {@code bundle.json}. */
    public void writeManifest(Manifest m) throws BundleException {
        Path f = temp.resolve(Manifest.FILE_NAME);
        try {
            Files.writeString(f, m.toJson());
        } catch (IOException e) {
            throw new BundleException(f, null, "cannot write: " + BundleException.describe(e));
        }
    }

    /**
     * Writes {@code points.csv} (RFC 4180, header row): {@code L_x, L_y} per layout, then the label
     * column when {@code labels} is not null, then each metadata column. Coordinates are written as the
     * shortest decimal that reads back as the same float.
     *
     * @param coords per layout, x0, y0, x1, y1, …
     */
    public void writePoints(String file, List<Manifest.Layout> layouts, List<float[]> coords, String labelColumn, String[] labels,
                            Map<String, String[]> metadata) throws BundleException {
        Path f = temp.resolve(file);
        int n = coords.isEmpty() ? (labels != null ? labels.length : 0) : coords.get(0).length / 2;
        List<String> header = new ArrayList<>();
        for (Manifest.Layout l : layouts) {
            header.add(l.xColumn());
            header.add(l.yColumn());
        }
        if (labels != null) header.add(labelColumn);
        header.addAll(metadata.keySet());
        List<String[]> metaColumns = new ArrayList<>(metadata.values());
        try (BufferedWriter w = Files.newBufferedWriter(f);
             CSVPrinter out = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (int i = 0; i < n; i++) {
                for (float[] c : coords) {
                    out.print(Float.toString(c[2 * i]));
                    out.print(Float.toString(c[2 * i + 1]));
                }
                if (labels != null) out.print(labels[i]);
                for (String[] m : metaColumns) out.print(m[i]);
                out.println();
            }
        } catch (IOException e) {
            throw new BundleException(f, null, "cannot write: " + BundleException.describe(e));
        }
    }

    /** Writes the neighbours file {@code file} (gzip-compressed when it ends in {@code .gz}; see {@link NeighborsFile}). */
    public void writeNeighbors(String file, NeighborLists lists) throws BundleException {
        Path f = temp.resolve(file);
        try {
            NeighborsFile.write(f, lists);
        } catch (IOException e) {
            throw new BundleException(f, null, "cannot write: " + BundleException.describe(e));
        }
    }

    /**
     * Moves the finished bundle into place, replacing an existing one. Throws {@link CancelledException}
     * when the run was interrupted first.
     */
    public synchronized void commit() throws BundleException {
        if (aborted) throw new CancelledException();
        checkReplaceable(target, marker);
        Path old = null;
        try {
            if (Files.exists(target)) {
                old = target.resolveSibling("." + target.getFileName() + ".old-" + Long.toHexString(System.nanoTime()));
                move(target, old);
            }
            try {
                move(temp, target);
            } catch (IOException e) {
                if (old != null) move(old, target); // put the previous bundle back
                throw e;
            }
            committed = true;
        } catch (IOException e) {
            throw new BundleException(target, null, "cannot move the new bundle into place: " + BundleException.describe(e));
        }
        if (old != null) deleteTree(old);
        removeHook();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes the temporary folder unless committed; later commits fail. Safe to call more than once. */
    public synchronized void abort() {
        if (committed) return;
        aborted = true;
        deleteTree(temp);
    }

    /** Aborts unless committed. */
    @Override
    public void close() {
        try {
            abort();
            removeHook();
        } finally {
            closed.countDown();
        }
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to; it finds the writer closed
        }
    }

    /** Deletes a folder tree; retries a few times since worker threads may still be finishing a file. */
    static void deleteTree(Path dir) {
        for (int attempt = 0; attempt < 5 && Files.exists(dir); attempt++) {
            try {
                org.embedscope.util.FileTrees.delete(dir);
            } catch (IOException e) {
                sleepBriefly();
            }
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
