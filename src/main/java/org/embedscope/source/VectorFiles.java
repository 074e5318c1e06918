package org.embedscope.source;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.embedscope.bundle.BundleException;

/**
 * Bring-your-own data: feature vectors to compute layouts on, and precomputed 2-D coordinates, from
 * {@code .npy} files ({@code np.save}), arrays of {@code .npz} archives ({@code np.savez}: {@code FILE.npz:NAME},
 * or the only array), text ({@code np.savetxt}, CSV, pandas' {@code to_csv}) or any other {@link MatrixInput}.
 * The file format is recognised by its magic bytes, not its name. Row counts and values are checked against the items.
 */
public final class VectorFiles {
    private VectorFiles() {}

    /** A whole file, or one array of an {@code .npz} archive ({@code member} null: the only one). */
    public record FileInput(Path file, String member) implements MatrixInput {
        @Override
        public Matrix read() throws BundleException {
            // Said as the text reader says it: a missing x.npy had been "not a NumPy .npy file".
            if (java.nio.file.Files.notExists(file)) throw new BundleException(file, null, "no such file");
            if (NpyFile.isNpy(file)) {
                if (member != null) throw new BundleException(file, null, "is a .npy file holding one array; ':" + member + "' names an .npz member");
                return NpyFile.read(file);
            }
            if (NpzFile.isNpz(file)) return NpzFile.read(file, member);
            if (member != null) throw new BundleException(file, null, "is not an .npz archive, so it has no array '" + member + "'");
            // Named as NumPy's but not one (a damaged or renamed file): read as text it "held no rows of numbers".
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".npy")) throw new BundleException(file, null, "is not a NumPy .npy file (it does not start with \\x93NUMPY); expected one written by np.save");
            if (name.endsWith(".npz")) throw new BundleException(file, null, "is not a NumPy .npz archive (not a zip file); expected one written by np.savez");
            return TextMatrix.read(file);
        }

        @Override public String part() { return member == null ? null : "array '" + member + "'"; }

        @Override public String name() { return file.getFileName() + (member == null ? "" : ":" + member); }
    }

    /** The whole of {@code file}. */
    public static MatrixInput file(Path file) {
        return new FileInput(file, null);
    }

    /**
     * A command-line argument: {@code FILE}, or {@code FILE.npz:ARRAY} for one array of an archive
     * (split at the last colon only after {@code .npz}, so Windows drive letters stay whole).
     */
    public static MatrixInput parse(String argument) {
        int colon = argument.lastIndexOf(':');
        String member = null;
        String path = argument;
        if (colon > 0 && argument.substring(0, colon).toLowerCase(Locale.ROOT).endsWith(".npz")) {
            path = argument.substring(0, colon);
            member = argument.substring(colon + 1);
            if (member.endsWith(".npy")) member = member.substring(0, member.length() - 4);
            if (member.isEmpty()) member = null;
        }
        try {
            return new FileInput(Path.of(path), member);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + argument + "' is not a valid path: " + e.getReason());
        }
    }

    /** Feature vectors: {@code expectedRows} rows of any width, all finite. */
    public static Matrix readVectors(Path file, int expectedRows) throws BundleException {
        return readVectors(file(file), expectedRows);
    }

    /** Feature vectors: any number of rows of any width, all finite. */
    public static Matrix readVectors(Path file) throws BundleException {
        return readVectors(file(file));
    }

    public static Matrix readVectors(MatrixInput in, int expectedRows) throws BundleException {
        Matrix m = readVectors(in);
        checkRows(in, m, expectedRows, "vectors");
        return m;
    }

    public static Matrix readVectors(MatrixInput in) throws BundleException {
        Matrix m = in.read();
        if (m.cols() == 0) {
            throw new BundleException(in.file(), in.part(), "has shape (" + m.rows() + ", 0): vectors of no values; expected one or more columns");
        }
        checkFinite(in, m);
        return m;
    }

    public static float[] readCoordinates(Path file, int expectedRows, String layoutName) throws BundleException {
        return readCoordinates(file(file), expectedRows, layoutName);
    }

    /**
     * Coordinates: an {@code (n, 2)} array, or a text table with columns {@code x} and {@code y}
     * (or {@code NAME_x}/{@code NAME_y}, or exactly two columns). Returns x0, y0, x1, y1, …
     */
    public static float[] readCoordinates(MatrixInput in, int expectedRows, String layoutName) throws BundleException {
        Matrix m = in.read();
        Path file = in.file();
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
                throw new BundleException(file, at(in, "line 1"), "has columns " + String.join(", ", m.columnNames())
                        + "; expected columns x and y (or " + layoutName + "_x and " + layoutName + "_y)");
            }
        } else {
            if (m.cols() != 2) {
                throw new BundleException(file, in.part(), "has shape (" + m.rows() + ", " + m.cols() + "); expected (n, 2) coordinates, "
                        + "one row of x, y per item");
            }
            xc = 0;
            yc = 1;
        }
        checkRows(in, m, expectedRows, "coordinates");
        // Text tables refuse non-finite values as they are read, so this only finds them in arrays.
        checkFinite(in, m);
        float[] xy = new float[2 * m.rows()];
        for (int r = 0; r < m.rows(); r++) {
            xy[2 * r] = m.get(r, xc);
            xy[2 * r + 1] = m.get(r, yc);
        }
        return xy;
    }

    private static String at(MatrixInput in, String where) {
        return in.part() == null ? where : in.part() + ", " + where;
    }

    private static void checkRows(MatrixInput in, Matrix m, int expected, String what) throws BundleException {
        if (m.rows() != expected) {
            throw new BundleException(in.file(), in.part(), "holds " + m.rows() + " rows of " + what + "; expected " + expected + ", one per item");
        }
    }

    /**
     * Largest magnitude a feature may have: distances are summed squares in single precision, and
     * beyond this a sum over many features overflows to infinity, which no neighbour search can rank.
     */
    static final float MAX_FEATURE = 1e15f;

    private static void checkFinite(MatrixInput in, Matrix m) throws BundleException {
        float[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            if (!Float.isFinite(d[i])) {
                throw new BundleException(in.file(), at(in, "row " + i / m.cols() + ", column " + i % m.cols() + " (0-based)"),
                        d[i] + " is not a finite number; expected finite values");
            }
            if (Math.abs(d[i]) > MAX_FEATURE) {
                throw new BundleException(in.file(), at(in, "row " + i / m.cols() + ", column " + i % m.cols() + " (0-based)"),
                        d[i] + " is too large for distances in single precision; expected magnitudes up to 1e15 (scale the vectors)");
            }
        }
    }
}
