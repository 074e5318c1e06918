package org.embedscope.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.embedscope.bundle.BundleException;

/**
 * Bring-your-own data: feature vectors to compute layouts on, and precomputed 2-D coordinates, from
 * {@code .npy} files ({@code np.save}) or text ({@code np.savetxt}, CSV). The format is recognised by the
 * {@code .npy} magic, not the name. Row counts and values are checked against the items.
 */
public final class VectorFiles {
    private VectorFiles() {}

    private static Matrix readAny(Path file) throws BundleException {
        return NpyFile.isNpy(file) ? NpyFile.read(file) : TextMatrix.read(file);
    }

    /** Feature vectors: {@code expectedRows} rows of any width, all finite. */
    public static Matrix readVectors(Path file, int expectedRows) throws BundleException {
        Matrix m = readVectors(file);
        checkRows(file, m, expectedRows, "vectors");
        return m;
    }

    /** Feature vectors: any number of rows of any width, all finite. */
    public static Matrix readVectors(Path file) throws BundleException {
        Matrix m = readAny(file);
        checkFinite(file, m);
        return m;
    }

    /**
     * Coordinates: an {@code (n, 2)} array, or a text table with columns {@code x} and {@code y}
     * (or {@code NAME_x}/{@code NAME_y}, or exactly two columns). Returns x0, y0, x1, y1, …
     */
    public static float[] readCoordinates(Path file, int expectedRows, String layoutName) throws BundleException {
        Matrix m = readAny(file);
        int xc, yc;
        if (m.columnNames() != null) {
            List<String> names = m.columnNames().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
            xc = names.indexOf("x");
            yc = names.indexOf("y");
            if (xc < 0 || yc < 0) {
                xc = names.indexOf(layoutName.toLowerCase(Locale.ROOT) + "_x");
                yc = names.indexOf(layoutName.toLowerCase(Locale.ROOT) + "_y");
            }
            if ((xc < 0 || yc < 0) && m.cols() == 2) { xc = 0; yc = 1; }
            if (xc < 0 || yc < 0) {
                throw new BundleException(file, "line 1", "has columns " + String.join(", ", m.columnNames())
                        + "; expected columns x and y (or " + layoutName + "_x and " + layoutName + "_y)");
            }
        } else {
            if (m.cols() != 2) {
                throw new BundleException(file, null, "has shape (" + m.rows() + ", " + m.cols() + "); expected (n, 2) coordinates, "
                        + "one row of x, y per item");
            }
            xc = 0;
            yc = 1;
        }
        checkRows(file, m, expectedRows, "coordinates");
        // Text tables refuse non-finite values as they are read, so this only finds them in an (n, 2) .npy.
        checkFinite(file, m);
        float[] xy = new float[2 * m.rows()];
        for (int r = 0; r < m.rows(); r++) {
            xy[2 * r] = m.get(r, xc);
            xy[2 * r + 1] = m.get(r, yc);
        }
        return xy;
    }

    private static void checkRows(Path file, Matrix m, int expected, String what) throws BundleException {
        if (m.rows() != expected) {
            throw new BundleException(file, null, "holds " + m.rows() + " rows of " + what + "; expected " + expected + ", one per item");
        }
    }

    private static void checkFinite(Path file, Matrix m) throws BundleException {
        float[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            if (!Float.isFinite(d[i])) {
                throw new BundleException(file, "row " + i / m.cols() + ", column " + i % m.cols() + " (0-based)",
                        d[i] + " is not a finite number; expected finite values");
            }
        }
    }
}
