package org.embedscope.select;

import org.embedscope.query.QueryException;

/**
 * Reads points written as text, {@code "X1,Y1 X2,Y2 ..."}: pairs separated by spaces (or ';'), the two
 * numbers of a pair by a comma, as {@code select --lasso} and {@code --box} take them. Errors carry the
 * 0-based character position, as query errors do.
 */
public final class PointList {
    private PointList() {}

    /** The points interleaved (x0, y0, x1, y1, …); at least {@code minPoints} of them. */
    public static float[] parse(String text, int minPoints) throws QueryException {
        float[] out = new float[16];
        int n = 0, p = 0, len = text.length();
        while (true) {
            while (p < len && isSeparator(text.charAt(p))) p++;
            if (p == len) break;
            float x = number(text, p, "an x coordinate");
            p = end(text, p);
            if (p == len || text.charAt(p) != ',') {
                throw new QueryException(p, "expected ',' and the y coordinate after the x coordinate (points are X,Y pairs"
                        + " separated by spaces, such as \"0,0 1,0 1,1\")");
            }
            p++;
            while (p < len && text.charAt(p) == ' ') p++; // "1, 2" reads as "1,2"
            float y = number(text, p, "a y coordinate after ','");
            p = end(text, p);
            if (p < len && !isSeparator(text.charAt(p))) {
                throw new QueryException(p, "expected a space before the next X,Y pair, found '" + text.charAt(p) + "'");
            }
            if (n + 2 > out.length) out = java.util.Arrays.copyOf(out, out.length * 2);
            out[n++] = x;
            out[n++] = y;
        }
        if (n / 2 < minPoints) {
            throw new QueryException(len, "expected at least " + minPoints + " X,Y points, found " + n / 2);
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Exactly {@code count} numbers separated by commas, such as a box's {@code "X0,Y0,X1,Y1"}. */
    public static float[] numbers(String text, int count, String what) throws QueryException {
        float[] out = new float[count];
        int p = 0, len = text.length();
        for (int k = 0; k < count; k++) {
            while (p < len && text.charAt(p) == ' ') p++;
            if (k > 0) {
                if (p == len || text.charAt(p) != ',') {
                    throw new QueryException(p, "expected ',' and " + (count - k) + " more number" + (count - k > 1 ? "s" : "")
                            + " (" + what + ")");
                }
                p++;
                while (p < len && text.charAt(p) == ' ') p++;
            }
            int e = p;
            while (e < len && text.charAt(e) != ',' && text.charAt(e) != ' ') e++;
            out[k] = number(text, p, "a number (" + what + ")");
            p = e;
        }
        while (p < len && text.charAt(p) == ' ') p++;
        if (p < len) throw new QueryException(p, "expected the end after " + count + " numbers (" + what + ")");
        return out;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == ';' || c == '\t' || c == '\n';
    }

    /** Where the number starting at {@code p} ends: at a comma, a separator or the end. */
    private static int end(String text, int p) {
        while (p < text.length() && text.charAt(p) != ',' && !isSeparator(text.charAt(p))) p++;
        return p;
    }

    private static float number(String text, int p, String what) throws QueryException {
        int e = end(text, p);
        String s = text.substring(p, e);
        if (s.isEmpty()) throw new QueryException(p, "expected " + what);
        if (org.embedscope.bundle.Decimal.invalidReason(s) != null) {
            throw new QueryException(p, "'" + s + "' is not a number; expected " + what);
        }
        float v = Float.parseFloat(s);
        if (!Float.isFinite(v)) throw new QueryException(p, "'" + s + "' is out of range; expected " + what);
        return v;
    }
}
