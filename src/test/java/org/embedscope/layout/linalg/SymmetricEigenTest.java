package org.embedscope.layout.linalg;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void decomposesARandomSymmetricMatrix() {
        int m = 25;
        Random rnd = new Random(7);
        double[] a = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double v = rnd.nextGaussian();
                a[i * m + j] = v;
                a[j * m + i] = v;
            }
        }
        SymmetricEigen.Result r = SymmetricEigen.decompose(a, m);
        for (int c = 0; c < m; c++) {
            if (c > 0) assertTrue(r.values()[c] <= r.values()[c - 1], "values sorted decreasing");
            for (int i = 0; i < m; i++) {
                double av = 0;
                for (int j = 0; j < m; j++) av += a[i * m + j] * r.vector(c, j);
                assertEquals(r.values()[c] * r.vector(c, i), av, 1e-10, "A v = λ v for vector " + c);
            }
            for (int d = 0; d <= c; d++) {
                double dot = 0;
                for (int i = 0; i < m; i++) dot += r.vector(c, i) * r.vector(d, i);
                assertEquals(c == d ? 1 : 0, dot, 1e-12, "orthonormal " + c + "," + d);
            }
        }
    }

    @Test
    void knownTwoByTwo() {
        // [[2,1],[1,2]] has eigenvalues 3 (along (1,1)) and 1 (along (1,-1)).
        SymmetricEigen.Result r = SymmetricEigen.decompose(new double[] {2, 1, 1, 2}, 2);
        assertEquals(3, r.values()[0], 1e-14);
        assertEquals(1, r.values()[1], 1e-14);
        assertEquals(1, Math.abs(r.vector(0, 0) + r.vector(0, 1)) / Math.sqrt(2), 1e-14);
    }
}
