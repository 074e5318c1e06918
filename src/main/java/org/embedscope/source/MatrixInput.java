package org.embedscope.source;

import java.nio.file.Path;
import org.embedscope.bundle.BundleException;

/**
 * A table of numbers brought from outside, read when needed: feature vectors to compute layouts on,
 * or a layout's coordinates. A {@code .npy} or text file, an array in an {@code .npz} archive, a
 * TensorBoard projector's tensor, columns of a CSV list. {@link VectorFiles} checks what it reads.
 */
public interface MatrixInput {
    /** Reads the rows. */
    Matrix read() throws BundleException;

    /** The file read, named in messages. */
    Path file();

    /** Where in the file the table is, for messages ({@code "array 'emb'"}); null for the whole file. */
    default String part() { return null; }

    /** A short name for the manifest: the file's name, and the part when there is one. */
    String name();
}
