package org.embedscope.render;

import static org.lwjgl.opengl.GL11.*;
import static org.lwjgl.opengl.GL13.*;
import static org.lwjgl.opengl.GL15.*;
import static org.lwjgl.opengl.GL20.*;
import static org.lwjgl.opengl.GL30.*;
import static org.lwjgl.opengl.GL32.*;

import java.util.ArrayList;
import java.util.List;

/**
 * The one GL-state rule of the renderer. Between passes the GL is in the <em>baseline</em>:
 * <ul>
 *   <li>blending, scissor, depth, stencil and face culling off; program point size on;</li>
 *   <li>no program in use, vertex array 0, no buffer bound to {@code GL_ARRAY_BUFFER};</li>
 *   <li>texture unit 0 active, and no texture bound to {@code GL_TEXTURE_2D} or
 *       {@code GL_TEXTURE_2D_ARRAY} on units 0 to 3 (the units passes use).</li>
 * </ul>
 * A pass may assume the baseline, may change anything for its own draws, and restores the baseline
 * before it returns. A pass that draws into the scene draws into the framebuffer and viewport its
 * caller bound and leaves them bound; one with a target of its own (picking) binds it and leaves
 * framebuffer 0 bound. {@link SceneRenderer#render} leaves its output framebuffer bound for the
 * overlay; its other drawing methods leave framebuffer 0 bound. Pixel-store state (alignment) is not
 * part of the baseline: whoever transfers pixels sets it first.
 */
public final class GlState {
    private GlState() {}

    /** Puts a new context into the baseline. */
    static void establish() {
        glDisable(GL_BLEND);
        glDisable(GL_SCISSOR_TEST);
        glDisable(GL_DEPTH_TEST);
        glDisable(GL_STENCIL_TEST);
        glDisable(GL_CULL_FACE);
        glEnable(GL_PROGRAM_POINT_SIZE);
        glActiveTexture(GL_TEXTURE0);
    }

    /**
     * The texture units passes use: 0 the atlas, 1 the colouring's category colours, 2 the atlas's
     * page table, 3 the colour map.
     */
    static final int UNITS = 4;

    /** Unbinds what passes bind on texture units 0 to {@link #UNITS} - 1, leaving unit 0 active. */
    static void unbindTextures() {
        for (int unit = UNITS - 1; unit >= 0; unit--) {
            glActiveTexture(GL_TEXTURE0 + unit);
            glBindTexture(GL_TEXTURE_2D, 0);
            glBindTexture(GL_TEXTURE_2D_ARRAY, 0);
        }
    }

    /** How the GL differs from the baseline now; empty when it does not. Queries the GL: for tests. */
    public static List<String> deviations() {
        List<String> d = new ArrayList<>();
        int[] off = {GL_BLEND, GL_SCISSOR_TEST, GL_DEPTH_TEST, GL_STENCIL_TEST, GL_CULL_FACE};
        String[] offNames = {"blend", "scissor test", "depth test", "stencil test", "face culling"};
        for (int k = 0; k < off.length; k++) if (glIsEnabled(off[k])) d.add(offNames[k] + " enabled");
        if (!glIsEnabled(GL_PROGRAM_POINT_SIZE)) d.add("program point size disabled");
        if (glGetInteger(GL_CURRENT_PROGRAM) != 0) d.add("a program in use");
        if (glGetInteger(GL_VERTEX_ARRAY_BINDING) != 0) d.add("a vertex array bound");
        if (glGetInteger(GL_ARRAY_BUFFER_BINDING) != 0) d.add("an array buffer bound");
        int active = glGetInteger(GL_ACTIVE_TEXTURE);
        if (active != GL_TEXTURE0) d.add("texture unit " + (active - GL_TEXTURE0) + " active");
        for (int unit = 0; unit < UNITS; unit++) {
            glActiveTexture(GL_TEXTURE0 + unit);
            if (glGetInteger(GL_TEXTURE_BINDING_2D) != 0) d.add("a 2-D texture bound on unit " + unit);
            if (glGetInteger(GL_TEXTURE_BINDING_2D_ARRAY) != 0) d.add("a texture array bound on unit " + unit);
        }
        glActiveTexture(active);
        return d;
    }
}
