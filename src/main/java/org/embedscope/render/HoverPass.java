package org.embedscope.render;

import static org.lwjgl.opengl.GL11.*;
import static org.lwjgl.opengl.GL13.*;
import static org.lwjgl.opengl.GL14.*;
import static org.lwjgl.opengl.GL20.*;
import static org.lwjgl.opengl.GL30.*;


/**
 * One item's image from the finest atlas level on the GPU, drawn as a screen-aligned quad with smooth
 * (not thresholded) alpha, blended over what is there: the hovered item enlarged on a backing panel,
 * and thumbnails. Keeps the {@link GlState} rule; draws into the bound framebuffer.
 */
final class HoverPass implements AutoCloseable {
    /** What the pass needs to know about the item it draws. */
    record Item(int cell, int state, int tintRgb) {}

    private final ShaderProgram program;
    /** The backing panel (hover.frag with PANEL). */
    private final ShaderProgram panelProgram;
    private final int emptyVao;
    private final AtlasTextures atlas;
    private final int alphaMode;

    HoverPass(AtlasTextures atlas, int alphaMode) {
        this.atlas = atlas;
        this.alphaMode = alphaMode;
        program = new ShaderProgram("hover.vert", "hover.frag", "ITEM_CELL");
        panelProgram = new ShaderProgram("hover.vert", "hover.frag", "PANEL");
        emptyVao = glGenVertexArrays();
    }

    /**
     * The item enlarged: a translucent panel {@code pad} pixels wider than the image on each side,
     * framed in the item's tint (the selection colour when selected), then the image in
     * {@code rect} = {left, top, size} of a {@code w × h} framebuffer.
     */
    void drawEnlarged(Item item, boolean tintByLabel, float[] rect, float pad, int w, int h) {
        glEnable(GL_BLEND);
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        panelProgram.use();
        glBindVertexArray(emptyVao);
        setRect(panelProgram, rect[0] - pad, rect[1] - pad, rect[2] + 2 * pad, w, h);
        panelProgram.setRgb("uTint", item.tintRgb());
        panelProgram.set("uItemState", item.state());
        panelProgram.setRgba("uPanelColor", SceneRenderer.BACKGROUND, 0.92f);
        panelProgram.setRgb("uSelectedColor", SelectionPass.RING_COLOR);
        panelProgram.set("uBorder", 2f / (rect[2] + 2 * pad));
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        begin(item, tintByLabel);
        setRect(program, rect[0], rect[1], rect[2], w, h);
        drawImage();
        end();
    }

    /** The item's image over the clip-space rectangle ({@code x0}, {@code y0}) – ({@code x1}, {@code y1}). */
    void drawImage(Item item, boolean tintByLabel, float x0, float y0, float x1, float y1) {
        begin(item, tintByLabel);
        program.set("uRect", x0, y0, x1, y1);
        drawImage();
        end();
    }

    /** What its images depend on in the atlas (they sample the finest level on the GPU): a page arriving redraws them. */
    long atlasVersion() { return atlas.versionFor(0); }

    private void begin(Item item, boolean tintByLabel) {
        glEnable(GL_BLEND);
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        program.use();
        glBindVertexArray(emptyVao);
        program.setRgb("uTint", item.tintRgb());
        program.set("uItemCell", item.cell());
        program.set("uTintByLabel", tintByLabel ? 1 : 0);
        // Bound before any draw, the panel's too: every sampler names its own unit.
        atlas.bind(program);
    }

    private void drawImage() {
        program.set("uAlphaMode", alphaMode);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    }

    private void end() {
        glBindVertexArray(0);
        glUseProgram(0);
        GlState.unbindTextures();
        glDisable(GL_BLEND);
    }

    private static void setRect(ShaderProgram p, float left, float top, float size, int w, int h) {
        float x0 = 2f * left / w - 1f, x1 = 2f * (left + size) / w - 1f;
        float y0 = 1f - 2f * (top + size) / h, y1 = 1f - 2f * top / h;
        p.set("uRect", x0, y0, x1, y1);
    }

    @Override
    public void close() {
        glDeleteVertexArrays(emptyVao);
        program.close();
        panelProgram.close();
    }
}
