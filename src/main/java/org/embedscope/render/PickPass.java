package org.embedscope.render;

import static org.lwjgl.opengl.GL11.*;
import static org.lwjgl.opengl.GL30.*;

import java.nio.IntBuffer;
import org.lwjgl.system.MemoryStack;

/**
 * GPU picking: the sprite shaders' id variant writes {@code id + 1} for every kept texel into an
 * integer target, scissored to the (2r+1)² pixels around the cursor, and the nearest id is read
 * back. It draws what the sprite pass draws (positions, sizes, alpha test, hidden items) from the
 * same {@link ItemDraw}, so it finds exactly what is on screen. Keeps the {@link GlState} rule and
 * leaves framebuffer 0 bound.
 */
final class PickPass implements AutoCloseable {
    private final ShaderProgram textured;
    private final ShaderProgram flat;
    /** The textured program for sprites drawn at exactly their level's cell size ({@link ItemDraw#exact}). */
    private final ShaderProgram exact;
    private final RenderTarget ids = new RenderTarget(RenderTarget.Kind.ID);

    PickPass() {
        ShaderProgram t = new ShaderProgram("sprite.vert", "sprite.frag", "PICK");
        ShaderProgram f = null;
        try {
            f = new ShaderProgram("sprite.vert", "sprite.frag", "FLAT", "PICK");
            exact = new ShaderProgram("sprite.vert", "sprite.frag", "EXACT", "PICK");
        } catch (RuntimeException e) {
            t.close();
            if (f != null) f.close();
            throw e;
        }
        flat = f;
        textured = t;
    }

    /**
     * The item whose kept texel is nearest to pixel ({@code gx}, {@code gy}) of a target
     * {@code targetW × targetH} (GL orientation, origin bottom left) within {@code radius}, looking
     * only inside the rectangle [{@code x0}, {@code x1}] × [{@code y0}, {@code y1}]; or -1.
     */
    int pick(ItemDraw d, int targetW, int targetH, int gx, int gy, int radius, int x0, int y0, int x1, int y1) {
        return pick(d, null, targetW, targetH, gx, gy, radius, x0, y0, x1, y1);
    }

    /** As above, drawing only the items of {@code items}, later ones winning: in the order the scene stacks them ({@link StackOrder}); null for every item, in item order. */
    int pick(ItemDraw d, IndexList items, int targetW, int targetH, int gx, int gy, int radius, int x0, int y0, int x1, int y1) {
        ids.ensureSize(targetW, targetH);
        glBindFramebuffer(GL_FRAMEBUFFER, ids.fbo());
        glViewport(0, 0, targetW, targetH);
        int rw = x1 - x0 + 1, rh = y1 - y0 + 1;
        glEnable(GL_SCISSOR_TEST);
        glScissor(x0, y0, rw, rh);
        int best = PickId.NONE;
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer clear = stack.ints(PickId.NONE, 0, 0, 0);
            glClearBufferiv(GL_COLOR, 0, clear);
            d.bind(d.flat() ? flat : d.exact ? exact : textured);
            if (items == null) d.drawAll();
            else items.drawPoints();
            ItemDraw.unbind();
            IntBuffer out = stack.mallocInt(rw * rh);
            glPixelStorei(GL_PACK_ALIGNMENT, 4);
            glReadPixels(x0, y0, rw, rh, GL_RED_INTEGER, GL_INT, out);
            int bestD = Integer.MAX_VALUE;
            for (int j = 0; j < rh; j++) {
                for (int i = 0; i < rw; i++) {
                    int v = out.get(j * rw + i);
                    if (v == PickId.NONE) continue;
                    int dx = x0 + i - gx, dy = y0 + j - gy, dd = dx * dx + dy * dy;
                    if (dd < bestD && dd <= radius * radius) {
                        bestD = dd;
                        best = v;
                    }
                }
            }
        }
        glDisable(GL_SCISSOR_TEST);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        return PickId.decode(best);
    }

    @Override
    public void close() {
        ids.close();
        textured.close();
        flat.close();
        exact.close();
    }
}
