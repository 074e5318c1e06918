package org.embedscope.export;

import org.embedscope.util.Counted;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.embedscope.annotate.AnnotatedColumns;
import org.embedscope.annotate.Annotations;
import org.embedscope.atlas.PixelFormat;
import org.embedscope.atlas.SpriteSheet;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.BundlePaths;
import org.embedscope.bundle.BundleWriter;
import org.embedscope.bundle.Manifest;
import org.embedscope.bundle.PageImage;
import org.embedscope.progress.Progress;
import org.embedscope.source.ProjectorConfig;
import org.embedscope.source.ProjectorExtras;

/**
 * A bundle as files TensorBoard's projector opens ({@code tensorboard --logdir OUT}): one embedding per
 * layout (its 2-D coordinates as a TSV tensor), the label and metadata columns as a metadata TSV (a
 * header row when there is more than one column, as TensorBoard reads it), and every image in one sprite
 * sheet of at most {@value #MAX_SPRITE}² pixels ({@link SpriteSheet}), with {@code projector_config.pbtxt}
 * tying them together, and what TensorBoard has no field for beside it ({@link ProjectorExtras}). Written into a temporary folder and moved into place when complete.
 */
public final class ProjectorExport {
    private ProjectorExport() {}

    /** The largest sprite sheet side TensorBoard's projector takes. */
    public static final int MAX_SPRITE = 8192;

    public static final String SPRITE_FILE = "sprite.png";
    public static final String METADATA_FILE = "metadata.tsv";

    /** What was written. */
    public record Result(Path dir, int points, int embeddings, int cell, int spriteWidth, int spriteHeight) {}

    /** The tensor file of layout {@code name} (layout names are plain, so this is one file name). */
    public static String tensorFile(String layout) {
        return "layout-" + layout + ".tsv";
    }

    public static Result write(Bundle bundle, Path out, Progress progress, Runnable onInterrupt) throws BundleException {
        return write(bundle, null, out, MAX_SPRITE, progress, onInterrupt);
    }

    /**
     * As {@link #write(Bundle, Path, Progress, Runnable)}, with a user's corrections {@code edits} (null for
     * none) in the metadata: the label column holds the corrected labels, then the bundle's own and the tags
     * (named as {@link AnnotatedColumns} says, as in {@code select}'s CSV).
     */
    public static Result write(Bundle bundle, Annotations edits, Path out, Progress progress, Runnable onInterrupt) throws BundleException {
        return write(bundle, edits, out, MAX_SPRITE, progress, onInterrupt);
    }

    static Result write(Bundle bundle, Path out, int maxSprite, Progress progress, Runnable onInterrupt) throws BundleException {
        return write(bundle, null, out, maxSprite, progress, onInterrupt);
    }

    static Result write(Bundle bundle, Annotations edits, Path out, int maxSprite, Progress progress, Runnable onInterrupt) throws BundleException {
        Manifest m = bundle.manifest();
        int n = bundle.count();
        Manifest.Level finest = m.atlas().finest();
        int channels = bundle.pageSizes().get(0).maxChannels();
        SpriteSheet sheet;
        try {
            sheet = SpriteSheet.plan(n, finest.cell(), PixelFormat.ofChannels(channels), maxSprite);
        } catch (IllegalArgumentException e) {
            throw new BundleException(bundle.dir(), null, e.getMessage());
        }
        try (BundleWriter writer = BundleWriter.create(out, ProjectorConfig.FILE_NAME, onInterrupt)) {
            Path dir = writer.dir();
            progress.stage("writing tensors", m.layouts().size());
            for (int l = 0; l < m.layouts().size(); l++) {
                progress.checkCancelled();
                float[] xy = bundle.coords(l);
                text(dir.resolve(tensorFile(m.layouts().get(l).name())), w -> {
                    StringBuilder sb = new StringBuilder(32);
                    for (int i = 0; i < n; i++) {
                        sb.setLength(0);
                        sb.append(xy[2 * i]).append('\t').append(xy[2 * i + 1]).append('\n');
                        w.write(sb.toString());
                    }
                });
                progress.advance(l + 1);
            }
            List<String> columns = writeMetadata(bundle, edits, dir.resolve(METADATA_FILE), progress);
            writeSprite(bundle, sheet, channels, dir.resolve(SPRITE_FILE), progress);
            text(dir.resolve(ProjectorConfig.FILE_NAME), w -> w.write(config(m, !columns.isEmpty(), sheet.cell(), n)));
            extras(bundle, edits, columns).write(dir.resolve(ProjectorExtras.FILE_NAME));
            progress.checkCancelled();
            writer.commit();
            return new Result(writer.target(), n, m.layouts().size(), sheet.cell(), sheet.width(), sheet.height());
        }
    }

