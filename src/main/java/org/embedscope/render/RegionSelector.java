package org.embedscope.render;

import org.embedscope.select.Box;
import org.embedscope.select.ItemSet;
import org.embedscope.select.Polygon;
import org.embedscope.select.Region;

/**
 * Selection by where items are drawn now. A box or lasso drawn on screen is taken to world space
 * (the camera is a scale and a shift, so insideness is unchanged) and tested against every item's
 * drawn position, the transition's blend of its layouts, exactly as the vertex shader computes it:
 * mid-transition, a lasso selects what is inside it on screen. Hidden items are left out. GL-free.
 */
public final class RegionSelector {
    private final float[][] layouts;
    private final float[] drawn;

    /** @param layouts every layout's normalised coordinates (display space) */
    public RegionSelector(float[][] layouts) {
        this.layouts = layouts;
        this.drawn = new float[layouts.length == 0 ? 0 : layouts[0].length];
    }

    /**
     * The shown items whose drawn centre lies inside {@code outline}: screen vertices interleaved x, y
     * (framebuffer pixels); {@code box}: the outline is a box's corners (the first and third opposite),
     * else a polygon (even-odd rule). An outline of fewer than three vertices holds nothing.
     */
    public ItemSet inside(ViewState st, float[] outline, boolean box) {
        int n = st.itemCount();
        if (outline.length < (box ? 8 : 6)) return new ItemSet(n);
        Camera cam = st.camera();
        float[] world = new float[outline.length];
        for (int k = 0; k < outline.length; k += 2) {
            world[k] = cam.worldX(outline[k]);
            world[k + 1] = cam.worldY(outline[k + 1]);
        }
        Region region = box ? new Box(world[0], world[1], world[4], world[5]) : new Polygon(world);
        st.transition().positions(layouts, drawn);
        ItemSet in = region.select(drawn);
        for (int i = in.next(0); i >= 0; i = in.next(i + 1)) if (st.isHidden(i)) in.remove(i);
        return in;
    }
}
