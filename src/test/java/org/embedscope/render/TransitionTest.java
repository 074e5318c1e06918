package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class TransitionTest {
    // Item 0 sits at x = 0, 10, 100 in layouts 0, 1, 2 (y = -x).
    private final float[][] layouts = {{0, 0}, {10, -10}, {100, -100}};

    private float x(Transition t) {
        float[] p = new float[2];
        t.position(layouts, 0, p);
        assertEquals(-p[0], p[1], 1e-4);
        return p[0];
    }

    @Test
    void movesFromOneLayoutToAnotherInAboutASecond() {
        Transition t = new Transition(0);
        assertEquals(0f, x(t));
        t.moveTo(1, 5f);
        assertTrue(t.isRunning());
        t.update(5.5f);
        assertEquals(5f, x(t), 1e-4); // halfway in time is halfway in space (symmetric easing)
        t.update(6.0f);
        assertFalse(t.isRunning());
        assertEquals(10f, x(t), 1e-5);
        assertEquals(1, t.target());
    }

    @Test
    void reversingMidwayStartsWhereTheSpritesAreAndReturns() {
        Transition t = new Transition(0);
        t.moveTo(1, 0f);
        t.update(0.3f);
        float before = x(t);
        t.moveTo(0, 0.3f);
        assertEquals(before, x(t), 1e-5, "no jump when turning back");
        // Turning back eases out from rest: the first steps are tiny, then it accelerates.
        t.update(0.31f);
        assertTrue(Math.abs(x(t) - before) < 1e-3);
        t.update(1.3f);
        assertEquals(0f, x(t), 1e-5);
        assertFalse(t.isRunning());
    }

    @Test
    void retargetingToAThirdLayoutMidwayIsContinuous() {
        Transition t = new Transition(0);
        t.moveTo(1, 0f);
        t.update(0.5f);
        float a = x(t);
        t.moveTo(2, 0.5f);
        assertEquals(a, x(t), 1e-4);
        t.update(0.8f);
        // Now three layouts are in play; a fourth target would drop the lightest slot, but
        // returning to one already in play stays exact.
        float b = x(t);
        t.moveTo(0, 0.8f);
        assertEquals(b, x(t), 1e-4);
        t.update(2f);
        assertEquals(0f, x(t), 1e-5);
        float[] w = t.weights();
        assertEquals(1f, w[0] + w[1] + w[2], 1e-6);
    }

    @Test
    void weightsAlwaysSumToOne() {
        Transition t = new Transition(2);
        t.moveTo(0, 0);
        for (float now = 0; now < 1.2f; now += 0.05f) {
            t.update(now);
            if (now > 0.4f && now < 0.5f) t.moveTo(1, now);
            float[] w = t.weights();
            assertEquals(1f, w[0] + w[1] + w[2], 1e-5);
        }
    }

    @Test
    void movingToTheCurrentTargetDoesNothing() {
        Transition t = new Transition(1);
        t.moveTo(1, 0);
        assertFalse(t.isRunning());
        assertEquals(10f, x(t));
    }
}
