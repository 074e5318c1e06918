package org.embedscope.bundle;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.embedscope.atlas.PixelFormat;
import org.embedscope.atlas.PngEncoder;

/**
 * Test bundles, written as {@code prepare} writes them: the manifest and points through the real
 * {@link BundleWriter} (temporary folder, then a move into place), the pages through the real
 * {@link PngEncoder}. A test describes the items (layouts, labels, metadata, how each level's cells
 * look), writes the bundle, and may then damage one part of it through the {@link Written} handle.
 */
public final class BundleFixture {
    /** The pixel at ({@code x}, {@code y}) of item {@code item}'s cell, as 0xAARRGGBB (grey pages take the low byte). */
    @FunctionalInterface
    public interface Cells {
        int argb(int item, int x, int y);
    }

    private record Level(int cell, int columns, int rows, PixelFormat format, Cells cells) {}

    private final int count;
    private String name = "test";
    private final List<Manifest.Layout> layouts = new ArrayList<>();
    private final List<float[]> coords = new ArrayList<>();
    private String labelColumn;
    private String[] labels;
    private Map<String, String> labelNames = Map.of();
    private final Map<String, String[]> metadata = new LinkedHashMap<>();
    private AlphaMode alpha = AlphaMode.CHANNEL;
    private Ink ink = Ink.FULL;
    private final List<Level> levels = new ArrayList<>();
    private NeighborLists neighbors;

    private BundleFixture(int count) {
        this.count = count;
    }

    /** {@code count} points, x and y interleaved, each coordinate standard normal, from {@code seed}. */
    public static float[] gaussian(int count, long seed) {
        java.util.Random r = new java.util.Random(seed);
        float[] xy = new float[2 * count];
        for (int i = 0; i < xy.length; i++) xy[i] = (float) r.nextGaussian();
        return xy;
    }

    /** A bundle of {@code count} items; add at least one layout and one level. */
    public static BundleFixture items(int count) {
        return new BundleFixture(count);
    }

    public BundleFixture name(String name) {
        this.name = name;
        return this;
    }

    /** A layout with its coordinates, x0, y0, x1, y1, …; layouts are listed in the order added. */
    public BundleFixture layout(String layoutName, String title, float... xy) {
        if (xy.length != 2 * count) throw new IllegalArgumentException("layout " + layoutName + " needs " + 2 * count + " values");
        layouts.add(new Manifest.Layout(layoutName, title));
        coords.add(xy.clone());
        return this;
    }

    /** Each item's label in {@code column}, with display names of some values. */
    public BundleFixture labels(String column, Map<String, String> names, String... values) {
        if (values.length != count) throw new IllegalArgumentException("labels need " + count + " values");
        labelColumn = column;
        labels = values.clone();
        labelNames = Map.copyOf(names);
        return this;
    }

    /** A metadata column; columns are written in the order added. */
    public BundleFixture metadata(String column, String... values) {
        if (values.length != count) throw new IllegalArgumentException("metadata " + column + " needs " + count + " values");
        metadata.put(column, values.clone());
        return this;
    }

    /** A neighbours file: item {@code i}'s {@code k} nearest, nearest first, are {@code indices[i*k ..]} at {@code distances[i*k ..]}. */
    public BundleFixture neighbors(int k, int[] indices, float[] distances) {
        neighbors = new NeighborLists(count, k, indices.clone(), distances.clone());
        return this;
    }

    /** A neighbours file in which item {@code i}'s {@code k} nearest are the next {@code k} items round, at distances 1, 2, … */
    public BundleFixture ringNeighbors(int k) {
        int[] idx = new int[count * k];
        float[] dist = new float[count * k];
        for (int i = 0; i < count; i++) for (int r = 0; r < k; r++) {
            idx[i * k + r] = (i + r + 1) % count;
            dist[i * k + r] = r + 1;
        }
        return neighbors(k, idx, dist);
    }

