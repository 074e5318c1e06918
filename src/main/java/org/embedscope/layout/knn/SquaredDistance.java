package org.embedscope.layout.knn;

/**
 * Squared Euclidean distance between rows of a row-major float matrix, the inner kernel of the
 * neighbour searches and of {@link Metric#EUCLIDEAN}. Eight independent accumulators let the CPU overlap the additions (the JIT does not
 * vectorise a float sum by itself, since that would reorder it). The result is symmetric bit for bit:
 * {@code (a−b)² = (b−a)²} term by term, summed in the same order.
 */
public final class SquaredDistance {
    private SquaredDistance() {}

    public static float between(float[] x, int a, int b, int dim) {
        int oa = a * dim, ob = b * dim;
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int d = 0;
        for (; d + 8 <= dim; d += 8) {
            float t0 = x[oa + d] - x[ob + d], t1 = x[oa + d + 1] - x[ob + d + 1];
            float t2 = x[oa + d + 2] - x[ob + d + 2], t3 = x[oa + d + 3] - x[ob + d + 3];
            float t4 = x[oa + d + 4] - x[ob + d + 4], t5 = x[oa + d + 5] - x[ob + d + 5];
            float t6 = x[oa + d + 6] - x[ob + d + 6], t7 = x[oa + d + 7] - x[ob + d + 7];
            s0 += t0 * t0; s1 += t1 * t1; s2 += t2 * t2; s3 += t3 * t3;
            s4 += t4 * t4; s5 += t5 * t5; s6 += t6 * t6; s7 += t7 * t7;
        }
        for (; d < dim; d++) {
            float t = x[oa + d] - x[ob + d];
            s0 += t * t;
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /**
     * {@link #between} when it is at most {@code bound}; otherwise some value above {@code bound}
     * (the partial sum at which it stopped). The partial sums only grow, so stopping early never
     * turns a distance within the bound into one above it, and one within the bound is bit for bit
     * what {@link #between} returns: the same terms in the same order.
     */
    static float atMost(float[] x, int a, int b, int dim, float bound) {
        return atMost(x, a, b, dim, dim, bound);
    }

    /** {@link #atMost} on the first {@code dim} values of rows {@code stride} values apart. */
    static float atMost(float[] x, int a, int b, int stride, int dim, float bound) {
        int oa = a * stride, ob = b * stride;
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int d = 0;
        while (d + 8 <= dim) {
            int stop = Math.min(dim - 7, d + 64);
            for (; d < stop; d += 8) {
                float t0 = x[oa + d] - x[ob + d], t1 = x[oa + d + 1] - x[ob + d + 1];
                float t2 = x[oa + d + 2] - x[ob + d + 2], t3 = x[oa + d + 3] - x[ob + d + 3];
                float t4 = x[oa + d + 4] - x[ob + d + 4], t5 = x[oa + d + 5] - x[ob + d + 5];
                float t6 = x[oa + d + 6] - x[ob + d + 6], t7 = x[oa + d + 7] - x[ob + d + 7];
                s0 += t0 * t0; s1 += t1 * t1; s2 += t2 * t2; s3 += t3 * t3;
                s4 += t4 * t4; s5 += t5 * t5; s6 += t6 * t6; s7 += t7 * t7;
            }
            float partial = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
            if (partial > bound) return partial;
        }
        for (; d < dim; d++) {
            float t = x[oa + d] - x[ob + d];
            s0 += t * t;
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** Dot product of row {@code a} of {@code x} with the vector {@code v} (length dim). */
    static float dot(float[] x, int a, float[] v, int dim) {
        return dot(x, a, v, dim, dim);
    }

    /** {@link #dot} on the first {@code dim} values of rows {@code stride} values apart. */
    static float dot(float[] x, int a, float[] v, int stride, int dim) {
        int oa = a * stride;
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int d = 0;
        for (; d + 8 <= dim; d += 8) {
            s0 += x[oa + d] * v[d]; s1 += x[oa + d + 1] * v[d + 1];
            s2 += x[oa + d + 2] * v[d + 2]; s3 += x[oa + d + 3] * v[d + 3];
            s4 += x[oa + d + 4] * v[d + 4]; s5 += x[oa + d + 5] * v[d + 5];
            s6 += x[oa + d + 6] * v[d + 6]; s7 += x[oa + d + 7] * v[d + 7];
        }
        for (; d < dim; d++) s0 += x[oa + d] * v[d];
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
