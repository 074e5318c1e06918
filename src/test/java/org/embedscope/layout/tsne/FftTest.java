package org.embedscope.layout.tsne;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FftTest {

    @Test
    void matchesTheDirectDftForMixedRadixLengthsAndBatches() {
        Random rnd = new Random(7);
        for (int n : new int[] {1, 2, 3, 4, 5, 6, 8, 9, 12, 15, 16, 20, 25, 30, 45, 60, 64, 96, 100, 120, 360}) {
            for (int batch : new int[] {1, 3}) {
                for (boolean inverse : new boolean[] {false, true}) {
                    double[] xr = new double[n * batch], xi = new double[n * batch];
                    for (int i = 0; i < xr.length; i++) { xr[i] = rnd.nextGaussian(); xi[i] = rnd.nextGaussian(); }
                    double[] wr = new double[n * batch], wi = new double[n * batch];
                    double sign = inverse ? 1 : -1;
                    for (int b = 0; b < batch; b++) {
                        for (int f = 0; f < n; f++) {
                            double sr = 0, si = 0;
                            for (int t = 0; t < n; t++) {
                                double a = sign * 2 * Math.PI * ((long) f * t % n) / n;
                                double c = Math.cos(a), s = Math.sin(a);
                                sr += xr[t * batch + b] * c - xi[t * batch + b] * s;
                                si += xr[t * batch + b] * s + xi[t * batch + b] * c;
                            }
                            wr[f * batch + b] = sr;
                            wi[f * batch + b] = si;
                        }
                    }
                    double[] yr = new double[n * batch], yi = new double[n * batch];
                    boolean inY = new Fft(n).transform(xr, xi, yr, yi, batch, inverse);
                    double[] or = inY ? yr : xr, oi = inY ? yi : xi;
                    for (int i = 0; i < n * batch; i++) {
                        assertEquals(wr[i], or[i], 1e-9 * n, "re n=" + n + " batch=" + batch + " i=" + i);
                        assertEquals(wi[i], oi[i], 1e-9 * n, "im n=" + n + " batch=" + batch + " i=" + i);
                    }
                }
            }
        }
    }

    @Test
    void supportedSizesHaveOnlyFactorsTwoThreeFive() {
        assertTrue(Fft.isSupportedSize(600));
        assertFalse(Fft.isSupportedSize(7));
        assertFalse(Fft.isSupportedSize(0));
        assertEquals(100, Fft.sizeAtLeast(98));
        assertEquals(128, Fft.sizeAtLeast(126));
    }
}
