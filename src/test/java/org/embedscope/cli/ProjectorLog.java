package org.embedscope.cli;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.embedscope.TestData;

/**
 * A TensorBoard projector log as TensorBoard's own tools lay it out, written for a test: a sprite
 * sheet of {@code n} distinct colour images (row-major from the top-left), the tensor as TSV and as raw
 * float32 bytes, metadata with a header (two columns) and without (one column), and the config.
 */
final class ProjectorLog {
    private ProjectorLog() {}

    static final int CELL = 8;

    /** The colour (ARGB) of pixel (x, y) of image {@code i}. */
    static int colour(int i, int x, int y) {
        return 0xff000000 | (20 + i * 23) << 16 | (x * 31) << 8 | (y * 29 + i * 3);
    }

    /** Value {@code d} of point {@code i}'s vector. */
    static float value(int i, int d) {
        return (float) Math.sin(i * 1.3 + d * 0.7) * (d + 1);
    }

    static final String[] CLASSES = {"cat", "dog", "bird"};

    /** Writes the log into {@code dir}: {@code n} points of {@code dim} values, sprites {@code perRow} to a row. */
    static Path write(Path dir, int n, int dim, int perRow) throws Exception {
        Files.createDirectories(dir);
        int rows = (n + perRow - 1) / perRow;
        BufferedImage sheet = TestData.argb(perRow * CELL, rows * CELL, false, (x, y) -> {
            int i = (y / CELL) * perRow + x / CELL;
            return i < n ? colour(i, x % CELL, y % CELL) : 0xff000000;
        });
        TestData.save(sheet, "png", dir.resolve("sprite.png"));
        StringBuilder tsv = new StringBuilder();
        ByteBuffer bytes = ByteBuffer.allocate(n * dim * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                tsv.append(d == 0 ? "" : "\t").append(value(i, d));
                bytes.putFloat(value(i, d));
            }
            tsv.append('\n');
        }
        Files.writeString(dir.resolve("tensors.tsv"), tsv);
        Files.write(dir.resolve("tensors.bytes"), bytes.array());
        StringBuilder two = new StringBuilder("class\tcaption\n"), one = new StringBuilder();
        for (int i = 0; i < n; i++) {
            two.append(CLASSES[i % 3]).append('\t').append("image number ").append(i).append('\n');
            one.append(CLASSES[i % 3]).append('\n');
        }
        Files.writeString(dir.resolve("metadata.tsv"), two);
        Files.writeString(dir.resolve("labels.tsv"), one);
        Files.writeString(dir.resolve("projector_config.pbtxt"), """
                # written by hand, as people do
                embeddings {
                  tensor_name: "as_text:0"
                  tensor_path: "tensors.tsv"
                  metadata_path: "metadata.tsv"
                  sprite {
                    image_path: "sprite.png"
                    single_image_dim: %d
                    single_image_dim: %d
                  }
                }
                embeddings <
                  tensor_name: 'as_bytes'
                  tensor_path: "tensors" ".bytes"
                  tensor_shape: [%d, %d]
                  metadata_path: "labels.tsv";
                  sprite: { image_path: "sprite.png" single_image_dim: %d single_image_dim: %d }
                  bookmarks_path: "unused.txt"
                >
                model_checkpoint_path: "model.ckpt-100"
                """.formatted(CELL, CELL, n, dim, CELL, CELL));
        return dir;
    }
}
