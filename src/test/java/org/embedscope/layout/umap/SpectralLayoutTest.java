package org.embedscope.layout.umap;

import org.embedscope.layout.knn.NnDescentTest;
import org.embedscope.util.Parallel;
import org.embedscope.layout.SparseGraph;
import org.embedscope.layout.knn.KnnGraph;
import org.embedscope.layout.knn.Metric;
import org.embedscope.layout.knn.NnDescent;
import org.embedscope.layout.linalg.Lobpcg;
import org.embedscope.layout.linalg.SymmetricEigen;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.embedscope.progress.Progress;
import org.junit.jupiter.api.Test;

class SpectralLayoutTest {

    /** A cycle on n vertices, each joined to its `reach` nearest on either side with weight 1. */
    static SparseGraph ring(int n, int reach) {
        int[] start = new int[n + 1];
        int[] col = new int[n * 2 * reach];
        float[] w = new float[col.length];
        int p = 0;
        for (int i = 0; i < n; i++) {
            int[] nb = new int[2 * reach];
            for (int r = 1; r <= reach; r++) {
                nb[2 * r - 2] = (i + r) % n;
                nb[2 * r - 1] = (i - r + n) % n;
            }
            java.util.Arrays.sort(nb);
            for (int v : nb) {
                col[p] = v;
                w[p++] = 1f;
            }
            start[i + 1] = p;
        }
        return new SparseGraph(n, start, col, w);
    }

    @Test
    void ringBecomesACircle() {
        // The top non-trivial eigenvectors of a ring are cos and sin of the angle: a circle.
        // Wide reach keeps the next eigenvalues (cos 2θ, sin 2θ) well apart from the wanted pair.
        for (int n : new int[] {120, 1000}) { // dense and LOBPCG paths
            SpectralLayout.Result r;
            try (Parallel par = new Parallel(2)) {
                r = SpectralLayout.layout(ring(n, 30), 2, null, 0, 1, par, Progress.NONE);
            }
            assertEquals("spectral", r.method());
            double mean = 0;
            double[] radius = new double[n];
            for (int i = 0; i < n; i++) {
                radius[i] = Math.hypot(r.coords()[2 * i], r.coords()[2 * i + 1]);
                mean += radius[i] / n;
            }
            for (int i = 0; i < n; i++) assertEquals(mean, radius[i], 0.02 * mean, "n " + n + " vertex " + i);
        }
    }

    @Test
    void sameLayoutOnOneAndThreeThreads() {
        int n = 2000, k = 10;
        float[] x = NnDescentTest.clusters(n, 6, 5, 12);
        KnnGraph knn = new NnDescent(NnDescent.Params.defaults().withThreads(2)).build(x, n, 6, k, Metric.EUCLIDEAN, Progress.NONE);
        float[] a, b;
        try (Parallel one = new Parallel(1); Parallel three = new Parallel(3)) {
            SparseGraph g1 = FuzzySimplicialSet.build(knn, k + 1, one, Progress.NONE);
            SparseGraph g3 = FuzzySimplicialSet.build(knn, k + 1, three, Progress.NONE);
            assertArrayEquals(g1.weight(), g3.weight());
            a = SpectralLayout.layout(g1, 2, x, 6, 3, one, Progress.NONE).coords();
            b = SpectralLayout.layout(g3, 2, x, 6, 3, three, Progress.NONE).coords();
        }
        assertArrayEquals(a, b);
    }

    @Test
    void lobpcgAgreesWithADenseDecomposition() {
        int n = 400;
        Random rnd = new Random(4);
        // A random sparse symmetric matrix.
        double[] dense = new double[n * n];
        for (int e = 0; e < 4 * n; e++) {
            int i = rnd.nextInt(n), j = rnd.nextInt(n);
            double v = rnd.nextDouble();
            dense[i * n + j] += v;
            if (i != j) dense[j * n + i] += v;
        }
        int[] start = new int[n + 1];
        int nnz = 0;
        for (int i = 0; i < n * n; i++) if (dense[i] != 0) nnz++;
        int[] col = new int[nnz];
        double[] val = new double[nnz];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (dense[i * n + j] != 0) {
                    col[p] = j;
                    val[p++] = dense[i * n + j];
                }
            }
            start[i + 1] = p;
        }
        SymmetricEigen.Result ref = SymmetricEigen.decompose(dense, n);
        Lobpcg.Result r;
        try (Parallel par = new Parallel(2)) {
            r = Lobpcg.largest(n, start, col, val, null, 3, 6, 1e-8, 2000, 5, par, Progress.NONE);
        }
        assertNotNull(r);
        assertTrue(r.converged(), "residual " + r.residual());
        for (int c = 0; c < 3; c++) assertEquals(ref.values()[c], r.values()[c], 1e-8 * Math.abs(ref.values()[0]), "eigenvalue " + c);
    }

    @Test
    void disconnectedGraphGetsOneRegionPerComponent() {
        // Three rings of different sizes, indices interleaved.
        int[] sizes = {400, 250, 9};
        int n = 0;
        for (int s : sizes) n += s;
        int[] comp = new int[n], local = new int[n];
        int[][] members = new int[3][];
        for (int c = 0; c < 3; c++) members[c] = new int[sizes[c]];
        int[] fill = new int[3];
        int c0 = 0;
        for (int i = 0; i < n; i++) {
            while (fill[c0 % 3] == sizes[c0 % 3]) c0++;
            int c = c0 % 3;
            comp[i] = c;
            local[i] = fill[c];
            members[c][fill[c]++] = i;
            c0++;
        }
        int[] start = new int[n + 1];
        int[] col = new int[n * 2];
        float[] w = new float[n * 2];
        int p = 0;
        for (int i = 0; i < n; i++) {
            int[] m = members[comp[i]];
            int a = m[(local[i] + 1) % m.length], b = m[(local[i] - 1 + m.length) % m.length];
            int lo = Math.min(a, b), hi = Math.max(a, b);
            col[p] = lo;
            w[p++] = 1;
            col[p] = hi;
            w[p++] = 1;
            start[i + 1] = p;
        }
        SparseGraph g = new SparseGraph(n, start, col, w);
        int[] label = new int[n];
        assertEquals(3, SpectralLayout.components(g, label));
        float[] data = new float[n * 3];
        for (int i = 0; i < n; i++) data[i * 3 + comp[i]] = 1;
        SpectralLayout.Result r;
        try (Parallel par = new Parallel(2)) {
            r = SpectralLayout.layout(g, 2, data, 3, 1, par, Progress.NONE);
        }
        assertEquals("spectral per component", r.method());
        // Bounding boxes of the components do not overlap.
        float[][] box = new float[3][] ;
        for (int c = 0; c < 3; c++) box[c] = new float[] {Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (int i = 0; i < n; i++) {
            float x = r.coords()[2 * i], y = r.coords()[2 * i + 1];
            assertTrue(Float.isFinite(x) && Float.isFinite(y));
            float[] b = box[comp[i]];
            b[0] = Math.min(b[0], x);
            b[1] = Math.min(b[1], y);
            b[2] = Math.max(b[2], x);
            b[3] = Math.max(b[3], y);
        }
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                boolean apart = box[a][2] < box[b][0] || box[b][2] < box[a][0] || box[a][3] < box[b][1] || box[b][3] < box[a][1];
                assertTrue(apart, "components " + a + " and " + b + " overlap");
            }
        }
    }
}
