package org.embedscope.annotate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes a folder truly read-only for the running user, root included: permission bits alone do not
 * stop root, the immutable attribute does. Fails loudly when neither works, rather than testing nothing.
 */
public final class ReadOnly {
    private ReadOnly() {}

    public static void make(Path dir) throws IOException, InterruptedException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (!canWrite(dir)) return;
        run("chattr", "+i", dir.toString());
        if (canWrite(dir)) throw new IllegalStateException("cannot make " + dir + " read-only on this system");
    }

    public static void undo(Path dir) throws IOException, InterruptedException {
        run("chattr", "-i", dir.toString());
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static boolean canWrite(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(String... cmd) throws InterruptedException {
        try {
            new ProcessBuilder(cmd).redirectErrorStream(true).start().waitFor();
        } catch (IOException e) {
            // no chattr here: the caller's check says whether the folder ended up read-only
        }
    }
}
