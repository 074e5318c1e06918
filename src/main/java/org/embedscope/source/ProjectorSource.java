package org.embedscope.source;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.CsvErrors;
import org.embedscope.bundle.TextFiles;

/**
 * The images of a TensorBoard projector log, with its tensor as the feature vectors: one embedding of
 * {@code projector_config.pbtxt} ({@link ProjectorConfig}); its sprite sheet cut into cells of
 * {@code single_image_dim}, row-major from the top-left as TensorBoard lays them out (as many per row
 * as fit the sheet's width); its metadata TSV, which has a header row exactly when it has more than
 * one column, as TensorBoard defines it. The first metadata column is the label unless another is
 * named; the other columns are carried as metadata. A log that {@code export-projector} wrote also
 * gives back the bundle's label names ({@link ProjectorExtras}).
 */
public final class ProjectorSource implements ImageSource {
    /** The name of a header-less metadata file's one column. */
    public static final String SINGLE_COLUMN = "label";

    private final ProjectorConfig.Embedding embedding;
    private final ProjectorTensor tensor;
    private final int count;
    private final int perRow;
    private final String[] labels;
    private final Map<String, String[]> metadata;
    private final Path dir;
    private final ProjectorExtras extras;
    private final Map<String, String> labelNames;
    private DecodedImage sheet;

    private ProjectorSource(Path dir, ProjectorConfig.Embedding embedding, ProjectorTensor tensor, int count, int perRow, String[] labels,
                            Map<String, String[]> metadata, ProjectorExtras extras, Map<String, String> labelNames) {
        this.dir = dir;
        this.extras = extras;
        this.labelNames = labelNames;
        this.embedding = embedding;
        this.tensor = tensor;
        this.count = count;
        this.perRow = perRow;
        this.labels = labels;
        this.metadata = metadata;
    }

    /**
     * Opens the projector log in {@code dir} (or its config file): reads the config and the tensor,
     * the metadata, and the sprite's size; bad input is refused naming the file and what was expected.
     *
     * @param tensorName  the embedding to show, null for the only one
     * @param labelColumn the metadata column holding labels, null for the first
     */
    public static ProjectorSource open(Path dir, String tensorName, String labelColumn) throws BundleException {
        ProjectorConfig config = ProjectorConfig.read(ProjectorConfig.locate(dir));
        ProjectorConfig.Embedding e = config.embedding(tensorName);
        if (e.tensorPath() == null) {
            throw new BundleException(config.file(), null, "embedding '" + e.name() + "' has no tensor_path: its tensor is in a "
                    + "TensorFlow checkpoint, which is not read here; save it as TSV (one row per point, tab-separated)");
        }
        if (e.spriteImage() == null) {
            throw new BundleException(config.file(), null, "embedding '" + e.name() + "' has no sprite (sprite { image_path: ... "
                    + "single_image_dim: W single_image_dim: H }); embedscope draws the images, so it needs them");
        }
        ProjectorTensor tensor = new ProjectorTensor(e.tensorPath(), e.tensorShape());
        int n = tensor.read().rows();
        int[] sheetSize = ImageFiles.size(e.spriteImage(), "the sprite of '" + e.name() + "'");
        int cw = e.spriteCell()[0], chh = e.spriteCell()[1];
        int perRow = sheetSize[0] / cw;
        int rows = perRow == 0 ? Integer.MAX_VALUE : (n + perRow - 1) / perRow;
        if (perRow == 0 || (long) rows * chh > sheetSize[1]) {
            throw new BundleException(e.spriteImage(), null, "is " + sheetSize[0] + "×" + sheetSize[1] + " pixels: too small for " + n
                    + " images of " + cw + "×" + chh + " (single_image_dim) laid out row by row from the top-left");
        }
        String[] labels = null;
        Map<String, String[]> metadata = new LinkedHashMap<>();
        ProjectorExtras extras = ProjectorExtras.read(config.file());
        Map<String, String> labelNames = Map.of();
        if (e.metadataPath() != null) {
            Metadata m = readMetadata(e.metadataPath(), n);
            int label = 0;
            if (labelColumn != null) {
                label = m.names().indexOf(labelColumn);
                if (label < 0) {
                    throw new BundleException(e.metadataPath(), "line 1", "has no column '" + labelColumn + "' (columns: "
                            + String.join(", ", m.names()) + ")" + (m.names().size() == 1 ? "; a metadata file of one column has no "
                            + "header, and that column is the label" : ""));
                }
            }
            labels = m.columns().get(label);
            for (int c = 0; c < m.names().size(); c++) if (c != label) metadata.put(m.names().get(c), m.columns().get(c));
            // The names of an export's labels are the bundle's again; the column spelling them out was made from them.
            if (extras != null && m.names().get(label).equals(extras.labelColumn()) && !extras.labelNames().isEmpty()) {
                labelNames = extras.labelNames();
                if (extras.nameColumn() != null) metadata.remove(extras.nameColumn());
            }
        } else if (labelColumn != null) {
            throw new BundleException(config.file(), null, "embedding '" + e.name() + "' has no metadata_path, so no column '" + labelColumn + "'");
        }
        Path base = config.file().toAbsolutePath().getParent();
        return new ProjectorSource(base, e, tensor, n, perRow, labels, metadata, extras, labelNames);
    }

