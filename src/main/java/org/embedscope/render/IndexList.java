package org.embedscope.render;

import static org.lwjgl.opengl.GL11.*;
import static org.lwjgl.opengl.GL15.*;

import java.nio.IntBuffer;
import org.lwjgl.system.MemoryUtil;

/**
 * A list of item indices on the GPU, for drawing a subset of the items (the selection, later
 * streamed chunks) from the same per-item buffers with {@code glDrawElements}. Re-uploaded only
 * when its owner says the list changed.
 */
public final class IndexList implements AutoCloseable {
    private final int buffer = glGenBuffers();
    private int count;
    private int capacity;
    private long version = -1;

    /** Items in the list. */
    public int count() { return count; }

    /** The version of the list last uploaded; -1 before the first. */
    public long version() { return version; }

    /** Replaces the list with {@code items} (indices into the per-item buffers), tagged {@code version}. */
    public void upload(int[] items, long version) {
        count = items.length;
        this.version = version;
        if (count == 0) return;
        IntBuffer buf = MemoryUtil.memAllocInt(count);
        try {
            buf.put(items).flip();
            // Uploaded through the array-buffer target: binding an element buffer needs a vertex array.
            glBindBuffer(GL_ARRAY_BUFFER, buffer);
            if (count > capacity) {
                glBufferData(GL_ARRAY_BUFFER, buf, GL_DYNAMIC_DRAW);
                capacity = count;
            } else {
                glBufferSubData(GL_ARRAY_BUFFER, 0, buf);
            }
            glBindBuffer(GL_ARRAY_BUFFER, 0);
        } finally {
            MemoryUtil.memFree(buf);
        }
    }

    /** Draws the listed items as points with the bound program; the per-item vertex array must be bound. */
    public void drawPoints() {
        if (count == 0) return;
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, buffer);
        glDrawElements(GL_POINTS, count, GL_UNSIGNED_INT, 0L);
    }

    /** Draws entries {@code first} to {@code first + n - 1} as points with the bound program. */
    public void drawPoints(int first, int n) {
        if (n <= 0) return;
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, buffer);
        glDrawElements(GL_POINTS, n, GL_UNSIGNED_INT, 4L * first);
    }

    /**
     * Draws pairs {@code firstPair} to {@code firstPair + pairs - 1} of the list (entries 2p and 2p + 1)
     * as lines ({@code GL_LINES}) with the bound program; the per-item vertex array must be bound.
     */
    public void drawLines(int firstPair, int pairs) {
        if (pairs <= 0) return;
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, buffer);
        glDrawElements(GL_LINES, 2 * pairs, GL_UNSIGNED_INT, 8L * firstPair);
    }

    @Override
    public void close() { glDeleteBuffers(buffer); }
}
