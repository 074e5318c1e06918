package org.embedscope.annotate;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.embedscope.bundle.AtomicFile;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.BundlePaths;
import org.embedscope.bundle.CsvErrors;

/**
 * The sidecar file of a user's edits, {@code annotations.csv}: a header {@code index,label,tags,edited},
 * then one row per edited item: its row number in points.csv, its label now (empty for none), its tags
 * joined by {@value Annotations#TAG_SEPARATOR}, and when it was last edited (ISO-8601, UTC).
 * Items without edits have no row. Written atomically and durably (temp file, fsync, rename).
 */
public final class AnnotationsFile {
    private AnnotationsFile() {}

    public static final String FILE_NAME = "annotations.csv";
    static final List<String> HEADER = List.of("index", "label", "tags", "edited");

    /** What one save writes: the edited items' rows, taken on the caller's thread. */
    public record Snapshot(int[] items, String[] labels, String[] tags, long[] editedAt, long version) {
        public int size() { return items.length; }
    }

    /** The rows that {@code a} would write now. */
    public static Snapshot snapshot(Annotations a) {
        int m = 0;
        for (int i = 0; i < a.count(); i++) if (a.isEdited(i)) m++;
        int[] items = new int[m];
        String[] labels = new String[m], tags = new String[m];
        long[] at = new long[m];
        int k = 0;
        for (int i = 0; i < a.count(); i++) {
            if (!a.isEdited(i)) continue;
            items[k] = i;
            String v = a.labelValue(i);
            labels[k] = v == null ? "" : v;
            tags[k] = String.join(String.valueOf(Annotations.TAG_SEPARATOR), a.tags(i));
            at[k] = a.editedAt(i);
            k++;
        }
        return new Snapshot(items, labels, tags, at, a.version());
    }

    /** No rows: a file that is not there. */
    static Snapshot empty() {
        return new Snapshot(new int[0], new String[0], new String[0], new long[0], 0);
    }

    /**
     * The rows to save when the file holds {@code onDisk}, this store last read or saved {@code synced}
     * and now has {@code ours}: the file's rows for the items this store did not change since, and this
     * store's rows (or none, for an item whose edits it took back) for those it did. Sorted by item, as
     * the snapshots are.
     */
    static Snapshot merge(Snapshot onDisk, Snapshot synced, Snapshot ours) {
        int n = 0;
        int[] items = new int[onDisk.size() + ours.size()];
        String[] labels = new String[items.length], tags = new String[items.length];
        long[] at = new long[items.length];
        int d = 0, o = 0;
        while (d < onDisk.size() || o < ours.size()) {
            int di = d < onDisk.size() ? onDisk.items()[d] : Integer.MAX_VALUE;
            int oi = o < ours.size() ? ours.items()[o] : Integer.MAX_VALUE;
            int item = Math.min(di, oi);
            Snapshot from;
            int k;
            if (changed(synced, ours, item)) {
                from = oi == item ? ours : null;
                k = o;
            } else {
                from = di == item ? onDisk : null;
                k = d;
            }
            if (from != null) {
                items[n] = item;
                labels[n] = from.labels()[k];
                tags[n] = from.tags()[k];
                at[n] = from.editedAt()[k];
                n++;
            }
            if (di == item) d++;
            if (oi == item) o++;
        }
        return new Snapshot(Arrays.copyOf(items, n), Arrays.copyOf(labels, n),
                Arrays.copyOf(tags, n), Arrays.copyOf(at, n), ours.version());
    }

    /**
     * The items edited in the file elsewhere (by another window, or by hand) between {@code before} and
     * {@code now}, and kept by {@link #merge} because this store did not change them since
     * {@code synced}: edits on disk that this store does not show. Sorted.
     */
    static int[] itemsEditedElsewhere(Snapshot before, Snapshot now, Snapshot synced, Snapshot ours) {
        int[] items = new int[before.size() + now.size()];
        int n = 0, b = 0, k = 0;
        while (b < before.size() || k < now.size()) {   // every item in either, once, in order
            int bi = b < before.size() ? before.items()[b] : Integer.MAX_VALUE;
            int ki = k < now.size() ? now.items()[k] : Integer.MAX_VALUE;
            int item = Math.min(bi, ki);
            if (changed(before, now, item) && !changed(synced, ours, item)) items[n++] = item;
            if (bi == item) b++;
            if (ki == item) k++;
        }
        return Arrays.copyOf(items, n);
    }

    /** Gives {@code item} of {@code a} its row in {@code s}, or no edits when {@code s} has none for it. */
    static void restoreRow(Annotations a, Snapshot s, int item) {
        int k = find(s, item);
        if (k < 0) {
            a.restore(item, a.originalLabel(item), new String[0], 0);
            return;
        }
        String label = s.labels()[k], tags = s.tags()[k];
        a.restore(item, label.isEmpty() ? -1 : a.codeOf(label),
                splitTags(tags), s.editedAt()[k]);
    }

    /** A tags cell as its tags: none when blank, else split at {@value Annotations#TAG_SEPARATOR}. */
    private static String[] splitTags(String cell) {
        return cell.isBlank() ? new String[0] : cell.split(String.valueOf(Annotations.TAG_SEPARATOR), -1);
    }

