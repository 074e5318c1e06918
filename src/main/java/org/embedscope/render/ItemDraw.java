package org.embedscope.render;

import static org.lwjgl.opengl.GL11.*;
import static org.lwjgl.opengl.GL13.*;
import static org.lwjgl.opengl.GL20.*;
import static org.lwjgl.opengl.GL30.*;


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
    /**
     * The selection ring's width in this draw's pixels: at the framebuffer's resolution its own
     * ({@link SelectionPass#ringPixels}), in a motion frame's smaller target that width scaled down, at
     * least a pixel (the full width there was three times as thick once the frame was stretched).
     */
    final float ringPx;
    /** The atlas level sampled, or -1 when sprites are flat squares. */
    final int level;
    final float threshold;
    final boolean tintByLabel;
    /** The dimmed items are drawn behind the others ({@link ViewState#dimmedBehind}). */
    final boolean dimmedBehind;
    private final PointBuffers points;
    private final AtlasTextures atlas;
    private final CategoryColours colours;
    private final ColourBy colourBy;
    private final int alphaMode;

    /** True when the items' places in the atlas ({@link CellPlaces}) are on the GPU for this draw's level. */
    final boolean placed;

    /**
     * For a target {@code pxScale} times the framebuffer's resolution (below 1 for motion frames);
     * {@code placed}: see {@link #placed}.
     */
    ItemDraw(ViewState st, int guard, int level, float threshold, PointBuffers points, AtlasTextures atlas,
             CategoryColours colours, int alphaMode, float pxScale, boolean placed) {
        this.placed = placed;
        this.worldToClip = st.camera().worldToClip(guard);
        Transition tr = st.transition();
        this.weights = tr.weights();
        this.slots = new int[] {tr.slot(0), tr.slot(1), tr.slot(2)};
        this.pointPx = st.spritePixels() * pxScale;
        this.ringPx = pxScale >= 1f ? SelectionPass.ringPixels(pointPx) : Math.max(1f, SelectionPass.ringPixels(st.spritePixels()) * pxScale);
        this.exact = level >= 0 && Math.abs(pointPx - atlas.cell(level)) < 1e-3f;
        this.targetW = (st.camera().width() + 2 * guard) * pxScale;
        this.targetH = (st.camera().height() + 2 * guard) * pxScale;
        this.level = level;
        this.threshold = threshold;
        this.tintByLabel = st.tintByLabel();
        this.dimmedBehind = st.dimmedBehind();
        this.points = points;
        this.atlas = atlas;
        this.colours = colours;
        this.colourBy = st.colourBy();
        this.alphaMode = alphaMode;
    }

    boolean flat() { return level < 0; }

    /**
     * What of this draw decides where each item's kept texels fall (not their colours): positions,
     * layouts and their weights, sprite size and pixel snapping, level, threshold. Two draws with equal
     * keys, of the same items with the same pages on the GPU, cover the same pixels ({@link SceneRecord}).
     */
    long[] coverageKey() {
        long[] k = new long[worldToClip.length + 12];
        int n = 0;
        for (float f : worldToClip) k[n++] = Float.floatToIntBits(f);
        for (int i = 0; i < 3; i++) {
            k[n++] = Float.floatToIntBits(weights[i]);
            k[n++] = slots[i];
        }
        k[n++] = Float.floatToIntBits(pointPx);
        k[n++] = exact ? 1 : 0;
        k[n++] = Float.floatToIntBits(targetW);
        k[n++] = Float.floatToIntBits(targetH);
        k[n++] = level;
        k[n] = Float.floatToIntBits(threshold);
        return k;
    }

    /**
     * True when sprites are drawn at exactly the sampled level's cell size: then each sprite is put
     * on the pixel grid and its texels read with {@code texelFetch}, one texel per pixel (what linear
     * filtering returns at texel centres, for a fraction of the work).
     */
    final boolean exact;
    private final float targetW, targetH;

    /**
     * Uses {@code p}, binds the per-item vertex array with this frame's layouts, the colouring
     * (category colours on unit 1, the colour map on unit 3) and the atlas (units 0 and 2,
     * {@link AtlasTextures#bind}), and sets the uniforms every item shader reads. {@link #unbind()}
     * returns to the baseline ({@link GlState}).
     */
    void bind(ShaderProgram p) {
        p.use();
        points.bindSlots(slots[0], slots[1], slots[2]);
        p.set("uWeights", weights[0], weights[1], weights[2]);
        p.setMatrix("uWorldToClip", worldToClip);
        p.set("uPointSize", pointPx);
        if (exact) p.set("uTargetSize", targetW, targetH);
        bindColouring(p);
        glActiveTexture(GL_TEXTURE0);
        // Flat squares sample nothing; they still name the coarsest level, which is always there.
        atlas.bind(p);
        p.set("uLevel", flat() ? atlas.levels() - 1 : level);
        if (!flat()) {
            p.set("uAlphaMode", alphaMode);   // where not compiled in (atlas.glsl)
            p.set("uThreshold", threshold);
        }
    }

    /**
     * The colouring's uniforms of {@code colour.glsl} for the program in use: the category colours on
     * unit 1, the colour map on unit 3; leaves unit 3 active.
     */
    void bindColouring(ShaderProgram p) {
        glActiveTexture(GL_TEXTURE1);
        glBindTexture(GL_TEXTURE_2D, colours.texture());
        p.set("uCategoryColours", 1);
        p.set("uCategoriesWidth", colours.width());
        glActiveTexture(GL_TEXTURE3);
        glBindTexture(GL_TEXTURE_2D, colours.mapTexture());
        p.set("uColourMap", 3);
        boolean numbers = !colourBy.isCategories();
        p.set("uColourByNumber", numbers ? 1 : 0);
        if (numbers) {
            double lo = colourBy.low(), hi = colourBy.high();
            p.set("uValueLow", (float) lo);
            p.set("uValueScale", hi > lo ? (float) (1 / (hi - lo)) : 0f);
            p.setRgb("uMissingColour", ColourBy.MISSING);
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
