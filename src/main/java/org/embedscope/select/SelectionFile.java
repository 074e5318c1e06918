package org.embedscope.select;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.CsvErrors;

/**
 * Reads a selection file: CSV (RFC 4180) with a header row holding an {@code index} column, one item
 * per row (any other columns are ignored; repeats are harmless), such as {@link SelectionCsv} writes.
 * Refuses, in one line naming the file and line, a missing {@code index} column, an index that is not
 * a whole number, or one outside the bundle.
 */
public final class SelectionFile {
    private SelectionFile() {}

    /** The items {@code file} lists, for a bundle of {@code count} items. */
    public static ItemSet read(Path file, int count) throws BundleException {
        ItemSet out = new ItemSet(count);
        try (BufferedReader reader = org.embedscope.bundle.TextFiles.open(file);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(CSVFormat.RFC4180).get()) {
            Iterator<CSVRecord> it = parser.iterator();
            long lineBefore = 0;
            try {
                if (!it.hasNext()) throw new BundleException(file, null, "empty; expected a header row with an index column");
                int col = indexColumn(file, it.next().values());
                lineBefore = parser.getCurrentLineNumber();
                while (it.hasNext()) {
                    CSVRecord r = it.next();
                    long line = lineBefore + 1;
                    lineBefore = parser.getCurrentLineNumber();
                    if (r.size() == 1 && r.get(0).isEmpty()) continue; // a blank line
                    if (col >= r.size()) {
                        throw new BundleException(file, "line " + line, "has " + r.size() + " field" + (r.size() == 1 ? "" : "s")
                                + "; expected an item index in column " + (col + 1) + " (index)");
                    }
                    out.add(index(file, line, r.get(col).strip(), count));
                }
            } catch (UncheckedIOException e) {
                throw CsvErrors.refusal(file, lineBefore + 1, e);
            }
        } catch (NoSuchFileException e) {
            throw new BundleException(file, null, "missing: no such file; expected a selection CSV with an index column");
        } catch (IOException e) {
            throw CsvErrors.refusal(file, 1, e);
        }
        return out;
    }

    private static int indexColumn(Path file, String[] header) throws BundleException {
        for (int c = 0; c < header.length; c++) if (header[c].strip().equals("index")) return c;
        throw new BundleException(file, "line 1 (header)", "no column 'index'; expected a CSV whose header names an index"
                + " column (item numbers from 0), as embedscope select writes");
    }

    /** A value as a one-line message can show it: line breaks escaped, long text cut. */
    private static String shown(String text) {
        String t = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return t.replace("\r", "\\r").replace("\n", "\\n");
    }

    private static int index(Path file, long line, String text, int count) throws BundleException {
        boolean digits = !text.isEmpty();
        for (int k = 0; k < text.length() && digits; k++) digits = text.charAt(k) >= '0' && text.charAt(k) <= '9';
        if (!digits) {
            throw new BundleException(file, "line " + line, "'" + shown(text) + "' is not an item index; expected a whole number"
                    + " from 0 to " + (count - 1));
        }
        long v = text.length() > 12 ? Long.MAX_VALUE : Long.parseLong(text);
        if (v >= count) {
            throw new BundleException(file, "line " + line, "item " + shown(text) + " is out of range; the bundle has " + count
                    + " items (0 to " + (count - 1) + ")");
        }
        return (int) v;
    }
}
