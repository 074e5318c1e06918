package org.embedscope.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.BundlePaths;
import org.embedscope.bundle.TextFiles;

/**
 * A numeric table in text: CSV ({@code ,} between values), tab-separated, or values separated by
 * spaces as {@code np.savetxt} writes them by default. The separator is taken from the first row.
 * Blank lines and lines starting with {@code #} ({@code np.savetxt}'s header) are skipped. The first row
 * is a header when any of its fields is not a number. A header whose first field is empty (or
 * {@code Unnamed: 0}) starts with the index column pandas' {@code to_csv} writes: that column is not
 * read. Every other value must be a finite number.
 */
public final class TextMatrix {
    private TextMatrix() {}

    /** Reads the file; rows must all have as many fields as the first. */
    public static Matrix read(Path file) throws BundleException {
        BundlePaths.checkRegularFile(file, "a text file of numbers");
        try (BufferedReader in = TextFiles.open(file)) {
            List<String> header = null;
            char sep = 0;
            int cols = -1;
            int first = 0; // 1 when the first column is a pandas index
            FloatList values = new FloatList();
            int rows = 0;
            String line;
            int ln = 0;
            String[] fields = new String[16];
            while ((line = in.readLine()) != null) {
                ln++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                if (cols < 0) {
                    sep = t.indexOf(',') >= 0 ? ',' : t.indexOf('\t') >= 0 ? '\t' : t.indexOf(';') >= 0 ? ';' : ' ';
                }
                int nf = split(t, sep, fields);
                if (nf > fields.length) {
                    fields = new String[nf];
                    split(t, sep, fields);
                }
                if (cols < 0) {
                    cols = nf;
                    if (!allNumbers(fields, nf)) {
                        header = new ArrayList<>();
                        for (int i = 0; i < nf; i++) header.add(unquote(fields[i]));
                        if (nf > 1 && isPandasIndex(header.get(0))) {
                            first = 1;
                            header.remove(0);
                        }
                        continue;
                    }
                }
                if (nf != cols) {
                    throw new BundleException(file, "line " + ln, "has " + nf + " values; expected " + cols + " like the first row");
                }
                for (int i = first; i < nf; i++) values.add(number(fields[i], file, ln, i));
                rows++;
                if ((long) rows * (cols - first) > Integer.MAX_VALUE - 8) throw new BundleException(file, "line " + ln, "too many values");
            }
            if (rows == 0) throw new BundleException(file, null, "holds no rows of numbers");
            return new Matrix(rows, cols - first, values.toArray(), header);
        } catch (NoSuchFileException e) {
            throw new BundleException(file, null, "no such file");
        } catch (CharacterCodingException e) {
            throw TextFiles.notUtf8(file, "UTF-8 text, rows of numbers");
        } catch (IOException e) {
            throw new BundleException(file, null, "cannot read: " + BundleException.describe(e));
        }
    }

    /** The name pandas gives its unnamed index column: none when writing, {@code Unnamed: 0} once read back and saved again. */
    public static boolean isPandasIndex(String columnName) {
        return columnName.isEmpty() || columnName.equals("Unnamed: 0");
    }

    /** Splits into {@code out}; returns the number of fields (which may exceed {@code out.length}; then only counts). */
    static int split(String line, char sep, String[] out) {
        int n = 0, i = 0, len = line.length();
        if (sep == ' ') {
            while (i < len) {
                while (i < len && Character.isWhitespace(line.charAt(i))) i++;
                if (i >= len) break;
                int s = i;
                while (i < len && !Character.isWhitespace(line.charAt(i))) i++;
                if (n < out.length) out[n] = line.substring(s, i);
                n++;
            }
            return n;
        }
        int s = 0;
        while (true) {
            int e = line.indexOf(sep, s);
            if (e < 0) e = len;
            if (n < out.length) out[n] = line.substring(s, e).strip();
            n++;
            if (e == len) return n;
            s = e + 1;
        }
    }

    private static boolean allNumbers(String[] f, int n) {
        for (int i = 0; i < n; i++) {
            try {
                parse(f[i]);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /** {@link Double#parseDouble}, also taking numpy's spellings of non-finite values ({@code nan}, {@code inf}) as NaN. */
    static double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            if (isNonFinite(s)) return Double.NaN;
            throw e;
        }
    }

    private static boolean isNonFinite(String s) {
        String t = s.toLowerCase(java.util.Locale.ROOT).replace("+", "").replace("-", "");
        return t.equals("nan") || t.equals("inf") || t.equals("infinity");
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).replace("\"\"", "\"") : s;
    }

    private static float number(String s, Path file, int line, int field) throws BundleException {
        double v;
        try {
            v = parse(s);
        } catch (NumberFormatException e) {
            throw new BundleException(file, "line " + line + ", field " + (field + 1), "'" + s + "' is not a number");
        }
        if (!Double.isFinite(v) || Float.isInfinite((float) v)) {
            throw new BundleException(file, "line " + line + ", field " + (field + 1), "'" + s + "' is not a finite number; expected finite values");
        }
        return (float) v;
    }

    /** A growable float array: no boxing per value. */
    private static final class FloatList {
        float[] a = new float[1024];
        int n;

        void add(float v) {
            if (n == a.length) a = java.util.Arrays.copyOf(a, (int) Math.min(Integer.MAX_VALUE - 8, a.length * 2L));
            a[n++] = v;
        }

        float[] toArray() { return java.util.Arrays.copyOf(a, n); }
    }
}
