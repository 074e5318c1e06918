package org.embedscope.ui;

import static org.lwjgl.glfw.GLFW.*;
import static org.lwjgl.opengl.GL11.*;

import imgui.glfw.ImGuiImplGlfw;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.BundleReader;
import org.embedscope.bundle.Manifest;
import org.embedscope.render.PageDecoder;
import org.embedscope.render.GlContext;
import org.embedscope.render.SceneRenderer;

/**
 * The explorer's window: init → loop → cleanup.
 *
 * <p>The loop renders on demand. With nothing changing it sleeps in {@code glfwWaitEvents}; input
 * wakes it at once. A frame: poll events → advance the transition → pick the item under the cursor
 * if the cursor or the scene changed → draw the scene (a redraw only when it changed, else the
 * cached image) and the hover → build and draw the overlay → swap. After input, a few more frames
 * let imgui settle its hover and focus states.
 *
 * <p>Input goes to the overlay when imgui wants it (pointer over a panel, a widget active);
 * otherwise to the scene through {@link SceneInput}. Window positions are scaled to framebuffer
 * pixels, so HiDPI screens get full-resolution sprites.
 */
public final class ExplorerWindow implements AutoCloseable {
    private static final int SETTLE_FRAMES = 3;

    private final GlContext gl;
    private final SceneRenderer scene;
    private final LabelSession labels;
    private final LayoutToggle toggle;
    private final SceneInput input;
    private final ImGuiImplGlfw imguiGlfw = new ImGuiImplGlfw();
    private final Overlay overlay;
    private final long window;
    private final double startTime;

    private double cursorX = -1, cursorY = -1;
    private boolean cursorInside;
    private int settle = SETTLE_FRAMES;
    private float frameMs, sceneMs;
    private boolean firstFrameShown;
    private volatile int lastHovered = -1;
    /** The item the selection panel marks in the scene: its hovered thumbnail, or the one flown to. */
    private int thumbnailHovered = -1;
    private int flownTo = -1;
    private volatile boolean overlayHasPointer;
    private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> tasks = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile long frames;

    /**
     * Opens the explorer on the bundle in {@code dir}. Start-up overlaps its parts: after the
     * manifest is read (a bad one fails before any window exists), atlas pages decode on worker
     * threads and the points load on another while the window and GL context are made on this one.
     * The window stays hidden until its first frame is drawn; bad input found meanwhile closes it
     * unseen.
     */
    public ExplorerWindow(Path dir, int width, int height) throws BundleException {
        this(dir, width, height, null);
    }

