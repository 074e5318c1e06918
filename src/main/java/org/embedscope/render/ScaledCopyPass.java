package org.embedscope.render;

import static org.lwjgl.opengl.GL11.*;
import static org.lwjgl.opengl.GL13.*;
import static org.lwjgl.opengl.GL30.*;
import static org.lwjgl.opengl.GL33.*;

/**
 * A rectangle of a target's colour texture drawn stretched over the bound framebuffer's viewport,
 * filtered bilinearly: what {@code glBlitFramebuffer(…, GL_LINEAR)} does, as one textured quad. On Mesa's
 * llvmpipe a stretched blit goes through the general per-pixel path (4.5 ms for a 1280×800 frame here),
 * while a textured quad between targets of the same 8-bit BGRA layout ({@link RenderTarget}) goes through
 * its linear rasteriser (1.2 ms). A motion frame's scene is upscaled this way ({@link SceneRenderer#present}).
 * Keeps the {@link GlState} rule.
 */
final class ScaledCopyPass implements AutoCloseable {
    private ShaderProgram program;
    private final int sampler = glGenSamplers();
    private final int emptyVao = glGenVertexArrays();

    ScaledCopyPass() {
        glSamplerParameteri(sampler, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glSamplerParameteri(sampler, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glSamplerParameteri(sampler, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glSamplerParameteri(sampler, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }

    /**
     * Draws pixels {@code [x0, x1) × [y0, y1)} of {@code source} (from its bottom left; fractions allowed)
     * over the whole viewport of the bound framebuffer.
     */
    void draw(RenderTarget source, float x0, float y0, float x1, float y1) {
        if (program == null) program = new ShaderProgram("hover.vert", "copy.frag", "COPY");
        program.use();
        program.set("uRect", -1f, -1f, 1f, 1f);
        float w = source.width(), h = source.height();
        program.set("uFrom", x0 / w, y0 / h, x1 / w, y1 / h);
        program.set("uSource", 0);
        glBindTexture(GL_TEXTURE_2D, source.texture());
        glBindSampler(0, sampler);
        glBindVertexArray(emptyVao);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        glBindVertexArray(0);
        glBindSampler(0, 0);
        glBindTexture(GL_TEXTURE_2D, 0);
        glUseProgram(0);
    }

    @Override
    public void close() {
        if (program != null) program.close();
        glDeleteSamplers(sampler);
        glDeleteVertexArrays(emptyVao);
    }
}
