package org.embedscope.layout.umap;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class CurveFitTest {

    /** umap-learn 0.5.3 find_ab_params(spread, min_dist) for the same settings. */
    @Test
    void matchesUmapLearnsFit() {
        double[][] cases = {
                {0.1, 1.0, 1.5769434601962196, 0.8950608779914887},
                {0.0, 1.0, 1.9328083975546724, 0.7904949734010681},
                {0.5, 1.0, 0.583030020479462, 1.3341669929263487},
                {0.25, 2.0, 0.41627349693884963, 0.9218551322340262},
        };
        for (double[] c : cases) {
            double[] ab = CurveFit.fitAB(c[0], c[1]);
            assertEquals(c[2], ab[0], 2e-3 * c[2], "a for min_dist " + c[0] + ", spread " + c[1]);
            assertEquals(c[3], ab[1], 2e-3 * c[3], "b for min_dist " + c[0] + ", spread " + c[1]);
        }
    }

    @Test
    void rejectsMinDistBeyondSpread() {
        assertThrows(IllegalArgumentException.class, () -> CurveFit.fitAB(2, 1));
        assertThrows(IllegalArgumentException.class, () -> CurveFit.fitAB(0.1, 0));
    }
}
