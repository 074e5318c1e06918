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

    private static void write(Path target, Content content, boolean durable) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) Files.createDirectories(dir);
        // Not Files.createTempFile: its 0600 permissions would stick to the result.
        Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            content.writeTo(tmp);
            if (durable) force(tmp, false);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (durable && dir != null) force(dir, true);
        } finally {
            Files.deleteIfExists(tmp);
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
