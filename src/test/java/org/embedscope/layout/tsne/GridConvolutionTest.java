package org.embedscope.layout.tsne;

import org.embedscope.util.Parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GridConvolutionTest {

    @Test
    void equalsTheDirectSumOverTheGridForBothParts() {
        for (int threads : new int[] {1, 2}) {
            try (Parallel w = new Parallel(threads)) {
                for (int m : new int[] {1, 5, 13, 40}) {
                    GridConvolution.Kernel k = (di, dj) -> 1.0 / Math.pow(1 + 0.3 * (di * di + dj * dj), 2);
                    GridConvolution conv = new GridConvolution(m, k, w);
                    int l = conv.paddedSide();
                    Random rnd = new Random(m);
                    double[][] in = new double[2][m * m];
                    double[] re = conv.newArray(), im = conv.newArray();
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < m; j++) {
                            in[0][i * m + j] = rnd.nextGaussian();
                            in[1][i * m + j] = rnd.nextDouble();
                            re[i * l + j] = in[0][i * m + j];
                            im[i * l + j] = in[1][i * m + j];
                        }
                    }
                    conv.convolve(re, im, w);
                    for (int a = 0; a < m; a++) {
                        for (int b = 0; b < m; b++) {
                            double s0 = 0, s1 = 0;
                            for (int c = 0; c < m; c++) {
                                for (int d = 0; d < m; d++) {
                                    double kv = k.at(Math.abs(a - c), Math.abs(b - d));
                                    s0 += kv * in[0][c * m + d];
                                    s1 += kv * in[1][c * m + d];
                                }
                            }
                            assertEquals(s0, re[a * l + b], 1e-10 * m * m, "re m=" + m + " at " + a + "," + b);
                            assertEquals(s1, im[a * l + b], 1e-10 * m * m, "im m=" + m + " at " + a + "," + b);
                        }
                    }
                }
            }
        }
    }
}
