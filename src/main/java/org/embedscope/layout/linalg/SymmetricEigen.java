package org.embedscope.layout.linalg;

/**
 * Eigen-decomposition of a small dense symmetric matrix by the cyclic Jacobi method: plane rotations
 * zero the off-diagonal entries one by one, sweep after sweep, until they vanish to rounding. Cubic
 * cost per sweep, so meant for the projected (Rayleigh–Ritz) matrices of iterative solvers, not for
 * large matrices.
 */
public final class SymmetricEigen {
    private SymmetricEigen() {}

    /**
     * Eigenvalues in decreasing order, and the eigenvectors: vector {@code c} is
     * {@code vectors[c*m .. c*m+m)} (unit length, orthogonal to the others).
     */
    public record Result(int m, double[] values, double[] vectors) {
        public double vector(int c, int i) { return vectors[c * m + i]; }
    }

    /** Decomposes the symmetric {@code m × m} row-major matrix {@code a} (not modified). */
    public static Result decompose(double[] a, int m) {
        if (a.length < m * m) throw new IllegalArgumentException("matrix needs " + m * m + " entries");
        double[] w = a.clone();
        // Symmetrise against rounding in callers that build a and aᵀ separately.
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                double s = 0.5 * (w[i * m + j] + w[j * m + i]);
                w[i * m + j] = s;
                w[j * m + i] = s;
            }
        }
        double[] v = new double[m * m]; // v[i*m + c]: row i of the eigenvector matrix (column c is a vector)
        for (int i = 0; i < m; i++) v[i * m + i] = 1.0;

        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0, diag = 0;
            for (int i = 0; i < m; i++) {
                diag += w[i * m + i] * w[i * m + i];
                for (int j = i + 1; j < m; j++) off += w[i * m + j] * w[i * m + j];
            }
            if (off <= 1e-30 * diag || off == 0) break;
            for (int p = 0; p < m - 1; p++) {
                for (int q = p + 1; q < m; q++) {
                    double apq = w[p * m + q];
                    if (apq == 0) continue;
                    double app = w[p * m + p], aqq = w[q * m + q];
                    // Skip entries already negligible beside both diagonal entries (after the first sweeps).
                    if (sweep > 3 && Math.abs(apq) < 1e-18 * (Math.abs(app) + Math.abs(aqq))) {
                        w[p * m + q] = 0;
                        w[q * m + p] = 0;
                        continue;
                    }
                    double theta = (aqq - app) / (2 * apq);
                    // The smaller root t = tan(angle) keeps the rotation below 45° for stability.
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    rotate(w, v, m, p, q, c, s);
                }
            }
        }
        // Sort by decreasing eigenvalue.
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) order[i] = i;
        double[] diag = new double[m];
        for (int i = 0; i < m; i++) diag[i] = w[i * m + i];
        java.util.Arrays.sort(order, (x, y) -> Double.compare(diag[y], diag[x]));
        double[] values = new double[m];
        double[] vectors = new double[m * m];
        for (int c = 0; c < m; c++) {
            int src = order[c];
            values[c] = diag[src];
            for (int i = 0; i < m; i++) vectors[c * m + i] = v[i * m + src];
        }
        return new Result(m, values, vectors);
    }

    /** Applies the rotation J(p, q, θ) as A ← JᵀAJ and V ← VJ. */
    private static void rotate(double[] w, double[] v, int m, int p, int q, double c, double s) {
        for (int k = 0; k < m; k++) {
            double akp = w[k * m + p], akq = w[k * m + q];
            w[k * m + p] = c * akp - s * akq;
            w[k * m + q] = s * akp + c * akq;
        }
        for (int k = 0; k < m; k++) {
            double apk = w[p * m + k], aqk = w[q * m + k];
            w[p * m + k] = c * apk - s * aqk;
            w[q * m + k] = s * apk + c * aqk;
        }
        for (int k = 0; k < m; k++) {
            double vkp = v[k * m + p], vkq = v[k * m + q];
            v[k * m + p] = c * vkp - s * vkq;
            v[k * m + q] = s * vkp + c * vkq;
        }
    }
}
