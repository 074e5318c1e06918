package org.embedscope.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.Manifest;

/**
 * Every image file under a folder, recursively. Order: sorted by the path relative to the folder,
 * with {@code /} between names, compared character by character (so {@code cat/10.png} comes before
 * {@code cat/2.png}, and upper case before lower case) — the same on every machine.
 *
 * <p>Labels are the first-level sub-folder names ({@code cats/a.png} → {@code cats}); images directly in
 * the folder are labelled {@value #ROOT_LABEL}. Without any sub-folder there is no label. The relative
 * path becomes the metadata column {@code path}. Files and folders whose name starts with a dot, files without
 * an image extension ({@link ImageFiles#EXTENSIONS}), and sub-folders that are bundles (hold
 * {@code bundle.json}) are ignored. A broken link or a pipe with an image name is an item, refused when read.
 */
public final class FolderSource implements ImageSource {
    /** The label of images directly in the root folder. */
    public static final String ROOT_LABEL = "(root)";

    private final Path root;
    private final String[] relative;
    private final String[] labels;
    private final List<String> otherFormats;

    private FolderSource(Path root, List<String> relative, List<String> otherFormats) {
        this.root = root;
        this.otherFormats = List.copyOf(otherFormats);
        this.relative = relative.toArray(String[]::new);
        boolean anySub = relative.stream().anyMatch(p -> p.indexOf('/') >= 0);
        if (anySub) {
            labels = new String[this.relative.length];
            for (int i = 0; i < labels.length; i++) {
                int slash = this.relative[i].indexOf('/');
                labels[i] = slash < 0 ? ROOT_LABEL : this.relative[i].substring(0, slash);
            }
        } else {
            labels = null;
        }
    }

    /** An image file found under the folder: its relative path ({@code /} between names), size and modification time. */
    public record Entry(String path, long size, long modifiedMillis) {}

    /** Lists the images under {@code root}; an empty or missing folder is an error. */
    public static FolderSource open(Path root) throws BundleException {
        List<String> others = new ArrayList<>();
        return new FolderSource(root, scan(root, others).stream().map(Entry::path).toList(), others);
    }

    /** The source of the images {@link #scan} found. */
    public static FolderSource of(Path root, List<Entry> entries) {
        return new FolderSource(root, entries.stream().map(Entry::path).toList(), List.of());
    }

    /** As {@link #scan(Path, List)}, without the files in other image formats. */
    public static List<Entry> scan(Path root) throws BundleException {
        return scan(root, new ArrayList<>());
    }

    /**
     * The image files under {@code root} in item order, with their sizes and times, from one walk of the
     * tree (no file is opened). An empty or missing folder is an error. The relative paths of the files
     * in image formats it does not read ({@link ImageFiles#OTHER_IMAGE_EXTENSIONS}) are added to
     * {@code otherFormats}, sorted, for {@link #leftOutNote}.
     */
    public static List<Entry> scan(Path root, List<String> otherFormats) throws BundleException {
        if (!Files.isDirectory(root)) {
            throw new BundleException(root, null, Files.exists(root) ? "is not a folder" : "no such folder");
        }
        List<Entry> files = new ArrayList<>();
        try {
            walk(root, (file, attrs) -> {
                files.add(new Entry(slashed(root.relativize(file)), attrs.size(), attrs.lastModifiedTime().toMillis()));
                return true;
            }, file -> otherFormats.add(slashed(root.relativize(file))));
        } catch (NoSuchFileException | NotDirectoryException e) {
            throw new BundleException(root, null, "no such folder");
        } catch (IOException | UncheckedIOException e) {
            throw new BundleException(root, null, "cannot list: " + BundleException.describe(e instanceof UncheckedIOException u ? u.getCause() : (IOException) e));
        }
        otherFormats.sort(null);
        if (files.isEmpty()) throw new BundleException(root, null, noImages(otherFormats));
        files.sort(java.util.Comparator.comparing(Entry::path));
        return files;
    }

    /**
     * The line that says which files in other image formats were left out, such as "left out 3 images in
     * formats embedscope does not read (2 .heic, 1 .dng; first 'trip/IMG_0001.HEIC'): convert them to JPEG
     * or PNG to include them"; null when none was.
     */
    public static String leftOutNote(List<String> otherFormats) {
        if (otherFormats.isEmpty()) return null;
        return "left out " + org.embedscope.util.Counted.of(otherFormats.size(), "image") + " in formats embedscope does not read ("
                + otherFormatsCounted(otherFormats) + "; first '" + otherFormats.get(0) + "'): convert them to JPEG or PNG to include them";
    }

