package org.embedscope.render;

import static org.lwjgl.egl.EGL10.*;
import static org.lwjgl.egl.EGL12.EGL_RENDERABLE_TYPE;
import static org.lwjgl.egl.EGL12.eglBindAPI;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_API;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_BIT;
import static org.lwjgl.egl.EGL15.*;
import static org.lwjgl.egl.EXTDeviceEnumeration.eglQueryDevicesEXT;
import static org.lwjgl.egl.EXTPlatformBase.eglGetPlatformDisplayEXT;
import static org.lwjgl.egl.EXTPlatformDevice.EGL_PLATFORM_DEVICE_EXT;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import org.lwjgl.PointerBuffer;
import org.lwjgl.egl.EGL;
import org.lwjgl.egl.EXTDeviceQuery;
import org.lwjgl.opengl.GL;
import org.lwjgl.system.Configuration;
import org.lwjgl.system.FunctionProvider;
import org.lwjgl.system.JNI;
import org.lwjgl.system.Library;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.system.SharedLibrary;

/**
 * An OpenGL 3.3 core context made with EGL alone, for drawing into framebuffers with no display: on a
 * GPU's own EGL device where there is one (a machine with an NVIDIA card and no X server, where GLFW's
 * null platform finds no surface to draw on), else on a software device (Mesa's llvmpipe), else on
 * Mesa's surfaceless or the default display: the first of them that gives a context ({@link #displays}).
 * It needs none of X's libraries: GL's functions come from EGL and glvnd's {@code libOpenGL}.
 *
 * <p>Lifecycle: {@link #create} makes the display, a small pbuffer and the context, and makes it current
 * on the calling thread; {@link #close} releases and destroys them.
 */
final class EglHeadless implements AutoCloseable {
    private static final int EGL_PLATFORM_SURFACELESS_MESA = 0x31DD, MAX_DEVICES = 16;
    private static boolean glLoaded;

    private final long display, surface, context;
    private final int width, height;

    private EglHeadless(long display, long surface, long context, int width, int height) {
        this.display = display;
        this.surface = surface;
        this.context = context;
        this.width = width;
        this.height = height;
    }

    /** The pbuffer's size in pixels, {width, height} (the context draws into framebuffers of its own). */
    int[] size() { return new int[] {width, height}; }

    /** @throws GlContext.Unavailable with one line saying which step failed */
    static EglHeadless create(int width, int height) {
        try {
            // LWJGL loads libEGL when its EGL class is first used.
            EGL.getCapabilities();
        } catch (Throwable e) {
            throw new GlContext.Unavailable("cannot load EGL (libEGL.so.1) to draw without a display; on Debian: libegl1 libegl-mesa0");
        }
        GlContext.Unavailable first = null;
        for (long display : displays()) {
            try {
                return on(display, width, height);
            } catch (GlContext.Unavailable e) {
                // A device that cannot draw OpenGL (a display-only DRM device, say): the next one may.
                if (first == null) first = e;
            }
        }
        throw first != null ? first : failed("eglGetDisplay");
    }