    /** The metadata columns: names (the header, or {@value #SINGLE_COLUMN}) and values, one per point. */
    private record Metadata(List<String> names, List<String[]> columns) {}

    private static Metadata readMetadata(Path file, int n) throws BundleException {
        List<String> lines;
        try {
            lines = new ArrayList<>(TextFiles.readAllLines(file));
        } catch (NoSuchFileException ex) {
            throw new BundleException(file, null, "no such file (the projector config's metadata_path)");
        } catch (MalformedInputException ex) {
            throw TextFiles.notUtf8(file, "UTF-8 tab-separated metadata");
        } catch (IOException ex) {
            throw new BundleException(file, null, "cannot read: " + BundleException.describe(ex));
        }
        if (lines.isEmpty()) throw new BundleException(file, null, "is empty; expected one line of metadata per point");
        boolean header = lines.get(0).indexOf('\t') >= 0; // as TensorBoard decides it
        List<String> names = new ArrayList<>();
        if (header) {
            for (String s : lines.get(0).split("\t", -1)) {
                String t = s.strip();
                if (t.isEmpty()) throw new BundleException(file, "line 1", "a header field is empty; expected a name for every column");
                if (names.contains(t)) throw new BundleException(file, "line 1", "column '" + t + "' is named twice");
                names.add(t);
            }
        } else {
            names.add(SINGLE_COLUMN);
        }
        int first = header ? 1 : 0;
        int last = lines.size();
        while (last > first + n && lines.get(last - 1).isEmpty()) last--; // a trailing empty line
        if (last - first != n) {
            throw new BundleException(file, null, "holds " + (last - first) + " rows of metadata" + (header ? " after its header" : "")
                    + "; expected " + n + ", one per row of the tensor");
        }
        List<String[]> columns = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) columns.add(new String[n]);
        for (int i = 0; i < n; i++) {
            String line = lines.get(first + i);
            String[] f = header ? line.split("\t", -1) : new String[] {line};
            if (f.length != names.size()) {
                throw CsvErrors.fieldCount(file, first + i + 1, f.length, names.size());
            }
            for (int c = 0; c < f.length; c++) columns.get(c)[i] = f[c];
        }
        return new Metadata(names, columns);
    }

    /** What export-projector kept of the bundle beside the config ({@link ProjectorExtras}), or null for a log without it. */
    public ProjectorExtras extras() { return extras; }

    @Override public Map<String, String> labelNames() { return labelNames; }

    /** The folder of the config, and of what export-projector kept beside it (absolute, normalised). */
    public Path extrasDir() { return dir.normalize(); }

    /** The tensor: the feature vectors the layouts are computed on. */
    public MatrixInput tensor() { return tensor; }

    /** The embedding being shown. */
    public ProjectorConfig.Embedding embedding() { return embedding; }

    private synchronized DecodedImage sheet() throws BundleException {
        if (sheet == null) sheet = ImageFiles.readWhole(embedding.spriteImage(), "the sprite of '" + embedding.name() + "'");
        return sheet;
    }

    @Override public int count() { return count; }

    @Override
    public DecodedImage decode(int i) throws BundleException {
        DecodedImage s = sheet();
        int w = embedding.spriteCell()[0], h = embedding.spriteCell()[1], ch = s.channels();
        int x0 = (i % perRow) * w, y0 = (i / perRow) * h;
        byte[] px = new byte[w * h * ch];
        for (int y = 0; y < h; y++) System.arraycopy(s.pixels(), ((y0 + y) * s.width() + x0) * ch, px, y * w * ch, w * ch);
        return new DecodedImage(w, h, ch, px).compact();
    }

    @Override public int[] size(int i) { return embedding.spriteCell().clone(); }

    @Override
    public String itemName(int i) {
        return embedding.spriteImage().getFileName() + " cell " + i + " (row " + i / perRow + ", column " + i % perRow + ")";
    }

    @Override public String[] labels() { return labels; }

    @Override public Map<String, String[]> metadata() { return metadata; }

    @Override
    public String description() {
        return "projector " + (dir.getFileName() == null ? dir : dir.getFileName()) + ", embedding " + embedding.name() + " (" + count + " points)";
    }
}
