package org.embedscope.bundle;

import java.nio.file.Path;

/**
 * Bad input in a bundle (or any input file): says which file, where in it (a line, a field, an
 * item) and what was expected. The command line prints {@link #getMessage()} as one line and exits 2.
 */
public class BundleException extends Exception {
    private final transient Path file;

    /**
     * @param file  the offending file, or null when none applies
     * @param where a location inside it such as {@code "line 17"} or {@code "field atlas.levels[0].cell"}, or null
     * @param what  what is wrong and what was expected
     */
    public BundleException(Path file, String where, String what) {
        this(file, where, what, null);
    }

    public BundleException(Path file, String where, String what, Throwable cause) {
        super(format(file, where, what), cause);
        this.file = file;
    }

    public Path file() { return file; }

    /** An I/O failure in words: NIO's exceptions often carry only a path as their message. */
    public static String describe(java.io.IOException e) {
        String kind = e instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.FileAlreadyExistsException ? "already exists"
                : e instanceof java.nio.file.DirectoryNotEmptyException ? "folder not empty"
                : null;
        if (kind != null) return kind + (e.getMessage() != null ? " (" + e.getMessage() + ")" : "");
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Most characters of a message; past them (a quoted value, mostly) it is cut. */
    private static final int MAX_CHARS = 600;

    private static String format(Path file, String where, String what) {
        StringBuilder sb = new StringBuilder();
        if (file != null) sb.append(file).append(": ");
        if (where != null) sb.append(where).append(": ");
        return oneLine(sb.append(what).toString());
    }

    /**
     * The message as one printable line: file names and the input quoted into messages may hold line
     * breaks, control characters or megabytes, and the message is one line of a terminal.
     */
    private static String oneLine(String what) {
        String line = PrintableText.escape(what);
        if (line.length() <= MAX_CHARS) return line;
        return line.substring(0, MAX_CHARS) + "… (" + (line.length() - MAX_CHARS) + " more characters)";
    }
}
