package org.embedscope.render;

import static org.lwjgl.opengl.GL11.*;
import static org.lwjgl.opengl.GL30.*;

import java.nio.ByteBuffer;

/**
 * An offscreen framebuffer with one colour texture: RGBA8 for the cached scene (with a depth buffer,
 * {@code COLOR_DEPTH}, for drawing it front to back) and for headless output, R32I for item ids in
 * the picking pass. Resized on demand.
 */
public final class RenderTarget implements AutoCloseable {
    /** Which kind of colour buffer. */
    public enum Kind { COLOR, COLOR_DEPTH, ID }

    private final Kind kind;
    private int fbo;
    private int texture;
    private int depth;
    private int width;
    private int height;

    public RenderTarget(Kind kind) {
        this.kind = kind;
    }

    /** Makes sure the target is {@code w × h}; returns true when it was (re)created. */
    public boolean ensureSize(int w, int h) {
        if (fbo != 0 && w == width && h == height) return false;
        close();
        width = w;
        height = h;
        texture = glGenTextures();
        glBindTexture(GL_TEXTURE_2D, texture);
        if (kind != Kind.ID) {
            glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, (ByteBuffer) null);
        } else {
            glTexImage2D(GL_TEXTURE_2D, 0, GL_R32I, w, h, 0, GL_RED_INTEGER, GL_INT, (ByteBuffer) null);
        }
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glBindTexture(GL_TEXTURE_2D, 0);
        fbo = glGenFramebuffers();
        glBindFramebuffer(GL_FRAMEBUFFER, fbo);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, 0);
        if (kind == Kind.COLOR_DEPTH) {
            depth = glGenRenderbuffers();
            glBindRenderbuffer(GL_RENDERBUFFER, depth);
            glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH_COMPONENT24, w, h);
            glBindRenderbuffer(GL_RENDERBUFFER, 0);
            glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, depth);
        }
        int status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        if (status != GL_FRAMEBUFFER_COMPLETE) {
            throw new IllegalStateException("offscreen " + kind + " framebuffer " + w + "×" + h + " is incomplete: 0x" + Integer.toHexString(status));
        }
        return true;
    }

    public int fbo() { return fbo; }

    public int texture() { return texture; }

    public int width() { return width; }

    public int height() { return height; }

    @Override
    public void close() {
        if (fbo != 0) glDeleteFramebuffers(fbo);
        if (texture != 0) glDeleteTextures(texture);
        if (depth != 0) glDeleteRenderbuffers(depth);
        depth = 0;
        fbo = texture = 0;
    }
}