    /** The note of {@link #leftOutNote(List)} for the files {@link #open} left out; null when none. */
    public String leftOutNote() { return leftOutNote(otherFormats); }

    /** "2 .heic, 1 .dng": how many of each extension, most first. */
    private static String otherFormatsCounted(List<String> otherFormats) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String p : otherFormats) counts.merge(ImageFiles.extension(Path.of(p)), 1, Integer::sum);
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> e.getValue() + " ." + e.getKey()).collect(java.util.stream.Collectors.joining(", "));
    }

    /** Told of each file with an image name a walk finds (a link followed where it leads somewhere); returns false to stop the walk. */
    private interface ImageVisitor {
        boolean image(Path file, BasicFileAttributes attrs) throws IOException;
    }

    /**
     * Walks {@code root} for image files, skipping hidden files and folders, and sub-folders that are
     * bundles: a bundle written inside the folder ({@code prepare --images photos -o photos/bundle}) holds
     * atlas pages, not the user's images, and they were read as items the next time. Links are followed
     * (the folder itself, a sub-folder or an image may be one); a link back to a folder above it is not
     * walked again.
     */
    private static void walk(Path root, ImageVisitor visitor, java.util.function.Consumer<Path> otherFormat) throws IOException {
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) return FileVisitResult.CONTINUE;
                return dir.getFileName().toString().startsWith(".") || Files.isRegularFile(dir.resolve(Manifest.FILE_NAME))
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (file.getFileName().toString().startsWith(".")) return FileVisitResult.CONTINUE;
                if (!ImageFiles.hasImageExtension(file)) {
                    if (ImageFiles.hasOtherImageExtension(file)) otherFormat.accept(file);
                    return FileVisitResult.CONTINUE;
                }
                // A link to an image counts. A broken link or a pipe named as an image is listed too, as a corrupt
                // file is: reading it refuses it in one line (or --skip-bad lists it), where leaving it out lost it silently.
                BasicFileAttributes a = attrs.isSymbolicLink() ? followed(file) : attrs;
                return !visitor.image(file, a == null ? attrs : a) ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof FileSystemLoopException) return FileVisitResult.CONTINUE; // a link to a folder above: walked already
                throw e;
            }
        });
    }

    private static BasicFileAttributes followed(Path link) {
        try {
            return Files.readAttributes(link, BasicFileAttributes.class);
        } catch (IOException e) {
            return null; // a broken link: its own attributes stand
        }
    }

    /** Why a folder whose only images are {@code otherFormats} (sorted; perhaps none) holds none to prepare. */
    private static String noImages(List<String> otherFormats) {
        String others = otherFormats.isEmpty() ? "" : " it can read (" + otherFormatsCounted(otherFormats) + ", formats embedscope does not read)";
        return "holds no images" + others + "; expected files ending in ." + String.join(", .", ImageFiles.EXTENSIONS) + " (in sub-folders for labels)";
    }

    /**
     * For a folder that {@link #holdsImages} not: why, in the words {@link #scan} refuses it with (the
     * files in formats it does not read counted, a phone's HEIC photos among them).
     */
    public static String noImagesIn(Path root) {
        List<String> others = new ArrayList<>();
        try {
            walk(root, (file, attrs) -> true, file -> others.add(slashed(root.relativize(file))));
        } catch (IOException | UncheckedIOException e) {
            others.clear(); // listed in part: said without them
        }
        others.sort(null);
        return noImages(others);
    }

    /** True when {@code root} is a folder with at least one image that {@link #open} would list (stops at the first). */
    public static boolean holdsImages(Path root) {
        if (!Files.isDirectory(root)) return false;
        boolean[] found = {false};
        try {
            walk(root, (file, attrs) -> {
                found[0] = true;
                return false;
            }, file -> {});
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
        return found[0];
    }

    private static String slashed(Path rel) {
        StringBuilder sb = new StringBuilder();
        for (Path part : rel) {
            if (sb.length() > 0) sb.append('/');
            sb.append(part);
        }
        return sb.toString();
    }

    @Override public int count() { return relative.length; }

    private Path file(int i) { return root.resolve(relative[i]); }

    @Override public DecodedImage decode(int i) throws BundleException { return ImageFiles.read(file(i), "item " + i); }

    @Override public int[] size(int i) throws BundleException { return ImageFiles.size(file(i), "item " + i); }

    @Override public String itemName(int i) { return file(i).toString(); }

    @Override public String[] labels() { return labels; }

    @Override
    public Map<String, String[]> metadata() {
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put("path", relative);
        return m;
    }

    @Override public String description() { return "folder " + root.getFileName() + " (" + relative.length + " images)"; }
}
