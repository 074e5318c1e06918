package org.embedscope.ui;

import static org.lwjgl.opengl.GL11.*;
import static org.lwjgl.opengl.GL30.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.AtomicFile;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.Manifest;
import org.embedscope.render.GlContext;
import org.embedscope.render.PageDecoder;
import org.embedscope.render.RenderTarget;
import org.embedscope.render.SceneRenderer;
import org.lwjgl.stb.STBImageWrite;
import org.lwjgl.system.MemoryUtil;

/**
 * The explorer without a window: the same scene, picking, hover and overlay, drawn into an
 * offscreen framebuffer. Used by {@code render} (stills), {@code bench} (scripted sessions) and the
 * renderer tests, so what they see is what the window shows.
 */
public final class OffscreenExplorer implements AutoCloseable {
    private final GlContext gl;
    private final SceneRenderer scene;
    private final LayoutToggle toggle;
    private final RenderTarget output = new RenderTarget(RenderTarget.Kind.COLOR);
    private final FramePainter painter;
    private Overlay overlay;
    private boolean panelOpen = true;
    /** Frames drawn with the overlay: the clock of its timings (as imgui's, 1/60 s a frame). */
    private long overlayFrames;
    private static final long FRAME_NS = 1_000_000_000L / 60;

    /** Opens a hidden GL context of {@code width × height} and uploads {@code bundle}. */
    public OffscreenExplorer(Bundle bundle, int width, int height) throws BundleException {
        this(bundle, width, height, org.embedscope.render.AtlasTextures.DEFAULT_BUDGET);
    }

    /** As above, within a GPU memory budget for the atlas of {@code gpuBudget} bytes. */
    public OffscreenExplorer(Bundle bundle, int width, int height, long gpuBudget) throws BundleException {
        this(bundle, width, height, gpuBudget, decoding(bundle.dir(), bundle.manifest(), gpuBudget), null);
    }

    /**
     * Opens the bundle in {@code dir} as the window does ({@link BundleOpening}): its points load and its
     * atlas pages decode on worker threads while the GL context comes up. {@code loadMs}, when given,
     * receives the time the bundle took to load.
     */
    public static OffscreenExplorer open(Path dir, int width, int height, long gpuBudget, double[] loadMs) throws BundleException {
        BundleOpening opening = new BundleOpening(dir, gpuBudget);
        GlContext gl;
        try {
            gl = GlContext.hidden(64, 64);
        } catch (RuntimeException e) {
            opening.close();
            throw e;
        }
        Bundle bundle;
        PageDecoder pages;
        try {
            bundle = opening.bundle();
            pages = opening.pages();
        } catch (BundleException | RuntimeException e) {
            opening.close();
            gl.close();
            throw e;
        }
        if (loadMs != null) loadMs[0] = opening.loadMs();
        return new OffscreenExplorer(bundle, width, height, gpuBudget, pages, gl);
    }

    /** Starts decoding the bundle's atlas pages (imgui's library loads meanwhile too). */
    private static PageDecoder decoding(Path dir, Manifest manifest, long gpuBudget) throws BundleException {
        Overlay.preload();
        return new PageDecoder(dir, manifest, SceneRenderer.DECODE_AHEAD, gpuBudget);
    }

    /**
     * Takes over {@code pages} (decoding since before the GL context came up, as in the window) and
     * {@code context} (null: one is made here); closes both when it fails.
     */
    private OffscreenExplorer(Bundle bundle, int width, int height, long gpuBudget, PageDecoder pages, GlContext context)
            throws BundleException {
        if (context == null) {
            try {
                context = GlContext.hidden(64, 64);
            } catch (RuntimeException e) {
                pages.close();
                throw e;
            }
        }
        gl = context;
        String tooLarge = SceneRenderer.tooLarge(width, height);
        if (tooLarge != null) {
            pages.close();
            gl.close();
            throw new BundleException(null, "--size", tooLarge);
        }
        try {
            scene = new SceneRenderer(bundle, width, height, pages, gpuBudget);
            output.ensureSize(width, height);
        } catch (BundleException | RuntimeException e) {
            output.close();
            gl.close();
            throw e;
        }
        toggle = new LayoutToggle(scene.state());
        painter = new FramePainter(scene);
    }

    public SceneRenderer scene() { return scene; }

    public LayoutToggle toggle() { return toggle; }

    public int width() { return scene.state().camera().width(); }

    public int height() { return scene.state().camera().height(); }

