package org.embedscope.layout.umap;

import org.embedscope.util.Parallel;
import org.embedscope.layout.SparseGraph;
import org.embedscope.layout.linalg.Lobpcg;
import org.embedscope.layout.linalg.Pca;
import org.embedscope.layout.linalg.SymmetricEigen;
import java.util.Random;
import org.embedscope.progress.Progress;

/**
 * Spectral initialisation of a layout: the eigenvectors of the normalised graph Laplacian
 * {@code L = I − D^(−1/2) W D^(−1/2)} with the smallest non-zero eigenvalues, i.e. the largest
 * eigenvectors of {@code D^(−1/2) W D^(−1/2)} after the trivial one ({@code ∝ D^(1/2)·1}), which
 * is deflated exactly. Large graphs use {@link Lobpcg}; small ones a dense Jacobi decomposition.
 *
 * <p>Fallbacks, never a crash:
 * <ul>
 * <li>a disconnected graph: each component is laid out on its own (spectrally, or uniformly at random
 * when it has too few points), scaled into a box around a component centre small enough not to
 * meet the box of any other component: ±unit vectors when there are at most 2·dims
 * components (as umap-learn does), otherwise the PCA of the component means of the data;</li>
 * <li>a solver that fails (non-finite values, a collapsed basis): the PCA of the data, or uniform
 * random positions when no data is given.</li>
 * </ul>
 * A solver that merely runs out of iterations still yields its current Ritz vectors: the optimiser only
 * needs the coarse shape.
 */
public final class SpectralLayout {
    private SpectralLayout() {}

    /** Coordinates ({@code n × dims}, row-major) and how they were obtained. */
    public record Result(float[] coords, String method) {}

    private static final int DENSE_LIMIT = 150;
    static final double TOLERANCE = 1e-4;
    static final int MAX_ITERATIONS = 300;

    /**
     * Lays out the symmetric graph in {@code dims} dimensions. {@code data} ({@code n × dataDim}) serves
     * the fallbacks and may be null.
     */
    public static Result layout(SparseGraph g, int dims, float[] data, int dataDim, long seed, Parallel par, Progress progress) {
        int n = g.n();
        progress.stage("spectral initialisation", 0);
        int[] label = new int[n];
        int components = components(g, label);
        if (components == 1) {
            float[] c = connected(g, dims, seed, par, progress);
            if (c != null) return new Result(c, "spectral");
            return new Result(fallback(n, dims, data, dataDim, seed, par, progress), data != null ? "pca (spectral solver failed)" : "random (spectral solver failed)");
        }
        progress.info("graph has " + components + " connected components; laying them out one by one");
        return new Result(multiComponent(g, dims, label, components, data, dataDim, seed, par, progress), "spectral per component");
    }

    /** Labels the connected components (0, 1, …) by breadth-first search; returns their number. */
    static int components(SparseGraph g, int[] label) {
        int n = g.n();
        java.util.Arrays.fill(label, -1);
        int[] queue = new int[n];
        int count = 0;
        for (int s = 0; s < n; s++) {
            if (label[s] >= 0) continue;
            int head = 0, tail = 0;
            queue[tail++] = s;
            label[s] = count;
            while (head < tail) {
                int v = queue[head++];
                for (int e = g.rowStart()[v]; e < g.rowStart()[v + 1]; e++) {
                    int u = g.col()[e];
                    if (label[u] < 0) {
                        label[u] = count;
                        queue[tail++] = u;
                    }
                }
            }
            count++;
        }
        return count;
    }

