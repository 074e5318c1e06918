package org.embedscope.ui;

import static org.lwjgl.opengl.GL11.*;
import static org.lwjgl.opengl.GL13.*;
import static org.lwjgl.opengl.GL14.*;
import static org.lwjgl.opengl.GL15.*;
import static org.lwjgl.opengl.GL20.*;
import static org.lwjgl.opengl.GL30.*;
import static org.lwjgl.opengl.GL32.*;

import imgui.ImDrawData;
import imgui.ImGui;
import imgui.ImVec4;
import imgui.type.ImInt;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.embedscope.render.RenderTarget;
import org.embedscope.render.ShaderProgram;

/**
 * Draws imgui's draw data (OpenGL 3.3 core), keeping the windows that did not change as one cached
 * layer. imgui rebuilds every window each frame, and on a software rasteriser drawing the control
 * panel's few thousand small triangles costs more than the rest of a hover frame; yet in a hover sweep
 * only the hovered item's panel changes. So: the longest run of leading draw lists (windows, back to
 * front) that came out the same as the frame before, and sample only the font, is drawn once into a
 * layer (premultiplied over transparency) and then laid over each frame as one quad over its box, the
 * lists after it drawn on top as usual. The same picture up to rounding of the layer's 8 bits (a
 * translucent pixel may differ by a level). A list showing an image (a thumbnail, which can change
 * under the same draw data) is never cached.
 *
 * <p>Lifecycle: {@link #render} once per frame into the bound framebuffer; {@link #renderAgain} the
 * same data into another one (a screenshot); {@link #close}. Leaves the {@link org.embedscope.render.GlState}
 * baseline as it found it.
 */
final class OverlayRenderer implements AutoCloseable {
    private static final int VERTEX_BYTES = 20;   // ImDrawVert: pos (2 floats), uv (2 floats), colour (4 bytes)

    private final ShaderProgram program = new ShaderProgram("overlay.vert", "overlay.frag");
    /** Lays the layer over a frame; made with the first layer. */
    private ShaderProgram layerProgram;
    private final int vao = glGenVertexArrays();
    private final int emptyVao = glGenVertexArrays();
    private final int vbo = glGenBuffers();
    private final int ebo = glGenBuffers();
    private final int fontTexture;
    private final int indexType;
    private final RenderTarget layer = new RenderTarget(RenderTarget.Kind.COLOR, true);
    private final ImVec4 clip = new ImVec4();
    private boolean caching = true;

    /** Per draw list of the last frame: a digest of its content, or 0 when it is not to be cached. */
    private long[] lastDigests = new long[0];
    /** The digests of the lists the layer holds (the first layerLists of a frame); null: no layer. */
    private long[] layerDigests;
    /** The layer's box in framebuffer pixels from the bottom left: x0, y0, x1, y1. */
    private final int[] layerBox = new int[4];
    private float layerWidth, layerHeight;

