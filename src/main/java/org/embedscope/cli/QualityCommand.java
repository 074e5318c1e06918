package org.embedscope.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.embedscope.bundle.AtomicFile;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.BundleFormat;
import org.embedscope.bundle.BundleReader;
import org.embedscope.bundle.Manifest;
import org.embedscope.bundle.NeighborLists;
import org.embedscope.layout.knn.KnnGraph;
import org.embedscope.layout.knn.Metric;
import org.embedscope.layout.knn.NearestNeighbors;
import org.embedscope.layout.knn.NnDescent;
import org.embedscope.layout.quality.LayoutQuality;
import org.embedscope.progress.TerminalProgress;
import org.embedscope.source.Matrix;
import org.embedscope.source.VectorFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code embedscope quality}: how well a 2-D layout keeps its data's neighbourhoods (see {@link LayoutQuality}). */
@Command(name = "quality", mixinStandardHelpOptions = true,
        description = {"Score a 2-D layout of IDX images (or feature vectors) by three numbers: knnK, trustK and acc2d.",
                "",
                "  knnK    mean fraction of each sampled point's K nearest data neighbours",
                "          (exact, Euclidean, among all points) that are among its K nearest",
                "          in the layout (among all points);",
                "  trustK  trustworthiness with K neighbours, within the sampled points",
                "          (as scikit-learn's);",
                "  acc2d   accuracy of a 10-NN vote in the layout, fit on rows [0, TRAIN),",
                "          scored on the rest.",
                "",
                "The layout is a coordinates file (.npy (n, 2), or CSV with columns x,y or NAME_x,NAME_y) or a bundle "
                        + "folder (its points.csv; --layout picks the layout, labels come from the bundle unless --labels).",
                "",
                "--per-item -o FILE also writes every item's trust: the fraction of its K data neighbours among its K "
                        + "nearest in the layout (knnK per item, as prepare stores it in column NAME_trust). The data neighbours "
                        + "are the bundle's own when it holds K or more, else searched as prepare does (exact up to 1,500 items, "
                        + "NN-descent above; Euclidean). With the bundle's own, no data is needed: --per-item then writes only "
                        + "the file (knnK, trustK and acc2d are measured on the data).",
                "",
                "Example (MNIST, 60,000 train then 10,000 test):",
                "  embedscope quality --idx train-images-idx3-ubyte train-labels-idx1-ubyte \\",
                "      --idx t10k-images-idx3-ubyte t10k-labels-idx1-ubyte umap.csv"})
