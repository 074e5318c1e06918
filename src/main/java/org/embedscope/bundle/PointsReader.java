package org.embedscope.bundle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.embedscope.progress.Progress;

/**
 * Streams a bundle's {@code points.csv} (RFC 4180, header row; see README, "Bundle format") into
 * flat per-layout coordinate arrays, per-item label indices and deduplicated metadata strings.
 *
 * <p>One pass, row by row with Commons CSV: coordinates are parsed straight into {@code float[]}
 * (x0, y0, x1, y1, …), never boxed; labels become {@code int} indices into the distinct values
 * ({@link LabelValues}); repeated metadata values share one {@code String}.
 */
final class PointsReader {

    /** What the points file holds, in the shapes {@link Bundle} takes. */
    record Points(float[][] coords, int[] labels, List<String> labelValues, List<String> metaColumns, String[][] meta,
                  List<String> columns) {}

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;
    private static final int PROGRESS_EVERY = 4096;

    private PointsReader() {}

    /** Reads {@code file} as the points of {@code manifest}, checking every row. */
    static Points read(Path file, Manifest manifest, Progress progress) throws BundleException {
        long fileSize;
        try {
            fileSize = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new BundleException(file, null, "missing: field points of bundle.json names this file; expected the"
                    + " points table (CSV)");
        } catch (IOException e) {
            throw new BundleException(file, null, "cannot read: " + BundleException.describe(e));
        }
        try (BufferedReader reader = TextFiles.open(file);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            return new Pass(file, manifest, parser, fileSize, progress).run();
        } catch (IOException e) {
            throw CsvErrors.refusal(file, 1, e);
        }
    }

    /** The state of one reading pass. */
    private static final class Pass {
        private final Path file;
        private final Manifest manifest;
        private final CSVParser parser;
        private final long fileSize;
        private final Progress progress;
        private final int count;

        private int columns;
        private int[] xCol;
        private int[] yCol;
        private int labelCol = -1;
        private int[] metaCol;
        private List<String> metaNames;
        private String[] headerNames;

        Pass(Path file, Manifest manifest, CSVParser parser, long fileSize, Progress progress) {
            this.file = file;
            this.manifest = manifest;
            this.parser = parser;
            this.fileSize = fileSize;
            this.progress = progress;
            this.count = manifest.count();
        }

        // What the rows fill: sized once the header is known.
        private int cap;
        private float[][] coords;
        private int[] labels;
        private final Map<String, Integer> labelIds = new HashMap<>();
        private final List<String> labelFirstSeen = new ArrayList<>();
        private String[][] meta;
        private List<Map<String, String>> dedupe;

        Points run() throws BundleException {
            Iterator<CSVRecord> it = parser.iterator();
            long lineBefore = 0;
            try {
                if (!it.hasNext()) throw new BundleException(file, null, "empty; expected a header row naming the columns");
                header(it.next());
                lineBefore = parser.getCurrentLineNumber();
                allocate();
                progress.stage("Reading " + file.getFileName(), count);
                long rows = 0;
                long blankLine = 0;
                while (it.hasNext()) {
                    CSVRecord r = it.next();
                    long line = lineBefore + 1;
                    lineBefore = parser.getCurrentLineNumber();
                    if (r.size() == 0 || (r.size() == 1 && r.get(0).isEmpty())) {
                        if (blankLine == 0) blankLine = line;
                        continue; // blank lines at the end of a file are harmless; inside, an error (below)
                    }
                    if (blankLine != 0) {
                        throw new BundleException(file, "line " + blankLine, "empty line between data rows;"
                                + " expected one row per item");
                    }
                    if (r.size() != columns) {
                        throw new BundleException(file, "line " + line, "has " + r.size() + " fields but the header"
                                + " has " + columns + " columns; expected " + columns + " fields on every row");
                    }
                    if (rows < cap) store(r, (int) rows, line); // past cap only counted, for the message below
                    rows++;
                    if (rows % PROGRESS_EVERY == 0) {
                        progress.advance(Math.min(rows, count));
                        progress.checkCancelled();
                    }
                }
                if (rows != count) {
                    throw new BundleException(file, null, "has " + rows + " data rows but bundle.json declares count "
                            + count + "; expected one row per item");
                }
                progress.advance(count);
                return finish();
            } catch (UncheckedIOException e) {
                throw CsvErrors.refusal(file, lineBefore + 1, e);
            }
        }

