package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The shader loader's includes (GL-free: the text handed to the compiler). */
class ShaderProgramTest {
    @Test
    void includesAreReplacedByTheFileAndLineNumbersResume() {
        String src = "#version 330 core\n// a\n#include \"atlas.glsl\"\nvoid main() {}\n";
        String out = ShaderProgram.expandIncludes("test.frag", src);
        assertFalse(out.lines().anyMatch(l -> l.strip().startsWith("#include")), out);
        assertEquals(1, out.split("float coverage\\(vec4 t\\)", -1).length - 1, "the alpha formula, once");
        assertTrue(out.contains("#line 1 1\n"), "the included file is source 1 from its line 1");
        assertTrue(out.contains("#line 4 0\nvoid main() {}"), "the file resumes at its line 4");
        // Every shader that reads the atlas gets the formula from the one file.
        for (String f : new String[] {"sprite.frag", "hover.frag", "sprite.vert"}) {
            assertTrue(ShaderProgram.expandIncludes(f, ShaderProgram.source(f)).contains("float coverage(vec4 t)"), f);
        }
    }

    @Test
    void aFileIncludedTwiceIsRefusedNamingTheLine() {
        String src = "#version 330 core\n#include \"atlas.glsl\"\n#include \"atlas.glsl\"\n";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ShaderProgram.expandIncludes("x.frag", src));
        assertTrue(e.getMessage().contains("x.frag line 3") && e.getMessage().contains("atlas.glsl"), e.getMessage());
    }
}
