package org.embedscope.render;

import static org.lwjgl.opengl.GL15.*;
import static org.lwjgl.opengl.GL20.*;
import static org.lwjgl.opengl.GL30.*;

/**
 * Per-item vertex data, uploaded once: one buffer of normalised positions per layout and one of
 * label indices. A vertex array binds three layout buffers to attributes 0–2 (the transition's
 * slots) and the labels to attribute 3; switching layouts rebinds attributes, never re-uploads.
 */
public final class PointBuffers implements AutoCloseable {
    private final int vao;
    private final int[] positionBuffers;
    private final int labelBuffer;
    private final int count;
    private final int[] bound = {-1, -1, -1};

    /**
     * @param layouts per layout, interleaved normalised x, y of every item
     * @param labels  per item, its label index (all zeros without labels)
     */
    public PointBuffers(float[][] layouts, int[] labels) {
        count = labels.length;
        vao = glGenVertexArrays();
        glBindVertexArray(vao);
        positionBuffers = new int[layouts.length];
        for (int l = 0; l < layouts.length; l++) {
            positionBuffers[l] = glGenBuffers();
            glBindBuffer(GL_ARRAY_BUFFER, positionBuffers[l]);
            glBufferData(GL_ARRAY_BUFFER, layouts[l], GL_STATIC_DRAW);
        }
        labelBuffer = glGenBuffers();
        glBindBuffer(GL_ARRAY_BUFFER, labelBuffer);
        glBufferData(GL_ARRAY_BUFFER, labels, GL_STATIC_DRAW);
        glEnableVertexAttribArray(3);
        glVertexAttribIPointer(3, 1, GL_INT, 0, 0L);
        for (int s = 0; s < 3; s++) glEnableVertexAttribArray(s);
        bindSlots(0, 0, 0);
        glBindVertexArray(0);
        glBindBuffer(GL_ARRAY_BUFFER, 0);
    }

    public int count() { return count; }

    /** Binds layouts {@code a}, {@code b}, {@code c} to position attributes 0, 1, 2 (only those that changed). */
    public void bindSlots(int a, int b, int c) {
        int[] want = {a, b, c};
        glBindVertexArray(vao);
        for (int s = 0; s < 3; s++) {
            if (bound[s] == want[s]) continue;
            glBindBuffer(GL_ARRAY_BUFFER, positionBuffers[want[s]]);
            glVertexAttribPointer(s, 2, GL_FLOAT, false, 0, 0L);
            bound[s] = want[s];
        }
        glBindBuffer(GL_ARRAY_BUFFER, 0);
    }

    public void bind() { glBindVertexArray(vao); }

    @Override
    public void close() {
        glDeleteVertexArrays(vao);
        for (int b : positionBuffers) glDeleteBuffers(b);
        glDeleteBuffers(labelBuffer);
    }
}
