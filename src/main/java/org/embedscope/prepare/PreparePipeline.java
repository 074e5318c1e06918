package org.embedscope.prepare;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.embedscope.atlas.ImageSurvey;
import org.embedscope.atlas.PageWriter;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.Ink;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.Decimal;
import org.embedscope.util.Counted;
import org.embedscope.bundle.BundleFormat;
import org.embedscope.bundle.BundleWriter;
import org.embedscope.bundle.Manifest;
import org.embedscope.layout.LayoutAlgorithm;
import org.embedscope.layout.LayoutRows;
import org.embedscope.layout.knn.Metric;
import org.embedscope.progress.Progress;
import org.embedscope.source.ImageSource;
import org.embedscope.source.Matrix;
import org.embedscope.source.MatrixInput;
import org.embedscope.source.VectorFiles;

/**
 * {@code prepare} as stages, from a source of images to a bundle on disk: check the bring-your-own
 * files, fit every image into its cells at every level, write the atlas pages, compute the layouts (on
 * the given vectors, or on the cells' pixels), keep each item's nearest neighbours in that space and
 * each layout's per-item trust, write {@code points.csv} and {@code bundle.json}, and move the bundle
 * into place. All writing goes through {@link BundleWriter}: a failure or interruption at
 * any point leaves no partial bundle.
 */
public final class PreparePipeline {
    private PreparePipeline() {}

    /** Largest cell side taken as is; larger images are scaled down to this. */
    public static final int MAX_NATIVE_CELL = 64;
    /** Layouts computed on pixels use the first level whose cells are at most this many pixels wide. */
    public static final int FEATURE_CELL = 32;

    /** A layout to compute. */
    public record ComputedLayout(String name, String title, LayoutAlgorithm algorithm, Map<String, Object> params) {}

    /**
     * What to prepare.
     *
     * @param cell       cell size in pixels, 0 for the default (native up to {@value #MAX_NATIVE_CELL})
     * @param maxLevels  most levels of detail (1 = finest only)
     * @param alpha      alpha mode, null to choose from the source and its pixels
     * @param ink        what a luminance atlas's kept texels show, null to choose from its grey levels
     * @param labelNames display names of label values, null for the source's own
     * @param vectors    feature vectors to compute the layouts on, null for the pixels
     * @param imports    layout name → its coordinates, in order
     * @param titles     layout name → the title of an imported layout, where it has one besides its name
     * @param provenance entries for the manifest's provenance (the pipeline adds what it learns)
     */
    public record Spec(ImageSource source, Path out, String name, MatrixInput vectors, Map<String, MatrixInput> imports,
                       List<ComputedLayout> layouts, int cell, int maxPage, int maxLevels, AlphaMode alpha, int pngLevel,
                       boolean skipBad, Map<String, String> labelNames, Map<String, Object> provenance, Neighbors neighbors,
                       Ink ink, Map<String, String> titles) {
        /** The ink chosen from the atlas's grey levels (PageWriter.Result#suggestedInk). */
        public Spec(ImageSource source, Path out, String name, MatrixInput vectors, Map<String, MatrixInput> imports,
                    List<ComputedLayout> layouts, int cell, int maxPage, int maxLevels, AlphaMode alpha, int pngLevel,
                    boolean skipBad, Map<String, String> labelNames, Map<String, Object> provenance, Neighbors neighbors) {
            this(source, out, name, vectors, imports, layouts, cell, maxPage, maxLevels, alpha, pngLevel, skipBad, labelNames, provenance,
                    neighbors, null, Map.of());
        }

        /** Without neighbours. */
        public Spec(ImageSource source, Path out, String name, MatrixInput vectors, Map<String, MatrixInput> imports,
                    List<ComputedLayout> layouts, int cell, int maxPage, int maxLevels, AlphaMode alpha, int pngLevel,
                    boolean skipBad, Map<String, String> labelNames, Map<String, Object> provenance) {
            this(source, out, name, vectors, imports, layouts, cell, maxPage, maxLevels, alpha, pngLevel, skipBad, labelNames, provenance,
                    Neighbors.NONE);
        }
    }

