package org.embedscope.ui;

import static org.lwjgl.glfw.GLFW.*;
import static org.lwjgl.opengl.GL11.*;

import imgui.glfw.ImGuiImplGlfw;
import java.nio.file.Path;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleException;
import org.embedscope.render.GlContext;
import org.embedscope.render.SceneRenderer;

/**
 * The explorer's window: init → loop → cleanup.
 *
 * <p>The loop renders on demand. With nothing changing it sleeps in {@code glfwWaitEvents}; input
 * wakes it at once. A frame: poll events → advance the transition → pick the item under the cursor
 * if the cursor or the scene changed → bring the scene up to date (a redraw only when it changed)
 * → build the overlay → draw the scene's image, the hover and the overlay into the kept frame, whole
 * or only where they changed ({@link FramePainter}) → copy it to the back buffer → swap. After
 * input, a few more frames let imgui settle its hover and focus states; a frame whose panels were
 * placed from sizes their layout then measured otherwise ({@link Overlay#needsAnotherFrame}) is
 * followed by another, up to {@link #MAX_RELAYOUT_FRAMES} in a row.
 *
 * <p>Input goes to the overlay when imgui wants it (pointer over a panel, a widget active);
 * otherwise to the scene through {@link SceneInput}. Window positions are scaled to framebuffer
 * pixels, so HiDPI screens get full-resolution sprites.
 */
public final class ExplorerWindow implements AutoCloseable {
    static {
        ImguiLibrary.install();   // before imgui's GLFW backend loads
    }

    private static final int SETTLE_FRAMES = 3;
    private static final int MAX_SETTLE_FRAMES = 240;
    /** Frames in a row drawn only because the panels were placed again (a layout that kept changing would not end). */
    private static final int MAX_RELAYOUT_FRAMES = 3;
    private int relayouts;

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
    private float frameMs;
    private boolean firstFrameShown;
    private volatile int lastHovered = -1;
    private volatile String searchError;
    /** The item the selection panel marks in the scene: its hovered thumbnail, or the one flown to. */
    private int thumbnailHovered = -1;
    private int flownTo = -1;
    /** Where the last flight to a thumbnail's item aimed: the part of the view no panel covered (for tests). */
    private volatile float[] lastClearArea;
    private volatile boolean overlayHasPointer;
    private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> tasks = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile long frames;
    private boolean screenshotRequested;
    /** Where screenshots and the panels' exports go: the working folder, for the explore command. */
    private final Path exports;
    private volatile Path lastScreenshot;
    private volatile String lastScreenshotCommand;
    private final org.embedscope.render.RenderTarget shot = new org.embedscope.render.RenderTarget(org.embedscope.render.RenderTarget.Kind.COLOR);
    /** The frame as drawn, kept from one frame to the next; the window shows a copy of it. */
    private final org.embedscope.render.RenderTarget frameTarget = new org.embedscope.render.RenderTarget(org.embedscope.render.RenderTarget.Kind.COLOR);
    private final FramePainter painter;

    /**
     * Opens the explorer on the bundle in {@code dir}. Start-up overlaps its parts: the manifest is
     * read, atlas pages decode and the points load on worker threads while the window and GL context
     * are made on this one ({@link BundleOpening}).
     * The window stays hidden until its first frame is drawn; bad input found meanwhile closes it
     * unseen.
     */
    public ExplorerWindow(Path dir, int width, int height) throws BundleException {
        this(dir, width, height, org.embedscope.render.AtlasTextures.DEFAULT_BUDGET, null);
    }

    /**
     * As {@link #ExplorerWindow(Path, int, int)}, within a GPU memory budget for the atlas of {@code gpuBudget}
     * bytes, keeping the user's label edits in {@code annotations} (null: {@code annotations.csv} beside the
     * bundle, or the user's cache when its folder is read-only).
     */
    public ExplorerWindow(Path dir, int width, int height, long gpuBudget, Path annotations) throws BundleException {
        this(dir, width, height, gpuBudget, annotations, Path.of(""));
    }

