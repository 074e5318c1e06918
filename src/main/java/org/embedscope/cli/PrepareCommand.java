package org.embedscope.cli;

import org.embedscope.util.Counted;
import org.embedscope.prepare.PreparePipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.Ink;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.BundleWriter;
import org.embedscope.bundle.Manifest;
import org.embedscope.layout.LayoutOptions;
import org.embedscope.layout.LayoutRegistry;
import org.embedscope.progress.TerminalProgress;
import org.embedscope.source.AnnotationsJoin;
import org.embedscope.source.CsvListSource;
import org.embedscope.source.FolderSource;
import org.embedscope.source.IdxSource;
import org.embedscope.source.ImageSource;
import org.embedscope.source.LabelNames;
import org.embedscope.source.MetadataFile;
import org.embedscope.source.MatrixInput;
import org.embedscope.source.ProjectorSource;
import org.embedscope.source.VectorFiles;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code embedscope prepare}: turns a collection of images into a bundle the explorer opens. */
@Command(name = "prepare", mixinStandardHelpOptions = true, sortOptions = false,
        headerHeading = "", synopsisHeading = "%nUsage: ",
        header = "Turn a collection of images into a bundle: atlases with levels of detail, 2-D layouts, labels, metadata.",
        description = {
                "",
                "Reads images from IDX files (MNIST, Fashion-MNIST), a folder, a CSV list, or a TensorBoard projector log; fits each into a square cell "
                        + "(aspect kept, area-averaged); writes atlas pages with coarser levels of detail; computes layouts "
                        + "on the pixels or on your own vectors, or takes your own coordinates; and writes the bundle "
                        + "folder (bundle.json, points.csv, atlas/*.png; format in README).",
                "",
                "The bundle is written into a temporary folder beside OUT and moved into place only when complete; "
                        + "an existing bundle at OUT is replaced only then. Ctrl-C or an error leaves no partial bundle. "
                        + "The same inputs and --seed give the same bundle.",
                "",
                "Bad input stops with one line naming the file, item or line and what was expected (exit code 2).",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # all 70,000 MNIST digits (train then test), UMAP and t-SNE layouts",
                "  embedscope prepare \\",
                "      --idx DATA/train-images-idx3-ubyte DATA/train-labels-idx1-ubyte \\",
                "      --idx DATA/t10k-images-idx3-ubyte DATA/t10k-labels-idx1-ubyte \\",
                "      --label-names mnist --name 'MNIST digits' --layout umap,tsne \\",
                "      -o assets/mnist",
                "",
                "  # a folder of photos, one sub-folder per class, PCA layout",
                "  embedscope prepare --images photos/ --layout pca -o photos.bundle",
                "",
                "  # a TensorBoard projector log: sprite, tensor and metadata",
                "  embedscope prepare --projector logs/projector --layout umap \\",
                "      -o projector.bundle",
                "",
                "  # your own embedding and coordinates saved from Python with np.save",
                "  embedscope prepare --list items.csv --vectors clip.npy \\",
                "      --import-layout umap=xy.npy -o items",
                "",
                "Exit codes: 0 done, 1 unexpected error, 2 bad input, 130 interrupted."})
public final class PrepareCommand implements Callable<Integer> {

    /** Layouts computed when neither --layout nor --import-layout is given. */
    static final String DEFAULT_LAYOUTS = "pca";

    static final class Sources {
        @Option(names = "--idx", arity = "2", paramLabel = "FILE",
                description = {"IDX images file and its labels file, raw or .gz (e.g. MNIST's train-images-idx3-ubyte "
                        + "train-labels-idx1-ubyte). Repeat to concatenate pairs in order; metadata column 'split' says "
                        + "train or test from each file name."})
        List<Path> idx;

        @Option(names = "--images", paramLabel = "DIR",
                description = {"A folder of images (png, jpg, jpeg, webp, gif, bmp, tif, tiff), searched recursively; EXIF orientation honoured. "
                        + "Labels: first-level sub-folder names. Order: relative paths sorted character by character. "
                        + "Metadata column 'path'."})
        Path folder;

