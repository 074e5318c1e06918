package org.embedscope.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.embedscope.annotate.Annotations;
import org.embedscope.bundle.AtomicFile;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.BundleReader;
import org.embedscope.bundle.Manifest;
import org.embedscope.progress.TerminalProgress;
import org.embedscope.query.ColumnTable;
import org.embedscope.query.Query;
import org.embedscope.select.Box;
import org.embedscope.select.ContactSheet;
import org.embedscope.select.ItemSet;
import org.embedscope.select.Polygon;
import org.embedscope.select.Region;
import org.embedscope.select.SelectionCsv;
import org.embedscope.util.Counted;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code embedscope select}: the items matching a query, a box and a lasso, to CSV and a contact sheet. */
@Command(name = "select", mixinStandardHelpOptions = true,
        description = {"Select items of a bundle and write them as CSV (index, every column of points.csv), and "
                        + "optionally a contact sheet of their images.",
                "",
                "Criteria intersect; with none, every item is selected. Box and lasso are in the layout's own units, as in "
                        + "points.csv. See README, \"Selecting and searching\".",
                "",
                "Example:",
                "  embedscope select assets/mnist \\",
                "      --where \"label in (3, 5) and split = 'test'\" \\",
                "      --lasso \"0,0 4,0 4,3 0,3\" --layout umap \\",
                "      -o threes-and-fives.csv --sheet threes-and-fives.png"})
