package org.embedscope.render;

import static org.lwjgl.opengl.GL20.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.embedscope.Home;

/**
 * A linked GLSL program built from files in {@code shaders/}: read from the top-level folder when
 * running from a checkout (so edits show without a rebuild), else from the jar. Variants are made
 * by inserting {@code #define} lines after {@code #version}. Uniform locations are cached.
 */
public final class ShaderProgram implements AutoCloseable {
    private final int program;
    private final Map<String, Integer> uniforms = new HashMap<>();

    public ShaderProgram(String vertexFile, String fragmentFile, String... defines) {
        int vs = compile(GL_VERTEX_SHADER, vertexFile, defines);
        int fs = compile(GL_FRAGMENT_SHADER, fragmentFile, defines);
        program = glCreateProgram();
        glAttachShader(program, vs);
        glAttachShader(program, fs);
        glLinkProgram(program);
        glDeleteShader(vs);
        glDeleteShader(fs);
        if (glGetProgrami(program, GL_LINK_STATUS) == 0) {
            String log = glGetProgramInfoLog(program);
            glDeleteProgram(program);
            throw new IllegalStateException("linking " + vertexFile + " + " + fragmentFile + " failed: " + log);
        }
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

    private static int compile(int type, String name, String[] defines) {
        String src = source(name);
        if (defines.length > 0) {
            int eol = src.indexOf('\n');
            StringBuilder sb = new StringBuilder(src.substring(0, eol + 1));
            for (String d : defines) sb.append("#define ").append(d).append('\n');
            // Keep line numbers in compiler messages matching the file.
            sb.append("#line 2\n").append(src.substring(eol + 1));
            src = sb.toString();
        }
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

    public void setInts(String name, int x, int y, int z) { glUniform3i(location(name), x, y, z); }

    public void setMatrix(String name, float[] columnMajor4x4) { glUniformMatrix4fv(location(name), false, columnMajor4x4); }

    @Override
    public void close() { glDeleteProgram(program); }
}
