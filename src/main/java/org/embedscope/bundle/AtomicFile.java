package org.embedscope.bundle;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes one file so that it is either wholly there or not changed at all: the content goes to a
 * hidden temporary file beside the target, which is moved into place only once it is complete.
 * A failure or an interruption leaves the old file (or none), never half of the new one.
 */
public final class AtomicFile {
    private AtomicFile() {}

    /**
     * The temporary files being written or waiting in a {@link Group} now. Ctrl-C ends the JVM without
     * unwinding the thread that writes, so no {@code finally} deletes them: a shutdown hook does.
     */
    private static final java.util.Set<Path> IN_FLIGHT = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static volatile boolean shuttingDown;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shuttingDown = true;
            for (Path tmp : IN_FLIGHT) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the JVM is going down
                }
            }
        }, "embedscope-temporary-files"));
    }

    /** The files of this thread's open {@link Group}, or null: moved into place together by its commit. */
    private static final ThreadLocal<Group> GROUP = new ThreadLocal<>();

    /**
     * Several files that are wholly there or none of them (a selection's CSV and its contact sheet): while
     * the group is open, {@link #write} on this thread writes each file's temporary file and leaves the
     * moves to {@link #commit}, which makes them one after the other once every file is complete;
     * {@link #close} without a commit (an error, Ctrl-C) deletes the temporary files.
     */
    public static final class Group implements AutoCloseable {
        private final java.util.List<Path[]> pending = new java.util.ArrayList<>();   // {temporary file, target}
        private final java.util.List<Boolean> durable = new java.util.ArrayList<>();

        private Group() {}

        /** Moves every file written in the group into place, in the order written. */
        public void commit() throws IOException {
            GROUP.remove();
            for (int k = 0; k < pending.size(); k++) {
                Path tmp = pending.get(k)[0], target = pending.get(k)[1];
                move(tmp, target, durable.get(k));
            }
            pending.clear();
        }

        @Override
        public void close() throws IOException {
            if (GROUP.get() == this) GROUP.remove();
            for (Path[] p : pending) {
                Files.deleteIfExists(p[0]);
                IN_FLIGHT.remove(p[0]);
            }
            pending.clear();
        }
    }

    /** Opens a {@link Group} on this thread (one at a time). */
    public static Group group() {
        if (GROUP.get() != null) throw new IllegalStateException("a group of files is already open on this thread");
        Group g = new Group();
        GROUP.set(g);
        return g;
    }

    /** Writes the content of a file, given its path. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path file) throws IOException;
    }

    /** Writes {@code target} through {@code content}, creating its folder if needed. */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, false);
    }

    /**
     * As {@link #write}, and the new content is on the disk before the rename, and the rename before
     * this returns (fsync of the file, then of its folder): for a user's edits, which a power cut or a
     * killed process must not take back.
     */
    public static void writeDurably(Path target, Content content) throws IOException {
        write(target, content, true);
    }

    /**
     * Refuses a target that cannot be a file before any work is done for it: a folder, or a path
     * through a file ({@code notes.txt/out.csv}). A command that computes for minutes checks its output
     * first, so that it does not fail only at the end.
     */
    public static void checkTarget(Path target) throws BundleException {
        Path abs = target.toAbsolutePath();
        if (Files.isDirectory(abs)) throw new BundleException(target, null, "cannot write: is a folder; expected a file name");
        for (Path p = abs.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) throw new BundleException(target, null, "cannot write: " + p + " is a file, not a folder");
                return;
            }
        }
    }

    /**
     * Refuses a target that is {@code input}, a file the command reads (the same file, also through a
     * link): written over, the input would be lost with the output (`select b -o b/points.csv` replaced a
     * bundle's points with the selection's). {@code what} says what the input is ("the bundle's points.csv").
     */
    public static void checkNotInput(Path target, Path input, String what) throws BundleException {
        if (input == null || !Files.exists(target) || !Files.exists(input)) return;
        boolean same;
        try {
            same = Files.isSameFile(target, input);
        } catch (IOException e) {
            same = target.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize());
        }
        if (same) throw new BundleException(target, null, "cannot write: it is " + what + ", which this command reads; expected another file");
    }

    /**
     * The one-line error for a target that {@link #write} failed to write, saying what was in the way
     * (the target, not the temporary file beside it): a folder, a file in the path, a missing or
     * read-only folder, a full disk.
     */
    public static BundleException cannotWrite(Path target, IOException e) {
        try {
            checkTarget(target);
        } catch (BundleException inTheWay) {
            return inTheWay;
        }
        String reason = e instanceof java.nio.file.NoSuchFileException ? "cannot create a file there"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : BundleException.describe(e);
        return new BundleException(target, null, "cannot write: " + reason);
    }

    private static void write(Path target, Content content, boolean durable) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) Files.createDirectories(dir);
        // Not Files.createTempFile: its 0600 permissions would stick to the result.
        Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Group group = GROUP.get();
        IN_FLIGHT.add(tmp);
        // Registered first, then checked: a Ctrl-C's hook either sees this file or this sees the hook.
        if (shuttingDown) {
            IN_FLIGHT.remove(tmp);
            throw new java.io.InterruptedIOException("interrupted");
        }
        boolean kept = false;
        try {
            content.writeTo(tmp);
            if (group != null) {
                group.pending.add(new Path[] {tmp, abs});
                group.durable.add(durable);
                kept = true;
                return;
            }
            move(tmp, abs, durable);
        } finally {
            if (!kept) {
                Files.deleteIfExists(tmp);
                IN_FLIGHT.remove(tmp);
            }
        }
    }

    private static void move(Path tmp, Path target, boolean durable) throws IOException {
        try {
            if (durable) force(tmp, false);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (durable && target.getParent() != null) force(target.getParent(), true);
        } finally {
            IN_FLIGHT.remove(tmp);
        }
    }

    private static void force(Path p, boolean folder) throws IOException {
        try (FileChannel ch = FileChannel.open(p, folder ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (IOException e) {
            // Some systems (Windows) cannot open a folder to sync it; the rename itself is still atomic there.
            if (!folder) throw e;
        }
    }
}