    /**
     * Draws one frame: picks the item under ({@code cursorX}, {@code cursorY}) (framebuffer pixels;
     * negative for no cursor) and enlarges it, then draws the overlay when asked.
     *
     * @return the hovered item, or -1
     */
    public int frame(int cursorX, int cursorY, boolean withOverlay) {
        // The fitted view leaves room for the open panel, as in the window.
        scene.state().setInsetLeft(withOverlay && panelOpen ? Overlay.insetPx(1f) : 0f);
        int hovered = scene.hoverAt(cursorX, cursorY);
        // imgui sizes auto-resizing panels on their first frame without drawing them: a new
        // overlay runs a few frames, as the window would have, before the one that is kept.
        boolean fresh = withOverlay && overlay == null;
        if (fresh) {
            overlay = new Overlay(scene, toggle, 1f, exports);
            if (labels != null) overlay.setLabelEditor(new LabelEditor(labels, scene.state(), 1f));
            // The box holds the search the view shows, and counts its matches, as the window's would.
            if (search != null) overlay.search(search);
        }
        painter.paint(output.fbo(), withOverlay ? overlay : null, () -> {
            overlay.setOpen(panelOpen);
            overlay.setStats(painter.updateMs(), painter.sceneMs(), painter.redrew(), overlayFrames++ * FRAME_NS);
            for (int f = 0, frames = fresh ? 5 : 1; f < frames; f++) {
                Overlay.setDisplay(width(), height(), cursorX, cursorY);
                overlay.newFrame(null);
                overlay.build(hovered);
                if (f + 1 < frames) imgui.ImGui.render();
            }
        });
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        return hovered;
    }

    /**
     * Gives the overlay {@code session}'s label editing section, as the window's has (its panel then
     * looks like the window's; the session has already put its labels into the view); before the first
     * frame with the overlay.
     */
    public void setLabels(LabelSession session) {
        if (overlay != null) throw new IllegalStateException("the overlay is already made");
        labels = session;
    }

    private LabelSession labels;

    /**
     * The query the overlay's search box holds (it runs it, as typing it would: the view's matches are
     * its); before the first frame with the overlay.
     */
    public void setSearch(String query) {
        if (overlay != null) throw new IllegalStateException("the overlay is already made");
        search = query;
    }

    private String search;

    /**
     * The folder the overlay's panels export into (default: the working folder, as the explore command's);
     * before the first frame with the overlay.
     */
    public void setExportFolder(java.nio.file.Path folder) {
        if (overlay != null) throw new IllegalStateException("the overlay is already made");
        exports = folder;
    }

    private java.nio.file.Path exports = java.nio.file.Path.of("");

    /** What draws the frames: whole, or only where they changed (for tests). */
    FramePainter painter() { return painter; }

    /** The overlay, once a frame has drawn it (null before). */
    Overlay overlay() { return overlay; }

    /** Opens or collapses the overlay's control panel (the window's key H) for the next frames. */
    public void setPanelOpen(boolean open) { panelOpen = open; }

    /** Gives the view and its frames a new size, as a window resized would (the panels place themselves in the next frame). */
    void resize(int width, int height) {
        String tooLarge = SceneRenderer.tooLarge(width, height);
        if (tooLarge != null) throw new IllegalArgumentException(tooLarge);
        scene.resize(width, height);
        output.ensureSize(width, height);
    }

    /** Blocks until the GL has finished every command issued so far. */
    public void finish() { glFinish(); }

    /** RGBA pixels of the last frame, rows from the top; free with {@link MemoryUtil#memFree}. */
    public ByteBuffer pixels() { return scene.readPixels(output.fbo()); }

    /** Colour 0xRRGGBB of pixel (x, y) of the last frame (origin top left). */
    public int rgb(int x, int y) {
        ByteBuffer px = pixels();
        try {
            int o = (y * width() + x) * 4;
            return ((px.get(o) & 255) << 16) | ((px.get(o + 1) & 255) << 8) | (px.get(o + 2) & 255);
        } finally {
            MemoryUtil.memFree(px);
        }
    }

    /** Writes the last frame as a PNG, atomically (a temporary file beside it, then a move). */
    public void writePng(Path file) throws IOException {
        ByteBuffer px = pixels();
        try {
            writePng(file, px, width(), height());
        } finally {
            MemoryUtil.memFree(px);
        }
    }

    /** Writes RGBA rows from the top as a PNG, atomically: what {@code render} and the window's screenshot key write. */
    static void writePng(Path file, ByteBuffer rgba, int width, int height) throws IOException {
        AtomicFile.write(file, tmp -> {
            // Made here first, so that a folder that refuses it says why (stb only says that it failed).
            java.nio.file.Files.newOutputStream(tmp).close();
            if (!STBImageWrite.stbi_write_png(tmp.toString(), width, height, 4, rgba, width * 4)) {
                throw new IOException("the PNG could not be written");
            }
        });
    }

    @Override
    public void close() {
        if (overlay != null) overlay.close();
        output.close();
        scene.close();
        gl.close();
    }
}
