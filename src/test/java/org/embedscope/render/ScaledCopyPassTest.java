package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;
import static org.lwjgl.opengl.GL11.*;
import static org.lwjgl.opengl.GL30.*;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lwjgl.system.MemoryUtil;

/**
 * A stretched copy drawn as a textured quad is what GL's filtered stretched blit gives (the motion
 * frame's upscale used to be that blit): the same part of the source, at the same places, filtered alike;
 * and the pass leaves the GL as it found it.
 */
class ScaledCopyPassTest {
    static final int SW = 61, SH = 37, DW = 200, DH = 120;

    @Test
    void aStretchedCopyIsTheFilteredBlitOfTheSameRectangle() {
        try (GlContext gl = GlContext.hidden(16, 16);
             RenderTarget source = new RenderTarget(RenderTarget.Kind.COLOR_DEPTH);
             RenderTarget drawn = new RenderTarget(RenderTarget.Kind.COLOR);
             RenderTarget blitted = new RenderTarget(RenderTarget.Kind.COLOR);
             ScaledCopyPass pass = new ScaledCopyPass()) {
            GlState.establish();
            source.ensureSize(SW, SH);
            drawn.ensureSize(DW, DH);
            blitted.ensureSize(DW, DH);
            // Blocks of random colours, a few texels each: smooth within, sharp edges between.
            Random r = new Random(5);
            ByteBuffer px = MemoryUtil.memAlloc(SW * SH * 4);
            int[] block = new int[64];
            for (int k = 0; k < block.length; k++) block[k] = r.nextInt();
            for (int y = 0; y < SH; y++) for (int x = 0; x < SW; x++) px.putInt((y * SW + x) * 4, block[(y / 5) * 8 % 64 + (x / 7) % 8] | 0xFF000000);
            glBindTexture(GL_TEXTURE_2D, source.texture());
            glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
            glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, SW, SH, GL_RGBA, GL_UNSIGNED_BYTE, px);
            glBindTexture(GL_TEXTURE_2D, 0);
            MemoryUtil.memFree(px);

            int x0 = 3, y0 = 2, x1 = 55, y1 = 33;
            glBindFramebuffer(GL_FRAMEBUFFER, drawn.fbo());
            glViewport(0, 0, DW, DH);
            pass.draw(source, x0, y0, x1, y1);
            assertEquals(java.util.List.of(), GlState.deviations(), "the GL as the pass found it");
            glBindFramebuffer(GL_READ_FRAMEBUFFER, source.fbo());
            glBindFramebuffer(GL_DRAW_FRAMEBUFFER, blitted.fbo());
            glBlitFramebuffer(x0, y0, x1, y1, 0, 0, DW, DH, GL_COLOR_BUFFER_BIT, GL_LINEAR);
            glBindFramebuffer(GL_FRAMEBUFFER, 0);

            int[] a = read(drawn), b = read(blitted);
            int worst = 0, differing = 0;
            for (int i = 0; i < a.length; i++) {
                int d = 0;
                for (int s = 0; s < 24; s += 8) d = Math.max(d, Math.abs(((a[i] >>> s) & 255) - ((b[i] >>> s) & 255)));
                worst = Math.max(worst, d);
                if (d > 0) differing++;
            }
            // Filtering in 8-bit fixed point (llvmpipe's fast path) may round a level apart from the float path.
            assertTrue(worst <= 2, "the worst channel differs by " + worst + " levels (" + differing + " pixels differ)");
            // And the picture is the source's: its corner blocks are at the copy's corners.
            assertNear(block[(y0 / 5) * 8 % 64 + (x0 / 7) % 8] & 0xFFFFFF, a[0] & 0xFFFFFF, "the bottom-left corner is the source's at (x0, y0)", 3);
        }
    }

    private static void assertNear(int expected, int actual, String what, int tolerance) {
        for (int s = 0; s < 24; s += 8) {
            int e = (expected >>> s) & 255, g = (actual >>> s) & 255;
            assertTrue(Math.abs(e - g) <= tolerance, String.format("%s: expected #%06x, got #%06x", what, expected, actual));
        }
    }

    private static int[] read(RenderTarget t) {
        glBindFramebuffer(GL_FRAMEBUFFER, t.fbo());
        ByteBuffer px = MemoryUtil.memAlloc(DW * DH * 4);
        glPixelStorei(GL_PACK_ALIGNMENT, 4);
        glReadPixels(0, 0, DW, DH, GL_RGBA, GL_UNSIGNED_BYTE, px);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        int[] out = new int[DW * DH];
        for (int i = 0; i < out.length; i++) out[i] = px.getInt(4 * i);
        MemoryUtil.memFree(px);
        return out;
    }
}
