package org.embedscope.source;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.TextFiles;
import org.embedscope.bundle.BundlePaths;
import org.embedscope.bundle.CsvErrors;

/**
 * Images listed in a CSV file (RFC 4180, header row): a path column (relative to a root folder, by
 * default the CSV file's own folder), an optional label column, and any other columns. The path column
 * (as the list gives it, under its own name) and the others are carried into {@code points.csv} as
 * metadata, as a folder's {@code path} is. Items keep the order of the rows. A leading column
 * without a name (or named {@code Unnamed: 0}) is the index pandas' {@code to_csv} writes, and is not
 * carried. Columns of coordinates can be taken out as a layout ({@link #takeCoordinates}).
 *
 * <p>An absolute path is taken as it is (lists built with a glob hold them). A relative path that
 * leads outside the root (with {@code ..} or through a symbolic link) is refused: it is almost always
 * a path meant for another root.
 */
public final class CsvListSource implements ImageSource {
    private final Path csv;
    private final Path root;
    private final String[] paths;
    private final int[] lines;
    private final String[] labels;
    private final Map<String, String[]> metadata;

    private CsvListSource(Path csv, Path root, String[] paths, int[] lines, String[] labels, Map<String, String[]> metadata) {
        this.csv = csv;
        this.root = root;
        this.paths = paths;
        this.lines = lines;
        this.labels = labels;
        this.metadata = metadata;
    }

    /**
     * @param root        folder the paths are relative to; null for the CSV file's folder
     * @param pathColumn  name of the path column
     * @param labelColumn name of the label column; null to use a column called {@code label} when there is one
     */
    public static CsvListSource open(Path csv, Path root, String pathColumn, String labelColumn) throws BundleException {
        Path base = root != null ? root : csv.toAbsolutePath().getParent();
        if (!Files.isDirectory(base)) throw new BundleException(base, null, "root folder does not exist");
        Path realRoot;
        try {
            realRoot = base.toRealPath();
        } catch (IOException e) {
            throw new BundleException(base, null, "cannot read: " + e.getMessage());
        }
        // Missing names allowed so that pandas' unnamed index column passes; others are refused below.
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setAllowMissingColumnNames(true).get();
        // The line being read when the parser fails: the header's, then each record's first line.
        long reading = 1;
        try (Reader reader = TextFiles.open(csv); CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            CsvErrors.checkHeader(csv, header);
            for (int c = 1; c < header.size(); c++) {
                if (header.get(c).isEmpty()) {
                    throw new BundleException(csv, "line 1", "column " + (c + 1) + " has no name; expected a name for every column "
                            + "(only a leading index column, as pandas writes it, may have none)");
                }
            }
            int pathIndex = header.indexOf(pathColumn);
            if (header.isEmpty()) throw new BundleException(csv, null, "is empty; expected a header row naming a '" + pathColumn + "' column, then a row per image");
            if (pathIndex < 0) {
                throw new BundleException(csv, "line 1", "has no column '" + pathColumn + "' (columns: " + String.join(", ", header)
                        + "); name the image path column with --path-column");
            }
            int labelIndex = -1;
            if (labelColumn != null) {
                labelIndex = header.indexOf(labelColumn);
                if (labelIndex < 0) {
                    throw new BundleException(csv, "line 1", "has no label column '" + labelColumn + "' (columns: " + String.join(", ", header) + ")");
                }
            } else {
                labelIndex = header.indexOf("label");
            }
            List<Integer> metaIndex = new ArrayList<>();
            int firstMeta = header.size() > 1 && TextMatrix.isPandasIndex(header.get(0)) && pathIndex != 0 && labelIndex != 0 ? 1 : 0;
            // The path stays (the hover panel shows it), unless it is the label column too.
            for (int c = firstMeta; c < header.size(); c++) if (c != labelIndex) metaIndex.add(c);

            List<String> paths = new ArrayList<>();
            List<Integer> lineList = new ArrayList<>();
            List<String> labelList = new ArrayList<>();
            List<List<String>> meta = new ArrayList<>();
            for (int m = 0; m < metaIndex.size(); m++) meta.add(new ArrayList<>());
            reading = parser.getCurrentLineNumber() + 1;
            for (CSVRecord rec : parser) {
                int line = (int) reading;
                reading = parser.getCurrentLineNumber() + 1;
                // a blank line (an editor's last one, or between rows) lists no image, as pandas' read_csv reads it
                if (rec.size() == 1 && rec.get(0).isEmpty()) continue;
                if (rec.size() != header.size()) {
                    throw CsvErrors.fieldCount(csv, line, rec.size(), header.size());
                }
                String p = rec.get(pathIndex);
                checkPath(csv, line, base, realRoot, p);
                paths.add(p);
                lineList.add(line);
                if (labelIndex >= 0) labelList.add(rec.get(labelIndex));
                for (int m = 0; m < metaIndex.size(); m++) meta.get(m).add(rec.get(metaIndex.get(m)));
            }
            if (paths.isEmpty()) throw new BundleException(csv, null, "lists no images; expected a header row and one row per image");
            Map<String, String[]> metadata = new LinkedHashMap<>();
            for (int m = 0; m < metaIndex.size(); m++) metadata.put(header.get(metaIndex.get(m)), meta.get(m).toArray(String[]::new));
            return new CsvListSource(csv, base, paths.toArray(String[]::new), lineList.stream().mapToInt(Integer::intValue).toArray(),
                    labelIndex >= 0 ? labelList.toArray(String[]::new) : null, metadata);
        } catch (NoSuchFileException e) {
            throw new BundleException(csv, null, "no such file");
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw CsvErrors.refusal(csv, reading, e);
        }
    }

