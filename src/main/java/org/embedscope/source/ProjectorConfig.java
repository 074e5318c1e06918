package org.embedscope.source;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.embedscope.bundle.BundleException;

/**
 * TensorBoard's {@code projector_config.pbtxt} (the {@code ProjectorConfig} message, in text format):
 * the embeddings, each with its tensor file (or a checkpoint variable, which is not read here), shape,
 * metadata file and sprite. Paths are as TensorBoard resolves them: relative to the config's folder,
 * {@code ~} for the home folder, or absolute; an absolute path that does not exist here (a log copied
 * from the machine that wrote it) is looked for by its file name beside the config.
 */
public record ProjectorConfig(Path file, List<Embedding> embeddings) {
    /** The file name TensorBoard looks for. */
    public static final String FILE_NAME = "projector_config.pbtxt";

    /**
     * One embedding.
     *
     * @param tensorShape   rows and columns when given (needed for a raw float32 tensor), else empty
     * @param spriteCell    width and height of one image of the sprite sheet, or null without a sprite
     */
    public record Embedding(String tensorName, Path tensorPath, int[] tensorShape, Path metadataPath, Path spriteImage,
                            int[] spriteCell) {
        /** The name, without the {@code :0} TensorBoard drops. */
        public String name() { return tensorName.endsWith(":0") ? tensorName.substring(0, tensorName.length() - 2) : tensorName; }
    }

    /** The config in {@code dir} (or {@code dir/plugins/projector}, where TensorFlow's summary writer puts it), or the file itself. */
    public static Path locate(Path dir) throws BundleException {
        if (Files.isRegularFile(dir)) return dir;
        if (!Files.isDirectory(dir)) throw new BundleException(dir, null, "no such folder; expected a TensorBoard log folder holding " + FILE_NAME);
        for (Path p : new Path[] {dir.resolve(FILE_NAME), dir.resolve("plugins").resolve("projector").resolve(FILE_NAME)}) {
            if (Files.isRegularFile(p)) return p;
        }
        throw new BundleException(dir, null, "holds no " + FILE_NAME + " (nor plugins/projector/" + FILE_NAME + "); expected a projector log folder");
    }

    public static ProjectorConfig read(Path file) throws BundleException {
        String text;
        try {
            text = org.embedscope.bundle.TextFiles.readString(file);
        } catch (NoSuchFileException e) {
            throw new BundleException(file, null, "no such file");
        } catch (MalformedInputException e) {
            throw org.embedscope.bundle.TextFiles.notUtf8(file, "a projector config in protobuf text format");
        } catch (IOException e) {
            throw new BundleException(file, null, "cannot read: " + BundleException.describe(e));
        }
        TextProto.Message root = TextProto.parse(text, file);
        Path base = file.toAbsolutePath().getParent();
        List<Embedding> list = new ArrayList<>();
        List<TextProto.Message> embeddings = root.messages("embeddings");
        for (int e = 0; e < embeddings.size(); e++) {
            TextProto.Message m = embeddings.get(e);
            String field = "embeddings[" + e + "]";
            String tensorPath = m.string("tensor_path");
            String name = m.string("tensor_name");
            if (name == null || name.isEmpty()) name = tensorPath != null ? Path.of(tensorPath).getFileName().toString() : "embedding " + e;
            int[] shape = ints(m.strings("tensor_shape"), file, field + ".tensor_shape");
            TextProto.Message sprite = m.message("sprite");
            Path spriteImage = null;
            int[] cell = null;
            if (sprite != null && sprite.string("image_path") != null && !sprite.string("image_path").isEmpty()) {
                spriteImage = resolve(base, sprite.string("image_path"), file, field + ".sprite.image_path");
                cell = ints(sprite.strings("single_image_dim"), file, field + ".sprite.single_image_dim");
                if (cell.length != 2 || cell[0] <= 0 || cell[1] <= 0) {
                    throw new BundleException(file, field + ".sprite.single_image_dim", "expected two positive sizes (width, height) "
                            + "of one image of the sprite, as single_image_dim: W single_image_dim: H");
                }
            }
            String metadata = m.string("metadata_path");
            list.add(new Embedding(name,
                    tensorPath == null || tensorPath.isEmpty() ? null : resolve(base, tensorPath, file, field + ".tensor_path"),
                    shape,
                    metadata == null || metadata.isEmpty() ? null : resolve(base, metadata, file, field + ".metadata_path"),
                    spriteImage, cell));
        }
        if (list.isEmpty()) throw new BundleException(file, null, "lists no embeddings; expected embeddings { tensor_path: ... }");
        return new ProjectorConfig(file, list);
    }

    private static Path resolve(Path base, String path, Path file, String field) throws BundleException {
        try {
            String p = path.startsWith("~/") || path.equals("~") ? System.getProperty("user.home") + path.substring(1) : path;
            Path resolved = base.resolve(p).normalize();
            if (Path.of(p).isAbsolute() && !Files.exists(resolved) && resolved.getFileName() != null) {
                Path beside = base.resolve(resolved.getFileName());
                if (Files.isRegularFile(beside)) return beside;
            }
            return resolved;
        } catch (java.nio.file.InvalidPathException e) {
            throw new BundleException(file, field, "'" + path + "' is not a valid path: " + e.getReason());
        }
    }

    private static int[] ints(List<String> values, Path file, String field) throws BundleException {
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = Integer.parseInt(values.get(i));
                if (out[i] < 0) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw new BundleException(file, field, "'" + values.get(i) + "' is not a size; expected a whole number");
            }
        }
        return out;
    }

    /** The embedding called {@code name} ({@code :0} optional), or the only one when {@code name} is null. */
    public Embedding embedding(String name) throws BundleException {
        List<String> names = embeddings.stream().map(Embedding::name).toList();
        if (name == null) {
            if (embeddings.size() == 1) return embeddings.get(0);
            throw new BundleException(file, null, "lists " + embeddings.size() + " embeddings (" + String.join(", ", names)
                    + "); pick one with --tensor NAME");
        }
        String want = name.endsWith(":0") ? name.substring(0, name.length() - 2) : name;
        for (Embedding e : embeddings) if (e.name().equals(want)) return e;
        throw new BundleException(file, null, "has no embedding '" + name + "'; it lists " + String.join(", ", names));
    }
}