    /**
     * Each item's {@code k} nearest neighbours to keep (0: none, and no trust columns), by {@code metric};
     * {@code seed} seeds a search of their own when no layout engine built them.
     */
    public record Neighbors(int k, Metric metric, long seed) {
        public static final Neighbors NONE = new Neighbors(0, Metric.EUCLIDEAN, 0);
    }

    /** What was written. */
    public record Result(Path bundle, Manifest manifest, List<ImageSurvey.Skipped> skipped, long bytes) {}

    public static Result run(Spec spec, Progress progress, Runnable onInterrupt, PrintWriter log) throws BundleException {
        ImageSource source = spec.source();
        int n = source.count();
        if (spec.layouts().isEmpty() && spec.imports().isEmpty()) {
            throw new BundleException(null, null, "no layout: compute one with --layout or bring one with --import-layout");
        }
        source = withoutRecomputedTrust(spec, source, log);
        checkNames(spec, source);
        noteNumbersWithText(source, log);

        // Bring-your-own files first: a wrong row count fails before any long work.
        Matrix vectors = null;
        if (spec.vectors() != null) {
            progress.stage("reading vectors", 0);
            vectors = VectorFiles.readVectors(spec.vectors(), n);
        }
        Map<String, float[]> imported = new LinkedHashMap<>();
        for (Map.Entry<String, MatrixInput> e : spec.imports().entrySet()) {
            progress.stage("reading layout " + e.getKey(), 0);
            imported.put(e.getKey(), VectorFiles.readCoordinates(e.getValue(), n, e.getKey()));
        }

        try (BundleWriter writer = BundleWriter.create(spec.out(), onInterrupt)) {
            // What the pages need to know first; decoding every image for it is skipped when the source
            // already knows (IDX files: grey, opaque, luminance), so such sets are decoded only once.
            AlphaMode alpha = spec.alpha() != null ? spec.alpha() : source.preferredAlpha();
            boolean decode = spec.skipBad() || !source.knownGreyOpaque() || alpha == null;
            ImageSurvey survey = decode ? ImageSurvey.read(source, spec.skipBad(), progress) : ImageSurvey.measure(source, progress);
            int cell = spec.cell() > 0 ? spec.cell() : survey.defaultCell(MAX_NATIVE_CELL);
            if (cell > spec.maxPage()) {
                throw new BundleException(null, spec.cell() > 0 ? "--cell" : null, (spec.cell() > 0 ? "" : "the images' cell (their largest side, up to "
                        + MAX_NATIVE_CELL + " px) of ") + cell + " px is larger than --page " + spec.maxPage()
                        + "; expected a cell of at most the page's side (give a larger --page" + (spec.cell() > 0 ? ")" : " or a smaller --cell)"));
            }
            int[] kept = survey.kept();
            List<ImageSurvey.Skipped> skipped = survey.skipped();
            reportSkipped(skipped, log);
            int m = kept.length;
            if (alpha == null) alpha = survey.suggestedAlpha(cell);
            boolean onPixels = (!spec.layouts().isEmpty() || spec.neighbors().k() > 0) && vectors == null;
            PageWriter.Spec pages = new PageWriter.Spec(cell, spec.maxLevels(), spec.maxPage(), survey.pageFormat(alpha), alpha,
                    spec.pngLevel(), onPixels ? FEATURE_CELL : 0);
            PageWriter.Result written = PageWriter.write(source, kept, pages, writer.dir(), progress);
            Manifest.Atlas atlas = written.atlas();
            atlas = new Manifest.Atlas(atlas.alpha(), spec.ink() != null ? spec.ink() : written.suggestedInk(), atlas.levels());
            if (atlas.shaded() && spec.ink() == null) {
                log.println("shaded grey images: drawn in their own greys, alpha threshold 0.1 (--ink full: as white strokes)");
                log.flush();
            }
            survey = null;

            KeptNeighbors neighbors = spec.neighbors().k() > 0 && m > 1 ? new KeptNeighbors(Math.min(spec.neighbors().k(), m - 1)) : null;
            if (neighbors != null && neighbors.k() < spec.neighbors().k()) {
                log.println("neighbours: " + neighbors.k() + " kept per item, not " + spec.neighbors().k() + ": "
                        + Counted.of(m, "item") + " have " + (m - 1) + " others each");
                log.flush();
            }
            LayoutInput input = layoutInput(spec, vectors, written.features(), kept, n);
            written = null;

            List<Manifest.Layout> layouts = new ArrayList<>();
            List<float[]> coords = new ArrayList<>();
            for (Map.Entry<String, float[]> e : imported.entrySet()) {
                layouts.add(new Manifest.Layout(e.getKey(), spec.titles().getOrDefault(e.getKey(), e.getKey()),
                        Map.of("imported", spec.imports().get(e.getKey()).name())));
                coords.add(keepRows(e.getValue(), 2, kept, n));
            }
            List<ComputedLayout> computed = spec.layouts();
            for (int j = 0; j < computed.size(); j++) {
                ComputedLayout l = computed.get(j);
                progress.checkCancelled();
                progress.stage("layout " + l.name() + " (" + l.title() + ")", 0); // the engine's own stages follow
                // The last engine to read the features may let them go half-way (a million digits' are 3.3 GB),
                // unless the neighbours kept must still be searched on them afterwards.
                boolean neededAfter = j < computed.size() - 1
                        || (neighbors != null && !neighbors.satisfied() && l.algorithm().graphNeighbors(m) < neighbors.k());
                LayoutRows rows = neededAfter ? LayoutRows.kept(input.features()) : LayoutRows.releasable(input.take());
                LayoutAlgorithm.Fit fit = l.algorithm().fitWithNeighbors(rows, m, input.dim(), progress);
                rows = null;
                float[] xy = fit.coords();
                checkLayout(l.name(), xy, m);
                String adjusted = l.algorithm().adjustedFor(m); // once computed: a refused input stays the only line
                if (adjusted != null) {
                    log.println("layout " + l.name() + ": " + adjusted);
                    log.flush();
                }
                if (neighbors != null) neighbors.offer(fit.neighbors(), l.name());
                Map<String, Object> params = new LinkedHashMap<>(l.params());
                params.putAll(l.algorithm().usedFor(m)); // what ran, beside what was asked
                params.put("input", input.description());
                layouts.add(new Manifest.Layout(l.name(), l.title(), params));
                coords.add(xy);
            }
            Map<String, String[]> trust = neighbors == null ? Map.of()
                    : neighbors.write(writer, input.features(), m, input.dim(), spec.neighbors(), layouts, coords, progress);
            input = null;

            progress.stage("writing points", 0);
            String[] labels = source.labels() == null ? null : keep(source.labels(), kept);
            Map<String, String[]> meta = new LinkedHashMap<>();
            source.metadata().forEach((k, v) -> meta.put(k, keep(v, kept)));
            meta.putAll(trust);
            Manifest.Label label = null;
            if (labels != null) {
                Map<String, String> names = spec.labelNames() != null ? spec.labelNames() : source.labelNames();
                label = new Manifest.Label(BundleFormat.LABEL_COLUMN, names);
            }
            if (spec.labelNames() != null) noteUnnamedLabels(labels, spec.labelNames(), log);
            writer.writePoints(BundleFormat.POINTS_FILE, layouts, coords, BundleFormat.LABEL_COLUMN, labels, meta);

            Map<String, Object> provenance = new LinkedHashMap<>(spec.provenance());
            provenance.put("source", source.description());
            provenance.put("cell", cell);
            if (!skipped.isEmpty()) provenance.put("skipped", skipped.stream().map(ImageSurvey.Skipped::name).toList());
            if (neighbors != null) provenance.put("neighbors", neighbors.provenance());
            String name = spec.name() != null ? spec.name() : writer.target().getFileName().toString();
            Manifest manifest = new Manifest(name, m, BundleFormat.POINTS_FILE, layouts, label, atlas, provenance);
            if (neighbors != null) manifest = manifest.withNeighbors(neighbors.entry(spec.neighbors().metric()));
            writer.writeManifest(manifest);
            progress.checkCancelled();
            // The user's edits of the bundle this replaces live inside it: carried into the new one.
            if (Files.isDirectory(writer.target())) KeptEdits.carry(writer.target(), writer.dir(), m, meta.get(KeptEdits.PATH_COLUMN), log);
            long bytes = size(writer.dir());
            writer.commit();
            return new Result(writer.target(), manifest, skipped, bytes);
        }
    }

