package org.embedscope.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resolves paths named inside a bundle so that none can leave the bundle folder. */
public final class BundlePaths {
    private BundlePaths() {}

    /**
     * Why {@code p} would leave (or cannot name a file in) the bundle folder, or null when it is a
     * plain relative path such as {@code atlas/0-00.png}.
     */
    public static String escapeReason(String p) {
        if (p == null || p.isEmpty()) return "is empty";
        if (p.indexOf('\0') >= 0) return "contains a NUL character";
        if (p.startsWith("/") || p.startsWith("\\")) return "is absolute";
        if (p.length() >= 2 && p.charAt(1) == ':') return "is absolute (drive letter)";
        if (p.indexOf('\\') >= 0) return "uses '\\'; use '/' between folders";
        for (String part : p.split("/", -1)) {
            if (part.equals("..")) return "climbs out with '..'";
            if (part.isEmpty()) return "has an empty folder name";
        }
        return null;
    }

    /**
     * Refuses {@code file} when it exists but is no regular file, before anything opens it: a folder
     * cannot be read as a file ("Is a directory"), and opening a pipe (FIFO) waits for a writer that may
     * never come. A symbolic link to nothing is said to be one, with where it leads (a drive not mounted, a
     * folder moved). A missing file passes; its reader says that it is missing, in its own words.
     *
     * @param expected what the file should be, such as {@code "an IDX file"}
     */
    public static void checkRegularFile(Path file, String expected) throws BundleException {
        checkRegularFile(file, null, expected);
    }

    /** As {@link #checkRegularFile(Path, String)}, the error naming {@code where} (a list's line) too. */
    public static void checkRegularFile(Path file, String where, String expected) throws BundleException {
        if (Files.isDirectory(file)) throw new BundleException(file, where, "is a folder; expected " + expected);
        if (Files.isSymbolicLink(file) && !Files.exists(file)) {
            String target;
            try {
                target = " to '" + Files.readSymbolicLink(file) + "'";
            } catch (IOException e) {
                target = "";
            }
            throw new BundleException(file, where, "is a broken link" + target + " (it leads to no file); expected " + expected);
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new BundleException(file, where, "not a regular file (a pipe, socket or device); expected " + expected);
        }
    }

    /** {@code bundleDir/p}, after checking that it stays inside (also through symbolic links). */
    public static Path resolve(Path bundleDir, String p, String field) throws BundleException {
        String why = escapeReason(p);
        Path manifest = bundleDir.resolve(Manifest.FILE_NAME);
        if (why != null) throw new BundleException(manifest, "field " + field, "path '" + p + "' " + why);
        Path resolved = bundleDir.resolve(p).normalize();
        try {
            if (!staysInside(resolved, bundleDir.toRealPath())) {
                throw new BundleException(manifest, "field " + field, "path '" + p + "' leads outside the bundle folder through a link");
            }
        } catch (IOException e) {
            throw new BundleException(resolved, null, "cannot read: " + e.getMessage());
        }
        return resolved;
    }

    /**
     * False when {@code resolved} exists and, with symbolic links followed, lies outside {@code realRoot}
     * (a folder's {@link Path#toRealPath() real path}). A path that does not exist leads nowhere yet;
     * reading it fails later as a missing file.
     */
    public static boolean staysInside(Path resolved, Path realRoot) throws IOException {
        return !Files.exists(resolved) || resolved.toRealPath().startsWith(realRoot);
    }

    /**
     * The files a bundle is made of, as far as its manifest names them: the manifest, the points, every
     * atlas page, the neighbours, and the user's edits beside it. Empty when the manifest cannot be
     * read (the command reading the bundle says why).
     */
    public static java.util.List<Path> ownFiles(Path bundleDir) {
        java.util.List<Path> files = new java.util.ArrayList<>();
        Manifest m;
        try {
            m = Manifest.read(bundleDir);
        } catch (BundleException e) {
            return files;
        }
        files.add(bundleDir.resolve(Manifest.FILE_NAME));
        files.add(bundleDir.resolve(m.points()));
        for (Manifest.Level l : m.atlas().levels()) for (String page : l.pages()) files.add(bundleDir.resolve(page));
        if (m.neighbors() != null) files.add(bundleDir.resolve(m.neighbors().file()));
        files.add(bundleDir.resolve(org.embedscope.annotate.AnnotationsFile.FILE_NAME));
        return files;
    }

    /** Refuses {@code target} when it is one of {@link #ownFiles} of {@code bundleDir}, naming which. */
    public static void checkNotBundleFile(Path target, Path bundleDir) throws BundleException {
        for (Path f : ownFiles(bundleDir)) {
            String what = "the bundle's " + bundleDir.relativize(f).toString().replace('\\', '/');
            AtomicFile.checkNotInput(target, f, what);
            // One it does not have yet (annotations.csv): the bundle would read what the command writes.
            if (!Files.exists(f) && !Files.exists(target) && f.getFileName().equals(target.toAbsolutePath().normalize().getFileName())
                    && sameFolder(f.getParent(), target.toAbsolutePath().normalize().getParent())) {
                throw new BundleException(target, null, "cannot write: it would be " + what + ", which the bundle reads; expected another file");
            }
        }
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return a != null && b != null && Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