    /**
     * As {@link #ExplorerWindow(Path, int, int)}, keeping the user's label edits in {@code annotations}
     * (null: {@code annotations.csv} beside the bundle, or the user's cache when its folder is read-only).
     */
    public ExplorerWindow(Path dir, int width, int height, Path annotations) throws BundleException {
        Manifest manifest = Manifest.read(dir);
        PageDecoder pages = new PageDecoder(dir, manifest, SceneRenderer.DECODE_AHEAD);
        CompletableFuture<Bundle> loading = CompletableFuture.supplyAsync(() -> {
            try {
                return BundleReader.load(dir);
            } catch (BundleException e) {
                throw new CompletionException(e);
            }
        });
        GlContext context = null;
        SceneRenderer renderer = null;
        try {
            context = GlContext.window("embedscope — " + manifest.name(), width, height, false);
            Bundle bundle;
            try {
                bundle = loading.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof BundleException be) throw be;
                throw e;
            }
            int[] fb = context.framebufferSize();
            renderer = new SceneRenderer(bundle, fb[0], fb[1], pages);
            labels = LabelSession.open(bundle, renderer.state(), annotations);
        } catch (BundleException | RuntimeException e) {
            pages.close();
            if (renderer != null) renderer.close();
            if (context != null) context.close();
            throw e;
        }
        scene = renderer;
        gl = context;
        window = gl.handle();
        startTime = glfwGetTime();
        toggle = new LayoutToggle(scene.state());
        input = new SceneInput(scene.state(), () -> toggle.toggle(now()), new SceneSelector(scene));
        float[] sx = new float[1], sy = new float[1];
        glfwGetWindowContentScale(window, sx, sy);
        overlay = new Overlay(scene, toggle, Math.max(1f, sx[0]));
        overlay.setClock(this::now);
        overlay.setLabelEditor(new LabelEditor(labels, scene.state(), Math.max(1f, sx[0])));
        installCallbacks();
        // imgui's backend chains to the callbacks installed above.
        imguiGlfw.init(window, true);
        glfwSwapInterval(1);
    }

    private float now() { return (float) (glfwGetTime() - startTime); }

    /** Window coordinates to framebuffer pixels. */
    private float[] toFramebuffer(double x, double y) {
        int[] win = gl.windowSize(), fb = gl.framebufferSize();
        float kx = win[0] > 0 ? fb[0] / (float) win[0] : 1, ky = win[1] > 0 ? fb[1] / (float) win[1] : 1;
        return new float[] {(float) x * kx, (float) y * ky};
    }

    private void installCallbacks() {
        glfwSetCursorPosCallback(window, (w, x, y) -> {
            cursorX = x;
            cursorY = y;
            cursorInside = true;
            float[] p = toFramebuffer(x, y);
            input.move(p[0], p[1]);
            // Back over the scene, the pointer hovers again what is under it.
            if (!Overlay.wantsMouse()) flownTo = -1;
            wake();
        });
        glfwSetCursorEnterCallback(window, (w, entered) -> {
            cursorInside = entered;
            wake();
        });
        glfwSetMouseButtonCallback(window, (w, button, action, mods) -> {
            if (button == GLFW_MOUSE_BUTTON_LEFT) {
                float[] p = toFramebuffer(cursorX, cursorY);
                if (action == GLFW_PRESS && !Overlay.wantsMouse()) {
                    input.press(p[0], p[1], glfwGetTime(), modifiers(mods));
                } else if (action == GLFW_RELEASE) {
                    input.release(p[0], p[1]);
                }
            }
            wake();
        });
        glfwSetScrollCallback(window, (w, dx, dy) -> {
            if (!Overlay.wantsMouse()) {
                float[] p = toFramebuffer(cursorX, cursorY);
                input.scroll(p[0], p[1], dy);
            }
            wake();
        });
        glfwSetKeyCallback(window, (w, key, scancode, action, mods) -> {
            if ((action == GLFW_PRESS || action == GLFW_REPEAT) && !Overlay.wantsKeyboard()) {
                SceneInput.Key k = switch (key) {
                    case GLFW_KEY_LEFT -> SceneInput.Key.LEFT;
                    case GLFW_KEY_RIGHT -> SceneInput.Key.RIGHT;
                    case GLFW_KEY_UP -> SceneInput.Key.UP;
                    case GLFW_KEY_DOWN -> SceneInput.Key.DOWN;
                    case GLFW_KEY_EQUAL, GLFW_KEY_KP_ADD -> SceneInput.Key.ZOOM_IN;
                    case GLFW_KEY_MINUS, GLFW_KEY_KP_SUBTRACT -> SceneInput.Key.ZOOM_OUT;
                    case GLFW_KEY_F -> action == GLFW_PRESS ? SceneInput.Key.FIT : null;
                    case GLFW_KEY_T -> action == GLFW_PRESS ? SceneInput.Key.TRANSITION : null;
                    case GLFW_KEY_ESCAPE -> action == GLFW_PRESS ? SceneInput.Key.CLEAR_SELECTION : null;
                    case GLFW_KEY_I -> action == GLFW_PRESS ? SceneInput.Key.INVERT_SELECTION : null;
                    case GLFW_KEY_D -> action == GLFW_PRESS ? SceneInput.Key.DIM_REST : null;
                    case GLFW_KEY_M -> action == GLFW_PRESS ? SceneInput.Key.SELECT_MATCHES : null;
                    case GLFW_KEY_N -> action == GLFW_PRESS && !Overlay.wantsMouse() ? SceneInput.Key.PIN_HOVERED : null;
                    default -> null;
                };
                if (k != null) input.key(k);
                if (action == GLFW_PRESS) labelKey(key, mods);
            }
            wake();
        });
        glfwSetFramebufferSizeCallback(window, (w, width, height) -> wake());
        glfwSetWindowRefreshCallback(window, w -> wake());
    }

    private void wake() { settle = SETTLE_FRAMES; }

    /** Label editing keys: 1–9 give the selection the legend's first nine labels; Ctrl-Z undoes, Ctrl-Shift-Z (or Ctrl-Y) redoes. */
    private void labelKey(int key, int mods) {
        boolean ctrl = (mods & GLFW_MOD_CONTROL) != 0, shift = (mods & GLFW_MOD_SHIFT) != 0;
        if (ctrl && key == GLFW_KEY_Z) {
            if (shift) labels.redo();
            else labels.undo();
        } else if (ctrl && key == GLFW_KEY_Y) {
            labels.redo();
        } else if (!ctrl && key >= GLFW_KEY_1 && key <= GLFW_KEY_9) {
            labels.assign(key - GLFW_KEY_1);
        } else if (!ctrl && key >= GLFW_KEY_KP_1 && key <= GLFW_KEY_KP_9) {
            labels.assign(key - GLFW_KEY_KP_1);
        }
    }

    /** GLFW's modifier bits as {@link SceneInput}'s. */
    private static int modifiers(int mods) {
        return ((mods & GLFW_MOD_SHIFT) != 0 ? SceneInput.SHIFT : 0) | ((mods & GLFW_MOD_CONTROL) != 0 ? SceneInput.CTRL : 0)
                | ((mods & GLFW_MOD_ALT) != 0 ? SceneInput.ALT : 0);
    }

    /** The label edits shown and saved (read from the window's thread, or for tests, loosely). */
    public LabelSession labels() { return labels; }

    /** The renderer and its view state (read them from the window's thread, or for tests, loosely). */
    public SceneRenderer scene() { return scene; }

    /** The item enlarged in the last frame, or -1. */
    public int hovered() { return lastHovered; }

    /** Whether the overlay held the pointer in the last frame (then the wheel and clicks are its own). */
    public boolean overlayHasPointer() { return overlayHasPointer; }

    /** Where the {@code k}-th thumbnail of the selection panel was last drawn (window pixels), or null. */
    public float[] selectionThumbnailCentre(int k) { return overlay.thumbnailCentre(k); }

    /** Frames drawn so far. */
    public long frames() { return frames; }

    /** Runs {@code task} on the window's thread before its next frame; safe from any thread. */
    public void runOnLoop(Runnable task) {
        tasks.add(task);
        glfwPostEmptyEvent(); // wakes glfwWaitEvents; the loop then draws a frame, running the task first

    }

    /** Asks the loop to end; safe from any thread. */
    public void requestClose() {
        glfwSetWindowShouldClose(window, true);
        glfwPostEmptyEvent();
    }

    /** Runs until the window is closed. */
    public void run() {
        while (!glfwWindowShouldClose(window)) {
            boolean busy = settle > 0 || scene.state().isAnimating();
            if (busy) glfwPollEvents();
            else glfwWaitEvents();
            if (glfwWindowShouldClose(window)) break;
            frame();
            if (settle > 0) settle--;
        }
    }

    private void frame() {
        long t0 = System.nanoTime();
        for (Runnable task; (task = tasks.poll()) != null; ) task.run();
        int[] fb = gl.framebufferSize();
        if (fb[0] <= 0 || fb[1] <= 0) return; // minimised
        scene.resize(fb[0], fb[1]);
        scene.state().update(now());

        boolean overScene = cursorInside && !input.isDragging() && !Overlay.wantsMouse();
        float[] p = toFramebuffer(cursorX, cursorY);
        int hovered = scene.hoverAt(overScene ? (int) p[0] : -1, overScene ? (int) p[1] : -1);
        // An entry of the neighbours panel under the pointer marks its item in the scene, as a thumbnail does.
        int neighbor = overlay.neighbors().hovered();
        int marked = neighbor >= 0 ? neighbor : thumbnailHovered >= 0 ? thumbnailHovered : flownTo;
        if (hovered < 0 && marked >= 0) {
            scene.setHovered(marked);
            hovered = marked;
        }
        lastHovered = hovered;

        boolean redraw = scene.sceneDirty();
        long s0 = System.nanoTime();
        scene.render(0);
        if (redraw) {
            glFinish();
            sceneMs = (System.nanoTime() - s0) / 1e6f;
        }
        overlay.setStats(frameMs, sceneMs, redraw);
        overlay.newFrame(imguiGlfw::newFrame);
        // What the input callbacks until the next frame will see: imgui decides in its new frame.
        overlayHasPointer = Overlay.wantsMouse();
        overlay.setOutline(input.outline(), input.drag() == SceneInput.Drag.BOX);
        overlay.build(hovered);
        thumbnailHovered = overlay.thumbnailHovered();
        int clicked = overlay.takeThumbnailClicked();
        if (clicked >= 0) {
            scene.state().flyToItem(scene.layouts(), clicked, now());
            flownTo = clicked;
        }
        int pinNext = overlay.neighbors().takeClicked();
        if (pinNext >= 0) scene.state().pin(pinNext);
        org.lwjgl.opengl.GL30.glBindFramebuffer(org.lwjgl.opengl.GL30.GL_FRAMEBUFFER, 0);
        glViewport(0, 0, fb[0], fb[1]);
        overlay.render();
        glfwSwapBuffers(window);
        frameMs = (System.nanoTime() - t0) / 1e6f;
        frames++;
        if (!firstFrameShown) {
            firstFrameShown = true;
            gl.show();
            if (Boolean.getBoolean("embedscope.startup")) {
                glFinish();
                System.err.printf("first complete frame %d ms after JVM start%n",
                        System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
            }
        }
    }

    @Override
    public void close() {
        // The GLFW backend reads the ImGui context while shutting down: it goes before the context.
        imguiGlfw.shutdown();
        overlay.close();
        labels.close();
        scene.close();
        gl.close();
    }
}
