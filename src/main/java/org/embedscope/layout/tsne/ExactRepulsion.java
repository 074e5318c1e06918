package org.embedscope.layout.tsne;

import org.embedscope.util.Parallel;

/** Exact repulsive forces by summing over all pairs: O(n²), the reference for tiny inputs and tests. */
public final class ExactRepulsion implements RepulsiveForces {

    @Override
    public double compute(double[] y, int n, double[] rep, Parallel workers) {
        return ChunkSums.sum(workers, n, 64, (from, to) -> {
            double z = 0;
            for (int i = from; i < to; i++) {
                double xi = y[2 * i], yi = y[2 * i + 1], fx = 0, fy = 0;
                for (int j = 0; j < n; j++) {
                    if (j == i) continue;
                    double dx = xi - y[2 * j], dy = yi - y[2 * j + 1];
                    double w = 1.0 / (1.0 + dx * dx + dy * dy);
                    z += w;
                    fx += w * w * dx;
                    fy += w * w * dy;
                }
                rep[2 * i] = fx;
                rep[2 * i + 1] = fy;
            }
            return z;
        });
    }
}
