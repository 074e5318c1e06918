package org.embedscope.source;

import java.util.List;

/**
 * A row-major {@code rows × cols} float matrix, as read from a vectors or coordinates file.
 * {@code columnNames} is the text file's header, or null (no header, or a {@code .npy} file).
 */
public record Matrix(int rows, int cols, float[] data, List<String> columnNames) {
    public Matrix {
        if (data.length != (long) rows * cols) throw new IllegalArgumentException("expected rows*cols values");
    }

    public float get(int row, int col) { return data[row * cols + col]; }
}