    /** As above, writing the panels' exports (selection CSV, contact sheet) into {@code exports}, not the working folder. */
    public ExplorerWindow(Path dir, int width, int height, long gpuBudget, Path annotations, Path exports) throws BundleException {
        this.exports = exports;
        BundleOpening opening = new BundleOpening(dir, gpuBudget);
        GlContext context = null;
        SceneRenderer renderer = null;
        try {
            context = GlContext.window("embedscope", width, height, false);
            glfwSetWindowTitle(context.handle(), "embedscope — " + opening.manifest().name());
            Bundle bundle = opening.bundle();
            int[] fb = context.framebufferSize();
            renderer = new SceneRenderer(bundle, fb[0], fb[1], opening.pages(), gpuBudget);
            labels = LabelSession.open(bundle, renderer.state(), annotations);
            labels.shareColumns(renderer::columns);
            labels.onEditedElsewhere(org.lwjgl.glfw.GLFW::glfwPostEmptyEvent, 2_000);
        } catch (BundleException | RuntimeException e) {
            opening.close();
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
        overlay = new Overlay(scene, toggle, Math.max(1f, sx[0]), exports);
        painter = new FramePainter(scene);
        overlay.setClock(this::now);
        overlay.setWake(() -> glfwPostEmptyEvent());
        overlay.setLabelEditor(new LabelEditor(labels, scene.state(), Math.max(1f, sx[0])));
        installCallbacks();
        // imgui's backend chains to the callbacks installed above.
        imguiGlfw.init(window, true);
        // Characters go through the scene's keys first, then to imgui, but not the '/' that opens the search:
        // come in one poll after another key, it reached the box once that had the keyboard (imgui's queue
        // hands on one key change a frame), and the query began with it.
        imguiChar = glfwSetCharCallback(window, null);
        glfwSetCharCallback(window, (w, codepoint) -> {
            boolean opensSearch = sceneChar(codepoint);
            if (!opensSearch && imguiChar != null) imguiChar.invoke(w, codepoint);
            wake();
        });
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
            if ((action == GLFW_PRESS || action == GLFW_REPEAT) && !keysToOverlay()) {
                boolean press = action == GLFW_PRESS;
                // Letters as the user's layout types them: GLFW's key tokens are US positions (QWERTZ's Z
                // came as GLFW_KEY_Y, AZERTY's A as GLFW_KEY_Q).
                SceneInput.Key k = switch (key) {
                    case GLFW_KEY_LEFT -> SceneInput.Key.LEFT;
                    case GLFW_KEY_RIGHT -> SceneInput.Key.RIGHT;
                    case GLFW_KEY_UP -> SceneInput.Key.UP;
                    case GLFW_KEY_DOWN -> SceneInput.Key.DOWN;
                    // Esc closes an open combo first, and only then clears the selection (or unpins).
                    case GLFW_KEY_ESCAPE -> press && !overlay.escapeClosesPopup() ? SceneInput.Key.CLEAR_SELECTION : null;
                    default -> press ? letterKey(KeyLetters.letter(key, org.lwjgl.glfw.GLFW.glfwGetKeyName(key, scancode))) : null;
                };
                if (k != null) input.key(k);
                if (press) labelKey(key, scancode, mods);
            }
            wake();
        });
        glfwSetFramebufferSizeCallback(window, (w, width, height) -> wake());
        glfwSetWindowRefreshCallback(window, w -> wake());
    }

    /**
     * Frames left in which keys go to the search box '/' is opening: imgui gives it the keyboard a frame
     * or two later, and a query typed at once ("/index < 2" while a frame was drawn) had its I invert the
     * selection and its D dim the rest. Ends when the box has the keyboard, or after these frames.
     */
    private int searchOpening;
    private static final int SEARCH_OPENING_FRAMES = 4;

    /** Whether keys and characters go to the overlay rather than to the scene. */
    private boolean keysToOverlay() { return Overlay.wantsKeyboard() || searchOpening > 0; }

    /** imgui's character callback, which {@link #sceneChar} goes before. */
    private org.lwjgl.glfw.GLFWCharCallback imguiChar;

    /**
     * A typed character's meaning in the scene (the keyboard not in a widget); returns whether it opened
     * the search. Keys of symbols by what they type: '/' is Shift-7 on QWERTZ, '+' a key of its own there.
     */
    private boolean sceneChar(int codepoint) {
        if (keysToOverlay()) return false;
        switch (codepoint) {
            case '+', '=' -> input.key(SceneInput.Key.ZOOM_IN);
            case '-' -> input.key(SceneInput.Key.ZOOM_OUT);
            case '/' -> {
                overlay.focusSearch();
                searchOpening = SEARCH_OPENING_FRAMES;
                return true;
            }
            default -> { }
        }
        return false;
    }

    /**
     * Input arrived: draw a few more frames. imgui takes one change of a key or button per frame
     * (its input queue trickles, so a fast press and release both count), so every event adds a
     * frame: typed text is never left in the queue while the loop sleeps.
     */
    private void wake() { settle = Math.min(MAX_SETTLE_FRAMES, Math.max(settle, SETTLE_FRAMES) + 1); }

    /**
     * Label editing keys: the number keys give the selection a label ({@link LabelSession#labelForKey}: a
     * digit's own label where labels are digits, else 1–9 the legend's first nine); Ctrl-Z undoes,
     * Ctrl-Shift-Z (or Ctrl-Y) redoes.
     */
    private void labelKey(int key, int scancode, int mods) {
        boolean ctrl = (mods & GLFW_MOD_CONTROL) != 0, shift = (mods & GLFW_MOD_SHIFT) != 0;
        char letter = ctrl ? KeyLetters.letter(key, org.lwjgl.glfw.GLFW.glfwGetKeyName(key, scancode)) : 0;
        if (letter == 'z') {
            if (shift) labels.redo();
            else labels.undo();
        } else if (letter == 'y') {
            labels.redo();
        } else if (!ctrl && key >= GLFW_KEY_0 && key <= GLFW_KEY_9) {
            labels.assign(labels.labelForKey(key - GLFW_KEY_0));
        } else if (!ctrl && key >= GLFW_KEY_KP_0 && key <= GLFW_KEY_KP_9) {
            labels.assign(labels.labelForKey(key - GLFW_KEY_KP_0));
        }
    }

    /**
     * What a letter key does in the scene, or null; the panel ({@code h}) and the screenshot ({@code p})
     * are the window's own.
     */
    private SceneInput.Key letterKey(char letter) {
        return switch (letter) {
            case 'f' -> SceneInput.Key.FIT;
            case 't' -> SceneInput.Key.TRANSITION;
            case 'i' -> SceneInput.Key.INVERT_SELECTION;
            case 'd' -> SceneInput.Key.DIM_REST;
            case 'm' -> SceneInput.Key.SELECT_MATCHES;
            case 'n' -> Overlay.wantsMouse() ? null : SceneInput.Key.PIN_HOVERED;
            case 'h' -> {
                overlay.toggleOpen();
                yield null;
            }
            case 'p' -> {
                screenshotRequested = true;
                yield null;
            }
            default -> null;
        };
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

    /** Where the selection panel was last drawn (window pixels), or null (for tests). */
    public float[] selectionPanelRect() { return overlay.selectionRect(); }

    /** The part of the view, in framebuffer pixels, that no panel covered when a thumbnail was last clicked, or null. */
    public float[] lastClearArea() { return lastClearArea; }

    /** What is wrong with the query in the search box, as shown under it, or null. */
    public String searchError() { return searchError; }

    /** The query in the search box as the last frame had it. */
    public String searchText() { return searchText; }

    private volatile String searchText = "";

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
            boolean busy = settle > 0 || scene.state().isAnimating() || scene.busy();
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
        labels.showEditedElsewhere();
        int[] fb = gl.framebufferSize();
        if (fb[0] <= 0 || fb[1] <= 0) return; // minimised
        scene.resize(fb[0], fb[1]);
        int[] win = gl.windowSize();
        // The fitted view leaves room for the open panel (imgui lays it out in window coordinates).
        scene.state().setInsetLeft(overlay.insetPx() * (win[0] > 0 ? fb[0] / (float) win[0] : 1f));
        scene.state().update(now());

        boolean overScene = cursorInside && !input.isDragging() && !Overlay.wantsMouse();
        float[] p = toFramebuffer(cursorX, cursorY);
        int hovered = scene.hoverAt(overScene ? (int) p[0] : -1, overScene ? (int) p[1] : -1);
        int marked = thumbnailHovered >= 0 ? thumbnailHovered : flownTo;
        // An entry of the neighbours panel under the pointer marks its item in the scene.
        int neighbor = overlay.neighbors().hovered();
        if (neighbor >= 0) marked = neighbor;
        if (hovered < 0 && marked >= 0) {
            scene.setHovered(marked);
            hovered = marked;
        }
        lastHovered = hovered;

        frameTarget.ensureSize(fb[0], fb[1]);
        int shown = hovered;
        painter.paint(frameTarget.fbo(), overlay, () -> {
            overlay.setStats(frameMs, painter.sceneMs(), painter.redrew(), System.nanoTime());
            overlay.newFrame(imguiGlfw::newFrame);
            // What the input callbacks until the next frame will see: imgui decides in its new frame.
            overlayHasPointer = Overlay.wantsMouse();
            overlay.setOutline(input.outline(), input.drag() == SceneInput.Drag.BOX);
            overlay.build(shown);
        });
        // (a selection set from a task, with no input after it, had kept a panel sized for unmeasured lines)
        if (overlay.needsAnotherFrame() && relayouts < MAX_RELAYOUT_FRAMES) {
            relayouts++;
            settle = Math.max(settle, 2);   // (the loop counts this frame off)
        } else {
            relayouts = 0;
        }
        if (searchOpening > 0) searchOpening = Overlay.wantsKeyboard() ? 0 : searchOpening - 1;
        thumbnailHovered = overlay.thumbnailHovered();
        searchError = overlay.searchError();
        searchText = overlay.searchText();
        int clicked = overlay.takeThumbnailClicked();
        if (clicked >= 0) {
            // Its item lands in the middle of what the panels leave clear, not under them.
            float[] clear = overlay.clearArea(), scale = toFramebuffer(1, 1);   // imgui lays out in window coordinates
            lastClearArea = new float[] {clear[0] * scale[0], clear[1] * scale[1], clear[2] * scale[0], clear[3] * scale[1]};
            scene.state().flyToItem(scene.layouts(), clicked, lastClearArea, now());
            flownTo = clicked;
        }
        int pinNext = overlay.neighbors().takeClicked();
        if (pinNext >= 0) scene.state().pin(pinNext);
        // The frame is kept for the next one (FramePainter draws only what changes); the window shows a copy.
        org.lwjgl.opengl.GL30.glBindFramebuffer(org.lwjgl.opengl.GL30.GL_READ_FRAMEBUFFER, frameTarget.fbo());
        org.lwjgl.opengl.GL30.glBindFramebuffer(org.lwjgl.opengl.GL30.GL_DRAW_FRAMEBUFFER, 0);
        org.lwjgl.opengl.GL30.glBlitFramebuffer(0, 0, fb[0], fb[1], 0, 0, fb[0], fb[1], GL_COLOR_BUFFER_BIT, GL_NEAREST);
        org.lwjgl.opengl.GL30.glBindFramebuffer(org.lwjgl.opengl.GL30.GL_FRAMEBUFFER, 0);
        glViewport(0, 0, fb[0], fb[1]);
        if (screenshotRequested) {
            screenshotRequested = false;
            screenshot(fb[0], fb[1], hovered >= 0 && overScene ? p : null);
        }
        glfwSwapBuffers(window);
        frameMs = (System.nanoTime() - t0) / 1e6f;
        frames++;
        if (!firstFrameShown) {
            firstFrameShown = true;
            gl.show();
            // Only pinning reads the neighbour lists: they come in behind the first frame.
            scene.bundle().prefetchNeighbors();
            if (Boolean.getBoolean("embedscope.startup")) {
                glFinish();
                System.err.printf("first complete frame %d ms after JVM start%n",
                        System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
            }
        }
    }

    /**
     * Writes what {@code render} would write for this view (the scene, the hovered item and, when it
     * is open, the control panel; not the slim bar) to a PNG in the working folder, atomically, and
     * prints its path with the {@code render} command that makes the same picture (the selection, if
     * any, written beside it for the command's {@code --selection}).
     */
    private void screenshot(int w, int h, float[] cursor) {
        shot.ensureSize(w, h);
        scene.render(shot.fbo());
        if (overlay.isOpen()) overlay.renderAgain();
        org.lwjgl.opengl.GL30.glBindFramebuffer(org.lwjgl.opengl.GL30.GL_FRAMEBUFFER, 0);
        java.nio.ByteBuffer px = scene.readPixels(shot.fbo());
        String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path folder = exports.toAbsolutePath().normalize();
        Path file = folder.resolve("embedscope-" + stamp + ".png");
        for (int k = 2; java.nio.file.Files.exists(file); k++) file = folder.resolve("embedscope-" + stamp + "-" + k + ".png");
        try {
            OffscreenExplorer.writePng(file, px, w, h);
            lastScreenshotCommand = renderCommand(w, h, cursor, file);
            lastScreenshot = file;
            System.out.println("screenshot: " + file);
            System.out.println("  the same as: " + lastScreenshotCommand);
        } catch (java.io.IOException e) {
            System.err.println("embedscope: cannot write the screenshot " + file + ": " + e.getMessage());
        } catch (BundleException e) {
            System.err.println("embedscope: " + e.getMessage());
        } finally {
            org.lwjgl.system.MemoryUtil.memFree(px);
        }
    }

    /**
     * The {@code render} command line that draws this view, as one line a shell takes as it is, from any
     * folder: the launcher that ran and every path absolute, every word quoted where it needs it, what
     * render cannot show as a {@code #} comment at the end. A
     * selection is written beside the screenshot ({@code NAME-selection.csv}) for its {@code --selection}.
     */
    private String renderCommand(int w, int h, float[] cursor, Path file) throws BundleException {
        var st = scene.state();
        var cam = st.camera();
        var b = scene.bundle();
        String name = file.getFileName().toString(), stem = name.substring(0, name.length() - ".png".length());
        // The launcher that ran (./embedscope's path, else plain embedscope) and the folder absolute, like the files: the line runs from any folder.
        StringBuilder c = new StringBuilder(shellQuoted(org.embedscope.Home.command())).append(" render ")
                .append(shellQuoted(b.dir().toAbsolutePath().normalize().toString()));
        c.append(" --layout ").append(b.manifest().layouts().get(st.transition().target()).name());
        c.append(String.format(java.util.Locale.ROOT, " --view %.6f,%.6f,%.6f --size %dx%d", cam.centerX(), cam.centerY(), cam.zoom(), w, h));
        if (cursor != null) c.append(String.format(java.util.Locale.ROOT, " --hover %d,%d", (int) cursor[0], (int) cursor[1]));
        if (st.userScale() != 1f) c.append(String.format(java.util.Locale.ROOT, " --scale %s", st.userScale()));
        if (st.threshold() != st.defaultThreshold()) c.append(String.format(java.util.Locale.ROOT, " --threshold %s", st.threshold()));
        var colouring = st.colourBy();
        boolean byLabel = b.hasLabels() && b.manifest().label().column().equals(colouring.column()) && colouring.isCategories();
        boolean byColumn = colouring.column() != null && !byLabel;
        if (byColumn) {
            // Tinted by default with --color-by, untinted without: each says only what differs.
            if (!st.tintByLabel()) c.append(" --no-tint");
            c.append(" --color-by ").append(shellQuoted(colouring.column()))
                    .append(" --color-as ").append(colouring.isCategories() ? "categories" : "numbers");
            double[] usual = colouring.defaultRange();
            if (!colouring.isCategories() && (colouring.low() != usual[0] || colouring.high() != usual[1])) {
                c.append(" --color-range ").append(colouring.low()).append(',').append(colouring.high());
            }
        } else if (st.tintByLabel()) {
            c.append(" --tint");
        }
        if (colouring.isCategories()) {
            for (int k = 0; k < colouring.categoryCount(); k++) {
                if (!colouring.isShown(k)) c.append(" --hide ").append(shellQuoted(colouring.categoryName(k)));
            }
        }
        if (st.matches() != null) c.append(" --where ").append(shellQuoted(overlay.searchText())).append(st.onlyMatches() ? " --only" : "");
        if (st.selectedCount() > 0) {
            Path selection = file.resolveSibling(stem + "-selection.csv");
            org.embedscope.select.SelectionCsv.write(b, labels.annotations(), st.selection(), selection, org.embedscope.progress.Progress.NONE);
            c.append(" --selection ").append(shellQuoted(selection.toString())).append(st.dimUnselected() ? " --dim" : "");
        }
        if (st.pinned() >= 0) c.append(" --pin ").append(st.pinned());
        if (st.smoothAlpha()) c.append(" --smooth-alpha");
        if (overlay.isOpen()) c.append(" --overlay");
        // Its own file beside the screenshot: running the command must not overwrite the screenshot.
        c.append(" --out ").append(shellQuoted(file.resolveSibling(stem + "-render.png").toString()));
        java.util.List<String> notes = new java.util.ArrayList<>();
        if (st.transition().isRunning()) notes.add("taken mid-transition: render shows the layout at rest");
        if (cam.isBeyondRule()) notes.add("a flight's view beyond the data's edge: render keeps the view within it");
        if (overlay.isOpen()) notes.addAll(overlay.notRendered());
        if (!notes.isEmpty()) c.append(CommandWords.ofThisSystem().note(String.join("; ", notes)));
        return c.toString();
    }

    /** {@code s} as one word of the launcher's shell ({@link CommandWords}): as it is when plain, else quoted. */
    static String shellQuoted(String s) {
        return CommandWords.ofThisSystem().quoted(s);
    }

    /** The overlay (for tests: searches typed as into its box). */
    Overlay overlay() { return overlay; }

    /** The file the last screenshot went to, or null (for tests). */
    public Path lastScreenshot() { return lastScreenshot; }

    /** The render command printed with it. */
    public String lastScreenshotCommand() { return lastScreenshotCommand; }

    @Override
    public void close() {
        shot.close();
        frameTarget.close();
        // The GLFW backend reads the ImGui context while shutting down: it goes before the context.
        imguiGlfw.shutdown();
        // The backend frees the callback it finds (the one wrapping its own), not its own.
        if (imguiChar != null) imguiChar.free();
        overlay.close();
        labels.close();
        scene.close();
        gl.close();
    }
}