    /** The config: an embedding per layout, all sharing the metadata and the sprite. */
    static String config(Manifest m, boolean metadata, int cell, int n) {
        StringBuilder sb = new StringBuilder("# Written by embedscope export-projector from the bundle '").append(oneLine(m.name()))
                .append("'; open with: tensorboard --logdir <this folder>\n");
        for (Manifest.Layout l : m.layouts()) {
            sb.append("embeddings {\n");
            sb.append("  tensor_name: ").append(quote(l.name())).append('\n');
            sb.append("  tensor_path: ").append(quote(tensorFile(l.name()))).append('\n');
            sb.append("  tensor_shape: ").append(n).append("\n  tensor_shape: 2\n");
            if (metadata) sb.append("  metadata_path: ").append(quote(METADATA_FILE)).append('\n');
            sb.append("  sprite {\n    image_path: ").append(quote(SPRITE_FILE)).append('\n');
            sb.append("    single_image_dim: ").append(cell).append("\n    single_image_dim: ").append(cell).append("\n  }\n}\n");
        }
        return sb.toString();
    }

    /**
     * What TensorBoard has no field for, for prepare --projector to take back: the name, the label's names
     * (the label being the first of the metadata's {@code columns}, its names the second), the titles.
     */
    private static ProjectorExtras extras(Bundle b, Annotations edits, List<String> columns) {
        Manifest m = b.manifest();
        boolean labelled = b.hasLabels() || (edits != null && AnnotatedColumns.hasLabels(b, edits));
        Map<String, String> names = labelled && named(m.label()) ? m.label().names() : Map.of();
        Map<String, String> titles = new LinkedHashMap<>();
        for (Manifest.Layout l : m.layouts()) titles.put(tensorFile(l.name()), l.title());
        return new ProjectorExtras(m.name(), labelled ? columns.get(0) : null, names, names.isEmpty() ? null : columns.get(1), titles);
    }

    private static boolean named(Manifest.Label label) {
        return label != null && label.names() != null && !label.names().isEmpty();
    }