    /**
     * What the computed layouts run on: one row of {@code dim} floats per kept item, and its
     * description for the manifest; {@link #take} hands the rows over for good.
     */
    private static final class LayoutInput {
        private float[] features;
        private final int dim;
        private final String description;

        LayoutInput(float[] features, int dim, String description) {
            this.features = features;
            this.dim = dim;
            this.description = description;
        }

        /** The rows, or null once taken. */
        float[] features() { return features; }

        int dim() { return dim; }

        String description() { return description; }

        /** The rows, no longer held here. */
        float[] take() {
            float[] f = features;
            features = null;
            return f;
        }
    }

    /** The given vectors of the kept items, else the pixels of their cells; null when no layout is computed and no neighbours kept. */
    private static LayoutInput layoutInput(Spec spec, Matrix vectors, PageWriter.Features f, int[] kept, int n) {
        if (spec.layouts().isEmpty() && spec.neighbors().k() == 0) return null;
        if (vectors != null) {
            int dim = vectors.cols();
            return new LayoutInput(keepRows(vectors.data(), dim, kept, n), dim,
                    "vectors " + spec.vectors().name() + " (" + dim + " values per item)");
        }
        return new LayoutInput(f.data(), f.dim(),
                "pixels of " + f.cell() + "-px " + (f.channels() == 1 ? "grey" : "RGB") + " cells (" + f.dim() + " values per item)");
    }

