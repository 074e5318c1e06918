package org.embedscope.select;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.embedscope.annotate.AnnotatedColumns;
import org.embedscope.annotate.Annotations;
import org.embedscope.bundle.AtomicFile;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.Manifest;
import org.embedscope.progress.Progress;

/**
 * Writes selected items as CSV: {@code index} (the row number in the bundle, from 0), then every
 * column of the bundle's points file in file order under its own name — each layout's {@code L_x}
 * and {@code L_y}, the label, the metadata — one row per selected item in index order. Label and
 * metadata values are written as the points file holds them; coordinates as the floats the explorer
 * draws (shortest text that reads back to the same float). RFC 4180 quoting, {@code \n} line ends,
 * written atomically. The file is itself a selection file ({@link SelectionFile}).
 */
public final class SelectionCsv {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
    private static final int PROGRESS_EVERY = 4096;

    private SelectionCsv() {}

    /** Writes the items of {@code selection} of {@code bundle} to {@code out}. */
    public static void write(Bundle bundle, ItemSet selection, Path out, Progress progress) throws BundleException {
        write(bundle, null, selection, out, progress);
    }

    /**
     * As {@link #write(Bundle, ItemSet, Path, Progress)}, with a user's corrections {@code edits} (null
     * for none): the label column holds the corrected labels, and the bundle's labels and the tags
     * follow the points file's columns (named as {@link AnnotatedColumns} says).
     */
    public static void write(Bundle bundle, Annotations edits, ItemSet selection, Path out, Progress progress) throws BundleException {
        if (selection.size() != bundle.count()) {
            throw new IllegalArgumentException("selection over " + selection.size() + " items for a bundle of " + bundle.count());
        }
        List<String> columns = new ArrayList<>(bundle.pointsColumns());
        List<ColumnReader> readers = new ArrayList<>();
        for (String column : columns) readers.add(reader(bundle, column));
        if (edits != null) {
            AnnotatedColumns names = AnnotatedColumns.of(bundle);
            ColumnReader edited = i -> {
                String v = edits.labelValue(i);
                return v == null ? "" : v;
            };
            if (bundle.hasLabels()) {
                readers.set(columns.indexOf(names.label()), edited);
                columns.add(names.original());
                readers.add(reader(bundle, names.label()));
            } else if (AnnotatedColumns.hasLabels(bundle, edits)) {
                columns.add(names.label());
                readers.add(edited);
            }
            columns.add(names.tags());
            readers.add(i -> AnnotatedColumns.tagCell(edits, i));
        }
        String[] header = new String[columns.size() + 1];
        header[0] = "index";
        for (int c = 0; c < columns.size(); c++) header[c + 1] = columns.get(c);
        int total = selection.cardinality();
        progress.stage("Writing " + out.getFileName(), total);
        try {
            AtomicFile.write(out, tmp -> {
                try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                     CSVPrinter p = new CSVPrinter(w, FORMAT)) {
                    p.printRecord((Object[]) header);
                    String[] row = new String[header.length];
                    long done = 0;
                    for (int i = selection.next(0); i >= 0; i = selection.next(i + 1)) {
                        if (done % PROGRESS_EVERY == 0) {
                            progress.advance(done);
                            progress.checkCancelled();
                        }
                        row[0] = Integer.toString(i);
                        for (int c = 0; c < readers.size(); c++) row[c + 1] = readers.get(c).text(i);
                        p.printRecord((Object[]) row);
                        done++;
                    }
                    progress.advance(total);
                }
            });
        } catch (IOException e) {
            throw AtomicFile.cannotWrite(out, e);
        }
    }

    /** One column's value for an item, as text. */
    private interface ColumnReader {
        String text(int item);
    }

    private static ColumnReader reader(Bundle b, String column) {
        Manifest m = b.manifest();
        for (int l = 0; l < m.layouts().size(); l++) {
            float[] xy = b.coords(l);
            if (column.equals(m.layouts().get(l).xColumn())) return i -> Float.toString(xy[2 * i]);
            if (column.equals(m.layouts().get(l).yColumn())) return i -> Float.toString(xy[2 * i + 1]);
        }
        if (m.label() != null && column.equals(m.label().column())) {
            int[] labels = b.labels();
            List<String> values = b.labelValues();
            return i -> values.get(labels[i]);
        }
        int c = b.metaColumns().indexOf(column);
        return i -> b.meta(c, i);
    }
}