    /** A URL's scheme and "://", such as {@code https://} or {@code s3://}. */
    private static final java.util.regex.Pattern URL = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");

    /**
     * Refuses an empty or invalid path, a URL, a Windows path off Windows, and a relative one that leaves
     * the root; an absolute one passes as it is.
     */
    private static void checkPath(Path csv, int line, Path base, Path realRoot, String p) throws BundleException {
        String where = "line " + line;
        if (p.isEmpty()) throw new BundleException(csv, where, "empty image path");
        if (URL.matcher(p).lookingAt()) {
            // read as a path, "http://host/a.png" had been "no such file" for /list/folder/http:/host/a.png
            throw new BundleException(csv, where, "'" + p + "' is a URL; expected the path of an image file here (download the images first)");
        }
        if (java.io.File.separatorChar == '/' && p.indexOf('\\') >= 0 && !Files.exists(base.resolve(p))) {
            throw new BundleException(csv, where, "'" + p + "' has '\\' between folders, as Windows writes paths; expected '/' between folders here");
        }
        Path rel;
        try {
            rel = Path.of(p);
        } catch (java.nio.file.InvalidPathException e) {
            throw new BundleException(csv, where, "'" + p + "' is not a valid path: " + e.getReason());
        }
        // A rooted path without a drive (/x on Windows) is meant as absolute too.
        if (rel.isAbsolute() || p.startsWith("/") || p.startsWith("\\")) return;
        Path resolved = base.resolve(rel).normalize();
        if (!resolved.startsWith(base.normalize())) {
            throw new BundleException(csv, where, "path '" + p + "' leads outside the root folder " + base);
        }
        try {
            if (!BundlePaths.staysInside(resolved, realRoot)) {
                throw new BundleException(csv, where, "path '" + p + "' leads outside the root folder " + base + " through a link");
            }
        } catch (IOException e) {
            throw new BundleException(csv, where, "cannot read '" + p + "': " + e.getMessage());
        }
    }

    /**
     * Takes columns {@code xColumn} and {@code yColumn} out of the metadata as the coordinates of a
     * layout (as pandas users keep them: {@code umap_x}, {@code umap_y}). The values are parsed when the
     * result is read; a value that is not a finite number is refused naming its line and column.
     */
    public MatrixInput takeCoordinates(String xColumn, String yColumn) throws BundleException {
        for (String c : new String[] {xColumn, yColumn}) {
            if (!metadata.containsKey(c)) {
                throw new BundleException(csv, "line 1", "has no column '" + c + "' for coordinates (metadata columns: "
                        + String.join(", ", metadata.keySet()) + ")");
            }
        }
        if (xColumn.equals(yColumn)) throw new BundleException(csv, "line 1", "column '" + xColumn + "' is given for both x and y");
        String[] xs = metadata.remove(xColumn), ys = metadata.remove(yColumn);
        String part = "columns " + xColumn + ", " + yColumn;
        return new MatrixInput() {
            @Override
            public Matrix read() throws BundleException {
                float[] xy = new float[2 * xs.length];
                for (int i = 0; i < xs.length; i++) {
                    xy[2 * i] = number(xs[i], i, xColumn);
                    xy[2 * i + 1] = number(ys[i], i, yColumn);
                }
                return new Matrix(xs.length, 2, xy, List.of(xColumn, yColumn));
            }

            @Override public Path file() { return csv; }

            @Override public String part() { return part; }

            @Override public String name() { return csv.getFileName() + " " + part; }
        };
    }

    private float number(String s, int item, String column) throws BundleException {
        String where = "line " + lines[item] + ", column " + column;
        double v;
        try {
            v = TextMatrix.parse(s);
        } catch (NumberFormatException e) {
            throw new BundleException(csv, where, "'" + s + "' is not a number; expected a coordinate");
        }
        if (!Double.isFinite(v) || Float.isInfinite((float) v)) {
            throw new BundleException(csv, where, "'" + s + "' is not a finite number; expected finite coordinates");
        }
        return (float) v;
    }

    @Override public int count() { return paths.length; }

    private Path file(int i) { return root.resolve(paths[i]); }

    private String where(int i) { return "listed at " + csv.getFileName() + " line " + lines[i]; }

    @Override public DecodedImage decode(int i) throws BundleException { return ImageFiles.read(file(i), where(i)); }

    @Override public int[] size(int i) throws BundleException { return ImageFiles.size(file(i), where(i)); }

    @Override public String itemName(int i) { return file(i) + " (" + where(i) + ")"; }

    @Override public String[] labels() { return labels; }

    @Override public Map<String, String[]> metadata() { return metadata; }

    @Override public String description() { return "list " + csv.getFileName() + " (" + paths.length + " images)"; }
}