        @Option(names = "--list", paramLabel = "CSV",
                description = {"A CSV file (header row) listing image paths relative to --root; an optional label column; "
                        + "every other column is carried into points.csv as metadata. Items keep the row order."})
        Path list;

        @Option(names = "--projector", paramLabel = "DIR",
                description = {"A TensorBoard projector log: the folder holding projector_config.pbtxt (or the file). Its sprite "
                        + "sheet gives the images, its tensor (TSV or raw float32) the vectors the layouts are computed on, its "
                        + "metadata TSV the label (first column, or --label-column) and the other columns."})
        Path projector;
    }

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "%nSource of images (one of):%n")
    Sources sources;

    @Option(names = "--root", paramLabel = "DIR", description = "With --list: folder the paths are relative to (default: the CSV file's folder). Paths leaving it are refused.")
    Path root;

    @Option(names = "--path-column", paramLabel = "NAME", defaultValue = "path", description = "With --list: the image path column (default: ${DEFAULT-VALUE}).")
    String pathColumn;

    @Option(names = "--label-column", paramLabel = "NAME",
            description = "With --list: the label column (default: 'label' when present). With --projector: the metadata column "
                    + "holding labels (default: the first).")
    String labelColumn;

    @Option(names = "--tensor", paramLabel = "NAME", description = "With --projector: which embedding of the config (default: the only one).")
    String tensor;

    @Option(names = "--label-names", paramLabel = "mnist|fashion-mnist|FILE",
            description = "Display names of label values: built-in for MNIST and Fashion-MNIST, or a text file with one name per line "
                    + "(naming values 0, 1, 2, ...) or lines VALUE=NAME.")
    String labelNames;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT", description = "The bundle folder to write (replaced when it holds a bundle).")
    Path out;

    @Option(names = "--name", paramLabel = "TEXT", description = "The bundle's name shown by the explorer (default: OUT's folder name).")
    String name;

    @Option(names = "--layout", paramLabel = "LIST", split = ",",
            description = "Layouts to compute, comma-separated, in display order: ${COMPLETION-CANDIDATES}, or none "
                    + "(default: " + DEFAULT_LAYOUTS + ", or none when --import-layout is given).",
            completionCandidates = LayoutNames.class)
    List<String> layoutList;

    @Option(names = "--import-layout", paramLabel = "NAME=FILE",
            description = "Precomputed coordinates for a layout called NAME: .npy of shape (n, 2) (np.save), an array of an .npz "
                    + "(FILE.npz:ARRAY), or CSV/text with columns x,y (np.savetxt, pandas). One row per item, in item order. "
                    + "Repeatable; listed before computed layouts.")
    Map<String, String> imports = new LinkedHashMap<>();

    @Option(names = "--layout-from", paramLabel = "NAME=XCOL,YCOL",
            description = "With --list: a layout called NAME from two columns of the list (e.g. umap=umap_x,umap_y); those columns "
                    + "are not carried as metadata. Repeatable; listed after --import-layout.")
    Map<String, String> layoutFrom = new LinkedHashMap<>();

    @Option(names = "--vectors", paramLabel = "FILE[:ARRAY]",
            description = "Compute layouts on these feature vectors instead of pixels: .npy of shape (n, d) (float16/32/64, C or "
                    + "Fortran order), an .npz archive's array (FILE.npz:ARRAY, or its only array), or CSV/text with one row per item "
                    + "(a pandas index column is recognised).")
    String vectors;

    @Option(names = "--metadata", paramLabel = "CSV",
            description = "More columns for points.csv: a CSV file with a header row and one row per item, in item order "
                    + "(e.g. the transforms.csv of million-digits).")
    Path metadata;

    @Option(names = "--annotations", paramLabel = "CSV",
            description = "Labels and tags corrected in the explorer (its annotations.csv: index,label,tags,edited), taken by row "
                    + "index onto the source's items: a row's label replaces the item's, its tags become a column 'tags'.")
    Path annotations;

    @Option(names = "--neighbors", paramLabel = "K", defaultValue = "15",
            description = "Keep each item's K nearest neighbours in the space the layouts are computed on (--vectors, else pixels), "
                    + "and each layout's per-item trust (column LAYOUT_trust); taken from a layout engine's own search when "
                    + "one has K, else searched once. 0 for none (default: ${DEFAULT-VALUE}).")
    int neighbors;

    @CommandLine.Mixin LayoutEngineOptions engines = new LayoutEngineOptions();

    @Option(names = "--cell", paramLabel = "PX", description = "Cell size of the finest level (default: the largest image side up to 64, else 64).")
    Integer cell;   // null: the default (0 would read as it, so it is refused like any size below 1)

    @Option(names = "--page", paramLabel = "PX", defaultValue = "2048", description = "Largest atlas page side, up to 8192 (default: ${DEFAULT-VALUE}).")
    int page;

    @Option(names = "--levels", paramLabel = "N", defaultValue = "16",
            description = "Most levels of detail; each halves the cell, down to about 4 px (default: all).", showDefaultValue = CommandLine.Help.Visibility.NEVER)
    int levels;

    @Option(names = "--alpha", paramLabel = "MODE",
            description = "How the explorer reads coverage: luminance (white-on-black images), channel (PNG alpha) or opaque "
                    + "(default: luminance for IDX and for grey images on dark backgrounds; else channel when images have "
                    + "transparency or are not square; else opaque).")
    String alpha;

    @Option(names = "--ink", paramLabel = "full|shaded",
            description = "With luminance alpha, what a kept texel shows: full (white ink: strokes such as MNIST) or shaded "
                    + "(its own grey, alpha threshold 0.1: Fashion-MNIST, grey photographs). Default: shaded when few inked "
                    + "pixels are near white.")
    String ink;

    @Option(names = "--png-level", paramLabel = "0-9", defaultValue = "6", description = "PNG compression level: 1 fastest, 9 smallest but several times slower (default: ${DEFAULT-VALUE}).")
    int pngLevel;

    @Option(names = "--skip-bad", description = "Skip unreadable or corrupt images and list them, instead of stopping at the first.")
    boolean skipBad;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** Completion candidates for --layout: the registered engines. */
    static final class LayoutNames implements Iterable<String> {
        @Override public java.util.Iterator<String> iterator() { return LayoutRegistry.names().iterator(); }
    }

    @Override
    public Integer call() throws BundleException {
        TerminalProgress progress = TerminalProgress.onStderr();
        long start = System.nanoTime();
        PreparePipeline.Spec s = spec(progress);
        PreparePipeline.Result r = PreparePipeline.run(s, progress, progress::cancel, spec.commandLine().getErr());
        progress.finish();
        double secs = (System.nanoTime() - start) / 1e9;
        long rss = TerminalProgress.peakRss();
        System.out.printf(Locale.ROOT, "wrote %s: %s, %s, %s, %.1f MB in %.1f s%s%n", r.bundle(), Counted.of(r.manifest().count(), "item"),
                Counted.of(r.manifest().layouts().size(), "layout"), Counted.of(r.manifest().atlas().levels().size(), "level"), r.bytes() / 1e6, secs,
                rss > 0 ? String.format(Locale.ROOT, ", peak RSS %d MB", rss >> 20) : "");
        return 0;
    }

    /** Checks the options and opens the source. */
    PreparePipeline.Spec spec(TerminalProgress progress) throws BundleException {
        if (page < 16 || page > 8192) throw usage("--page must be 16 to 8192 pixels, not " + page);
        if (cell != null && (cell < 1 || cell > page)) throw usage("--cell must be 1 to the page size (" + page + "), not " + cell);
        if (levels < 1) throw usage("--levels must be at least 1");
        if (pngLevel < 0 || pngLevel > 9) throw usage("--png-level must be 0 to 9");
        if (neighbors < 0 || neighbors > 1024) throw usage("--neighbors must be 0 to 1024, not " + neighbors);
        LayoutOptions options;
        try {
            options = engines.options(0);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        AlphaMode alphaMode = null;
        if (alpha != null) {
            alphaMode = AlphaMode.fromJson(alpha);
            if (alphaMode == null) throw usage("--alpha must be luminance, channel or opaque, not '" + alpha + "'");
        }
        Ink inkChoice = null;
        if (ink != null) {
            inkChoice = Ink.fromJson(ink);
            if (inkChoice == null) throw usage("--ink must be full or shaded, not '" + ink + "'");
        }
        if (sources.list == null && (root != null || !pathColumn.equals("path") || !layoutFrom.isEmpty())) {
            throw usage("--root, --path-column and --layout-from go with --list");
        }
        if (sources.list == null && sources.projector == null && labelColumn != null) throw usage("--label-column goes with --list or --projector");
        if (sources.projector == null && tensor != null) throw usage("--tensor goes with --projector");

        refuseRepeatedName("--import-layout");
        refuseRepeatedName("--layout-from");
        boolean importsGiven = !imports.isEmpty() || !layoutFrom.isEmpty();
        List<String> names = layoutList != null ? layoutList : !importsGiven ? List.of(DEFAULT_LAYOUTS.split(",")) : List.of();
        List<PreparePipeline.ComputedLayout> layouts = new ArrayList<>();
        for (String n : names) {
            String t = n.strip();
            if (t.isEmpty() || t.equals("none")) continue;
            if (!LayoutRegistry.names().contains(t)) {
                throw usage("unknown layout '" + t + "' in --layout; known: " + String.join(", ", LayoutRegistry.names()));
            }
            LayoutRegistry.Configured c = LayoutRegistry.create(t, options);
            layouts.add(new PreparePipeline.ComputedLayout(t, c.title(), c.algorithm(), c.params()));
        }

        Map<String, String> names2 = labelNames == null ? null : LabelNames.parse(labelNames);
        Map<String, MatrixInput> importInputs = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : imports.entrySet()) importInputs.put(e.getKey(), input(e.getValue(), "--import-layout"));
        MatrixInput vectorInput = vectors == null ? null : input(vectors, "--vectors");
        checkInputsOutsideOut(importInputs, vectorInput);
        ImageSource source = openSource(progress, names2);
        if (source instanceof ProjectorSource p && vectorInput == null) vectorInput = p.tensor();
        if (source instanceof CsvListSource list) {
            for (Map.Entry<String, String> e : layoutFrom.entrySet()) {
                String[] xy = e.getValue().split(",", -1);
                if (xy.length != 2 || xy[0].isBlank() || xy[1].isBlank()) {
                    throw usage("--layout-from " + e.getKey() + "=" + e.getValue() + ": expected NAME=XCOLUMN,YCOLUMN");
                }
                if (importInputs.containsKey(e.getKey())) throw usage("layout name '" + e.getKey() + "' is given twice");
                importInputs.put(e.getKey(), list.takeCoordinates(xy[0].strip(), xy[1].strip()));
            }
        }
        if (metadata != null) {
            progress.stage("reading " + metadata.getFileName(), 0);
            source = MetadataFile.join(source, metadata);
        }
        if (annotations != null) {
            progress.stage("reading " + annotations.getFileName(), 0);
            source = AnnotationsJoin.join(source, annotations);
        }

        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("tool", "embedscope " + org.embedscope.Version.get());
        provenance.put("command", "embedscope " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        // A log export-projector wrote gives back what TensorBoard has no field for: the bundle's name, its
        // label names (the source's own, see ProjectorSource) and the titles of the layouts imported from its tensors.
        String bundleName = name;
        Map<String, String> titles = new LinkedHashMap<>();
        if (source instanceof ProjectorSource p && p.extras() != null) {
            org.embedscope.source.ProjectorExtras extras = p.extras();
            if (bundleName == null) bundleName = extras.name();
            Path logDir = p.extrasDir();
            for (Map.Entry<String, MatrixInput> e : importInputs.entrySet()) {
                Path file = e.getValue().file().toAbsolutePath().normalize();
                String title = file.getParent() != null && file.getParent().equals(logDir) && e.getValue().part() == null
                        ? extras.titles().get(file.getFileName().toString()) : null;
                if (title != null) titles.put(e.getKey(), title);
            }
        }
        return new PreparePipeline.Spec(source, out, bundleName, vectorInput, importInputs, layouts, cell == null ? 0 : cell, page, levels, alphaMode, pngLevel,
                skipBad, names2, provenance, new PreparePipeline.Neighbors(neighbors, options.umap().metric(), engines.seed), inkChoice, titles);
    }

    /**
     * Refuses an input inside OUT when OUT is a bundle this run replaces: the old folder is deleted once
     * the new bundle is in place, and the input with it. OUT's own annotations.csv is the exception: its
     * edits are carried into the new bundle.
     */
    private void checkInputsOutsideOut(Map<String, MatrixInput> importInputs, MatrixInput vectorInput) throws BundleException {
        Map<Path, String> inputs = new LinkedHashMap<>();
        if (sources.idx != null) for (Path p : sources.idx) inputs.put(p, "--idx " + p);
        if (sources.folder != null) inputs.put(sources.folder, "--images " + sources.folder);
        if (sources.list != null) inputs.put(sources.list, "--list " + sources.list);
        if (sources.projector != null) inputs.put(sources.projector, "--projector " + sources.projector);
        if (root != null) inputs.put(root, "--root " + root);
        if (vectorInput != null) inputs.put(vectorInput.file(), "--vectors " + vectorInput.file());
        for (Map.Entry<String, MatrixInput> e : importInputs.entrySet()) {
            inputs.put(e.getValue().file(), "--import-layout " + e.getKey() + "=" + e.getValue().file());
        }
        if (metadata != null) inputs.put(metadata, "--metadata " + metadata);
        Path ownEdits = out.toAbsolutePath().normalize().resolve(org.embedscope.annotate.AnnotationsFile.FILE_NAME);
        if (annotations != null && !annotations.toAbsolutePath().normalize().equals(ownEdits)) inputs.put(annotations, "--annotations " + annotations);
        if (labelNames != null && !labelNames.equals("mnist") && !labelNames.equals("fashion-mnist")) {
            inputs.put(Path.of(labelNames), "--label-names " + labelNames);
        }
        for (Map.Entry<Path, String> e : inputs.entrySet()) BundleWriter.checkNotInside(out, Manifest.FILE_NAME, e.getKey(), e.getValue());
    }

    private ImageSource openSource(TerminalProgress progress, Map<String, String> names) throws BundleException {
        if (sources.idx != null) {
            progress.stage("reading IDX files", 0);
            List<IdxSource.Pair> pairs = new ArrayList<>();
            for (int i = 0; i + 1 < sources.idx.size(); i += 2) pairs.add(new IdxSource.Pair(sources.idx.get(i), sources.idx.get(i + 1)));
            return IdxSource.open(pairs, names);
        }
        if (sources.folder != null) {
            progress.stage("listing images", 0);
            FolderSource folder = FolderSource.open(sources.folder);
            String leftOut = folder.leftOutNote();
            if (leftOut != null) {
                spec.commandLine().getErr().println("embedscope: " + leftOut);
                spec.commandLine().getErr().flush();
            }
            return folder;
        }
        if (sources.projector != null) {
            progress.stage("reading the projector log", 0);
            return ProjectorSource.open(sources.projector, tensor, labelColumn);
        }
        progress.stage("reading the list", 0);
        return CsvListSource.open(sources.list, root, pathColumn, labelColumn);
    }

    /** A file argument, {@code FILE} or {@code FILE.npz:ARRAY}. */
    private static MatrixInput input(String argument, String option) throws BundleException {
        try {
            return VectorFiles.parse(argument);
        } catch (IllegalArgumentException e) {
            throw usage(option + ": " + e.getMessage());
        }
    }

    /** A repeated NAME= of a map option: picocli keeps the last one alone, which dropped a layout without a word. */
    private void refuseRepeatedName(String option) throws BundleException {
        CommandLine.Model.OptionSpec o = spec.commandLine().getParseResult().matchedOption(option);
        if (o == null) return;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String v : o.originalStringValues()) {
            int eq = v.indexOf('=');
            String key = eq < 0 ? v : v.substring(0, eq);
            if (!seen.add(key)) throw usage("layout name '" + key + "' is given twice (" + option + ")");
        }
    }

    private static BundleException usage(String what) {
        return new BundleException(null, null, what);
    }

}
