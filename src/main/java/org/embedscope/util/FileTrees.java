package org.embedscope.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deleting a folder tree (temporary bundles, cache entries), the one way the project does it. */
public final class FileTrees {
    private FileTrees() {}

    /** How long an interrupted run's temporary folder is retried while its writers stop (files appear under the walk). */
    private static final long HOOK_RETRY_MS = 2000;

    /**
     * A folder of the system's temporary ones that is gone after {@link #close}, and after Ctrl-C too
     * (which ends the JVM without unwinding the thread that fills it: a shutdown hook deletes it).
     */
    public static final class TemporaryFolder implements AutoCloseable {
        private final Path path;
        private final Thread hook;

        private TemporaryFolder(Path path) {
            this.path = path;
            this.hook = new Thread(() -> {
                long end = System.currentTimeMillis() + HOOK_RETRY_MS;
                while (true) {
                    try {
                        delete(path);
                        return;
                    } catch (IOException e) {
                        if (System.currentTimeMillis() > end) return;   // best effort: the JVM is going down
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException ignored) {
                            return;
                        }
                    }
                }
            }, "embedscope-temporary-folder");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        public Path path() { return path; }

        @Override
        public void close() throws IOException {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                return;   // the hook deletes it
            }
            delete(path);
        }
    }

    /** Makes a new temporary folder named from {@code prefix}, deleted on close or Ctrl-C. */
    public static TemporaryFolder temporaryFolder(String prefix) throws IOException {
        return new TemporaryFolder(Files.createTempDirectory(prefix));
    }

    /** Deletes {@code root} and everything under it, deepest first; nothing when it does not exist. */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
