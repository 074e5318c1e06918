package org.embedscope.render;

import static org.lwjgl.glfw.GLFW.*;
import static org.lwjgl.system.MemoryUtil.NULL;

import org.lwjgl.glfw.GLFWErrorCallback;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GLDebugMessageCallback;

/**
 * A GLFW window with an OpenGL 3.3 core context. Visible windows need a display; hidden ones (for
 * {@code render}, {@code bench} and tests) are made with EGL alone ({@link EglHeadless}) when there is
 * no X or Wayland display, on the GPU's EGL device where there is one, so they also run on a headless
 * machine with Mesa or with an NVIDIA driver and no X server; GLFW's null platform with EGL is the
 * fallback.
 *
 * <p>GLFW is initialised once per process and terminated by {@link #close()} of the last window.
 * Contexts are debug contexts whose errors {@link GlDebug} counts (a handful of GL calls a frame
 * makes the driver's checks cost nothing measurable).
 */
public final class GlContext implements AutoCloseable {
    private static int open;
    private static boolean nullPlatform;
    /** GLFW's last error, and whether GLFW is being initialised (its errors then go into the refusal's line). */
    private static volatile String lastError;
    private static volatile boolean initialising;

    /** No window or context can be had here (no display, no OpenGL 3.3): one line saying why and what to do. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message) { super(message); }
    }

    private final long window;
    /** The context when it was made with EGL alone (then {@link #window} is 0), else null. */
    private final EglHeadless egl;
    private final GLDebugMessageCallback debugCallback;
    private final long problemsAtStart;

    private GlContext(long window, EglHeadless egl, GLDebugMessageCallback debugCallback, long problemsAtStart) {
        this.window = window;
        this.egl = egl;
        this.debugCallback = debugCallback;
        this.problemsAtStart = problemsAtStart;
    }

    /** A resizable window, HiDPI-aware; a hidden one is shown later with {@link #show()}. */
    public static GlContext window(String title, int width, int height, boolean visible) {
        init(false);
        hints(visible);
        return create(title, width, height);
    }

    /** Shows a window created hidden. */
    public void show() { glfwShowWindow(window); }

    /**
     * A hidden window whose context draws into offscreen framebuffers; with no display, a context of
     * EGL's (GLFW's null platform when that fails).
     */
    public static GlContext hidden(int width, int height) {
        Unavailable eglFailed = null;
        if (!hasDisplay()) {
            try {
                EglHeadless egl = EglHeadless.create(width, height);
                long problems = GlDebug.problemCount();
                return new GlContext(0L, egl, GlDebug.install(), problems);
            } catch (Unavailable e) {
                eglFailed = e;
            }
        }
        try {
            init(true);
            hints(false);
            return create("embedscope", width, height);
        } catch (Unavailable e) {
            if (eglFailed == null) throw e;
            throw new Unavailable(eglFailed.getMessage() + "; and GLFW's null platform: " + e.getMessage());
        }
    }

    private static boolean hasDisplay() {
        String x = System.getenv("DISPLAY"), w = System.getenv("WAYLAND_DISPLAY");
        return (x != null && !x.isEmpty()) || (w != null && !w.isEmpty());
    }

    private static synchronized void init(boolean headlessOk) {
        if (open > 0) return;
        if (!headlessOk && !hasDisplay()) {
            throw new Unavailable("cannot open a window: no display (neither DISPLAY nor WAYLAND_DISPLAY is set); "
                    + "for pictures without one use 'embedscope render'");
        }
        GLFWErrorCallback cb = glfwSetErrorCallback(null);
        if (cb != null) cb.free();
        // One line per GLFW error, not the stack trace LWJGL's printing callback adds.
        glfwSetErrorCallback(GLFWErrorCallback.create((code, description) -> {
            lastError = GLFWErrorCallback.getDescription(description);
            if (!initialising) System.err.println("embedscope: GLFW: " + org.embedscope.bundle.PrintableText.escape(lastError));
        }));
        nullPlatform = headlessOk && !hasDisplay();
        if (nullPlatform) glfwInitHint(GLFW_PLATFORM, GLFW_PLATFORM_NULL);
        else glfwInitHint(GLFW_PLATFORM, GLFW_ANY_PLATFORM);
        lastError = null;
        initialising = true;
        boolean ok;
        try {
            ok = glfwInit();
        } finally {
            initialising = false;
        }
        if (!ok) {
            String why = lastError == null ? "" : " (" + org.embedscope.bundle.PrintableText.escape(lastError) + ")";
            throw new Unavailable(nullPlatform
                    ? "cannot initialise GLFW: no display, and its null platform failed" + why
                    : headlessOk ? "cannot initialise GLFW: the display does not answer" + why + " (unset DISPLAY to draw without one)"
                    : "cannot open a window: the display does not answer" + why + "; for pictures without one use 'embedscope render'");
        }
    }

    private static void hints(boolean visible) {
        glfwDefaultWindowHints();
        glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
        glfwWindowHint(GLFW_RESIZABLE, GLFW_TRUE);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
        glfwWindowHint(GLFW_COCOA_RETINA_FRAMEBUFFER, GLFW_TRUE);
        glfwWindowHint(GLFW_OPENGL_DEBUG_CONTEXT, GLFW_TRUE);
        if (nullPlatform) glfwWindowHint(GLFW_CONTEXT_CREATION_API, GLFW_EGL_CONTEXT_API);
    }

    private static GlContext create(String title, int width, int height) {
        long w = glfwCreateWindow(width, height, title, NULL, NULL);
        if (w == NULL) {
            if (open == 0) glfwTerminate();
            throw new Unavailable("cannot create an OpenGL 3.3 core context (is a GL 3.3 driver installed? on Debian: libgl1-mesa-dri)");
        }
        open++;
        glfwMakeContextCurrent(w);
        GL.createCapabilities();
        long problems = GlDebug.problemCount();
        return new GlContext(w, null, GlDebug.install(), problems);
    }

    public long handle() { return window; }

    /** Framebuffer size in pixels: {width, height}. */
    public int[] framebufferSize() {
        if (egl != null) return egl.size();
        int[] w = new int[1], h = new int[1];
        glfwGetFramebufferSize(window, w, h);
        return new int[] {w[0], h[0]};
    }

    /** Window size in screen coordinates: {width, height}. */
    public int[] windowSize() {
        if (egl != null) return egl.size();
        int[] w = new int[1], h = new int[1];
        glfwGetWindowSize(window, w, h);
        return new int[] {w[0], h[0]};
    }

    @Override
    public void close() {
        GL.setCapabilities(null);
        if (egl != null) {
            egl.close();
            if (debugCallback != null) debugCallback.free();
            reportProblems();
            return;
        }
        glfwMakeContextCurrent(NULL);
        glfwDestroyWindow(window);
        if (debugCallback != null) debugCallback.free();
        reportProblems();
        synchronized (GlContext.class) {
            if (--open == 0) {
                glfwTerminate();
                GLFWErrorCallback cb = glfwSetErrorCallback(null);
                if (cb != null) cb.free();
            }
        }
    }

    private void reportProblems() {
        long problems = GlDebug.problemCount() - problemsAtStart;
        if (problems > 0 && !GlDebug.isLogging()) {
            System.err.println("embedscope: the OpenGL driver reported " + problems + " error(s); --gl-debug prints them");
        }
    }
}