    public BundleFixture alpha(AlphaMode mode) {
        alpha = mode;
        return this;
    }

    /** What a luminance atlas's kept texels show (the manifest's {@code atlas.ink}). */
    public BundleFixture ink(Ink kind) {
        ink = kind;
        return this;
    }

    /**
     * A level of detail (the first added is the finest): {@code columns × rows} cells of {@code cell}
     * pixels a page, as many pages as the items need, drawn by {@code cells}.
     */
    public BundleFixture level(int cell, int columns, int rows, PixelFormat format, Cells cells) {
        levels.add(new Level(cell, columns, rows, format, cells));
        return this;
    }

    /** Writes the bundle to {@code dir} (replacing a bundle there) and returns a handle on it. */
    public Written write(Path dir) throws IOException, BundleException {
        List<Manifest.Level> manifestLevels = new ArrayList<>();
        for (int l = 0; l < levels.size(); l++) {
            Level v = levels.get(l);
            int perPage = v.columns * v.rows, pages = Math.max(1, (count + perPage - 1) / perPage);
            List<String> files = new ArrayList<>();
            for (int p = 0; p < pages; p++) files.add(String.format("atlas/%d-%02d.png", l, p));
            manifestLevels.add(new Manifest.Level(v.cell, v.columns, v.rows, files));
        }
        Manifest manifest = new Manifest(name, count, BundleFormat.POINTS_FILE, layouts,
                labels != null ? new Manifest.Label(labelColumn, labelNames) : null,
                new Manifest.Atlas(alpha, ink, manifestLevels), Map.of("tool", "BundleFixture"));
        if (neighbors != null) manifest = manifest.withNeighbors(new Manifest.Neighbors(BundleFormat.NEIGHBORS_FILE, neighbors.k(), "euclidean"));
        try (BundleWriter w = BundleWriter.create(dir, null)) {
            w.writeManifest(manifest);
            w.writePoints(BundleFormat.POINTS_FILE, layouts, coords, labelColumn, labels, metadata);
            if (neighbors != null) w.writeNeighbors(BundleFormat.NEIGHBORS_FILE, neighbors);
            Files.createDirectories(w.dir().resolve("atlas"));
            for (int l = 0; l < levels.size(); l++) {
                List<String> files = manifestLevels.get(l).pages();
                for (int p = 0; p < files.size(); p++) writePage(w.dir().resolve(files.get(p)), levels.get(l), p);
            }
            w.commit();
        }
        return new Written(dir);
    }

    private void writePage(Path file, Level v, int page) throws IOException {
        int w = v.columns * v.cell, h = v.rows * v.cell, ch = v.format.channels;
        byte[] px = new byte[w * h * ch];
        for (int k = 0; k < v.columns * v.rows; k++) {
            int item = page * v.columns * v.rows + k;
            if (item >= count) break;
            int ox = (k % v.columns) * v.cell, oy = (k / v.columns) * v.cell;
            for (int y = 0; y < v.cell; y++) {
                for (int x = 0; x < v.cell; x++) {
                    int argb = v.cells.argb(item, x, y), o = ((oy + y) * w + ox + x) * ch;
                    switch (v.format) {
                        case GREY -> px[o] = (byte) argb;
                        case GREY_ALPHA -> {
                            px[o] = (byte) argb;
                            px[o + 1] = (byte) (argb >>> 24);
                        }
                        case RGB, RGBA -> {
                            px[o] = (byte) (argb >> 16);
                            px[o + 1] = (byte) (argb >> 8);
                            px[o + 2] = (byte) argb;
                            if (ch == 4) px[o + 3] = (byte) (argb >>> 24);
                        }
                    }
                }
            }
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            PngEncoder.write(out, px, w, h, v.format, 6);
        }
    }

