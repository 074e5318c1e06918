package org.embedscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.embedscope.annotate.AnnotatedColumns;
import org.embedscope.annotate.Annotations;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.BundleReader;
import org.embedscope.bundle.Manifest;
import org.embedscope.bundle.NeighborLists;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code embedscope neighbors}: an item's nearest neighbours in its bundle's original space, with their labels and metadata. */
@Command(name = "neighbors", mixinStandardHelpOptions = true,
        description = {"List an item's nearest other items in the space the bundle's layouts were computed on (pixels or the "
                        + "vectors given to prepare), nearest first: rank, index, distance, label and metadata.",
                "",
                "The bundle must hold neighbours (prepare keeps 15 per item unless --neighbors 0).",
                "",
                "Example:  embedscope neighbors assets/mnist 7 --k 5",
                "",
                "Exit codes: 0 done, 2 bad input (one line saying what)."})
public final class NeighborsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "The bundle folder.")
    Path bundle;

    // Text, not int: a bad value gets this command's one-line message rather than picocli's usage screen.
    @Parameters(index = "1", paramLabel = "INDEX", description = "The item: its 0-based row in points.csv.")
    String index;

    @Option(names = "--k", paramLabel = "K", description = "How many neighbours (default: all the bundle holds).")
    String k;

    @Option(names = "--csv", description = "Write CSV: a header row rank,index,distance, then the label and metadata columns.")
    boolean csv;

    @Option(names = "--annotations", paramLabel = "FILE",
            description = "A user's corrections, as the explorer saves them (index,label,tags,edited): the label column "
                    + "shows the corrected labels, followed by the bundle's own and the tags, as select writes them "
                    + "(default: the bundle's annotations.csv when there is one).")
    Path annotations;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws BundleException, IOException {
        Bundle b = BundleReader.load(bundle);
        NeighborLists nb = b.neighbors();
        Path manifest = bundle.resolve(Manifest.FILE_NAME);
        if (nb == null) throw new BundleException(manifest, null, "holds no neighbours; prepare the bundle with --neighbors K");
        int item = integer("INDEX", index, 0, b.count() - 1, "an item index");
        int count = k == null ? nb.k() : integer("--k", k, 1, nb.k(), "a neighbour count (the bundle holds " + nb.k() + " per item)");

        SavedEdits saved = SavedEdits.read(b, annotations);
        Annotations edits = saved == null ? null : saved.annotations();
        AnnotatedColumns names = edits == null ? null : AnnotatedColumns.of(b);
        boolean labelled = edits != null ? AnnotatedColumns.hasLabels(b, edits) : b.hasLabels();
        List<String> header = new ArrayList<>(List.of("rank", "index", "distance"));
        Manifest.Label label = b.manifest().label();
        if (labelled) header.add(names != null ? names.label() : label.column());
        header.addAll(b.metaColumns());
        if (names != null) {
            if (names.original() != null) header.add(names.original());
            header.add(names.tags());
        }
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            int j = nb.neighbor(item, r);
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(r + 1));
            row.add(Integer.toString(j));
            float d = nb.distance(item, r);
            row.add(csv ? Float.toString(d) : String.format(Locale.ROOT, "%.4f", d));
            if (labelled) row.add(labelOf(b, edits, j));
            for (int c = 0; c < b.metaColumns().size(); c++) row.add(b.meta(c, j));
            if (names != null) {
                if (names.original() != null) row.add(bundleLabel(b, j));
                row.add(AnnotatedColumns.tagCell(edits, j));
            }
            rows.add(row);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (csv) {
            CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
            for (List<String> row : rows) p.printRecord(row);
            p.flush();
        } else {
            String metric = b.manifest().neighbors().metric();
            String own = labelled ? labelOf(b, edits, item) : "";
            out.printf(Locale.ROOT, "item %d%s: its %d nearest of %d items%s, nearest first%n", item,
                    own.isEmpty() ? "" : " (" + own + ")", count, b.count(), metric != null ? " by " + metric + " distance" : "");
            printTable(out, header, rows);
            if (saved != null) out.printf(Locale.ROOT, "with the labels and tags edited in %s%n", saved.file());
        }
        out.flush();
        // CSV stays CSV: which edits it shows goes to standard error.
        if (csv && saved != null) spec.commandLine().getErr().printf(Locale.ROOT, "with the labels and tags edited in %s%n", saved.file());
        return 0;
    }

    /** Item {@code j}'s label as shown: the corrected one when there are edits; the raw value in CSV, the display name in text. */
    private String labelOf(Bundle b, Annotations edits, int j) {
        if (edits == null) return bundleLabel(b, j);
        String v = edits.labelValue(j);
        if (v == null) return "";
        return csv || b.manifest().label() == null ? v : b.manifest().label().displayName(v);
    }

    /** Item {@code j}'s label in the bundle: the raw value in CSV, the display name in text. */
    private String bundleLabel(Bundle b, int j) {
        return csv ? b.labelValues().get(b.labels()[j]) : b.labelName(b.labels()[j]);
    }

    /** Columns padded to their widest entry; numbers right-aligned. */
    private static void printTable(PrintWriter out, List<String> header, List<List<String>> rows) {
        int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = header.get(c).length();
            for (List<String> r : rows) width[c] = Math.max(width[c], r.get(c).length());
        }
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> r : all) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < width.length; c++) {
                String v = r.get(c);
                String pad = " ".repeat(width[c] - v.length());
                line.append(c < 3 ? pad + v : v + (c + 1 < width.length ? pad : ""));
                if (c + 1 < width.length) line.append("  ");
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static int integer(String name, String text, int min, int max, String what) throws BundleException {
        int v;
        try {
            v = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new BundleException(null, name, "'" + text + "' is not a whole number; expected " + what + " from " + min + " to " + max);
        }
        if (v < min || v > max) throw new BundleException(null, name, v + " is out of range; expected " + what + " from " + min + " to " + max);
        return v;
    }
}
