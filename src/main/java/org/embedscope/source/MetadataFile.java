package org.embedscope.source;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.TextFiles;
import org.embedscope.bundle.CsvErrors;

/**
 * Extra per-item columns for any source, from a CSV file (RFC 4180, header row, one data row per item
 * in item order), carried into {@code points.csv} after the source's own columns. Repeated values share
 * one {@code String}, so a million rows of a few distinct values cost little.
 */
public final class MetadataFile {
    private MetadataFile() {}

    /** The columns of {@code csv}, name → one value per item, in file order; exactly {@code count} rows. */
    public static Map<String, String[]> read(Path csv, int count) throws BundleException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        long reading = 1;
        try (Reader reader = TextFiles.open(csv); CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) throw new BundleException(csv, "line 1", "has no columns; expected a header row naming them");
            CsvErrors.checkHeader(csv, header);
            String[][] columns = new String[header.size()][count];
            List<Map<String, String>> shared = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) shared.add(new HashMap<>());
            int row = 0;
            reading = parser.getCurrentLineNumber() + 1;
            for (CSVRecord rec : parser) {
                long line = reading;
                reading = parser.getCurrentLineNumber() + 1;
                // A blank line is no row (an editor's last one, or between rows, as pandas reads it); in a file of
                // one column it is an empty value, unless every item has its row already.
                if (rec.size() == 1 && rec.get(0).isEmpty() && (header.size() > 1 || row >= count)) continue;
                if (rec.size() != header.size()) {
                    throw CsvErrors.fieldCount(csv, line, rec.size(), header.size());
                }
                if (row >= count) {
                    throw new BundleException(csv, "line " + line, "is data row " + (row + 1) + " but the source has " + count
                            + " items; expected one row per item");
                }
                for (int c = 0; c < columns.length; c++) {
                    String v = rec.get(c);
                    String s = shared.get(c).putIfAbsent(v, v);
                    columns[c][row] = s != null ? s : v;
                }
                row++;
            }
            if (row != count) {
                throw new BundleException(csv, null, "has " + row + " data rows but the source has " + count + " items; expected one row per item");
            }
            Map<String, String[]> out = new LinkedHashMap<>();
            for (int c = 0; c < columns.length; c++) out.put(header.get(c), columns[c]);
            return out;
        } catch (NoSuchFileException e) {
            throw new BundleException(csv, null, "no such file");
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw CsvErrors.refusal(csv, reading, e);
        }
    }

    /** {@code source} with the columns of {@code csv} added to its metadata; a column it already has is refused. */
    public static ImageSource join(ImageSource source, Path csv) throws BundleException {
        Map<String, String[]> extra = read(csv, source.count());
        Map<String, String[]> all = new LinkedHashMap<>(source.metadata());
        for (Map.Entry<String, String[]> e : extra.entrySet()) {
            if (all.putIfAbsent(e.getKey(), e.getValue()) != null) {
                throw new BundleException(csv, "line 1", "column '" + e.getKey() + "' is already a column of the source; expected new column names");
            }
        }
        return ImageSource.withMetadata(source, all, source.description() + " + metadata " + csv.getFileName());
    }
}
