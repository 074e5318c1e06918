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
@Command(name = "neighbors", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        description = {"List an item's nearest other items in the space the bundle's layouts were computed on (pixels or the",
                "vectors given to prepare), nearest first: rank, index, distance, label and metadata. The bundle must hold",
                "neighbours (prepare keeps 15 per item unless --neighbors 0).",
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

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws BundleException, IOException {
        Bundle b = BundleReader.load(bundle);
        NeighborLists nb = b.neighbors();
        Path manifest = bundle.resolve(Manifest.FILE_NAME);
        if (nb == null) throw new BundleException(manifest, null, "holds no neighbours; prepare the bundle with --neighbors K");
        int item = integer("INDEX", index, 0, b.count() - 1, "an item index");
        int count = k == null ? nb.k() : integer("--k", k, 1, nb.k(), "a neighbour count (the bundle holds " + nb.k() + " per item)");

        List<String> header = new ArrayList<>(List.of("rank", "index", "distance"));
        Manifest.Label label = b.manifest().label();
        if (label != null) header.add(label.column());
        header.addAll(b.metaColumns());
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            int j = nb.neighbor(item, r);
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(r + 1));
            row.add(Integer.toString(j));
            float d = nb.distance(item, r);
            row.add(csv ? Float.toString(d) : String.format(Locale.ROOT, "%.4f", d));
            if (label != null) row.add(csv ? b.labelValues().get(b.labels()[j]) : b.labelName(b.labels()[j]));
            for (int c = 0; c < b.metaColumns().size(); c++) row.add(b.meta(c, j));
            rows.add(row);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (csv) {
            CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
            for (List<String> row : rows) p.printRecord(row);
            p.flush();
        } else {
            String metric = b.manifest().neighbors().metric();
            out.printf(Locale.ROOT, "item %d%s: its %d nearest of %d items%s, nearest first%n", item,
                    label != null ? " (" + b.labelName(b.labels()[item]) + ")" : "", count, b.count(),
                    metric != null ? " by " + metric + " distance" : "");
            printTable(out, header, rows);
        }
        out.flush();
        return 0;
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
