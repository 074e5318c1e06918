package org.embedscope.render;

import static org.lwjgl.opengl.GL11.*;
import static org.lwjgl.opengl.GL13.*;
import static org.lwjgl.opengl.GL30.*;
import static org.lwjgl.opengl.GL31.*;

/**
 * A recorded scene ({@link SceneRecord}) recoloured in place: one triangle over the target, each pixel
 * given the colour its recorded item and ink have now (recolour.frag), from the per-item flags and
 * colouring read as buffer textures ({@link PointBuffers}). Its cost is the target's pixels, not the
 * items. Keeps the {@link GlState} rule.
 */
final class SceneRecolourPass implements AutoCloseable {
    /** Texture units beyond those of the item passes ({@link GlState#UNITS}): ids, inks, flags, categories, numbers. */
    private static final int IDS = 4, INK = 5, STATES = 6, CATEGORIES = 7, VALUES = 8;

    /** Untinted textured sprites (the common case: the ink is the colour) and, TINT, the rest; made at first use. */
    private ShaderProgram plain, tinted;
    private final int emptyVao = glGenVertexArrays();

    /** Recolours {@code target} (bound for drawing, with its viewport) with the colouring of {@code d}. */
    void draw(RenderTarget target, ItemDraw d, PointBuffers points) {
        boolean tint = d.tintByLabel || d.flat();
        if (tint && tinted == null) tinted = new ShaderProgram("fullscreen.vert", "recolour.frag", "TINT");
        if (!tint && plain == null) plain = new ShaderProgram("fullscreen.vert", "recolour.frag");
        ShaderProgram program = tint ? tinted : plain;
        program.use();
        d.bindColouring(program);
        bind(program, IDS, GL_TEXTURE_2D, target.idsTexture(), "uIds");
        bind(program, INK, GL_TEXTURE_2D, target.inkTexture(), "uInk");
        bind(program, STATES, GL_TEXTURE_BUFFER, points.stateTexture(), "uStates");
        bind(program, CATEGORIES, GL_TEXTURE_BUFFER, points.categoryTexture(), "uCategories");
        bind(program, VALUES, GL_TEXTURE_BUFFER, points.valueTexture(), "uValues");
        program.set("uTintByLabel", d.tintByLabel ? 1 : 0);
        program.setRgb("uBackground", SceneRenderer.BACKGROUND);
        program.set("uDimKeep", SpritePass.DIM_KEEP);
        glBindVertexArray(emptyVao);
        glDrawArrays(GL_TRIANGLES, 0, 3);
        glBindVertexArray(0);
        for (int unit = VALUES; unit >= IDS; unit--) {
            glActiveTexture(GL_TEXTURE0 + unit);
            glBindTexture(GL_TEXTURE_2D, 0);
            glBindTexture(GL_TEXTURE_BUFFER, 0);
        }
        glUseProgram(0);
        GlState.unbindTextures();
    }

    private static void bind(ShaderProgram program, int unit, int kind, int texture, String uniform) {
        glActiveTexture(GL_TEXTURE0 + unit);
        glBindTexture(kind, texture);
        program.set(uniform, unit);
    }

    @Override
    public void close() {
        if (plain != null) plain.close();
        if (tinted != null) tinted.close();
        glDeleteVertexArrays(emptyVao);
    }
}
