package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class EasingTest {
    @Test
    void cubicInOutRunsFromZeroToOneSymmetrically() {
        assertEquals(0f, Easing.cubicInOut(0f));
        assertEquals(1f, Easing.cubicInOut(1f));
        assertEquals(0.5f, Easing.cubicInOut(0.5f), 1e-6);
        assertEquals(0f, Easing.cubicInOut(-3f));
        assertEquals(1f, Easing.cubicInOut(7f));
        float prev = 0;
        for (int i = 1; i <= 1000; i++) {
            float t = i / 1000f, e = Easing.cubicInOut(t);
            assertTrue(e >= prev);
            assertEquals(1f - e, Easing.cubicInOut(1f - t), 1e-5);
            prev = e;
        }
    }

    @Test
    void startsAndEndsAtRest() {
        float h = 1e-3f;
        assertTrue(Easing.cubicInOut(h) / h < 1e-3, "zero velocity at the start");
        assertTrue((1 - Easing.cubicInOut(1 - h)) / h < 1e-3, "zero velocity at the end");
    }
}
