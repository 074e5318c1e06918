package org.embedscope.ui;

import static org.lwjgl.opengl.GL11.*;
import static org.lwjgl.opengl.GL30.*;

import org.embedscope.render.DamageRegion;
import org.embedscope.render.SceneRenderer;

/**
 * Draws a frame (the scene, the hovered item, the overlay) into a framebuffer that keeps its pixels
 * from one frame to the next, and draws again only what changed where it can.
 *
 * <p>In a hover sweep only the enlarged sprite and the hovered item's panel change: the scene's image
 * and the control panel's cached layer stay as they were, yet copying the one and laying the other
 * over the frame are most of such a frame on a software rasteriser. So when the scene's image
 * ({@link SceneRenderer#imageStamp}) and the overlay's layer are those the last frame into the same
 * framebuffer showed, only the boxes of the hovered sprite and of the overlay's live windows, this
 * frame's and the last one's, are drawn: each by the same passes in the same order as a whole
 * frame, clipped to it, so every pixel comes out as a whole frame would draw it. Anything else (a
 * redrawn or shifted scene, a motion frame, a new layer, a resize, more than {@link #MOST_DAMAGE}
 * of the frame) draws the whole frame.
 *
 * <p>Lifecycle: {@link #paint} once per frame into a framebuffer nothing else draws into.
 */
final class FramePainter {
    /** Past this fraction of the frame, drawing the whole frame costs about as much. */
    static final double MOST_DAMAGE = 0.5;

    private final SceneRenderer scene;
    private final DamageRegion damage = new DamageRegion();
    private int lastFbo = -1, lastWidth, lastHeight;
    private long lastStamp;
    private boolean lastHadOverlay;
    private int[] lastHoverBox;
    private boolean partial, redrew;
    private float updateMs, sceneMs;

    FramePainter(SceneRenderer scene) {
        this.scene = scene;
    }

    /**
     * Draws a frame into {@code fbo}, of the camera's size: brings the scene up to date, lets
     * {@code buildOverlay} lay out {@code overlay}'s frame (null: no overlay; it may read {@link
     * #redrew} and {@link #sceneMs}), then draws the scene, the hovered item and the overlay, whole
     * or only where they changed. Leaves {@code fbo} bound with a viewport of the whole frame.
     */
    void paint(int fbo, Overlay overlay, Runnable buildOverlay) {
        int w = scene.state().camera().width(), h = scene.state().camera().height();
        boolean dirty = scene.sceneDirty();
        long t0 = System.nanoTime();
        scene.update();
        // A redraw's time is shown in the panel: it is waited for. Otherwise the overlay is laid out while the GL works.
        if (dirty) glFinish();
        updateMs = (System.nanoTime() - t0) / 1e6f;
        if (dirty) sceneMs = updateMs;
        redrew = dirty;
        if (overlay != null) {
            buildOverlay.run();
            overlay.endFrame();
        }
        int[] hoverBox = scene.hoverBox();
        boolean part = fbo == lastFbo && w == lastWidth && h == lastHeight && scene.imageStamp() == lastStamp
                && !scene.lastFrameWasMotion() && !scene.sceneDirty() && (overlay != null) == lastHadOverlay
                && (overlay == null || overlay.renderer().layerSameAsLastFrame());
        if (part) {
            damage.clear(w, h);
            damage.add(lastHoverBox);
            damage.add(hoverBox);
            if (overlay != null) {
                damage.add(overlay.renderer().lastLiveBox());
                damage.add(overlay.renderer().liveBox());
            }
            part = damage.coverage() <= MOST_DAMAGE;
        }
        if (part) {
            for (int k = 0; k < damage.count(); k++) {
                int[] box = damage.rect(k);
                scene.presentRegion(fbo, box);
                if (overlay != null) overlay.drawPrepared(box);
            }
        } else {
            scene.present(fbo);
            if (overlay != null) overlay.drawPrepared(null);
        }
        glBindFramebuffer(GL_FRAMEBUFFER, fbo);
        glViewport(0, 0, w, h);
        partial = part;
        lastFbo = fbo;
        lastWidth = w;
        lastHeight = h;
        lastStamp = scene.imageStamp();
        lastHadOverlay = overlay != null;
        lastHoverBox = hoverBox;
    }

    /**
     * Draws the last frame again, whole, into {@code fbo}: the scene, the hovered item and the overlay
     * as {@link #paint} prepared it (for tests that compare a frame drawn in part with it).
     */
    void paintWholeAgain(int fbo, Overlay overlay) {
        scene.present(fbo);
        if (overlay != null) overlay.drawPrepared(null);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
    }

    /** True when the last frame drew only what changed. */
    boolean lastWasPartial() { return partial; }

    /** True when the last {@link #paint} redrew the scene. */
    boolean redrew() { return redrew; }

    /** The last scene redraw's time, waited for (ms). */
    float sceneMs() { return sceneMs; }

    /** The last frame's scene update (ms; waited for when it redrew). */
    float updateMs() { return updateMs; }
}