    /**
     * The points of {@link #fiveItems()} as another tool may lay them out: label and metadata columns
     * between the coordinate columns, numbers in several spellings. For tests of the reader's column handling.
     */
    public static final String FIVE_ITEMS_INTERLEAVED_CSV = """
            file,umap_x,umap_y,label,tsne_x,tsne_y,note
            a.png,0.5,-1.5,10,100,200,x
            b.png,1.25,2e-3,2,101,201,y
            c.png,-3,4.75,7,102,202,x
            d.png,6,7,2,103,203,"quoted, with comma"
            e.png,-0.0,1E+2,7.0,104,205,x
            """;

    /**
     * Five items, for the loader's tests: layouts {@code umap} and {@code tsne}, label column
     * {@code label} (values 10, 2, 7, 2, 7.0 — numeric, so listed as 2, 7, 7.0, 10; "2" named "two"),
     * metadata columns {@code file} and {@code note} (one value holds a comma, so it is quoted).
     * Level 0: 4-pixel cells, 2×2 a page, two 8×8 grey pages whose pixel (x, y) is
     * {@code (x·7 + y·13) & 255}; level 1: 2-pixel cells, 3×2, one 6×4 RGBA page.
     */
    public static BundleFixture fiveItems() {
        return items(5)
                .layout("umap", "UMAP", 0.5f, -1.5f, 1.25f, 2e-3f, -3f, 4.75f, 6f, 7f, -0.0f, 100f)
                .layout("tsne", "t-SNE", 100, 200, 101, 201, 102, 202, 103, 203, 104, 205)
                .labels("label", Map.of("2", "two"), "10", "2", "7", "2", "7.0")
                .metadata("file", "a.png", "b.png", "c.png", "d.png", "e.png")
                .metadata("note", "x", "y", "x", "quoted, with comma", "x")
                .alpha(AlphaMode.LUMINANCE)
                .level(4, 2, 2, PixelFormat.GREY, (i, x, y) -> {
                    // Page pixel (px, py) = px·7 + py·13, whichever page.
                    int k = i % 4, px = (k % 2) * 4 + x, py = (k / 2) * 4 + y;
                    return (px * 7 + py * 13) & 255;
                })
                .level(2, 3, 2, PixelFormat.RGBA, (i, x, y) -> {
                    int px = (i % 3) * 2 + x, py = (i / 3) * 2 + y, b = (py * 6 + px) * 4 * 3;
                    return ((b + 9) & 255) << 24 | (b & 255) << 16 | ((b + 3) & 255) << 8 | ((b + 6) & 255);
                });
    }

    /** A written bundle, to load or to damage one part of. */
    public static final class Written {
        public final Path dir;

        Written(Path dir) {
            this.dir = dir;
        }

        public Path file(String relative) { return dir.resolve(relative); }

        public String json() throws IOException { return Files.readString(file(BundleFormat.MANIFEST_FILE)); }

        public String csv() throws IOException { return Files.readString(file(BundleFormat.POINTS_FILE)); }

        public Written writeJson(String text) throws IOException {
            Files.writeString(file(BundleFormat.MANIFEST_FILE), text);
            return this;
        }

        public Written writeCsv(String text) throws IOException {
            Files.writeString(file(BundleFormat.POINTS_FILE), text);
            return this;
        }

        /** Replaces {@code from} by {@code to} in bundle.json; refuses an edit that matches nothing. */
        public Written editJson(String from, String to) throws IOException { return writeJson(edited(json(), from, to)); }

        /** Replaces {@code from} by {@code to} in points.csv; refuses an edit that matches nothing. */
        public Written editCsv(String from, String to) throws IOException { return writeCsv(edited(csv(), from, to)); }

        private static String edited(String text, String from, String to) {
            if (!text.contains(from)) throw new IllegalArgumentException("'" + from + "' is not in:\n" + text);
            return text.replace(from, to);
        }

        public Bundle load() throws BundleException { return BundleReader.load(dir); }
    }
}
