package org.embedscope.layout.tsne;

import org.embedscope.util.Parallel;

/**
 * Deterministic parallel sums: a range is cut into fixed chunks, each chunk's partial sum is kept, and
 * the partials are added in chunk order, so the result does not depend on the number of threads.
 */
final class ChunkSums {
    private ChunkSums() {}

    /** A partial sum over {@code [from, to)}. */
    @FunctionalInterface
    interface RangeSum {
        double sum(int from, int to);
    }

    static double sum(Parallel par, int n, int chunk, RangeSum f) {
        int chunks = (n + chunk - 1) / chunk;
        double[] partial = new double[chunks];
        par.forRange(chunks, 1, (w, a, b) -> {
            for (int c = a; c < b; c++) partial[c] = f.sum(c * chunk, Math.min(n, (c + 1) * chunk));
        });
        double s = 0;
        for (double p : partial) s += p;
        return s;
    }
}