    /**
     * {@code source} without the metadata columns named as a trust column this run computes again
     * ({@code LAYOUT_trust}, for computed and imported layouts alike): a bundle exported to the projector
     * and prepared back carries its old layouts' trust as metadata, which would clash, and no longer
     * describes the new layout.
     */
    private static ImageSource withoutRecomputedTrust(Spec spec, ImageSource source, PrintWriter log) {
        if (spec.neighbors().k() <= 0) return source;
        Map<String, String[]> kept = new LinkedHashMap<>(source.metadata());
        List<String> dropped = new ArrayList<>();
        List<String> layouts = new ArrayList<>(spec.imports().keySet());
        for (ComputedLayout l : spec.layouts()) layouts.add(l.name());
        for (String l : layouts) {
            String trust = new Manifest.Layout(l, l).trustColumn();
            if (kept.remove(trust) != null) dropped.add(trust);
        }
        if (dropped.isEmpty()) return source;
        log.println("left out the metadata column" + (dropped.size() == 1 ? " " : "s ") + String.join(", ", dropped)
                + ": this prepare computes " + (dropped.size() == 1 ? "it" : "them") + " again for its own layouts");
        return ImageSource.withMetadata(source, kept, source.description());
    }

    /** Most distinct texts in a column of numbers that {@link #noteNumbersWithText} takes for markers of missing values. */
    private static final int MISSING_MARKERS = 3;

    /**
     * Says which metadata columns are numbers but for a few texts standing for missing values ("NA" from R,
     * "nan" from NumPy, "n/a"): the explorer types a column as numbers only when every value is one or
     * empty, so such a column had been text without a word — coloured only as categories, refused by
     * {@code score > 0.5}. Said here, where the file can still be fixed.
     */
    /**
     * Says when {@code --label-names} names some of the label values or none (names for digits given to
     * labels that are words had no effect without a word): which values are shown as they are.
     */
    static void noteUnnamedLabels(String[] labels, Map<String, String> names, PrintWriter log) {
        if (labels == null) {
            log.println("note: --label-names has no effect: the items have no labels");
            log.flush();
            return;
        }
        Set<String> values = new java.util.TreeSet<>();
        for (String v : labels) if (v != null && !v.isEmpty()) values.add(v);
        List<String> unnamed = values.stream().filter(v -> !names.containsKey(v)).toList();
        if (unnamed.isEmpty()) return;
        String shown = unnamed.stream().limit(3).map(v -> "'" + v + "'").collect(java.util.stream.Collectors.joining(", "))
                + (unnamed.size() > 3 ? " and " + (unnamed.size() - 3) + " more" : "");
        log.println("note: --label-names names " + (unnamed.size() == values.size() ? "none" : values.size() - unnamed.size())
                + " of the " + Counted.of(values.size(), "label value") + "; " + shown + " shown as " + (unnamed.size() == 1 ? "it is" : "they are"));
        log.flush();
    }

