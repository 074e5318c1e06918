package org.embedscope.bundle;

import java.nio.file.Path;
import java.util.List;

/**
 * A bundle loaded into memory: the manifest, every layout's coordinates, labels and metadata.
 * Atlas pages are decoded on demand with {@link #readPage}, since the renderer uploads them to the
 * GPU once and needs no copy afterwards.
 *
 * <p>Coordinates are as the file gives them (any units); the renderer normalises each layout.
 */
public final class Bundle {
    private final Path dir;
    private final Manifest manifest;
    private final List<AtlasCheck.LevelPages> pageSizes;
    private final float[][] coords;
    private final int[] labels;
    private final List<String> labelValues;
    private final List<String> metaColumns;
    private final String[][] meta;
    private final List<String> columns;
    private final NeighborSource neighbors;

    /** Where a bundle's neighbour lists come from: read already, or read when first asked for. */
    public interface NeighborSource {
        NeighborLists get() throws BundleException;
    }

    /**
     * @param pageSizes   per level, the size of its pages as their headers declare (see {@link AtlasCheck})
     * @param coords      per layout (manifest order), {@code 2 * count} floats: x0, y0, x1, y1, …
     * @param labels      per item, an index into {@code labelValues}; null when the bundle has no label
     * @param labelValues the distinct raw label values, in display order (numeric order when all are numbers)
     * @param metaColumns names of the other columns of the points file, in file order
     * @param meta        {@code meta[c][i]}: column {@code c}'s value for item {@code i}
     */
    public Bundle(Path dir, Manifest manifest, List<AtlasCheck.LevelPages> pageSizes, float[][] coords, int[] labels,
                  List<String> labelValues, List<String> metaColumns, String[][] meta) {
        this(dir, manifest, pageSizes, coords, labels, labelValues, metaColumns, meta, defaultColumns(manifest, metaColumns), (NeighborSource) null);
    }

    /**
     * As above, with {@code columns}: every column of the points file (coordinates, label, metadata) in
     * file order, as its header names them; and {@code neighbors}, the neighbours file's lists, null when
     * the bundle has none.
     */
    public Bundle(Path dir, Manifest manifest, List<AtlasCheck.LevelPages> pageSizes, float[][] coords, int[] labels,
                  List<String> labelValues, List<String> metaColumns, String[][] meta, List<String> columns,
                  NeighborLists neighbors) {
        this(dir, manifest, pageSizes, coords, labels, labelValues, metaColumns, meta, columns, neighbors == null ? null : () -> neighbors);
    }

    /** As above, the neighbours from {@code neighbors} (null when the bundle has none). */
    public Bundle(Path dir, Manifest manifest, List<AtlasCheck.LevelPages> pageSizes, float[][] coords, int[] labels,
                  List<String> labelValues, List<String> metaColumns, String[][] meta, List<String> columns,
                  NeighborSource neighbors) {
        this.dir = dir;
        this.manifest = manifest;
        this.pageSizes = List.copyOf(pageSizes);
        this.coords = coords;
        this.labels = labels;
        this.labelValues = labelValues == null ? List.of() : List.copyOf(labelValues);
        this.metaColumns = List.copyOf(metaColumns);
        this.meta = meta;
        this.neighbors = neighbors;
        this.columns = List.copyOf(columns);
    }

    /** Without a header to follow: each layout's x and y, the label, then the metadata. */
    private static List<String> defaultColumns(Manifest manifest, List<String> metaColumns) {
        List<String> c = new java.util.ArrayList<>();
        for (Manifest.Layout l : manifest.layouts()) {
            c.add(l.xColumn());
            c.add(l.yColumn());
        }
        if (manifest.label() != null) c.add(manifest.label().column());
        c.addAll(metaColumns);
        return c;
    }


    public Path dir() { return dir; }

    public Manifest manifest() { return manifest; }

    public int count() { return manifest.count(); }

    /** Per level (manifest order), the size of its pages, read from their headers at load time. */
    public List<AtlasCheck.LevelPages> pageSizes() { return pageSizes; }

    /** Layout {@code layout}'s coordinates, interleaved x, y; {@code 2 * count} floats. Do not modify. */
    public float[] coords(int layout) { return coords[layout]; }

    /** True when the bundle declares a label column. */
    public boolean hasLabels() { return labels != null; }

    /** Per item, an index into {@link #labelValues()}; null without labels. Do not modify. */
    public int[] labels() { return labels; }

    public List<String> labelValues() { return labelValues; }

    /** The display name of label value {@code index}. */
    public String labelName(int index) {
        String v = labelValues.get(index);
        return manifest.label() == null ? v : manifest.label().displayName(v);
    }

    public List<String> metaColumns() { return metaColumns; }

    /**
     * Every column of the points file in file order, as its header names them: each layout's
     * {@code L_x} and {@code L_y}, the label column and the metadata columns, interleaved as written.
     */
    public List<String> pointsColumns() { return columns; }

    /** Column {@code column}'s value for item {@code item}. */
    public String meta(int column, int item) { return meta[column][item]; }

    /** True when the bundle has a neighbours file. */
    public boolean hasNeighbors() { return neighbors != null; }

    /**
     * Each item's nearest other items in the layouts' input space, nearest first; null without. Do not
     * modify. Read now when the bundle was loaded deferring them ({@link BundleReader#loadForViewing}),
     * which is when a defect in the file's body is reported.
     */
    public NeighborLists neighbors() throws BundleException { return neighbors == null ? null : neighbors.get(); }

    /** Starts reading the neighbours on a background thread, if they are deferred and not read yet; a defect is kept for {@link #neighbors()}. */
    public void prefetchNeighbors() {
        if (neighbors == null) return;
        Thread t = new Thread(() -> {
            try {
                neighbors.get();
            } catch (BundleException e) {
                // reported by the next neighbors() call
            }
        }, "neighbours");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Decodes page {@code page} of level {@code level}; the caller closes it. */
    public PageImage readPage(int level, int page) throws BundleException {
        return readPage(dir, manifest, level, page);
    }

    /** Decodes page {@code page} of level {@code level} of the bundle in {@code dir}, before the points are loaded. */
    public static PageImage readPage(Path dir, Manifest manifest, int level, int page) throws BundleException {
        Manifest.Level l = manifest.atlas().levels().get(level);
        String field = "atlas.levels[" + level + "].pages[" + page + "]";
        return PageImage.read(BundlePaths.resolve(dir, l.pages().get(page), field));
    }
}