    OverlayRenderer() {
        glBindVertexArray(vao);
        glBindBuffer(GL_ARRAY_BUFFER, vbo);
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, false, VERTEX_BYTES, 0L);
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 2, GL_FLOAT, false, VERTEX_BYTES, 8L);
        glEnableVertexAttribArray(2);
        glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, true, VERTEX_BYTES, 16L);
        glBindVertexArray(0);
        glBindBuffer(GL_ARRAY_BUFFER, 0);
        indexType = ImDrawData.sizeOfImDrawIdx() == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;

        ImInt w = new ImInt(), h = new ImInt();
        ByteBuffer pixels = ImGui.getIO().getFonts().getTexDataAsRGBA32(w, h);
        fontTexture = glGenTextures();
        glBindTexture(GL_TEXTURE_2D, fontTexture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w.get(), h.get(), 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
        glBindTexture(GL_TEXTURE_2D, 0);
        ImGui.getIO().getFonts().setTexID(fontTexture);
    }

    /** Whether unchanged windows are kept as a layer (on by default; off draws every list every frame). */
    void setCaching(boolean on) {
        caching = on;
        layerDigests = null;
    }

    /** True when the last {@link #render} laid the cached layer rather than drawing those windows. */
    boolean usedLayer() { return usedLayer; }

    private boolean usedLayer;

    /** Draws {@code dd} into the bound framebuffer, of the display's size. */
    void render(ImDrawData dd) {
        prepare(dd);
        drawPrepared(dd, null);
    }

    /** The first list drawn live by {@link #drawPrepared} (those before it come from the layer); -1: nothing to draw. */
    private int firstLive = -1;
    private boolean layerRebuilt, lastUsedLayer;
    /** The boxes of the lists drawn live, this frame and the one before (null: none). */
    private int[] liveBox, lastLiveBox;

    /**
     * Decides how {@code dd} is drawn: which leading lists the layer holds (redrawn into it when they
     * changed) and which are drawn live; the boxes of {@link #layerSameAsLastFrame} and {@link #liveBox}
     * then describe what changes from the last frame. Draws nothing into the bound framebuffer.
     */
    void prepare(ImDrawData dd) {
        int fbW = (int) (dd.getDisplaySizeX() * dd.getFramebufferScaleX());
        int fbH = (int) (dd.getDisplaySizeY() * dd.getFramebufferScaleY());
        lastUsedLayer = usedLayer;
        lastLiveBox = liveBox;
        usedLayer = false;
        layerRebuilt = false;
        liveBox = null;
        firstLive = -1;
        if (fbW <= 0 || fbH <= 0) return;
        int lists = dd.getCmdListsCount();
        long[] digests = new long[lists];
        for (int i = 0; i < lists; i++) digests[i] = caching ? digest(dd, i) : 0;
        // Leading lists unchanged since the last frame (and cacheable): those a layer can hold.
        int stable = 0;
        while (stable < lists && stable < lastDigests.length && digests[stable] != 0 && digests[stable] == lastDigests[stable]) stable++;
        lastDigests = digests;
        if (dd.getDisplaySizeX() != layerWidth || dd.getDisplaySizeY() != layerHeight) layerDigests = null;
        boolean layerFits = layerDigests != null && layerDigests.length <= lists
                && Arrays.equals(layerDigests, 0, layerDigests.length, digests, 0, layerDigests.length);
        if (!layerFits && stable > 0) {
            drawLayer(dd, stable, fbW, fbH, digests);
            layerFits = true;
            layerRebuilt = true;
        }
        firstLive = 0;
        if (layerFits) {
            firstLive = layerDigests.length;
            usedLayer = true;
        }
        liveBox = vertexBox(dd, firstLive, lists, fbW, fbH);
    }

    /**
     * True when the last {@link #prepare} laid the same layer as the frame before did: the pixels it
     * covers change only where the live lists' boxes ({@link #liveBox}, {@link #lastLiveBox}) are.
     */
    boolean layerSameAsLastFrame() { return usedLayer && lastUsedLayer && !layerRebuilt; }

    /** The box of the lists this frame draws live ({@code {x0, y0, x1, y1}} from the bottom left), or null. */
    int[] liveBox() { return liveBox; }

    /** The same for the frame before. */
    int[] lastLiveBox() { return lastLiveBox; }

    /**
     * Draws what {@link #prepare} decided into the bound framebuffer: the layer, then the live lists;
     * within {@code box} ({@code {x0, y0, x1, y1}} from the bottom left) only, or everywhere for null.
     */
    void drawPrepared(ImDrawData dd, int[] box) {
        if (firstLive < 0) return;
        int fbW = (int) (dd.getDisplaySizeX() * dd.getFramebufferScaleX());
        int fbH = (int) (dd.getDisplaySizeY() * dd.getFramebufferScaleY());
        int target = glGetInteger(GL_DRAW_FRAMEBUFFER_BINDING);
        glViewport(0, 0, fbW, fbH);
        if (usedLayer) layLayer(fbW, fbH, box);
        glBindFramebuffer(GL_FRAMEBUFFER, target);
        draw(dd, firstLive, dd.getCmdListsCount(), fbW, fbH, box);
    }

    /** Draws {@code dd} again, every list, into the bound framebuffer (a screenshot of the last frame). */
    void renderAgain(ImDrawData dd) {
        int fbW = (int) (dd.getDisplaySizeX() * dd.getFramebufferScaleX());
        int fbH = (int) (dd.getDisplaySizeY() * dd.getFramebufferScaleY());
        if (fbW <= 0 || fbH <= 0) return;
        glViewport(0, 0, fbW, fbH);
        draw(dd, 0, dd.getCmdListsCount(), fbW, fbH, null);
    }

    /** Draws lists [0, count) into the layer, premultiplied over transparency, and notes its box. */
    private void drawLayer(ImDrawData dd, int count, int fbW, int fbH, long[] digests) {
        int target = glGetInteger(GL_DRAW_FRAMEBUFFER_BINDING);
        layer.ensureSize(fbW, fbH);
        glBindFramebuffer(GL_FRAMEBUFFER, layer.fbo());
        glViewport(0, 0, fbW, fbH);
        glClearColor(0, 0, 0, 0);
        glClear(GL_COLOR_BUFFER_BIT);
        draw(dd, 0, count, fbW, fbH, null);
        glBindFramebuffer(GL_FRAMEBUFFER, target);
        layerDigests = Arrays.copyOf(digests, count);
        layerWidth = dd.getDisplaySizeX();
        layerHeight = dd.getDisplaySizeY();
        // The layer's box: the bounds of its vertices (clip rectangles can span the whole display).
        int[] box = vertexBox(dd, 0, count, fbW, fbH);
        if (box == null) box = new int[4];
        System.arraycopy(box, 0, layerBox, 0, 4);
    }

    /**
     * The bounds of the vertices of lists [from, to) in framebuffer pixels from the bottom left, a pixel
     * to spare ({@code {x0, y0, x1, y1}}), or null when they have none: every pixel they can draw.
     */
    private static int[] vertexBox(ImDrawData dd, int from, int to, int fbW, int fbH) {
        float x0 = Float.MAX_VALUE, y0 = Float.MAX_VALUE, x1 = -Float.MAX_VALUE, y1 = -Float.MAX_VALUE;
        float ox = dd.getDisplayPosX(), oy = dd.getDisplayPosY(), sx = dd.getFramebufferScaleX(), sy = dd.getFramebufferScaleY();
        for (int l = from; l < to; l++) {
            ByteBuffer v = dd.getCmdListVtxBufferData(l);
            for (int o = v.position(); o + VERTEX_BYTES <= v.limit(); o += VERTEX_BYTES) {
                float x = (v.getFloat(o) - ox) * sx, y = (v.getFloat(o + 4) - oy) * sy;
                if (x < x0) x0 = x;
                if (x > x1) x1 = x;
                if (y < y0) y0 = y;
                if (y > y1) y1 = y;
            }
        }
        if (x1 < x0) return null;
        int bx0 = Math.max(0, (int) Math.floor(x0) - 1), bx1 = Math.min(fbW, (int) Math.ceil(x1) + 1);
        int by0 = Math.max(0, fbH - (int) Math.ceil(y1) - 1), by1 = Math.min(fbH, fbH - (int) Math.floor(y0) + 1);
        return bx1 > bx0 && by1 > by0 ? new int[] {bx0, by0, bx1, by1} : null;
    }

    /** Lays the layer over the bound framebuffer, over its box only (and within {@code within} unless null). */
    private void layLayer(int fbW, int fbH, int[] within) {
        if (layerBox[2] <= layerBox[0] || layerBox[3] <= layerBox[1]) return;
        int[] cut = within == null ? layerBox : org.embedscope.render.DamageRegion.intersect(layerBox, within);
        if (cut == null) return;
        if (within != null) {
            glEnable(GL_SCISSOR_TEST);
            glScissor(cut[0], cut[1], cut[2] - cut[0], cut[3] - cut[1]);
        }
        if (layerProgram == null) layerProgram = new ShaderProgram("hover.vert", "overlay-layer.frag");
        layerProgram.use();
        layerProgram.set("uRect", 2f * layerBox[0] / fbW - 1, 2f * layerBox[1] / fbH - 1, 2f * layerBox[2] / fbW - 1, 2f * layerBox[3] / fbH - 1);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, layer.texture());
        layerProgram.set("uLayer", 0);
        glEnable(GL_BLEND);
        glBlendEquation(GL_FUNC_ADD);
        glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        glBindVertexArray(emptyVao);   // the quad comes from gl_VertexID
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        glBindVertexArray(0);
        glDisable(GL_BLEND);
        glDisable(GL_SCISSOR_TEST);
        glBindTexture(GL_TEXTURE_2D, 0);
        glUseProgram(0);
    }

    /**
     * Draws lists [from, to) of {@code dd}, blending as imgui's own backends do; the alpha accumulates
     * (ONE, ONE_MINUS_SRC_ALPHA), so that drawn over transparency (the layer) the colour is premultiplied.
     * Within {@code within} ({@code {x0, y0, x1, y1}} from the bottom left) only, unless null.
     */
    private void draw(ImDrawData dd, int from, int to, int fbW, int fbH, int[] within) {
        if (from >= to) return;
        float l = dd.getDisplayPosX(), r = l + dd.getDisplaySizeX(), t = dd.getDisplayPosY(), b = t + dd.getDisplaySizeY();
        float sx = dd.getFramebufferScaleX(), sy = dd.getFramebufferScaleY();
        program.use();
        program.setMatrix("uProjection", new float[] {
            2f / (r - l), 0, 0, 0,
            0, 2f / (t - b), 0, 0,
            0, 0, -1, 0,
            (r + l) / (l - r), (t + b) / (b - t), 0, 1});
        program.set("uTexture", 0);
        glEnable(GL_BLEND);
        glBlendEquation(GL_FUNC_ADD);
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        glEnable(GL_SCISSOR_TEST);
        glActiveTexture(GL_TEXTURE0);
        glBindVertexArray(vao);
        glBindBuffer(GL_ARRAY_BUFFER, vbo);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo);
        int indexBytes = ImDrawData.sizeOfImDrawIdx();
        for (int list = from; list < to; list++) {
            glBufferData(GL_ARRAY_BUFFER, dd.getCmdListVtxBufferData(list), GL_STREAM_DRAW);
            glBufferData(GL_ELEMENT_ARRAY_BUFFER, dd.getCmdListIdxBufferData(list), GL_STREAM_DRAW);
            for (int c = 0; c < dd.getCmdListCmdBufferSize(list); c++) {
                dd.getCmdListCmdBufferClipRect(clip, list, c);
                float x0 = (clip.x - l) * sx, y0 = (clip.y - t) * sy, x1 = (clip.z - l) * sx, y1 = (clip.w - t) * sy;
                if (x1 <= x0 || y1 <= y0 || x0 >= fbW || y0 >= fbH) continue;
                int scX = (int) x0, scY = (int) (fbH - y1), scW = (int) (x1 - x0), scH = (int) (y1 - y0);
                if (within != null) {
                    int[] cut = org.embedscope.render.DamageRegion.intersect(new int[] {scX, scY, scX + scW, scY + scH}, within);
                    if (cut == null) continue;
                    scX = cut[0];
                    scY = cut[1];
                    scW = cut[2] - cut[0];
                    scH = cut[3] - cut[1];
                }
                glScissor(scX, scY, scW, scH);
                glBindTexture(GL_TEXTURE_2D, (int) dd.getCmdListCmdBufferTextureId(list, c));
                glDrawElementsBaseVertex(GL_TRIANGLES, dd.getCmdListCmdBufferElemCount(list, c), indexType,
                        (long) dd.getCmdListCmdBufferIdxOffset(list, c) * indexBytes, dd.getCmdListCmdBufferVtxOffset(list, c));
            }
        }
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);   // part of the vertex array's state: unbound there first
        glBindVertexArray(0);
        glBindBuffer(GL_ARRAY_BUFFER, 0);
        glBindTexture(GL_TEXTURE_2D, 0);
        glDisable(GL_SCISSOR_TEST);
        glDisable(GL_BLEND);
        glBlendFunc(GL_ONE, GL_ZERO);
        glUseProgram(0);
    }

    /**
     * A digest of draw list {@code list}: its vertices, indices and commands (clip rectangles, textures,
     * ranges); 0 when a command shows a texture other than the font (an image may change under the
     * same draw data), so that the list is never cached.
     */
    private long digest(ImDrawData dd, int list) {
        long h = 0x9E3779B97F4A7C15L;
        int cmds = dd.getCmdListCmdBufferSize(list);
        for (int c = 0; c < cmds; c++) {
            if (dd.getCmdListCmdBufferTextureId(list, c) != fontTexture) return 0;
            dd.getCmdListCmdBufferClipRect(clip, list, c);
            h = mix(h, Float.floatToIntBits(clip.x), Float.floatToIntBits(clip.y));
            h = mix(h, Float.floatToIntBits(clip.z), Float.floatToIntBits(clip.w));
            h = mix(h, dd.getCmdListCmdBufferElemCount(list, c), dd.getCmdListCmdBufferIdxOffset(list, c));
            h = mix(h, dd.getCmdListCmdBufferVtxOffset(list, c), cmds);
        }
        h = mix(h, bytes(dd.getCmdListVtxBufferData(list)), 1);
        h = mix(h, bytes(dd.getCmdListIdxBufferData(list)), 2);
        return h == 0 ? 1 : h;
    }

    private final java.util.zip.CRC32C crc = new java.util.zip.CRC32C();

    /**
     * A checksum of the buffer's bytes and their count. CRC-32C, because the JVM computes it with the
     * processor's instruction even before it has compiled this code (the first frames of a session).
     */
    private long bytes(ByteBuffer b) {
        crc.reset();
        crc.update(b.duplicate());
        return crc.getValue() << 32 ^ b.remaining();
    }

    private static long mix(long h, long a, long b) {
        h ^= a * 0xC2B2AE3D27D4EB4FL;
        h = Long.rotateLeft(h, 31) * 0x9E3779B97F4A7C15L;
        h ^= b * 0x165667B19E3779F9L;
        return Long.rotateLeft(h, 27) * 0x94D049BB133111EBL;
    }

    @Override
    public void close() {
        program.close();
        if (layerProgram != null) layerProgram.close();
        layer.close();
        glDeleteTextures(fontTexture);
        glDeleteBuffers(vbo);
        glDeleteBuffers(ebo);
        glDeleteVertexArrays(vao);
        glDeleteVertexArrays(emptyVao);
    }
}
