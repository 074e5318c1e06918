package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lwjgl.opengl.GL11C;

/** The driver's reports reach {@link GlDebug}: a wrong call is counted and kept, naming the error. */
class GlDebugTest {
    @Test
    void aWrongCallIsCountedAndNamed() {
        try (GlContext gl = GlContext.hidden(16, 16)) {
            GlDebug.drain();
            long before = GlDebug.problemCount();
            GL11C.glEnable(0x7fff); // no such capability: GL_INVALID_ENUM
            assertEquals(GL11C.GL_INVALID_ENUM, GL11C.glGetError(), "the driver saw the error too");
            assertEquals(before + 1, GlDebug.problemCount());
            List<String> problems = GlDebug.drain();
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).startsWith("GL error"), problems.get(0));
            // A correct call adds nothing.
            GL11C.glEnable(GL11C.GL_BLEND);
            GL11C.glDisable(GL11C.GL_BLEND);
            assertEquals(before + 1, GlDebug.problemCount());
        }
    }
}
