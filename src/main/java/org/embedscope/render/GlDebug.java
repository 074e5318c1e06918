package org.embedscope.render;

import static org.lwjgl.opengl.GL11C.GL_DONT_CARE;
import static org.lwjgl.opengl.GL11C.glEnable;
import static org.lwjgl.opengl.KHRDebug.*;

import java.util.ArrayList;
import java.util.List;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GLCapabilities;
import org.lwjgl.opengl.GLDebugMessageCallback;

/**
 * The GL's own reports (KHR_debug) on every context this process makes: errors and high-severity
 * messages are counted and kept for {@link #drain()}; with {@link #setLogging} every message is also
 * printed to stderr. Messages are delivered synchronously, on the thread whose call caused them.
 *
 * <p>Process-wide, as GLFW is: contexts live on more than one thread (the window's loop, tests).
 */
public final class GlDebug {
    /** Problems kept for {@link #drain()}; past this, only counted. */
    private static final int KEEP = 50;

    private static volatile boolean logging;
    private static final List<String> problems = new ArrayList<>();
    private static long problemCount, contextsWithout, undrained;

    private GlDebug() {}

    /** Prints every message the GL reports to stderr (as {@code --gl-debug}). */
    public static void setLogging(boolean on) { logging = on; }

    public static boolean isLogging() { return logging; }

    /**
     * Installs the message callback on the current context. Returns it (to be freed after the
     * context is destroyed), or null when the context offers no KHR_debug.
     */
    static GLDebugMessageCallback install() {
        GLCapabilities caps = GL.getCapabilities();
        if (!caps.GL_KHR_debug && !caps.OpenGL43) {
            synchronized (GlDebug.class) {
                contextsWithout++;
            }
            if (logging) System.err.println("embedscope: this OpenGL driver offers no debug output (KHR_debug)");
            return null;
        }
        GLDebugMessageCallback cb = GLDebugMessageCallback.create((source, type, id, severity, length, message, user) ->
                report(source, type, id, severity, GLDebugMessageCallback.getMessage(length, message)));
        glDebugMessageCallback(cb, 0);
        glEnable(GL_DEBUG_OUTPUT);
        glEnable(GL_DEBUG_OUTPUT_SYNCHRONOUS);
        // Notifications (shader compiler chatter and the like) are neither counted nor worth a call.
        if (!logging) glDebugMessageControl(GL_DONT_CARE, GL_DONT_CARE, GL_DEBUG_SEVERITY_NOTIFICATION, (int[]) null, false);
        return cb;
    }

    private static void report(int source, int type, int id, int severity, String message) {
        String line = "GL " + typeName(type) + " (" + severityName(severity) + ", " + sourceName(source) + ", id " + id + "): " + message.strip();
        if (logging) System.err.println(line);
        if (type == GL_DEBUG_TYPE_ERROR || severity == GL_DEBUG_SEVERITY_HIGH) {
            synchronized (GlDebug.class) {
                problemCount++;
                undrained++;
                if (problems.size() < KEEP) problems.add(line);
            }
        }
    }

    /** Errors and high-severity messages reported since the process started. */
    public static synchronized long problemCount() { return problemCount; }

    /** Contexts made without debug output (their errors cannot be counted). */
    public static synchronized long contextsWithoutDebugOutput() { return contextsWithout; }

    /** The problems reported since the last call, oldest first (past 50, a line counting the rest), and forgets them. */
    public static synchronized List<String> drain() {
        List<String> out = new ArrayList<>(problems);
        if (undrained > problems.size()) out.add("… and " + (undrained - problems.size()) + " more");
        problems.clear();
        undrained = 0;
        return out;
    }

    private static String typeName(int type) {
        return switch (type) {
            case GL_DEBUG_TYPE_ERROR -> "error";
            case GL_DEBUG_TYPE_DEPRECATED_BEHAVIOR -> "deprecated behaviour";
            case GL_DEBUG_TYPE_UNDEFINED_BEHAVIOR -> "undefined behaviour";
            case GL_DEBUG_TYPE_PORTABILITY -> "portability";
            case GL_DEBUG_TYPE_PERFORMANCE -> "performance";
            case GL_DEBUG_TYPE_MARKER -> "marker";
            default -> "message";
        };
    }

    private static String severityName(int severity) {
        return switch (severity) {
            case GL_DEBUG_SEVERITY_HIGH -> "high";
            case GL_DEBUG_SEVERITY_MEDIUM -> "medium";
            case GL_DEBUG_SEVERITY_LOW -> "low";
            default -> "notification";
        };
    }

    private static String sourceName(int source) {
        return switch (source) {
            case GL_DEBUG_SOURCE_API -> "api";
            case GL_DEBUG_SOURCE_WINDOW_SYSTEM -> "window system";
            case GL_DEBUG_SOURCE_SHADER_COMPILER -> "shader compiler";
            case GL_DEBUG_SOURCE_THIRD_PARTY -> "third party";
            case GL_DEBUG_SOURCE_APPLICATION -> "application";
            default -> "other";
        };
    }
}