public final class SelectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BUNDLE", description = "Bundle folder.")
    Path bundle;

    @Option(names = "--where", paramLabel = "EXPR", description = "A query over the columns, such as \"label = 3 and score > 0.5\".")
    String where;

    @Option(names = "--box", paramLabel = "X0,Y0,X1,Y1", description = "Items inside this box (two opposite corners; sides included).")
    String box;

    @Option(names = "--lasso", paramLabel = "\"X1,Y1 X2,Y2 ...\"", description = "Items inside this polygon (3 or more points; even-odd rule).")
    String lasso;

    @Option(names = "--layout", paramLabel = "NAME", description = "Layout of --box and --lasso (default: the bundle's first).")
    String layout;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT.csv", description = "Output CSV (written atomically).")
    Path out;

    @Option(names = "--sheet", paramLabel = "OUT.png", description = "Also write a contact sheet of the selected images (atomically).")
    Path sheet;

    @Option(names = "--sheet-limit", paramLabel = "N", defaultValue = "" + ContactSheet.DEFAULT_LIMIT,
            description = "Most images on the contact sheet: the first N selected (default: ${DEFAULT-VALUE}).")
    int sheetLimit;

    @Option(names = "--annotations", paramLabel = "FILE",
            description = "A user's corrections, as the explorer saves them (index,label,tags,edited): --where and the output "
                    + "see the corrected labels in the label column, the bundle's in LABEL_original, and the tags in 'tags' "
                    + "(default: the bundle's annotations.csv when there is one).")
    Path annotations;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws BundleException {
        // Everything that can be checked without the bundle, first; nothing is written before all checks pass.
        Query query = where == null ? null : OptionText.read("--where", () -> Query.parse(where));
        Region boxRegion = box == null ? null : OptionText.read("--box", () -> Box.parse(box));
        Region lassoRegion = lasso == null ? null : OptionText.read("--lasso", () -> Polygon.parse(lasso));
        if (sheetLimit < 1) throw new BundleException(null, "--sheet-limit", "expected a positive number of images, got " + sheetLimit);
        if (sheet == null && spec.commandLine().getParseResult().hasMatchedOption("--sheet-limit")) {
            throw new BundleException(null, "--sheet-limit", "needs --sheet OUT.png: it limits the images on the contact sheet");
        }
        if (sheet != null && sheet.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw new BundleException(null, "--sheet", "names the same file as -o; expected a different file for the PNG");
        }
        String sheetName = sheet == null || sheet.getFileName() == null ? "" : sheet.getFileName().toString().toLowerCase(Locale.ROOT);
        if (sheet != null && !sheetName.endsWith(".png")) {
            throw new BundleException(sheet, "--sheet", "expected a file name ending in .png (the contact sheet is PNG)");
        }
        AtomicFile.checkTarget(out);
        if (sheet != null) AtomicFile.checkTarget(sheet);
        // CSV text in a .png, exit 0: the contact sheet had been meant, which is --sheet (after what cannot be written at all).
        String outName = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (outName.endsWith(".png")) {
            throw new BundleException(out, "-o", "is where the selection's CSV goes; expected a file name not ending in .png (the contact sheet is --sheet OUT.png)");
        }
        for (Path target : sheet == null ? java.util.List.of(out) : java.util.List.of(out, sheet)) {
            org.embedscope.bundle.BundlePaths.checkNotBundleFile(target, bundle);
            AtomicFile.checkNotInput(target, annotations, "the --annotations file");
        }

        TerminalProgress progress = TerminalProgress.onStderr();
        Thread hook = new Thread(progress::cancel);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Bundle b = BundleReader.load(bundle, progress);
            int li = layoutIndex(b);
            SavedEdits saved = SavedEdits.read(b, annotations);
            Annotations edits = saved == null ? null : saved.annotations();
            ItemSet selected = ItemSet.all(b.count());
            if (query != null) {
                ColumnTable table = edits != null ? ColumnTable.of(b, edits) : ColumnTable.of(b);
                selected.and(OptionText.read("--where", () -> query.evaluate(table)));
            }
            if (boxRegion != null) selected.and(boxRegion.select(b.coords(li)));
            if (lassoRegion != null) selected.and(lassoRegion.select(b.coords(li)));
            int n = selected.cardinality();

            ContactSheet contact = sheet != null && n > 0 ? ContactSheet.render(b, selected, sheetLimit, progress) : null;
            // The CSV and the sheet are both written or neither (Ctrl-C while the sheet is encoded).
            try (AtomicFile.Group both = AtomicFile.group()) {
                SelectionCsv.write(b, edits, selected, out, progress);
                if (contact != null) contact.write(sheet);
                progress.checkCancelled();
                both.commit();
            } catch (java.io.IOException e) {
                throw AtomicFile.cannotWrite(out, e);
            }
            progress.finish();

            var o = spec.commandLine().getOut();
            // Counts grouped as everywhere else people read them ("109,000 selected"); the CSV holds the items themselves.
            o.printf(Locale.ROOT, "selected %,d of %s: %s%n", n, Counted.of(b.count(), "item"), out);
            if (saved != null) o.printf(Locale.ROOT, "with the labels and tags edited in %s%n", saved.file());
            if (contact != null) {
                o.printf(Locale.ROOT, "contact sheet: %s (%d × %d px, %s%s)%n", sheet, contact.width(), contact.height(),
                        Counted.of(contact.shown(), "image"), contact.shown() < n
                                ? String.format(Locale.ROOT, "; the first %,d of %,d selected, ", contact.shown(), n) + (contact.shown() < sheetLimit
                                        ? "as many as fit in a sheet's " + (ContactSheet.MAX_PIXELS >> 20) + " Mi pixels"
                                        : "see --sheet-limit") : "");
            } else if (sheet != null) {
                o.printf(Locale.ROOT, "contact sheet: not written, no items selected%n");
            }
            o.flush();
            return 0;
        } finally {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    private int layoutIndex(Bundle b) throws BundleException {
        if (layout == null) return 0;
        int i = b.manifest().layoutIndex(layout);
        if (i < 0) {
            throw new BundleException(null, "--layout", "the bundle has no layout '" + layout + "'; it has "
                    + String.join(", ", b.manifest().layouts().stream().map(Manifest.Layout::name).toList()));
        }
        return i;
    }

}
