package org.embedscope.layout.umap;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PowerTableTest {

    @Test
    void relativeErrorIsTiny() {
        Random rnd = new Random(1);
        for (float p : new float[] {0.79f, 0.895f, 1.33f, 0.5f, 1.9f}) {
            PowerTable t = new PowerTable(p);
            double worst = 0;
            for (int i = 0; i < 200_000; i++) {
                float x = (float) Math.exp(rnd.nextGaussian() * 8);
                double exact = Math.pow(x, p);
                worst = Math.max(worst, Math.abs(t.pow(x) - exact) / exact);
            }
            assertTrue(worst < 1e-5, "exponent " + p + ": relative error " + worst);
        }
    }

    @Test
    void edgeCasesFallBackToMathPow() {
        PowerTable t = new PowerTable(0.895f);
        assertEquals(0f, t.pow(0f));
        assertEquals(1f, t.pow(1f), 1e-6f);
        assertEquals((float) Math.pow(1e-40f, 0.895f), t.pow(1e-40f)); // subnormal
        assertEquals(Float.POSITIVE_INFINITY, t.pow(Float.POSITIVE_INFINITY));
    }
}
