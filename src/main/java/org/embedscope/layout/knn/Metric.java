package org.embedscope.layout.knn;

/** Distance between two rows of a row-major {@code float} matrix. */
public enum Metric {
    EUCLIDEAN {
        @Override public float distance(float[] x, int a, int b, int dim) {
            return (float) Math.sqrt(SquaredDistance.between(x, a, b, dim));
        }
    },
    /** 1 − cos(angle); rows of zeros are at distance 1 from everything. */
    COSINE {
        @Override public float distance(float[] x, int a, int b, int dim) {
            int oa = a * dim, ob = b * dim;
            float dot = 0f, na = 0f, nb = 0f;
            for (int d = 0; d < dim; d++) {
                float u = x[oa + d], v = x[ob + d];
                dot += u * v;
                na += u * u;
                nb += v * v;
            }
            if (na == 0f || nb == 0f) return 1f;
            return Math.max(0f, 1f - dot / (float) Math.sqrt((double) na * nb));
        }
    };

    /** Distance between rows {@code a} and {@code b} of the {@code n × dim} matrix {@code x}. */
    public abstract float distance(float[] x, int a, int b, int dim);

    /**
     * The distance between two rows from their dot product and squared lengths: how sparse rows are
     * compared, with the dot product taken over the non-zeros of one of them.
     */
    public float fromDotProduct(double dot, double squaredLengthA, double squaredLengthB) {
        if (this == EUCLIDEAN) return (float) Math.sqrt(Math.max(0, squaredLengthA + squaredLengthB - 2 * dot));
        if (squaredLengthA == 0 || squaredLengthB == 0) return 1f;
        return (float) Math.max(0, 1 - dot / Math.sqrt(squaredLengthA * squaredLengthB));
    }

    /**
     * The factor that scales row {@code row} of {@code x} to unit length (0 for a row of zeros). Between
     * rows so scaled, Euclidean distances rank like cosine distances, which is how the searches serve
     * {@link #COSINE}.
     */
    public static float unitScale(float[] x, int row, int dim) {
        double s = 0;
        for (int d = 0, o = row * dim; d < dim; d++) s += (double) x[o + d] * x[o + d];
        return s > 0 ? (float) (1 / Math.sqrt(s)) : 0f;
    }

    /** Parses a command-line name such as {@code euclidean} or {@code cosine}. */
    public static Metric parse(String name) {
        return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
