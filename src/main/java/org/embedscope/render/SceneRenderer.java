package org.embedscope.render;

import static org.lwjgl.opengl.GL11.*;
import static org.lwjgl.opengl.GL13.*;
import static org.lwjgl.opengl.GL14.*;
import static org.lwjgl.opengl.GL30.*;
import static org.lwjgl.opengl.GL32.*;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import org.embedscope.bundle.AtlasCheck;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.Manifest;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * Draws a bundle: every item as a point sprite cropped from its atlas cell, a GPU picking pass, and
 * the hovered item enlarged on top.
 *
 * <p>The scene (all sprites) is drawn into an offscreen texture only when {@link ViewState#version()}
 * changed; each frame then copies it to the output and draws the hover on top, so moving the cursor
 * over a still scene costs a copy, a scissored id pass and one quad, never a redraw of every item.
 *
 * <p>Lifecycle: construct with a current GL context (uploads everything once), call {@link #render}
 * and {@link #pick} per frame, {@link #close()} before the context goes.
 */
public final class SceneRenderer implements AutoCloseable {
    /** Background colour of the scene, 0xRRGGBB. */
    public static final int BACKGROUND = 0x101318;
    /** Hover enlargement: times the current sprite size, at least this many pixels. */
    public static final float HOVER_FACTOR = 4f;
    public static final float HOVER_MIN_PX = 112f;
    /** Sprites up to this size never pop at the view's edges (see {@link #guard}). */
    public static final float MAX_GUARDED_PX = 256f;
    /** Atlas pages decoded ahead of the upload. */
    public static final int DECODE_AHEAD = 4;

    private final Bundle bundle;
    private final float[][] layouts;
    private final int[] labelOfItem;
    private final int[] labelCounts;
    private final int[] cellSizes;
    private final ViewState state;
    private final PointBuffers points;
    private final AtlasTextures atlas;
    private final LabelTable labels;
    private final ShaderProgram sprite;
    private final ShaderProgram spriteFlat;
    private final ShaderProgram spritePick;
    private final ShaderProgram spriteFlatPick;
    private final ShaderProgram hover;
    private final RenderTarget scene = new RenderTarget(RenderTarget.Kind.COLOR);
    private final RenderTarget ids = new RenderTarget(RenderTarget.Kind.ID);
    private final RenderTarget thumb = new RenderTarget(RenderTarget.Kind.COLOR);
    private final float pointLimit;
    private final int emptyVao;
    /**
     * Pixels drawn beyond each edge of the view. GL clips a point by its centre, so a large sprite
     * whose centre has just left the view would vanish while half of it should still show; drawing
     * into a target this much larger keeps it, as long as the sprite is at most twice this wide.
     */
    private final int guard;

    private long drawnVersion = -1;
    private long pickedVersion = -1;
    private int pickedX = Integer.MIN_VALUE, pickedY = Integer.MIN_VALUE, pickedRadius, pickedId = -1;
    private int hovered = -1;
    private int thumbItem = -1;
    private boolean thumbTint;
    private boolean[] uploadedShown;

    /**
     * Uploads the bundle and fits the view to a {@code width × height} framebuffer. First checks the
     * atlas pages against this GL's limits (texture size, array layers), so a bundle this GL cannot
     * hold is refused with a clear message before any texture is made.
     */
    public SceneRenderer(Bundle bundle, int width, int height) throws BundleException {
        this(bundle, width, height, null);
    }

    /** As {@link #SceneRenderer(Bundle, int, int)}, taking pages from a decoder started earlier (closed here). */
    public SceneRenderer(Bundle bundle, int width, int height, PageDecoder pages) throws BundleException {
        this.bundle = bundle;
        Manifest m = bundle.manifest();
        int n = bundle.count();
        layouts = new float[m.layouts().size()][];
        for (int l = 0; l < layouts.length; l++) layouts[l] = LayoutNormalizer.normalize(bundle.coords(l));
        labelOfItem = bundle.hasLabels() ? bundle.labels() : new int[n];
        int labelCount = bundle.hasLabels() ? bundle.labelValues().size() : 1;
        state = new ViewState(layouts.length, labelCount, 0);
        labelCounts = new int[labelCount];
        for (int label : labelOfItem) labelCounts[label]++;

        float[] range = new float[2];
        glGetFloatv(GL_POINT_SIZE_RANGE, range);
        pointLimit = Math.max(1f, range[1]);
        guard = (int) Math.ceil(Math.min(pointLimit, MAX_GUARDED_PX) / 2);

        AtlasTextures at = null;
        PointBuffers pb = null;
        LabelTable lt = null;
        ShaderProgram[] progs = new ShaderProgram[5];
        try {
            java.util.List<AtlasCheck.LevelPages> pageSizes = AtlasCheck.checkPages(bundle,
                    glGetInteger(GL_MAX_TEXTURE_SIZE), glGetInteger(GL_MAX_ARRAY_TEXTURE_LAYERS));
            if (pages == null) pages = new PageDecoder(bundle.dir(), m, DECODE_AHEAD);
            at = new AtlasTextures(bundle, pageSizes, pages);
            pb = new PointBuffers(layouts, labelOfItem);
            lt = new LabelTable(labelCount);
            progs[0] = new ShaderProgram("sprite.vert", "sprite.frag");
            progs[1] = new ShaderProgram("sprite.vert", "sprite.frag", "FLAT");
            progs[2] = new ShaderProgram("sprite.vert", "sprite.frag", "PICK");
            progs[3] = new ShaderProgram("sprite.vert", "sprite.frag", "FLAT", "PICK");
            progs[4] = new ShaderProgram("hover.vert", "hover.frag");
        } catch (BundleException | RuntimeException e) {
            if (pages != null) pages.close();
            for (ShaderProgram p : progs) if (p != null) p.close();
            if (lt != null) lt.close();
            if (pb != null) pb.close();
            if (at != null) at.close();
            throw e;
        }
        pages.close();
        atlas = at;
        cellSizes = at.cellSizes();
        points = pb;
        labels = lt;
        sprite = progs[0];
        spriteFlat = progs[1];
        spritePick = progs[2];
        spriteFlatPick = progs[3];
        hover = progs[4];
        uploadedShown = state.shownLabels();
        emptyVao = glGenVertexArrays();
        glEnable(GL_PROGRAM_POINT_SIZE);

        float[] b = unionBounds(layouts);
        state.camera().setBounds(b[0], b[1], b[2], b[3]);
        state.camera().setViewport(width, height);
        state.setSizing(sizingFor(width, height));
        float[] worldSizes = new float[layouts.length];
        for (int l = 0; l < layouts.length; l++) worldSizes[l] = SpriteSizing.worldSizeFor(LocalDensity.typicalSpacing(layouts[l]));
        state.setWorldSizes(worldSizes);
        state.camera().fit();
        state.cameraChanged();
    }

    private static float[] unionBounds(float[][] layouts) {
        float[] u = {Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (float[] l : layouts) {
            float[] b = LayoutNormalizer.bounds(l);
            u[0] = Math.min(u[0], b[0]);
            u[1] = Math.min(u[1], b[1]);
            u[2] = Math.max(u[2], b[2]);
            u[3] = Math.max(u[3], b[3]);
        }
        if (!(u[0] <= u[2])) return new float[] {-1, -1, 1, 1};
        return u;
    }

    /** Sprite sizing for a framebuffer: up to half the smaller side (so one sprite can fill a quarter of it). */
    private SpriteSizing sizingFor(int width, int height) {
        float maxPx = Math.max(SpriteSizing.DEFAULT_MIN_PX, Math.min(pointLimit, 0.5f * Math.min(width, height)));
        return new SpriteSizing(SpriteSizing.DEFAULT_MIN_PX, maxPx, pointLimit);
    }

    public ViewState state() { return state; }

    public Bundle bundle() { return bundle; }

    /** Normalised coordinates of every layout (display space). Do not modify. */
    public float[][] layouts() { return layouts; }

    public AtlasTextures atlas() { return atlas; }

    public LabelTable labels() { return labels; }

    /** Number of items of each label (one entry when the bundle has no labels). Do not modify. */
    public int[] labelCounts() { return labelCounts; }

    /** The largest point size the GL draws. */
    public float pointLimit() { return pointLimit; }

    /** The atlas level the scene samples now, or -1 when sprites are flat squares. */
    public int currentLevel() {
        float px = state.spritePixels();
        if (px < state.flatBelowPx()) return -1;
        return SpriteSizing.bestLevel(cellSizes, px);
    }

    /** Adapts to a new framebuffer size. */
    public void resize(int width, int height) {
        if (width == state.camera().width() && height == state.camera().height()) return;
        state.setViewport(width, height, sizingFor(width, height));
    }

    /** The item drawn enlarged on top, or -1. */
    public int hovered() { return hovered; }

    /**
     * Hovers the item nearest framebuffer pixel ({@code x}, {@code y}) within the hover radius of the
     * current sprite size, or nothing for a negative position; returns it, or -1.
     */
    public int hoverAt(int x, int y) {
        hovered = x >= 0 && y >= 0 ? pick(x, y, hoverRadius(state.spritePixels())) : -1;
        return hovered;
    }

    // ---------------------------------------------------------------- frame

    /**
     * Draws a frame into framebuffer {@code outFbo} (0: the window) of the camera's size: the
     * cached scene, redrawn first if anything changed, then the hovered item.
     */
    public void render(int outFbo) {
        int w = state.camera().width(), h = state.camera().height();
        int g = guard;
        boolean resized = scene.ensureSize(w + 2 * g, h + 2 * g);
        if (resized || drawnVersion != state.version()) {
            drawScene();
            drawnVersion = state.version();
        }
        glBindFramebuffer(GL_READ_FRAMEBUFFER, scene.fbo());
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, outFbo);
        glBlitFramebuffer(g, g, g + w, g + h, 0, 0, w, h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
        glBindFramebuffer(GL_FRAMEBUFFER, outFbo);
        glViewport(0, 0, w, h);
        if (hovered >= 0 && hovered < bundle.count()) drawHover(hovered);
    }

    /** True when the next {@link #render} redraws every sprite. */
    public boolean sceneDirty() {
        return drawnVersion != state.version() || scene.width() != state.camera().width() + 2 * guard
                || scene.height() != state.camera().height() + 2 * guard;
    }

    private void syncLabels() {
        boolean[] shown = state.shownLabels();
        if (!java.util.Arrays.equals(shown, uploadedShown)) {
            labels.setVisible(shown);
            uploadedShown = shown;
        }
    }

    private void drawScene() {
        syncLabels();
        glBindFramebuffer(GL_FRAMEBUFFER, scene.fbo());
        glViewport(0, 0, scene.width(), scene.height());
        glDisable(GL_SCISSOR_TEST);
        glDisable(GL_BLEND);
        glClearColor(((BACKGROUND >> 16) & 255) / 255f, ((BACKGROUND >> 8) & 255) / 255f, (BACKGROUND & 255) / 255f, 1f);
        glClear(GL_COLOR_BUFFER_BIT);
        drawSprites(false);
    }

    /** Draws all sprites with the scene's program (colour) or its id variant into the bound framebuffer. */
    private void drawSprites(boolean pick) {
        float px = state.spritePixels();
        int sampled = currentLevel();
        boolean flat = sampled < 0;
        // Flat squares sample nothing; the grid uniforms then describe the coarsest level.
        int level = flat ? atlas.levels() - 1 : sampled;
        ShaderProgram p = pick ? (flat ? spriteFlatPick : spritePick) : (flat ? spriteFlat : sprite);
        p.use();
        Transition tr = state.transition();
        points.bindSlots(tr.slot(0), tr.slot(1), tr.slot(2));
        float[] w = tr.weights();
        p.set("uWeights", w[0], w[1], w[2]);
        p.setMatrix("uWorldToClip", state.camera().worldToClip(guard));
        p.set("uPointSize", px);
        glActiveTexture(GL_TEXTURE1);
        glBindTexture(GL_TEXTURE_2D, labels.texture());
        p.set("uLabels", 1);
        p.set("uLabelsWidth", labels.width());
        Manifest.Level lv = atlas.level(level);
        p.set("uColumns", lv.columns());
        p.set("uCellsPerPage", lv.cellsPerPage());
        if (!flat) {
            glActiveTexture(GL_TEXTURE0);
            glBindTexture(GL_TEXTURE_2D_ARRAY, atlas.texture(level));
            p.set("uAtlas", 0);
            p.set("uCell", (float) lv.cell());
            p.set("uPageSize", atlas.pageWidth(level), atlas.pageHeight(level));
            p.set("uAlphaMode", bundle.manifest().atlas().alpha().ordinal());
            p.set("uThreshold", levelThreshold(level));
            p.set("uTintByLabel", state.tintByLabel() ? 1 : 0);
        }
        points.bind();
        glDrawArrays(GL_POINTS, 0, points.count());
        glBindVertexArray(0);
    }

    /**
     * The alpha threshold at atlas level {@code level}: the user's threshold times the square root
     * of the level's cell size relative to the finest. A coarser texel averages a block of finer
     * ones, so a thin stroke that passes the threshold at full size averages to a fraction of it;
     * lowering the threshold keeps strokes from vanishing when sprites are small (they read a little
     * bolder, as small type does). The square root (rather than the full ratio) keeps a fitted view
     * of dense clusters textured instead of solid.
     */
    public float levelThreshold(int level) {
        return state.threshold() * (float) Math.sqrt(atlas.cell(level) / (float) atlas.cell(0));
    }

    // ---------------------------------------------------------------- picking

    /** The item under framebuffer pixel ({@code x}, {@code y}) (origin top left), or -1. */
    public int pick(int x, int y) {
        return pick(x, y, 0);
    }

    /**
     * How far from the cursor, in pixels, hovering looks for an item: small sprites are hard to hit
     * exactly (and MNIST digits are mostly background), so the radius grows as sprites shrink.
     */
    public static int hoverRadius(float spritePx) {
        return Math.max(0, Math.min(4, Math.round((12f - spritePx) / 3f)));
    }

    /**
     * The item whose visible texel is nearest to framebuffer pixel ({@code x}, {@code y}) (origin top
     * left) within {@code radius} pixels, or -1. Renders item ids with the scene's positions, sizes
     * and alpha test into an integer target, scissored to the (2r+1)² pixels around the cursor, and
     * reads them back; repeated calls for the same pixel, radius and scene are free.
     */
    public int pick(int x, int y, int radius) {
        int w = state.camera().width(), h = state.camera().height();
        if (x < 0 || y < 0 || x >= w || y >= h) return -1;
        if (x == pickedX && y == pickedY && radius == pickedRadius && pickedVersion == state.version()) return pickedId;
        syncLabels();
        int g = guard;
        ids.ensureSize(w + 2 * g, h + 2 * g);
        glBindFramebuffer(GL_FRAMEBUFFER, ids.fbo());
        glViewport(0, 0, w + 2 * g, h + 2 * g);
        // In the guarded target the view starts at (g, g).
        int gx = x + g, gy = h - 1 - y + g;
        int x0 = Math.max(g, gx - radius), y0 = Math.max(g, gy - radius);
        int x1 = Math.min(g + w - 1, gx + radius), y1 = Math.min(g + h - 1, gy + radius);
        int rw = x1 - x0 + 1, rh = y1 - y0 + 1;
        glEnable(GL_SCISSOR_TEST);
        glScissor(x0, y0, rw, rh);
        glDisable(GL_BLEND);
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer clear = stack.ints(PickId.NONE, 0, 0, 0);
            glClearBufferiv(GL_COLOR, 0, clear);
            drawSprites(true);
            IntBuffer out = stack.mallocInt(rw * rh);
            glPixelStorei(GL_PACK_ALIGNMENT, 4);
            glReadPixels(x0, y0, rw, rh, GL_RED_INTEGER, GL_INT, out);
            int best = PickId.NONE, bestD = Integer.MAX_VALUE;
            for (int j = 0; j < rh; j++) {
                for (int i = 0; i < rw; i++) {
                    int v = out.get(j * rw + i);
                    if (v == PickId.NONE) continue;
                    int dx = x0 + i - gx, dy = y0 + j - gy, d = dx * dx + dy * dy;
                    if (d < bestD && d <= radius * radius) {
                        bestD = d;
                        best = v;
                    }
                }
            }
            pickedId = PickId.decode(best);
        }
        glDisable(GL_SCISSOR_TEST);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        pickedX = x;
        pickedY = y;
        pickedRadius = radius;
        pickedVersion = state.version();
        return pickedId;
    }

    // ---------------------------------------------------------------- hover

    /** Screen rectangle {left, top, size} of the enlarged hover sprite of {@code item}, in framebuffer pixels. */
    public float[] hoverRect(int item) {
        Camera cam = state.camera();
        float[] p = new float[2];
        state.transition().position(layouts, item, p);
        float sx = cam.screenX(p[0]), sy = cam.screenY(p[1]);
        float size = Math.max(HOVER_FACTOR * state.spritePixels(), HOVER_MIN_PX);
        size = Math.min(size, 0.9f * Math.min(cam.width(), cam.height()));
        float left = Math.max(0, Math.min(cam.width() - size, sx - size / 2));
        float top = Math.max(0, Math.min(cam.height() - size, sy - size / 2));
        return new float[] {left, top, size};
    }

    private void drawHover(int item) {
        Camera cam = state.camera();
        float[] r = hoverRect(item);
        float pad = Math.max(4f, r[2] * 0.04f);
        int w = cam.width(), h = cam.height();
        int label = labelOfItem[item];
        int rgb = labels.color(label);
        glEnable(GL_BLEND);
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        hover.use();
        glBindVertexArray(emptyVao);
        hover.set("uTint", ((rgb >> 16) & 255) / 255f, ((rgb >> 8) & 255) / 255f, (rgb & 255) / 255f);
        // Backing panel with a border in the label's colour.
        setRect(hover, r[0] - pad, r[1] - pad, r[2] + 2 * pad, w, h);
        hover.set("uPanel", 1);
        hover.set("uPanelColor", ((BACKGROUND >> 16) & 255) / 255f, ((BACKGROUND >> 8) & 255) / 255f, (BACKGROUND & 255) / 255f, 0.92f);
        hover.set("uBorder", 2f / (r[2] + 2 * pad));
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        // The image itself, from the finest level, with smooth alpha.
        setRect(hover, r[0], r[1], r[2], w, h);
        drawHoverImage(item);
        glBindVertexArray(0);
        glDisable(GL_BLEND);
    }

    /** Draws item {@code item}'s finest cell into the hover program's current rectangle, smooth alpha. */
    private void drawHoverImage(int item) {
        Manifest.Level lv = atlas.level(0);
        hover.set("uPanel", 0);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D_ARRAY, atlas.texture(0));
        hover.set("uAtlas", 0);
        hover.set("uCell", (float) lv.cell());
        hover.set("uPageSize", atlas.pageWidth(0), atlas.pageHeight(0));
        hover.setInts("uItemCell", lv.column(item), lv.row(item), lv.page(item));
        hover.set("uAlphaMode", bundle.manifest().atlas().alpha().ordinal());
        hover.set("uTintByLabel", state.tintByLabel() ? 1 : 0);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    }

    /**
     * Item {@code item}'s image enlarged to {@code size} pixels in a 2-D texture, for the overlay's
     * hovered-item panel. Rows run bottom-up (GL order). Redrawn only when the item or tint changes.
     */
    public int thumbnail(int item, int size) {
        boolean tint = state.tintByLabel();
        if (item == thumbItem && thumbTint == tint && !thumb.ensureSize(size, size)) return thumb.texture();
        thumb.ensureSize(size, size);
        glBindFramebuffer(GL_FRAMEBUFFER, thumb.fbo());
        glViewport(0, 0, size, size);
        glDisable(GL_SCISSOR_TEST);
        glClearColor(((BACKGROUND >> 16) & 255) / 255f, ((BACKGROUND >> 8) & 255) / 255f, (BACKGROUND & 255) / 255f, 1f);
        glClear(GL_COLOR_BUFFER_BIT);
        glEnable(GL_BLEND);
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        hover.use();
        glBindVertexArray(emptyVao);
        int rgb = labels.color(labelOfItem[item]);
        hover.set("uTint", ((rgb >> 16) & 255) / 255f, ((rgb >> 8) & 255) / 255f, (rgb & 255) / 255f);
        hover.set("uRect", -1f, -1f, 1f, 1f);
        drawHoverImage(item);
        glBindVertexArray(0);
        glDisable(GL_BLEND);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        thumbItem = item;
        thumbTint = tint;
        return thumb.texture();
    }

    private static void setRect(ShaderProgram p, float left, float top, float size, int w, int h) {
        float x0 = 2f * left / w - 1f, x1 = 2f * (left + size) / w - 1f;
        float y0 = 1f - 2f * (top + size) / h, y1 = 1f - 2f * top / h;
        p.set("uRect", x0, y0, x1, y1);
    }

    // ---------------------------------------------------------------- read-back

    /** Reads framebuffer {@code fbo} as RGBA rows from the top; the caller frees it with {@link MemoryUtil#memFree}. */
    public ByteBuffer readPixels(int fbo) {
        int w = state.camera().width(), h = state.camera().height();
        ByteBuffer buf = MemoryUtil.memAlloc(w * h * 4);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, buf);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
        // GL rows run bottom-up; images top-down.
        int row = w * 4;
        byte[] a = new byte[row], b = new byte[row];
        for (int y = 0; y < h / 2; y++) {
            buf.get(y * row, a);
            buf.get((h - 1 - y) * row, b);
            buf.put(y * row, b);
            buf.put((h - 1 - y) * row, a);
        }
        return buf;
    }

    @Override
    public void close() {
        glDeleteVertexArrays(emptyVao);
        scene.close();
        ids.close();
        thumb.close();
        sprite.close();
        spriteFlat.close();
        spritePick.close();
        spriteFlatPick.close();
        hover.close();
        labels.close();
        points.close();
        atlas.close();
    }
}
