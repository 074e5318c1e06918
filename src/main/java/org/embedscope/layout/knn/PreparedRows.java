package org.embedscope.layout.knn;

import org.embedscope.util.Parallel;

/**
 * The rows as the neighbour search wants them: a copy whose columns are sorted by decreasing
 * variance, without the columns that never vary (they add nothing to any distance), and scaled to
 * unit length for the cosine metric. Sorting the columns makes partial sums of squared differences
 * grow fastest first, so {@link SquaredDistance#atMost} gives up early on pairs that are far apart.
 * When most entries are zero (pixel images) a compressed-row copy also serves dot products at the
 * cost of the non-zeros only.
 */
final class PreparedRows {
    final int n, dim;
    final float[] x;
    /** Compressed sparse rows, or null when the data is dense: row i is {@code col/val[start[i] .. start[i+1])}. */
    final int[] start, col;
    final float[] val;

    private PreparedRows(int n, int dim, float[] x, int[] start, int[] col, float[] val) {
        this.n = n;
        this.dim = dim;
        this.x = x;
        this.start = start;
        this.col = col;
        this.val = val;
    }

    private static final int CHUNK = 2048;

    static PreparedRows of(float[] data, int n, int dim, boolean unitLength, Parallel par) {
        float[] scale = new float[n];
        par.forRange(n, CHUNK, (w, from, to) -> {
            for (int i = from; i < to; i++) scale[i] = unitLength ? Metric.unitScale(data, i, dim) : 1f;
        });
        // Column sums and sums of squares, per fixed chunk of rows so the result does not depend on threads.
        int chunks = (n + CHUNK - 1) / CHUNK;
        double[][] sums = new double[chunks][], squares = new double[chunks][];
        long[] nonZero = new long[chunks];
        par.forRange(chunks, 1, (w, from, to) -> {
            for (int ch = from; ch < to; ch++) {
                double[] s = new double[dim], q = new double[dim];
                long nz = 0;
                for (int i = ch * CHUNK, end = Math.min(n, (ch + 1) * CHUNK); i < end; i++) {
                    for (int d = 0, o = i * dim; d < dim; d++) {
                        double v = data[o + d] * scale[i];
                        s[d] += v;
                        q[d] += v * v;
                        if (v != 0) nz++;
                    }
                }
                sums[ch] = s;
                squares[ch] = q;
                nonZero[ch] = nz;
            }
        });
        double[] variance = new double[dim];
        long nz = 0;
        for (int ch = 0; ch < chunks; ch++) {
            nz += nonZero[ch];
            for (int d = 0; d < dim; d++) variance[d] += squares[ch][d];
        }
        for (int d = 0; d < dim; d++) {
            double mean = 0;
            for (int ch = 0; ch < chunks; ch++) mean += sums[ch][d];
            mean /= n;
            variance[d] = variance[d] / n - mean * mean;
        }
        // Columns that vary, by decreasing variance (ties by index). A column is constant when all
        // its values are equal, which a zero sum of squared deviations detects only up to rounding,
        // so check it exactly.
        boolean[] constant = constantColumns(data, n, dim, scale, par);
        int kept = 0;
        Integer[] order = new Integer[dim];
        for (int d = 0; d < dim; d++) if (!constant[d]) order[kept++] = d;
        if (kept == 0) order[kept++] = 0; // every row identical: keep one column so distances are 0
        Integer[] cols = java.util.Arrays.copyOf(order, kept);
        java.util.Arrays.sort(cols, (a, b) -> variance[a] != variance[b] ? Double.compare(variance[b], variance[a]) : Integer.compare(a, b));
        int[] map = new int[kept];
        for (int c = 0; c < kept; c++) map[c] = cols[c];
        int nd = kept;
        float[] x = new float[n * nd];
        par.forRange(n, CHUNK, (w, from, to) -> {
            for (int i = from; i < to; i++) {
                int o = i * dim, p = i * nd;
                for (int c = 0; c < nd; c++) x[p + c] = data[o + map[c]] * scale[i];
            }
        });
        if (nz > (long) n * dim / 3) return new PreparedRows(n, nd, x, null, null, null);
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int c = 0;
            for (int d = 0, p = i * nd; d < nd; d++) if (x[p + d] != 0) c++;
            start[i + 1] = start[i] + c;
        }
        int[] col = new int[start[n]];
        float[] val = new float[start[n]];
        par.forRange(n, CHUNK, (w, from, to) -> {
            for (int i = from; i < to; i++) {
                int e = start[i];
                for (int d = 0, p = i * nd; d < nd; d++) {
                    float v = x[p + d];
                    if (v != 0) {
                        col[e] = d;
                        val[e++] = v;
                    }
                }
            }
        });
        return new PreparedRows(n, nd, x, start, col, val);
    }

    private static boolean[] constantColumns(float[] data, int n, int dim, float[] scale, Parallel par) {
        int chunks = (n + CHUNK - 1) / CHUNK;
        boolean[][] varies = new boolean[chunks][];
        par.forRange(chunks, 1, (w, from, to) -> {
            for (int ch = from; ch < to; ch++) {
                boolean[] v = new boolean[dim];
                for (int i = ch * CHUNK, end = Math.min(n, (ch + 1) * CHUNK); i < end; i++) {
                    for (int d = 0, o = i * dim; d < dim; d++) if (data[o + d] * scale[i] != data[d] * scale[0]) v[d] = true;
                }
                varies[ch] = v;
            }
        });
        boolean[] constant = new boolean[dim];
        java.util.Arrays.fill(constant, true);
        for (boolean[] v : varies) for (int d = 0; d < dim; d++) if (v[d]) constant[d] = false;
        return constant;
    }

    /** Dot product of row {@code i} with {@code v}. */
    float dot(int i, float[] v) {
        if (start == null) return SquaredDistance.dot(x, i, v, dim);
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int e = start[i], end = start[i + 1];
        for (; e + 4 <= end; e += 4) {
            s0 += val[e] * v[col[e]];
            s1 += val[e + 1] * v[col[e + 1]];
            s2 += val[e + 2] * v[col[e + 2]];
            s3 += val[e + 3] * v[col[e + 3]];
        }
        for (; e < end; e++) s0 += val[e] * v[col[e]];
        return (s0 + s1) + (s2 + s3);
    }
}