        private void allocate() {
            // Every data row holds columns-1 delimiters and a line end, so the file's size bounds the
            // row count: a bogus "count" in bundle.json cannot make us allocate more than the file can fill.
            cap = (int) Math.min(count, fileSize / columns + 1);
            coords = new float[xCol.length][2 * cap];
            labels = labelCol >= 0 ? new int[cap] : null;
            meta = new String[metaCol.length][cap];
            dedupe = new ArrayList<>();
            for (int c = 0; c < metaCol.length; c++) dedupe.add(new HashMap<>());
        }

        /** Row {@code row} (file line {@code line}) into the arrays. */
        private void store(CSVRecord r, int row, long line) throws BundleException {
            for (int l = 0; l < xCol.length; l++) {
                coords[l][2 * row] = coordinate(r.get(xCol[l]), line, xCol[l]);
                coords[l][2 * row + 1] = coordinate(r.get(yCol[l]), line, yCol[l]);
            }
            if (labels != null) {
                String v = r.get(labelCol);
                Integer id = labelIds.get(v);
                if (id == null) {
                    id = labelFirstSeen.size();
                    labelIds.put(v, id);
                    labelFirstSeen.add(v);
                }
                labels[row] = id; // first-seen index for now; finish() maps it to display order
            }
            for (int c = 0; c < metaCol.length; c++) {
                String v = r.get(metaCol[c]);
                String shared = dedupe.get(c).putIfAbsent(v, v);
                meta[c][row] = shared != null ? shared : v;
            }
        }

        /** The arrays as {@link Points}, labels renumbered in display order. */
        private Points finish() {
            List<String> labelValues = List.of();
            if (labels != null) {
                int[] rank = LabelValues.rank(labelFirstSeen);
                for (int i = 0; i < count; i++) labels[i] = rank[labels[i]];
                labelValues = LabelValues.sorted(labelFirstSeen, rank);
            }
            return new Points(coords, labels, labelValues, metaNames, meta, List.of(headerNames));
        }

        /** Finds the columns the manifest needs in the header row; the rest are metadata. */
        private void header(CSVRecord r) throws BundleException {
            columns = r.size();
            String[] names = r.values();
            CsvErrors.checkHeader(file, List.of(names));
            Map<String, Integer> index = new HashMap<>();
            for (int c = 0; c < names.length; c++) index.put(names[c], c);
            boolean[] used = new boolean[columns];
            List<Manifest.Layout> ls = manifest.layouts();
            xCol = new int[ls.size()];
            yCol = new int[ls.size()];
            for (int l = 0; l < ls.size(); l++) {
                xCol[l] = require(index, names, ls.get(l).xColumn(), "layout '" + ls.get(l).name() + "' (layouts[" + l + "])");
                yCol[l] = require(index, names, ls.get(l).yColumn(), "layout '" + ls.get(l).name() + "' (layouts[" + l + "])");
                used[xCol[l]] = used[yCol[l]] = true;
            }
            if (manifest.label() != null) {
                labelCol = require(index, names, manifest.label().column(), "the label (field label.column)");
                used[labelCol] = true;
            }
            List<String> metaNameList = new ArrayList<>();
            List<Integer> metaIdx = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                if (!used[c]) {
                    metaNameList.add(names[c]);
                    metaIdx.add(c);
                }
            }
            metaNames = List.copyOf(metaNameList);
            metaCol = metaIdx.stream().mapToInt(Integer::intValue).toArray();
            headerNames = names;
        }

        private int require(Map<String, Integer> index, String[] names, String column, String forWhat) throws BundleException {
            Integer c = index.get(column);
            if (c == null) {
                throw new BundleException(file, "line 1 (header)", "no column '" + column + "' for " + forWhat
                        + " of bundle.json; the columns are " + String.join(", ", quoted(names)));
            }
            return c;
        }

        private static List<String> quoted(String[] names) {
            List<String> q = new ArrayList<>(names.length);
            for (String n : names) q.add("'" + n + "'");
            return q;
        }

        /** A finite decimal number, or an error naming line, column and the bad text. */
        private float coordinate(String text, long line, int column) throws BundleException {
            String why = Decimal.invalidReason(text);
            float v = why == null ? Float.parseFloat(text) : Float.NaN;
            if (why == null && !Float.isFinite(v)) why = "is out of the range of a 32-bit float";
            if (why != null) {
                throw new BundleException(file, "line " + line + ", column " + headerNames[column],
                        "'" + text + "' " + why + "; expected a finite decimal coordinate");
            }
            return v;
        }
    }
}
