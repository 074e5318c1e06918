package org.embedscope.layout.tsne;

import org.embedscope.util.Parallel;

/**
 * The repulsive half of the t-SNE gradient: for a 2-D layout {@code y} (x0, y0, x1, y1, …) and the
 * Student-t kernel {@code w_ij = 1 / (1 + |y_i − y_j|²)}, the un-normalised forces
 * {@code Σ_{j≠i} w_ij² (y_i − y_j)} and the normaliser {@code Z = Σ_{i≠j} w_ij}. The gradient uses
 * {@code force / Z}. Implementations: exact (O(n²)), Barnes-Hut, FFT-accelerated interpolation.
 */
public interface RepulsiveForces {

    /**
     * Writes the forces into {@code rep} (length {@code 2n}, overwritten) and returns {@code Z}.
     * Implementations may keep state between calls (e.g. a grid), so use one instance per layout.
     */
    double compute(double[] y, int n, double[] rep, Parallel workers);
}
