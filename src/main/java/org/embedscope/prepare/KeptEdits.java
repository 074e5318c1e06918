package org.embedscope.prepare;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.embedscope.annotate.AnnotationsFile;
import org.embedscope.bundle.BundleException;
import org.embedscope.util.Counted;
import org.embedscope.bundle.Manifest;

/**
 * A user's edits of a bundle that prepare is about to replace (the same {@code -o} again, or a folder
 * whose images changed, prepared again in the cache) are carried into the new bundle: its
 * {@code annotations.csv} sits inside the folder that is replaced, and was deleted with it.
 *
 * <p>Edits are kept by row number, so rows are matched between the two bundles: by the {@code path}
 * column when both have one (a folder's images are sorted by path, so an added image moves the rest),
 * else by row number when both hold as many items. Edits that match no new item, or that cannot be
 * matched at all, are not dropped: the old file is kept in the new bundle as
 * {@code annotations.before-DATE.csv}, and a line says so.
 */
final class KeptEdits {
    /** The column that names an item's image in folder and list bundles. */
    static final String PATH_COLUMN = "path";

    private KeptEdits() {}

    /**
     * Carries the edits of the bundle at {@code old} (if it is one, with an {@code annotations.csv})
     * into the new bundle being written in {@code fresh}, whose items are {@code count} with image paths
     * {@code paths} (null when it has no path column). Says what it did on {@code log}.
     */
    static void carry(Path old, Path fresh, int count, String[] paths, PrintWriter log) throws BundleException {
        Path edits = old.resolve(AnnotationsFile.FILE_NAME);
        if (!Files.isRegularFile(edits) || !Files.isRegularFile(old.resolve(Manifest.FILE_NAME))) return;
        List<CSVRecord> rows;
        List<String> header;
        try (BufferedReader r = org.embedscope.bundle.TextFiles.open(edits);
             CSVParser p = CSVParser.parse(r, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            header = p.getHeaderNames();
            rows = p.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            keepAside(edits, fresh, "its edits could not be read, so they were not matched to the new items", log);
            return;
        }
        if (rows.isEmpty()) return;
        Matched matched = match(old, count, paths);
        if (matched == null || !header.contains("index")) {
            keepAside(edits, fresh, "its items could not be matched to the new ones (no path column in both, and "
                    + "a different number of items)", log);
            return;
        }
        int[] newIndexOfOld = matched.newRowOfOld();
        String how = matched.byPath() ? "by image path" : "by row number";
        TreeMap<Integer, CSVRecord> kept = new TreeMap<>();
        int unmatched = 0;
        for (CSVRecord row : rows) {
            int oldIndex;
            try {
                oldIndex = Integer.parseInt(row.get("index").strip());
            } catch (RuntimeException e) {
                oldIndex = -1;
            }
            int to = oldIndex >= 0 && oldIndex < newIndexOfOld.length ? newIndexOfOld[oldIndex] : -1;
            if (to < 0 || kept.containsKey(to)) unmatched++;
            else kept.put(to, row);
        }
        Path out = fresh.resolve(AnnotationsFile.FILE_NAME);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            p.printRecord(header);
            for (Map.Entry<Integer, CSVRecord> e : kept.entrySet()) {
                List<String> values = new ArrayList<>(header.size());
                for (String h : header) values.add(h.equals("index") ? String.valueOf(e.getKey()) : e.getValue().isSet(h) ? e.getValue().get(h) : "");
                p.printRecord(values);
            }
        } catch (IOException e) {
            throw new BundleException(out, null, "cannot write: " + BundleException.describe(e));
        }
        if (unmatched == 0) {
            log.println("kept the " + Counted.of(kept.size(), "edited item") + " of the bundle this replaces (matched " + how + ")");
        } else {
            keepAside(edits, fresh, "kept " + kept.size() + " of its " + rows.size() + " edited items (matched " + how + "); "
                    + unmatched + " match no new item", log);
        }
    }

    /** Per item of the old bundle, its row in the new one (-1: gone), and whether they were matched by path. */
    record Matched(int[] newRowOfOld, boolean byPath) {}

    /**
     * How the old bundle's items match the new ones: by path when both bundles have paths, else by row
     * number when the counts agree; null when they cannot be matched.
     */
    static Matched match(Path old, int count, String[] paths) throws BundleException {
        Manifest m = Manifest.read(old);
        String[] oldPaths = paths == null ? null : readPaths(old, m);
        if (paths != null && oldPaths != null) {
            Map<String, Integer> rowOf = new HashMap<>(paths.length * 2);
            for (int i = 0; i < paths.length; i++) rowOf.putIfAbsent(paths[i], i);
            int[] to = new int[oldPaths.length];
            for (int i = 0; i < to.length; i++) to[i] = rowOf.getOrDefault(oldPaths[i], -1);
            return new Matched(to, true);
        }
        if (m.count() != count) return null;
        int[] to = new int[count];
        for (int i = 0; i < count; i++) to[i] = i;
        return new Matched(to, false);
    }

    /** The old bundle's path column, or null when its points file has none (or cannot be read). */
    private static String[] readPaths(Path bundle, Manifest m) {
        Path points = bundle.resolve(m.points()).normalize();
        if (!points.startsWith(bundle.normalize())) return null;
        try (BufferedReader r = org.embedscope.bundle.TextFiles.open(points);
             CSVParser p = CSVParser.parse(r, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            if (!p.getHeaderNames().contains(PATH_COLUMN)) return null;
            List<String> out = new ArrayList<>(m.count());
            for (CSVRecord rec : p) out.add(rec.isSet(PATH_COLUMN) ? rec.get(PATH_COLUMN) : "");
            return out.toArray(new String[0]);
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Copies the old file into the new bundle under a dated name and says why. */
    private static void keepAside(Path edits, Path fresh, String why, PrintWriter log) throws BundleException {
        String name = "annotations.before-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".csv";
        Path aside = fresh.resolve(name);
        try {
            Files.copy(edits, aside);
        } catch (IOException e) {
            throw new BundleException(aside, null, "cannot keep the replaced bundle's edits: " + BundleException.describe(e));
        }
        log.println("the bundle this replaces had edits (annotations.csv): " + why + "; all of them are kept in " + name);
    }
}
