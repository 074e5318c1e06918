package org.embedscope.ui;

import org.embedscope.render.RegionSelector;
import org.embedscope.render.SceneRenderer;
import org.embedscope.render.ViewState;
import org.embedscope.select.ItemSet;

/**
 * Selection gestures on a drawn scene: clicks pick the item hovering would (GPU picking, with the
 * hover radius), boxes and lassos select by drawn position ({@link RegionSelector}).
 */
public final class SceneSelector implements SceneInput.Selector {
    private final SceneRenderer scene;
    private final RegionSelector regions;

    public SceneSelector(SceneRenderer scene) {
        this.scene = scene;
        this.regions = new RegionSelector(scene.layouts());
    }

    @Override
    public int itemAt(float x, float y) {
        return scene.pick((int) x, (int) y, SceneRenderer.hoverRadius(scene.state().spritePixels()));
    }

    @Override
    public void selectInside(float[] outline, boolean box, boolean add) {
        ViewState st = scene.state();
        ItemSet in = regions.inside(st, outline, box);
        if (add) st.addToSelection(in);
        else st.setSelection(in);
    }
}
