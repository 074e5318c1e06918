package org.embedscope.render;

import java.util.Arrays;

/**
 * Whether the scene target holds a record that can be recoloured instead of drawn again, and when to
 * make one. With the alpha threshold a pixel shows the topmost kept texel of one item; a recorded
 * scene keeps, per pixel, that item and its ink ({@link RenderTarget.Kind#SCENE}), from which a
 * redraw under the same conditions is one pass over the pixels ({@link SceneRecolourPass}), whatever
 * the number of items: the same picture as drawing every sprite again, for the changes that alter
 * only colours (the selection's dimming, a search's, a colouring, tinting). The conditions are all
 * that decides which item is on top where: {@link ItemDraw#coverageKey} plus the pages on the GPU,
 * the hidden items, the selection (drawn in front, with its rings) and the list drawn. Smooth alpha
 * blends every item into a pixel: never recorded. GL-free.
 */
final class SceneRecord {
    private long[] recorded;
    /** The conditions of the last full scene drawn without recording. */
    private long[] drawnOnce;

    /** True when the target's record was made under {@code conditions}. */
    boolean matches(long[] conditions) {
        return recorded != null && conditions != null && Arrays.equals(recorded, conditions);
    }

    /**
     * True when a full scene under {@code conditions} should be recorded: when the one before was
     * drawn under them too. A view that changes every frame (a zoom, a pan) is never drawn twice and
     * pays nothing for a record; one drawn again (a selection, a colouring, a search at a view that
     * stays) is recorded the second time and recoloured from the third on.
     */
    boolean worthRecording(long[] conditions) {
        if (conditions == null) return false;
        if (Arrays.equals(drawnOnce, conditions)) return true;
        drawnOnce = conditions;
        return false;
    }

    /** The scene just drawn into the target was recorded under {@code conditions}. */
    void recorded(long[] conditions) {
        recorded = conditions;
    }

    /** Something else was drawn into the target (or it was replaced): its record is gone. */
    void forget() {
        recorded = null;
    }
}