    private static void noteNumbersWithText(ImageSource source, PrintWriter log) {
        for (Map.Entry<String, String[]> column : source.metadata().entrySet()) {
            int numbers = 0, texts = 0, first = -1;
            Map<String, Integer> distinct = new LinkedHashMap<>();
            for (int i = 0; i < column.getValue().length; i++) {
                String v = column.getValue()[i];
                if (v.isEmpty()) continue;
                if (Decimal.isFiniteNumber(v)) {
                    numbers++;
                } else {
                    if (texts++ == 0) first = i;
                    if (distinct.merge(v, 1, Integer::sum) == 1 && distinct.size() > MISSING_MARKERS) break;
                }
            }
            if (texts == 0 || distinct.size() > MISSING_MARKERS || numbers < texts) continue;
            List<String> shown = distinct.entrySet().stream().map(e -> "'" + e.getKey() + "' ×" + e.getValue()).toList();
            log.println("note: metadata column '" + column.getKey() + "' holds numbers and " + String.join(", ", shown) + " (first at item " + first
                    + "), so the explorer reads it as text, not numbers (no colour bar, no '<'); write missing values as empty cells to keep it numeric");
        }
        log.flush();
    }

    /** Column names of points.csv must be distinct: layouts' x/y columns, the label, the metadata. */
    private static void checkNames(Spec spec, ImageSource source) throws BundleException {
        Set<String> layoutNames = new HashSet<>();
        List<String> all = new ArrayList<>(spec.imports().keySet());
        for (ComputedLayout l : spec.layouts()) all.add(l.name());
        Set<String> columns = new HashSet<>();
        for (String l : all) {
            if (!Manifest.Layout.isPlainName(l)) {
                throw new BundleException(null, null, "layout name '" + l + "' is not a plain name (letters, digits, '_', '-', '.')");
            }
            if (!layoutNames.add(l)) throw new BundleException(null, null, "layout name '" + l + "' is given twice");
            Manifest.Layout layout = new Manifest.Layout(l, l);
            columns.add(layout.xColumn());
            columns.add(layout.yColumn());
            if (spec.neighbors().k() > 0 && !columns.add(layout.trustColumn())) {
                throw new BundleException(null, null, "column '" + layout.trustColumn() + "' (the trust in layout '" + l
                        + "') would appear twice in " + BundleFormat.POINTS_FILE);
            }
        }
        if (source.labels() != null && !columns.add(BundleFormat.LABEL_COLUMN)) {
            throw new BundleException(null, null, "column '" + BundleFormat.LABEL_COLUMN + "' would appear twice in " + BundleFormat.POINTS_FILE);
        }
        for (String c : source.metadata().keySet()) {
            if (!columns.add(c)) {
                throw new BundleException(null, null, "metadata column '" + c + "' clashes with a layout, trust or label column of " + BundleFormat.POINTS_FILE);
            }
        }
    }

    private static void reportSkipped(List<ImageSurvey.Skipped> skipped, PrintWriter log) {
        if (skipped.isEmpty()) return;
        log.println("skipped " + Counted.of(skipped.size(), "unreadable image") + ":");
        for (ImageSurvey.Skipped s : skipped) log.println("  " + s.reason());
        log.flush();
    }

    private static void checkLayout(String name, float[] xy, int n) {
        if (xy == null || xy.length != 2 * n) {
            throw new IllegalStateException("layout " + name + " returned " + (xy == null ? "nothing" : xy.length + " values")
                    + "; expected " + 2 * n);
        }
        for (int i = 0; i < xy.length; i++) {
            if (!Float.isFinite(xy[i])) throw new IllegalStateException("layout " + name + " gave a non-finite coordinate for item " + i / 2);
        }
    }

    static float[] keepRows(float[] data, int dim, int[] kept, int n) {
        if (kept.length == n) return data;
        float[] out = new float[kept.length * dim];
        for (int k = 0; k < kept.length; k++) System.arraycopy(data, kept[k] * dim, out, k * dim, dim);
        return out;
    }

    static String[] keep(String[] values, int[] kept) {
        if (kept.length == values.length) return values;
        String[] out = new String[kept.length];
        for (int k = 0; k < kept.length; k++) out[k] = values[kept[k]];
        return out;
    }

    private static long size(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }
}
