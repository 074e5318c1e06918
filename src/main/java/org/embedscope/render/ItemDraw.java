package org.embedscope.render;

import static org.lwjgl.opengl.GL11.*;
import static org.lwjgl.opengl.GL13.*;
import static org.lwjgl.opengl.GL20.*;
import static org.lwjgl.opengl.GL30.*;

import org.embedscope.bundle.Manifest;

/**
 * One frame's parameters for drawing items, shared by every pass that draws them (sprites, picking,
 * the selection highlight), computed once from the view state so the passes agree on positions,
 * size, level and alpha test: what one pass draws, another picks.
 */
final class ItemDraw {
    final float[] worldToClip;
    final float[] weights;
    final int[] slots;
    final float pointPx;
    /** The atlas level sampled, or -1 when sprites are flat squares. */
    final int level;
    final float threshold;
    final boolean tintByLabel;
    private final PointBuffers points;
    private final AtlasTextures atlas;
    private final LabelTable labels;
    private final int alphaMode;

    ItemDraw(ViewState st, int guard, int level, float threshold, PointBuffers points, AtlasTextures atlas,
             LabelTable labels, int alphaMode) {
        this.worldToClip = st.camera().worldToClip(guard);
        Transition tr = st.transition();
        this.weights = tr.weights();
        this.slots = new int[] {tr.slot(0), tr.slot(1), tr.slot(2)};
        this.pointPx = st.spritePixels();
        this.level = level;
        this.threshold = threshold;
        this.tintByLabel = st.tintByLabel();
        this.points = points;
        this.atlas = atlas;
        this.labels = labels;
        this.alphaMode = alphaMode;
    }

    boolean flat() { return level < 0; }

    /**
     * Uses {@code p}, binds the per-item vertex array with this frame's layouts, the label table
     * (unit 1) and, unless flat, the sampled level (unit 0), and sets the uniforms every item
     * shader reads. {@link #unbind()} returns to the baseline ({@link GlState}).
     */
    void bind(ShaderProgram p) {
        p.use();
        points.bindSlots(slots[0], slots[1], slots[2]);
        p.set("uWeights", weights[0], weights[1], weights[2]);
        p.setMatrix("uWorldToClip", worldToClip);
        p.set("uPointSize", pointPx);
        glActiveTexture(GL_TEXTURE1);
        glBindTexture(GL_TEXTURE_2D, labels.texture());
        p.set("uLabels", 1);
        p.set("uLabelsWidth", labels.width());
        // Flat squares sample nothing; the grid uniforms then describe the coarsest level.
        int grid = flat() ? atlas.levels() - 1 : level;
        Manifest.Level lv = atlas.level(grid);
        p.set("uColumns", lv.columns());
        p.set("uCellsPerPage", lv.cellsPerPage());
        glActiveTexture(GL_TEXTURE0);
        if (!flat()) {
            glBindTexture(GL_TEXTURE_2D_ARRAY, atlas.texture(level));
            p.set("uAtlas", 0);
            p.set("uCell", (float) lv.cell());
            p.set("uPageSize", atlas.pageWidth(level), atlas.pageHeight(level));
            p.set("uAlphaMode", alphaMode);
            p.set("uThreshold", threshold);
            p.set("uTintByLabel", tintByLabel ? 1 : 0);
        }
    }

    /** Items in the per-item buffers. */
    int itemCount() { return points.count(); }

    /** Draws every item as a point with the bound program. */
    void drawAll() {
        glDrawArrays(GL_POINTS, 0, points.count());
    }

    /** Back to the baseline after {@link #bind}. */
    static void unbind() {
        glBindVertexArray(0);
        glUseProgram(0);
        GlState.unbindTextures();
    }
}
