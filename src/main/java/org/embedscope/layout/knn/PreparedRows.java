package org.embedscope.layout.knn;

import org.embedscope.util.Parallel;

/**
 * The rows as the neighbour search wants them: columns sorted by decreasing variance, without the
 * columns that never vary (they add nothing to any distance), and scaled to unit length for the cosine
 * metric. Sorting the columns makes partial sums of squared differences grow fastest first, so
 * {@link SquaredDistance#atMost} gives up early on pairs that are far apart. When most entries are
 * zero (pixel images) a compressed-row copy also serves dot products at the cost of the non-zeros only.
 *
 * <p>For the cosine metric the rows are a scaled copy. Otherwise they are the caller's own array with
 * each row's columns reordered in place (the constant ones last, {@link #stride} apart as before), so a
 * million 784-pixel rows are not held twice; {@link #restore} puts every value back where it was.
 * Permuting columns changes no distance: the search sees the same values in the same order either way.
 */
final class PreparedRows {
    final int n, dim;
    /** Values between the starts of consecutive rows of {@link #x}: {@code dim} for a copy, the caller's width in place. */
    final int stride;
    final float[] x;
    /** Compressed sparse rows, or null when the data is dense: row i is {@code col/val[start[i] .. start[i+1])}. */
    int[] start, col;
    float[] val;
    /** In place: column {@code c} of a reordered row holds original column {@code order[c]}; null for a copy. */
    private int[] order;

    private PreparedRows(int n, int dim, int stride, float[] x, int[] order) {
        this.n = n;
        this.dim = dim;
        this.stride = stride;
        this.x = x;
        this.order = order;
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
        PreparedRows rows;
        if (unitLength) {
            float[] x = new float[n * nd];
            par.forRange(n, CHUNK, (w, from, to) -> {
                for (int i = from; i < to; i++) {
                    int o = i * dim, p = i * nd;
                    for (int c = 0; c < nd; c++) x[p + c] = data[o + map[c]] * scale[i];
                }
            });
            rows = new PreparedRows(n, nd, nd, x, null);
        } else {
            int[] columns = new int[dim];
            System.arraycopy(map, 0, columns, 0, nd);
            boolean[] used = new boolean[dim];
            for (int c = 0; c < nd; c++) used[map[c]] = true;
            for (int d = 0, c = nd; d < dim; d++) if (!used[d]) columns[c++] = d;
            permute(data, n, dim, columns, false, par);
            rows = new PreparedRows(n, nd, dim, data, columns);
        }
        if (nz > (long) n * dim / 3) return rows;
        rows.sparse(par);
        return rows;
    }

    /** The compressed-row copy of the first {@link #dim} columns. */
    private void sparse(Parallel par) {
        int[] st = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int c = 0;
            for (int d = 0, p = i * stride; d < dim; d++) if (x[p + d] != 0) c++;
            st[i + 1] = st[i] + c;
        }
        int[] cl = new int[st[n]];
        float[] vl = new float[st[n]];
        par.forRange(n, CHUNK, (w, from, to) -> {
            for (int i = from; i < to; i++) {
                int e = st[i];
                for (int d = 0, p = i * stride; d < dim; d++) {
                    float v = x[p + d];
                    if (v != 0) {
                        cl[e] = d;
                        vl[e++] = v;
                    }
                }
            }
        });
        start = st;
        col = cl;
        val = vl;
    }

    /** Lets the compressed-row copy go; {@link #dot} reads the dense rows from then on. */
    void dropSparse() {
        start = null;
        col = null;
        val = null;
    }

    /** Puts the caller's rows back as they were, when they were reordered in place; safe to call twice. */
    void restore(Parallel par) {
        if (order == null) return;
        permute(x, n, stride, order, true, par);
        order = null;
    }

    /** Reorders each row's columns: forward, new column c = old column order[c]; backward, the inverse. */
    private static void permute(float[] data, int n, int dim, int[] order, boolean backward, Parallel par) {
        par.forRange(n, CHUNK, (w, from, to) -> {
            float[] row = new float[dim];
            for (int i = from; i < to; i++) {
                int o = i * dim;
                System.arraycopy(data, o, row, 0, dim);
                if (backward) for (int c = 0; c < dim; c++) data[o + order[c]] = row[c];
                else for (int c = 0; c < dim; c++) data[o + c] = row[order[c]];
            }
        });
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
        if (start == null) return SquaredDistance.dot(x, i, v, stride, dim);
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