    /** The spectral coordinates of a connected graph, or null when the solver fails. */
    static float[] connected(SparseGraph g, int dims, long seed, Parallel par, Progress progress) {
        int n = g.n();
        if (n <= dims + 1) return null;
        double[] deg = new double[n];
        for (int i = 0; i < n; i++) for (int e = g.rowStart()[i]; e < g.rowStart()[i + 1]; e++) deg[i] += g.weight()[e];
        double[] value = new double[g.entries()];
        double[] u = new double[n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            if (!(deg[i] > 0)) return null;
            for (int e = g.rowStart()[i]; e < g.rowStart()[i + 1]; e++) value[e] = g.weight()[e] / Math.sqrt(deg[i] * deg[g.col()[e]]);
            u[i] = Math.sqrt(deg[i]);
            norm += deg[i];
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < n; i++) u[i] /= norm;
        double[] vectors;
        if (n <= DENSE_LIMIT) {
            double[] dense = new double[n * n];
            for (int i = 0; i < n; i++) for (int e = g.rowStart()[i]; e < g.rowStart()[i + 1]; e++) dense[i * n + g.col()[e]] = value[e];
            // Push the trivial eigenvector's eigenvalue (1) to the bottom: M − 2·uuᵀ.
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) dense[i * n + j] -= 2 * u[i] * u[j];
            SymmetricEigen.Result e = SymmetricEigen.decompose(dense, n);
            vectors = new double[n * dims];
            for (int i = 0; i < n; i++) for (int j = 0; j < dims; j++) vectors[i * dims + j] = e.vector(j, i);
        } else {
            int block = Math.min(n - 1, dims + 2);
            Lobpcg.Result r = Lobpcg.largest(n, g.rowStart(), g.col(), value, u, dims, block, TOLERANCE, MAX_ITERATIONS, seed, par, progress);
            if (r == null) return null;
            progress.info(String.format(java.util.Locale.ROOT, "spectral: %d LOBPCG iterations, residual %.2g%s", r.iterations(), r.residual(),
                    r.converged() ? "" : " (not converged; using the current vectors)"));
            vectors = r.vectors();
        }
        float[] out = new float[n * dims];
        for (int j = 0; j < dims; j++) Pca.fixSign(vectors, j, n, dims);  // column j: n entries, dims apart
        for (int e = 0; e < out.length; e++) {
            if (!Double.isFinite(vectors[e])) return null;
            out[e] = (float) vectors[e];
        }
        return out;
    }

    private static float[] fallback(int n, int dims, float[] data, int dataDim, long seed, Parallel par, Progress progress) {
        if (data != null && dataDim >= dims) return Pca.project(data, n, dataDim, dims, seed, par, progress);
        Random rnd = new Random(seed);
        float[] out = new float[n * dims];
        for (int i = 0; i < out.length; i++) out[i] = (float) (rnd.nextDouble() * 20 - 10);
        return out;
    }

    private static float[] multiComponent(SparseGraph g, int dims, int[] label, int count, float[] data, int dataDim, long seed,
            Parallel par, Progress progress) {
        int n = g.n();
        double[] centre = centres(count, dims, label, data, dataDim, seed, par, progress);
        // Local indices and sizes of each component.
        int[] size = new int[count], local = new int[n];
        for (int i = 0; i < n; i++) local[i] = size[label[i]]++;
        int[][] members = new int[count][];
        for (int c = 0; c < count; c++) members[c] = new int[size[c]];
        for (int i = 0; i < n; i++) members[label[i]][local[i]] = i;
        float[] out = new float[n * dims];
        Random rnd = new Random(seed ^ 0x5DEECE66DL);
        for (int c = 0; c < count; c++) {
            progress.checkCancelled();
            double range = Double.POSITIVE_INFINITY;
            for (int o = 0; o < count; o++) {
                if (o == c) continue;
                double d2 = 0;
                for (int j = 0; j < dims; j++) d2 += Math.pow(centre[c * dims + j] - centre[o * dims + j], 2);
                // Half the gap, shrunk by √dims so that even the boxes (not just balls) stay apart.
                if (d2 > 0) range = Math.min(range, Math.sqrt(d2) / (2 * Math.sqrt(dims)));
            }
            if (!Double.isFinite(range)) range = 1;
            int[] m = members[c];
            float[] coords = m.length < 2 * dims || m.length <= dims + 1 ? null : connected(subgraph(g, m, local), dims, seed + c, par, Progress.NONE);
            if (coords == null) {
                for (int a = 0; a < m.length; a++) {
                    for (int j = 0; j < dims; j++) out[m[a] * dims + j] = (float) (centre[c * dims + j] + (rnd.nextDouble() * 2 - 1) * range);
                }
                continue;
            }
            double max = 0;
            for (float v : coords) max = Math.max(max, Math.abs(v));
            double scale = max > 0 ? range / max : 0;
            for (int a = 0; a < m.length; a++) {
                for (int j = 0; j < dims; j++) out[m[a] * dims + j] = (float) (centre[c * dims + j] + coords[a * dims + j] * scale);
            }
        }
        return out;
    }

    /** Component centres: ±unit vectors for at most 2·dims components, else the PCA of their data means. */
    private static double[] centres(int count, int dims, int[] label, float[] data, int dataDim, long seed, Parallel par, Progress progress) {
        double[] centre = new double[count * dims];
        if (count <= 2 * dims) {
            int half = (count + 1) / 2;
            for (int c = 0; c < count; c++) centre[c * dims + (c % half)] = c < half ? 1 : -1;
            return centre;
        }
        if (data != null && dataDim >= dims) {
            double[] sum = new double[count * dataDim];
            int[] size = new int[count];
            for (int i = 0; i < label.length; i++) {
                size[label[i]]++;
                for (int d = 0; d < dataDim; d++) sum[label[i] * dataDim + d] += data[i * dataDim + d];
            }
            float[] means = new float[count * dataDim];
            for (int c = 0; c < count; c++) for (int d = 0; d < dataDim; d++) means[c * dataDim + d] = (float) (sum[c * dataDim + d] / size[c]);
            float[] p = Pca.project(means, count, dataDim, dims, seed, par, Progress.NONE);
            double max = 0;
            for (float v : p) max = Math.max(max, Math.abs(v));
            if (max > 0) {
                for (int i = 0; i < p.length; i++) centre[i] = p[i] / max;
                return centre;
            }
        }
        Random rnd = new Random(seed);
        for (int i = 0; i < centre.length; i++) centre[i] = rnd.nextDouble() * 2 - 1;
        return centre;
    }

    /** The subgraph induced by the (complete) component {@code members}, in local indices. */
    private static SparseGraph subgraph(SparseGraph g, int[] members, int[] local) {
        int m = members.length;
        int[] start = new int[m + 1];
        for (int a = 0; a < m; a++) start[a + 1] = start[a] + g.rowStart()[members[a] + 1] - g.rowStart()[members[a]];
        int[] col = new int[start[m]];
        float[] w = new float[start[m]];
        for (int a = 0; a < m; a++) {
            int i = members[a], o = start[a];
            for (int e = g.rowStart()[i]; e < g.rowStart()[i + 1]; e++) {
                col[o] = local[g.col()[e]];
                w[o++] = g.weight()[e];
            }
        }
        return new SparseGraph(m, start, col, w);
    }
}