public final class QualityCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "LAYOUT", description = "Coordinates file or bundle folder.")
    Path layout;

    @Option(names = "--labels", split = ",", paramLabel = "IDX", description = "IDX label files, comma-separated, concatenated in order (for acc2d).")
    List<Path> labels;

    @Option(names = "--layout", paramLabel = "NAME", description = "Which layout: a bundle's layout name, or the NAME of NAME_x,NAME_y columns.")
    String layoutName;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "5000", description = "Points sampled for knn and trust (default: ${DEFAULT-VALUE}).")
    int sample;

    @Option(names = "--neighbors", paramLabel = "K", defaultValue = "15", description = "Neighbours for knn and trust (default: ${DEFAULT-VALUE}).")
    int neighbors;

    /** Neighbours of acc2d's classifier. */
    private static final int CLASSIFIER_NEIGHBORS = 10;

    @Option(names = "--train", paramLabel = "N", defaultValue = "60000",
            description = "Rows [0, N) fit the 10-NN classifier, the rest are scored (default: ${DEFAULT-VALUE}; with fewer rows, the first 6/7).")
    int train;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed of the sample (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--per-item", description = "Also compute every item's trust in the layout and write it to -o FILE.")
    boolean perItem;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "With --per-item: the CSV to write (columns index, NAME_trust).")
    Path out;

    @CommandLine.Mixin LayoutInputOptions input = new LayoutInputOptions();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws BundleException {
        if (out != null) {
            AtomicFile.checkTarget(out);
            input.checkNotInput(out, spec);
            if (Files.isDirectory(layout)) org.embedscope.bundle.BundlePaths.checkNotBundleFile(out, layout);
            else AtomicFile.checkNotInput(out, layout, "the layout " + layout);
            if (labels != null) for (Path l : labels) AtomicFile.checkNotInput(out, l, "the labels " + l);
        }
        // Before asking for the data: "quality BUNDLE --per-item" wants -o, not the data.
        if (perItem != (out != null)) throw usage("--per-item and -o FILE go together");
        if (perItem && input.none() && Files.isDirectory(layout)) return perItemFromBundle();
        input.check(spec, " (only --per-item -o FILE on a bundle holding neighbours goes without: it writes every item's"
                + " trust from them)");
        if (labels == null || labels.isEmpty()) labels = input.labelFiles();
        if (sample < 1) throw usage("--sample must be positive");
        if (neighbors < 1) throw usage("--neighbors must be positive");
        if (train < CLASSIFIER_NEIGHBORS) throw usage("--train must be at least " + CLASSIFIER_NEIGHBORS + " (the rows the " + CLASSIFIER_NEIGHBORS + "-NN classifier is fit on), not " + train);
        TerminalProgress progress = TerminalProgress.onStderr();
        Matrix data = LayoutInputs.data(input.imageFiles(), input.vectors(spec));
        int n = data.rows();
        int[] lab = labels != null && !labels.isEmpty() ? LayoutInputs.labels(labels) : null;
        if (lab != null && lab.length != n) {
            throw new BundleException(labels.get(0), null, "the label files hold " + lab.length + " labels; expected " + n + ", one per item");
        }
        float[] xy;
        NeighborLists stored = null;
        String name = layoutName != null ? layoutName : "layout";
        if (Files.isDirectory(layout)) {
            Bundle b = BundleReader.load(layout);
            if (b.count() != n) throw new BundleException(layout, null, "holds " + b.count() + " items; the data has " + n);
            List<Manifest.Layout> ls = b.manifest().layouts();
            int li = layoutIndex(b);
            xy = b.coords(li);
            name = ls.get(li).name();
            stored = b.neighbors();
            if (lab == null && b.hasLabels()) lab = b.labels();
        } else {
            xy = VectorFiles.readCoordinates(layout, n, layoutName != null ? layoutName : "layout");
        }
        checkNeighborsFor(n);
        // The default gives way to 6/7 of fewer rows; a --train given is the user's, and would be replaced without a word.
        if (train >= n && spec.commandLine().getParseResult().hasMatchedOption("--train")) {
            throw usage("--train " + train + ": expected at most " + (n - 1) + " for " + n + " items (rows [0, N) fit the "
                    + CLASSIFIER_NEIGHBORS + "-NN classifier, the rest are scored)");
        }
        int trainRows = train < n ? train : n * 6 / 7;
        LayoutQuality.Settings s = new LayoutQuality.Settings(Math.min(sample, n), neighbors, CLASSIFIER_NEIGHBORS, trainRows, seed, 0);
        String perItemLine = perItem ? writePerItem(n, data, stored, xy, name, progress) : null;
        LayoutQuality.Scores q = LayoutQuality.measure(data.data(), n, data.cols(), xy, 2, lab, s, progress);
        progress.finish();
        var o = spec.commandLine().getOut();
        if (perItemLine != null) o.println(perItemLine);
        o.printf(Locale.ROOT, "knn%d    %.4f   (%d sampled points)%n", neighbors, q.knn(), s.sample());
        if (Double.isNaN(q.trustworthiness())) {
            o.println("trust" + neighbors + "  n/a      (" + s.sample() + " sampled points: trustworthiness needs fewer than half of them as neighbours; "
                    + "give --neighbors below " + (s.sample() + 1) / 2 + ")");
        } else {
            o.printf(Locale.ROOT, "trust%d  %.4f%n", neighbors, q.trustworthiness());
        }
        if (Double.isNaN(q.accuracy())) {
            o.println(lab == null ? "acc2d   n/a      (no labels)"
                    : "acc2d   n/a      (" + n + " items: too few to fit a " + CLASSIFIER_NEIGHBORS + "-NN classifier on the first 6/7 and score the rest)");
        }
        else o.printf(Locale.ROOT, "acc2d   %.4f   (10-NN fit on rows 0..%d, scored on %d..%d)%n", q.accuracy(), trainRows - 1, trainRows, n - 1);
        o.flush();
        return 0;
    }

    /**
     * {@code --per-item} without data: every item's trust from the bundle's own neighbours, which must
     * be K or more per item; the three scores need the data, so they are left out.
     */
    private int perItemFromBundle() throws BundleException {
        if (neighbors < 1) throw usage("--neighbors must be positive");
        // They shape the three scores, which are not measured here: taken without a word, they changed nothing.
        for (String scoresOnly : new String[] {"--sample", "--train", "--seed", "--labels"}) {
            if (spec.commandLine().getParseResult().hasMatchedOption(scoresOnly)) {
                throw usage(scoresOnly + " goes with the scores, which need the data (--idx, --images or --vectors); without it only the "
                        + "per-item trust is written");
            }
        }
        Bundle b = BundleReader.load(layout);
        int li = layoutIndex(b);
        Path manifest = layout.resolve(Manifest.FILE_NAME);
        checkNeighborsFor(b.count());
        String giveData = "; give the data (--idx IMAGES LABELS, --images IDX[,IDX...] or --vectors FILE) to search them";
        if (!b.hasNeighbors()) throw new BundleException(manifest, null, "holds no neighbours" + giveData);
        NeighborLists stored = b.neighbors();
        if (stored.k() < neighbors) {
            throw new BundleException(manifest, "field neighbors.k", "holds " + stored.k() + " neighbours per item, fewer than --neighbors "
                    + neighbors + giveData);
        }
        TerminalProgress progress = TerminalProgress.onStderr();
        String line = writePerItem(b.count(), null, stored, b.coords(li), b.manifest().layouts().get(li).name(), progress);
        progress.finish();
        var o = spec.commandLine().getOut();
        o.println(line);
        o.println("knn" + neighbors + ", trust" + neighbors + " and acc2d are measured on the data: give --idx, --images or --vectors for them");
        o.flush();
        return 0;
    }

    /**
     * Refuses a K that {@code n} items cannot score: with K of the n − 1 others as neighbours, every item's
     * neighbours would be nearly all of them, in both spaces ("need more than 16 items" for a 12-item set
     * read as wanting more data; a bundle's 11 stored neighbours as wanting a search).
     */
    private void checkNeighborsFor(int n) throws BundleException {
        if (n < 3) throw usage("a score needs 3 items or more; the data has " + n);
        if (n < neighbors + 2) {
            throw usage("--neighbors " + neighbors + ": expected at most " + (n - 2) + " for " + n
                    + " items (each item's neighbours are some of the others, not all of them)");
        }
    }

    /** Index of --layout in the bundle (its first without it); an unknown name is refused naming the bundle's. */
    private int layoutIndex(Bundle b) throws BundleException {
        List<Manifest.Layout> ls = b.manifest().layouts();
        if (layoutName == null) return 0;
        for (int i = 0; i < ls.size(); i++) if (ls.get(i).name().equals(layoutName)) return i;
        throw new BundleException(layout.resolve("bundle.json"), "layouts", "has no layout '" + layoutName + "'; it has "
                + String.join(", ", ls.stream().map(Manifest.Layout::name).toList()));
    }

    /** Writes each item's trust to {@link #out}; returns the line that reports it. {@code data} may be null when {@code stored} has K per item. */
    private String writePerItem(int n, Matrix data, NeighborLists stored, float[] xy, String name, TerminalProgress progress) throws BundleException {
        int k = neighbors;
        KnnGraph graph;
        String from;
        if (stored != null && stored.k() >= k) {
            graph = new KnnGraph(n, stored.k(), stored.indices(), stored.distances());
            from = "the bundle's " + stored.k() + " per item";
        } else {
            graph = NearestNeighbors.auto(NnDescent.Params.defaults()).build(data.data(), n, data.cols(), k, Metric.EUCLIDEAN, progress);
            from = n <= NearestNeighbors.EXACT_LIMIT ? "exact search" : "NN-descent";
        }
        progress.stage("quality: per-item trust", n);
        float[] trust = LayoutQuality.perItem(graph, xy, k, 0, progress);
        String column = new Manifest.Layout(name, name).trustColumn();
        try {
            AtomicFile.write(out, f -> {
                try (BufferedWriter w = Files.newBufferedWriter(f);
                     CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader("index", column).get())) {
                    for (int i = 0; i < n; i++) p.printRecord(i, BundleFormat.fraction(trust[i]));
                }
            });
        } catch (IOException e) {
            throw AtomicFile.cannotWrite(out, e);
        }
        double sum = 0;
        for (float t : trust) sum += t;
        return String.format(Locale.ROOT, "per-item trust (knn%d of every item): mean %.4f; data neighbours: %s; written to %s",
                k, sum / n, from, out);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