    /**
     * The label (raw values; then their display names when the bundle names them) and the metadata
     * columns, tab-separated. Returns the columns' names; none, writing nothing, when the bundle has neither.
     */
    private static List<String> writeMetadata(Bundle b, Annotations edits, Path file, Progress progress) throws BundleException {
        List<String> names = new ArrayList<>();
        List<java.util.function.IntFunction<String>> values = new ArrayList<>();
        Manifest.Label label = b.manifest().label();
        boolean named = named(label);
        java.util.function.IntFunction<String> bundleLabel = i -> b.labelValues().get(b.labels()[i]);
        AnnotatedColumns annotated = edits == null ? null : AnnotatedColumns.of(b);
        if (edits != null && AnnotatedColumns.hasLabels(b, edits)) {
            java.util.function.IntFunction<String> edited = i -> edits.labelValue(i) == null ? "" : edits.labelValue(i);
            names.add(annotated.label());
            values.add(edited);
            if (named) {
                names.add(annotated.label() + "_name");
                values.add(i -> label.displayName(edited.apply(i)));
            }
            if (b.hasLabels()) {
                names.add(annotated.original());
                values.add(bundleLabel);
            }
        } else if (b.hasLabels()) {
            names.add(label.column());
            values.add(bundleLabel);
            if (named) {
                names.add(label.column() + "_name");
                values.add(i -> b.labelName(b.labels()[i]));
            }
        }
        for (int c = 0; c < b.metaColumns().size(); c++) {
            int column = c;
            names.add(b.metaColumns().get(c));
            values.add(i -> b.meta(column, i));
        }
        if (edits != null) {
            names.add(annotated.tags());
            values.add(i -> AnnotatedColumns.tagCell(edits, i));
        }
        if (names.isEmpty()) return names;
        progress.stage("writing metadata", b.count());
        text(file, w -> {
            StringBuilder sb = new StringBuilder();
            if (names.size() > 1) { // TensorBoard reads a header exactly when the first line has a tab
                for (int c = 0; c < names.size(); c++) sb.append(c == 0 ? "" : "\t").append(field(names.get(c)));
                w.write(sb.append('\n').toString());
            }
            for (int i = 0; i < b.count(); i++) {
                sb.setLength(0);
                for (int c = 0; c < values.size(); c++) sb.append(c == 0 ? "" : "\t").append(field(values.get(c).apply(i)));
                w.write(sb.append('\n').toString());
                progress.advance(i + 1);
            }
        });
        return names;
    }

    private static void writeSprite(Bundle b, SpriteSheet sheet, int channels, Path file, Progress progress) throws BundleException {
        Manifest.Level level = b.manifest().atlas().finest();
        int c = level.cell(), n = b.count();
        progress.stage("composing the sprite (" + sheet.width() + "×" + sheet.height() + ", " + sheet.cell() + "-px cells)", n);
        int done = 0;
        for (int p = 0; p < level.pages().size(); p++) {
            progress.checkCancelled();
            Path png = BundlePaths.resolve(b.dir(), level.pages().get(p), "atlas.levels[0].pages[" + p + "]");
            try (PageImage page = PageImage.read(png, channels)) {
                ByteBuffer px = page.pixels();
                int first = p * level.cellsPerPage(), last = Math.min(n, first + level.cellsPerPage());
                byte[] cell = new byte[c * c * channels];
                for (int i = first; i < last; i++) {
                    int x0 = level.column(i) * c, y0 = level.row(i) * c;
                    for (int y = 0; y < c; y++) px.get(((y0 + y) * page.width() + x0) * channels, cell, y * c * channels, c * channels);
                    sheet.put(i, cell);
                    progress.advance(++done);
                }
            }
        }
        // By rows: a million items' sprite (7175 px square) takes 4.5 s to compress, which showed no progress.
        progress.stage("writing " + file.getFileName(), sheet.height());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            sheet.writePng(out, 6, progress::advance);
        } catch (IOException e) {
            throw new BundleException(file, null, "cannot write: " + BundleException.describe(e));
        }
    }

    /** A TSV field: TSV has no quoting, so tabs and line breaks become spaces. */
    static String field(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\p{Cntrl}]", " ");
    }

    /** A text-format string literal. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }

    private interface TextContent {
        void writeTo(BufferedWriter w) throws IOException;
    }

    private static void text(Path file, TextContent content) throws BundleException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            content.writeTo(w);
        } catch (IOException e) {
            throw new BundleException(file, null, "cannot write: " + BundleException.describe(e));
        }
    }

    /** One line saying what was written. */
    public static String describe(Result r) {
        return String.format(Locale.ROOT, "%s, %s, sprite %d×%d (%d-px cells)", Counted.of(r.points(), "point"), Counted.of(r.embeddings(), "embedding"),
                r.spriteWidth(), r.spriteHeight(), r.cell());
    }
}