    /** True when {@code item}'s row differs between the two snapshots (present in one only, or other values). */
    static boolean changed(Snapshot before, Snapshot after, int item) {
        return !sameRow(before, find(before, item), after, find(after, item));
    }

    private static boolean sameRow(Snapshot a, int i, Snapshot b, int j) {
        if (i < 0 || j < 0) return i < 0 && j < 0;
        return a.labels()[i].equals(b.labels()[j]) && a.tags()[i].equals(b.tags()[j]) && a.editedAt()[i] == b.editedAt()[j];
    }

    private static int find(Snapshot s, int item) {
        int k = Arrays.binarySearch(s.items(), item);
        return k < 0 ? -1 : k;
    }

    /** Writes {@code s} to {@code file}: the old file stays whole until the new one is complete and on disk. */
    public static void write(Path file, Snapshot s) throws IOException {
        AtomicFile.writeDurably(file, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
                p.printRecord(HEADER);
                for (int k = 0; k < s.size(); k++) {
                    p.printRecord(s.items()[k], s.labels()[k], s.tags()[k],
                            s.editedAt()[k] == 0 ? "" : Instant.ofEpochMilli(s.editedAt()[k]).toString());
                }
            }
        });
    }

    /** Applies the rows of {@code file} to {@code a}. A bad row is one line naming the file, line and field. */
    public static int read(Path file, Annotations a) throws BundleException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        int rows = 0;
        long reading = 1; // the line being read when the parser fails: the header's, then each record's first
        org.embedscope.bundle.BundlePaths.checkRegularFile(file, "a CSV file of annotations");
        try (BufferedReader r = org.embedscope.bundle.TextFiles.open(file);
             CSVParser p = CSVParser.parse(r, format)) {
            CsvErrors.checkHeader(file, p.getHeaderNames());
            Map<String, Integer> header = p.getHeaderMap();
            if (!header.containsKey("index")) {
                throw new BundleException(file, "line 1", "expected a header with an 'index' column (index,label,tags,edited)");
            }
            // Another CSV put here (a selection's: index,umap_x,…) would have read as edits of every row in it.
            for (String name : p.getHeaderNames()) {
                if (!HEADER.contains(name)) {
                    throw new BundleException(file, "line 1", "column '" + name + "' is not one of an annotations file's (index,label,tags,edited)");
                }
            }
            if (!header.containsKey("label") && !header.containsKey("tags")) {
                throw new BundleException(file, "line 1", "expected a 'label' or a 'tags' column beside 'index' (index,label,tags,edited)");
            }
            boolean[] seen = new boolean[a.count()];
            reading = p.getCurrentLineNumber() + 1;
            for (CSVRecord rec : p) {
                String where = "line " + reading;
                reading = p.getCurrentLineNumber() + 1;
                if (rec.size() != header.size()) {
                    throw new BundleException(file, where, "expected " + header.size() + " fields (" + String.join(",", p.getHeaderNames())
                            + "), got " + rec.size());
                }
                String idx = field(rec, "index");
                int i;
                try {
                    i = Integer.parseInt(idx.strip());
                } catch (NumberFormatException e) {
                    throw new BundleException(file, where, "field 'index': expected a row number, got '" + idx + "'");
                }
                if (i < 0 || i >= a.count()) {
                    throw new BundleException(file, where, "field 'index': " + i + " is outside the bundle's 0.." + (a.count() - 1));
                }
                if (seen[i]) throw new BundleException(file, where, "field 'index': item " + i + " appears twice");
                seen[i] = true;
                String label = header.containsKey("label") ? field(rec, "label") : null;
                int code = label == null ? a.label(i) : label.isBlank() ? -1 : a.codeOf(checked(file, where, "label", label, true));
                String tagCell = header.containsKey("tags") ? field(rec, "tags") : "";
                String[] tags = splitTags(tagCell);
                for (int t = 0; t < tags.length; t++) tags[t] = checked(file, where, "tags", tags[t], false);
                long at = 0;
                String edited = header.containsKey("edited") ? field(rec, "edited") : "";
                if (!edited.isBlank()) {
                    try {
                        at = Instant.parse(edited.strip()).toEpochMilli();
                    } catch (DateTimeParseException e) {
                        throw new BundleException(file, where, "field 'edited': expected an ISO-8601 time such as 2026-01-31T12:00:00Z, got '" + edited + "'");
                    }
                }
                a.restore(i, code, tags, at);
                rows++;
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw CsvErrors.refusal(file, reading, e);
        }
        return rows;
    }

    private static String field(CSVRecord rec, String name) {
        return rec.isSet(name) ? rec.get(name) : "";
    }

    private static String checked(Path file, String where, String field, String value, boolean label) throws BundleException {
        try {
            return label ? Annotations.checkLabel(value) : Annotations.checkTag(value);
        } catch (IllegalArgumentException e) {
            throw new BundleException(file, where, "field '" + field + "': " + e.getMessage());
        }
    }

    static boolean exists(Path file) { return Files.isRegularFile(file); }

    /**
     * Whether there are edits to read at {@code file}: false when nothing is there; refused when something
     * is that is not a file (a folder there had been taken for no edits by the commands that show them).
     */
    static boolean present(Path file) throws BundleException {
        BundlePaths.checkRegularFile(file, "the CSV of a user's edits (index,label,tags,edited) or nothing there");
        return Files.exists(file);
    }
}
