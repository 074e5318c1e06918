package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * Motion frames follow what an exact frame of every item would cost: exact where that is within the
 * budget (a GPU), half resolution above it, a third above twice it; a time measured on a zoomed view
 * (few items) is scaled to all of them, since a transition draws every item.
 */
class MotionScaleTest {
    @Test
    void motionFramesFollowTheCostOfDrawingEveryItem() {
        float budget = SceneRenderer.MOTION_BUDGET_MS;
        assertEquals(1f, SceneRenderer.motionScale(2f, 70_000, 70_000), "a GPU's exact frames are drawn exactly while moving");
        assertEquals(0.5f, SceneRenderer.motionScale(budget * 1.5f, 70_000, 70_000));
        assertEquals(1f / 3, SceneRenderer.motionScale(budget * 3f, 70_000, 70_000));
        // 45 ms for the 6,500 items of a zoomed view: every one of 70,000 would take ten times as long.
        assertEquals(1f / 3, SceneRenderer.motionScale(45f, 6_500, 70_000));
        assertEquals(1f, SceneRenderer.motionScale(2f, 70_000, 70_000 / 2), "fewer items than timed are not scaled down");
        assertEquals(0.5f, SceneRenderer.motionScale(budget * 0.6f, 35_000, 70_000));
    }
}
