package org.embedscope.render;

import static org.lwjgl.opengl.GL11.*;
import static org.lwjgl.opengl.GL20.*;
import static org.lwjgl.opengl.GL30.*;

import java.nio.ByteBuffer;

/**
 * An offscreen framebuffer with one colour texture: RGBA8 for the cached scene (with a depth buffer,
 * {@code COLOR_DEPTH}, for drawing it front to back) and for headless output, R32I for item ids in
 * the picking pass. {@code SCENE} is {@code COLOR_DEPTH} with a second, R32I attachment in which the
 * scene's sprites can record which item each pixel shows ({@link ShownItems}); it is written only
 * between {@link #recordIds} and {@link #stopRecordingIds}. Resized on demand.
 */
public final class RenderTarget implements AutoCloseable {
    /** Which kind of colour buffer. */
    public enum Kind { COLOR, COLOR_DEPTH, ID, SCENE }

    private final Kind kind;
    private int fbo;
    private int texture;
    private int depth;
    private int ids;
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
        if (kind == Kind.SCENE) {
            ids = glGenRenderbuffers();
            glBindRenderbuffer(GL_RENDERBUFFER, ids);
            glRenderbufferStorage(GL_RENDERBUFFER, GL_R32I, w, h);
            glBindRenderbuffer(GL_RENDERBUFFER, 0);
            glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT1, GL_RENDERBUFFER, ids);
            glDrawBuffers(new int[] {GL_COLOR_ATTACHMENT0, GL_NONE});
        }
        if (kind == Kind.COLOR_DEPTH || kind == Kind.SCENE) {
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

    /**
     * With this target bound for drawing ({@code SCENE} only): from now on fragments also write their
     * second output (location 1, the item id + 1) into the id attachment, which is cleared to 0.
     */
    void recordIds() {
        glDrawBuffers(new int[] {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1});
        glClearBufferiv(GL_COLOR, 1, new int[] {0, 0, 0, 0});
    }

    /** Back to writing colour only (the state every other pass expects). */
    void stopRecordingIds() {
        glDrawBuffers(new int[] {GL_COLOR_ATTACHMENT0, GL_NONE});
    }

    /** Reads the id attachment ({@code SCENE} only) into {@code out}, row by row from the bottom. */
    void readIds(java.nio.IntBuffer out) {
        int prevRead = glGetInteger(GL_READ_FRAMEBUFFER_BINDING);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo);
        glReadBuffer(GL_COLOR_ATTACHMENT1);
        glReadPixels(0, 0, width, height, GL_RED_INTEGER, GL_INT, out);
        glReadBuffer(GL_COLOR_ATTACHMENT0);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, prevRead);
    }

    public int texture() { return texture; }

    public int width() { return width; }

    public int height() { return height; }

    @Override
    public void close() {
        if (fbo != 0) glDeleteFramebuffers(fbo);
        if (texture != 0) glDeleteTextures(texture);
        if (depth != 0) glDeleteRenderbuffers(depth);
        if (ids != 0) glDeleteRenderbuffers(ids);
        depth = ids = 0;
        fbo = texture = 0;
    }
}