    /** A context on {@code display}, made current. */
    private static EglHeadless on(long display, int width, int height) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer major = stack.mallocInt(1), minor = stack.mallocInt(1);
            if (!eglInitialize(display, major, minor)) throw failed("eglInitialize");
            if (!eglBindAPI(EGL_OPENGL_API)) throw failed("eglBindAPI(OpenGL)");
            IntBuffer configAttribs = stack.ints(
                    EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
                    EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_ALPHA_SIZE, 8, EGL_NONE);
            PointerBuffer configs = stack.mallocPointer(1);
            IntBuffer count = stack.mallocInt(1);
            if (!eglChooseConfig(display, configAttribs, configs, count) || count.get(0) == 0) {
                throw failed("eglChooseConfig (an RGBA8 pbuffer config for OpenGL)");
            }
            long config = configs.get(0);
            long surface = eglCreatePbufferSurface(display, config, stack.ints(EGL_WIDTH, width, EGL_HEIGHT, height, EGL_NONE));
            if (surface == EGL_NO_SURFACE) throw failed("eglCreatePbufferSurface");
            IntBuffer contextAttribs = stack.ints(
                    EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                    EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                    EGL_CONTEXT_OPENGL_FORWARD_COMPATIBLE, EGL_TRUE, EGL_CONTEXT_OPENGL_DEBUG, EGL_TRUE, EGL_NONE);
            long context = eglCreateContext(display, config, EGL_NO_CONTEXT, contextAttribs);
            if (context == EGL_NO_CONTEXT) {
                eglDestroySurface(display, surface);
                throw failed("eglCreateContext (OpenGL 3.3 core)");
            }
            if (!eglMakeCurrent(display, surface, surface, context)) {
                eglDestroyContext(display, context);
                eglDestroySurface(display, surface);
                throw failed("eglMakeCurrent");
            }
            try {
                loadGl();
                GL.createCapabilities();
            } catch (RuntimeException e) {
                eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
                eglDestroyContext(display, context);
                eglDestroySurface(display, surface);
                throw new GlContext.Unavailable("cannot draw without a display: EGL's context has no OpenGL 3.3 functions ("
                        + org.embedscope.bundle.PrintableText.escape(String.valueOf(e.getMessage())) + ")");
            }
            return new EglHeadless(display, surface, context, width, height);
        }
    }

    /**
     * The displays to try, in order: each GPU's device EGL lists, then its software devices (Mesa's
     * llvmpipe), then Mesa's surfaceless display, then the default one.
     */
    private static long[] displays() {
        // LWJGL's client capabilities leave the extension flags unset: the client extension string says.
        String client = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
        client = client == null ? "" : client;
        long[] found = new long[MAX_DEVICES + 2];
        int count = 0;
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer noAttribs = stack.ints(EGL_NONE);
            if (client.contains("EGL_EXT_device_enumeration") && client.contains("EGL_EXT_platform_device")) {
                PointerBuffer devices = stack.mallocPointer(MAX_DEVICES);
                IntBuffer n = stack.mallocInt(1);
                if (eglQueryDevicesEXT(devices, n)) {
                    for (int software = 0; software < 2; software++) {
                        for (int i = 0; i < n.get(0); i++) {
                            String ext = client.contains("EGL_EXT_device_query")
                                    ? EXTDeviceQuery.eglQueryDeviceStringEXT(devices.get(i), EGL_EXTENSIONS) : null;
                            boolean isSoftware = ext != null && ext.contains("EGL_MESA_device_software");
                            if (isSoftware != (software == 1)) continue;
                            long display = eglGetPlatformDisplayEXT(EGL_PLATFORM_DEVICE_EXT, devices.get(i), noAttribs);
                            if (display != EGL_NO_DISPLAY) found[count++] = display;
                        }
                    }
                }
            }
            long getPlatformDisplay = EGL.getCapabilities().eglGetPlatformDisplayEXT;
            if (client.contains("EGL_MESA_platform_surfaceless") && getPlatformDisplay != 0L) {
                // Called directly: LWJGL's wrapper refuses the null native display this platform takes.
                long display = JNI.callPPP(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, MemoryUtil.memAddress(noAttribs), getPlatformDisplay);
                if (display != EGL_NO_DISPLAY) found[count++] = display;
            }
            long display = eglGetDisplay(EGL_DEFAULT_DISPLAY);
            if (display != EGL_NO_DISPLAY) found[count++] = display;
        }
        return java.util.Arrays.copyOf(found, count);
    }

    /**
     * Points LWJGL's GL at EGL's functions once per process: its default loader opens libGL (GLX), which
     * a machine without X may not have, or have without libX11.
     */
    private static synchronized void loadGl() {
        if (glLoaded) return;
        // Before GL's class first loads, so that it does not open libGL (GLX) at all.
        Configuration.OPENGL_EXPLICIT_INIT.set(true);
        SharedLibrary openGl;
        try {
            openGl = Library.loadNative(GL.class, "org.lwjgl.opengl", "libOpenGL.so.0");
        } catch (Throwable e) {
            openGl = null;
        }
        SharedLibrary library = openGl;
        try {
            GL.destroy();
        } catch (Throwable ignored) {
            // Nothing was loaded yet.
        }
        GL.create(new FunctionProvider() {
            @Override
            public long getFunctionAddress(ByteBuffer name) {
                long address = eglGetProcAddress(name);
                return address != 0L || library == null ? address : library.getFunctionAddress(name);
            }
        });
        glLoaded = true;
    }

    private static GlContext.Unavailable failed(String step) {
        return new GlContext.Unavailable("cannot draw without a display: EGL's " + step + " failed (error 0x"
                + Integer.toHexString(eglGetError()) + ")");
    }

    @Override
    public void close() {
        eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        eglDestroyContext(display, context);
        eglDestroySurface(display, surface);
    }
}
