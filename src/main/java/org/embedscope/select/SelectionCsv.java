package org.embedscope.select;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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
        if (selection.size() != bundle.count()) {
            throw new IllegalArgumentException("selection over " + selection.size() + " items for a bundle of " + bundle.count());
        }
        List<String> columns = bundle.pointsColumns();
        ColumnReader[] readers = new ColumnReader[columns.size()];
        for (int c = 0; c < readers.length; c++) readers[c] = reader(bundle, columns.get(c));
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
                        for (int c = 0; c < readers.length; c++) row[c + 1] = readers[c].text(i);
                        p.printRecord((Object[]) row);
                        done++;
                    }
                    progress.advance(total);
                }
            });
        } catch (IOException e) {
            throw new BundleException(out, null, "cannot write: " + BundleException.describe(e));
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
