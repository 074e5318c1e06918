package org.embedscope.render;

import static org.lwjgl.opengl.GL20.*;
import static org.lwjgl.opengl.GL32.GL_GEOMETRY_SHADER;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.embedscope.Home;

/**
 * A linked GLSL program built from files in {@code shaders/}: read from the top-level folder when
 * running from a checkout (so edits show without a rebuild), else from the jar. Variants are made
 * by inserting {@code #define} lines after {@code #version}. A line {@code #include "FILE"} is
 * replaced by that file's text (GLSL has no includes), so code several shaders share (the alpha
 * formula, the atlas cell of an item, the item-state bits) is written once. Uniform locations are
 * cached.
 */
public final class ShaderProgram implements AutoCloseable {
    private static final Pattern INCLUDE = Pattern.compile("(?m)^\\s*#include\\s+\"([A-Za-z0-9_.-]+)\"\\s*$");
    /** Constants every shader sees, defined in Java: the item-state bits, the most atlas levels. */
    private static final String[] COMMON_DEFINES = java.util.stream.Stream.concat(java.util.Arrays.stream(ItemStates.glslDefines()),
            java.util.stream.Stream.of("ATLAS_MAX_LEVELS " + AtlasTextures.MAX_LEVELS)).toArray(String[]::new);

    private final int program;
    private final Map<String, Integer> uniforms = new HashMap<>();

    public ShaderProgram(String vertexFile, String fragmentFile, String... defines) {
        this(vertexFile, null, fragmentFile, defines);
    }

    private ShaderProgram(String vertexFile, String geometryFile, String fragmentFile, String[] defines) {
        int vs = compile(GL_VERTEX_SHADER, vertexFile, defines);
        int gs;
        try {
            gs = geometryFile == null ? 0 : compile(GL_GEOMETRY_SHADER, geometryFile, defines);
        } catch (RuntimeException e) {
            glDeleteShader(vs);
            throw e;
        }
        int fs;
        try {
            fs = compile(GL_FRAGMENT_SHADER, fragmentFile, defines);
        } catch (RuntimeException e) {
            glDeleteShader(vs);
            if (gs != 0) glDeleteShader(gs);
            throw e;
        }
        program = glCreateProgram();
        glAttachShader(program, vs);
        if (gs != 0) glAttachShader(program, gs);
        glAttachShader(program, fs);
        glLinkProgram(program);
        glDeleteShader(vs);
        if (gs != 0) glDeleteShader(gs);
        glDeleteShader(fs);
        if (glGetProgrami(program, GL_LINK_STATUS) == 0) {
            String log = glGetProgramInfoLog(program);
            glDeleteProgram(program);
            throw new IllegalStateException("linking " + vertexFile + (geometryFile != null ? " + " + geometryFile : "") + " + "
                    + fragmentFile + " failed: " + log);
        }
    }

    /** A program with a geometry shader between the vertex and fragment shaders (GL 3.2 and later). */
    public static ShaderProgram withGeometry(String vertexFile, String geometryFile, String fragmentFile, String... defines) {
        return new ShaderProgram(vertexFile, geometryFile, fragmentFile, defines);
    }

    /**
     * The text of {@code shaders/NAME}: from the installation's {@code shaders/} folder when there
     * is one ({@code embedscope.home}, else the working folder), else from the jar.
     */
    public static String source(String name) {
        Path file = Home.resolve("shaders").resolve(name);
        try {
            if (Files.isRegularFile(file)) return Files.readString(file);
            try (InputStream in = ShaderProgram.class.getResourceAsStream("/shaders/" + name)) {
                if (in == null) throw new IllegalStateException("shader " + name + " is missing from shaders/ and from the jar");
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read shader " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code name}'s text with its {@code #include "FILE"} lines replaced by the files' text. Source
     * string numbers in {@code #line} directives tell compiler messages which file a line is in:
     * 0 for {@code name}, 1, 2, … for the included files in order of inclusion.
     */
    static String expandIncludes(String name, String src) {
        StringBuilder out = new StringBuilder();
        List<String> included = new ArrayList<>();
        String[] lines = src.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = INCLUDE.matcher(lines[i]);
            if (!m.matches()) {
                out.append(lines[i]);
                if (i < lines.length - 1) out.append('\n');
                continue;
            }
            String file = m.group(1);
            if (file.equals(name) || included.contains(file)) {
                throw new IllegalStateException("shaders/" + name + " line " + (i + 1) + ": " + file + " is included twice");
            }
            included.add(file);
            String body = source(file);
            if (INCLUDE.matcher(body).find()) {
                throw new IllegalStateException("shaders/" + file + ": an included file cannot include others");
            }
            out.append("#line 1 ").append(included.size()).append('\n').append(body);
            if (!body.endsWith("\n")) out.append('\n');
            out.append("#line ").append(i + 2).append(" 0\n");
        }
        return out.toString();
    }

    private static int compile(int type, String name, String[] defines) {
        String text = expandIncludes(name, source(name));
        int eol = text.indexOf('\n');
        StringBuilder src = new StringBuilder(text.substring(0, eol + 1));
        for (String d : COMMON_DEFINES) src.append("#define ").append(d).append('\n');
        for (String d : defines) src.append("#define ").append(d).append('\n');
        // Keep line numbers in compiler messages matching the file.
        src.append("#line 2\n").append(text.substring(eol + 1));
        int shader = glCreateShader(type);
        glShaderSource(shader, src);
        glCompileShader(shader);
        if (glGetShaderi(shader, GL_COMPILE_STATUS) == 0) {
            String log = glGetShaderInfoLog(shader);
            glDeleteShader(shader);
            throw new IllegalStateException("compiling shaders/" + name + " failed: " + log);
        }
        return shader;
    }

    public void use() { glUseProgram(program); }

    public int location(String name) {
        return uniforms.computeIfAbsent(name, n -> glGetUniformLocation(program, n));
    }

    public void set(String name, int v) { glUniform1i(location(name), v); }

    public void set(String name, float v) { glUniform1f(location(name), v); }

    public void set(String name, float x, float y) { glUniform2f(location(name), x, y); }

    public void set(String name, float x, float y, float z) { glUniform3f(location(name), x, y, z); }

    public void set(String name, float x, float y, float z, float w) { glUniform4f(location(name), x, y, z, w); }

    /** A vec3 uniform from a packed 0xRRGGBB colour. */
    public void setRgb(String name, int rgb) {
        float[] c = PackedColor.rgb(rgb);
        set(name, c[0], c[1], c[2]);
    }

    /** A vec4 uniform from a packed 0xRRGGBB colour and an alpha. */
    public void setRgba(String name, int rgb, float alpha) {
        float[] c = PackedColor.rgb(rgb);
        set(name, c[0], c[1], c[2], alpha);
    }

    public void setInts(String name, int x, int y, int z) { glUniform3i(location(name), x, y, z); }

    /** An int array uniform, from its first element. */
    public void setInts(String name, int[] values) { glUniform1iv(location(name), values); }

    /** A float array uniform, from its first element. */
    public void setFloats(String name, float[] values) { glUniform1fv(location(name), values); }

    public void setMatrix(String name, float[] columnMajor4x4) { glUniformMatrix4fv(location(name), false, columnMajor4x4); }

    @Override
    public void close() { glDeleteProgram(program); }
}
