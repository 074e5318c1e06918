package org.embedscope.render;

import static org.lwjgl.opengl.GL11.*;
import static org.lwjgl.opengl.GL12.GL_BGRA;
import static org.lwjgl.opengl.GL20.*;
import static org.lwjgl.opengl.GL30.*;

import java.nio.ByteBuffer;

/**
 * An offscreen framebuffer with one colour texture: 8-bit RGBA (laid out as {@link #ensureSize} says)
 * for the cached scene (with a depth buffer, {@code COLOR_DEPTH}, for drawing it front to back) and for
 * headless output, R32I for item ids in
 * the picking pass. {@code SCENE} is {@code COLOR_DEPTH} with two more attachments in which the
 * scene's sprites record, per pixel, the item on top (R32I: item + 1) and its ink (RGBA8), so that
 * the scene can be recoloured without drawing its sprites again ({@link SceneRecord}); they are
 * written only between {@link #record} and {@link #stopRecording}. Resized on demand.
 */
public final class RenderTarget implements AutoCloseable {
    /** Which kind of colour buffer. */
    public enum Kind { COLOR, COLOR_DEPTH, ID, SCENE }

    private final Kind kind;
    private int fbo;
    private int texture;
    private int depth;
    private int ids;
    private int ink;
    private int width;
    private int height;

    /** A target whose pictures are copied to others or read back (the scene, the frame): laid out BGRA. */
    public RenderTarget(Kind kind) {
        this(kind, false);
    }

    /** Whether the colour texture is drawn without a depth buffer and then sampled (laid out RGBA, see {@link #ensureSize}). */
    private final boolean sampled;

    /** With {@code sampled}: a target drawn without a depth buffer and then sampled as a texture (the overlay's layer, thumbnails). */
    public RenderTarget(Kind kind, boolean sampled) {
        this.kind = kind;
        this.sampled = sampled;
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
            // 8-bit RGBA. A target copied to others is laid out BGRA (given as unsized RGBA with BGRA data,
            // Mesa stores it as its B8G8R8A8 format): llvmpipe copies and stretches between targets of
            // that one layout on its fast paths (a 1:1 copy is a memory copy only between targets of the
            // same layout; ScaledCopyPass). A target drawn without a depth buffer (where llvmpipe may use
            // its linear rasteriser) and then sampled keeps RGBA8: laid out BGRA on Mesa 22.3, the hovered
            // item's thumbnail, drawn into one and then by the overlay, came out blank in some frames.
            if (sampled) glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, (ByteBuffer) null);
            else glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_BGRA, GL_UNSIGNED_BYTE, (ByteBuffer) null);
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
            ids = attach(GL_COLOR_ATTACHMENT1, GL_R32I, GL_RED_INTEGER, GL_INT, w, h);
            ink = attach(GL_COLOR_ATTACHMENT2, GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, w, h);
            glDrawBuffers(new int[] {GL_COLOR_ATTACHMENT0, GL_NONE, GL_NONE});
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

    private static int attach(int attachment, int internal, int format, int type, int w, int h) {
        int t = glGenTextures();
        glBindTexture(GL_TEXTURE_2D, t);
        glTexImage2D(GL_TEXTURE_2D, 0, internal, w, h, 0, format, type, (ByteBuffer) null);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glBindTexture(GL_TEXTURE_2D, 0);
        glFramebufferTexture2D(GL_FRAMEBUFFER, attachment, GL_TEXTURE_2D, t, 0);
        return t;
    }

    /**
     * With this target bound for drawing ({@code SCENE} only): from now on fragments also write their
     * outputs 1 and 2 (the item id + 1, the ink) into the record's attachments, which are cleared
     * (no item, no ink).
     */
    void record() {
        glDrawBuffers(new int[] {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1, GL_COLOR_ATTACHMENT2});
        glClearBufferiv(GL_COLOR, 1, new int[] {0, 0, 0, 0});
        glClearBufferfv(GL_COLOR, 2, new float[] {0, 0, 0, 0});
    }

    /** Back to writing colour only (the state every other pass expects). */
    void stopRecording() {
        glDrawBuffers(new int[] {GL_COLOR_ATTACHMENT0, GL_NONE, GL_NONE});
    }

    /** The record's item ids (R32I: item + 1, 0 none, -1 a selection ring); {@code SCENE} only. */
    int idsTexture() { return ids; }

    /** The record's inks (RGBA8; alpha 0 where a flat square was drawn); {@code SCENE} only. */
    int inkTexture() { return ink; }

    public int texture() { return texture; }

    public int width() { return width; }

    public int height() { return height; }

    @Override
    public void close() {
        if (fbo != 0) glDeleteFramebuffers(fbo);
        if (texture != 0) glDeleteTextures(texture);
        if (depth != 0) glDeleteRenderbuffers(depth);
        if (ids != 0) glDeleteTextures(ids);
        if (ink != 0) glDeleteTextures(ink);
        depth = ids = ink = 0;
        fbo = texture = 0;
    }
}
