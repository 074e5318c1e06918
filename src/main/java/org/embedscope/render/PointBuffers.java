package org.embedscope.render;

import static org.lwjgl.opengl.GL11.*;
import static org.lwjgl.opengl.GL15.*;
import static org.lwjgl.opengl.GL20.*;
import static org.lwjgl.opengl.GL30.*;
import static org.lwjgl.opengl.GL31.*;

import java.nio.ByteBuffer;
import org.lwjgl.system.MemoryUtil;

/**
 * Per-item vertex data, in one vertex array indexed by item: a buffer of normalised positions per
 * layout, and one each of colouring categories, atlas cell numbers, {@link ItemStates} flags and
 * colouring numbers. The array binds three layout buffers to attributes 0–2 (the transition's
 * slots), the categories to 3, the cells to 4, the flags to 5, the numbers to 6 and, where the atlas
 * does not stream, the items' places in it to 7 ({@link CellPlaces}); switching layouts
 * rebinds attributes, never re-uploads. Positions and cells are uploaded once; the categories or the
 * numbers when the colouring changes ({@link #setColouring}); the flags, one byte per item, again only
 * where they changed. The flags, categories and numbers are also seen as buffer textures (the same
 * buffers), for the pass that recolours a recorded scene per pixel ({@link SceneRecolourPass}).
 */
public final class PointBuffers implements AutoCloseable {
    public static final int CATEGORY_ATTRIBUTE = 3;
    public static final int CELL_ATTRIBUTE = 4;
    public static final int STATE_ATTRIBUTE = 5;
    public static final int VALUE_ATTRIBUTE = 6;
    /** Where each item is drawn from in the atlas ({@link CellPlaces}), when {@link #setPlaces} was called. */
    public static final int PLACE_ATTRIBUTE = 7;

    private final int vao;
    private final int[] positionBuffers;
    private final int categoryBuffer;
    private final int valueBuffer;
    private final int cellBuffer;
    private final int stateBuffer;
    private int placeBuffer;
    private final int count;
    /** Buffer textures over the flags, categories and numbers; 0 where the GL's limit is below the item count. */
    private final int stateTexture, categoryTexture, valueTexture;
    private final int[] bound = {-1, -1, -1};
    private long uploadedStates = -1;

    /**
     * @param layouts per layout, interleaved normalised x, y of every item
     * @param labels  per item, its label index (all zeros without labels): the first colouring
     * @param cells   per item, the number of its atlas cell (see {@code atlas.glsl})
     */
    public PointBuffers(float[][] layouts, int[] labels, int[] cells) {
        count = labels.length;
        vao = glGenVertexArrays();
        glBindVertexArray(vao);
        positionBuffers = new int[layouts.length];
        for (int l = 0; l < layouts.length; l++) {
            positionBuffers[l] = glGenBuffers();
            glBindBuffer(GL_ARRAY_BUFFER, positionBuffers[l]);
            glBufferData(GL_ARRAY_BUFFER, layouts[l], GL_STATIC_DRAW);
        }
        categoryBuffer = intAttribute(CATEGORY_ATTRIBUTE, labels);
        valueBuffer = glGenBuffers();
        glBindBuffer(GL_ARRAY_BUFFER, valueBuffer);
        glBufferData(GL_ARRAY_BUFFER, new float[Math.max(1, count)], GL_DYNAMIC_DRAW);
        glEnableVertexAttribArray(VALUE_ATTRIBUTE);
        glVertexAttribPointer(VALUE_ATTRIBUTE, 1, GL_FLOAT, false, 0, 0L);
        cellBuffer = intAttribute(CELL_ATTRIBUTE, cells);
        stateBuffer = glGenBuffers();
        glBindBuffer(GL_ARRAY_BUFFER, stateBuffer);
        ByteBuffer zeros = MemoryUtil.memCalloc(Math.max(1, count)); // no flags: what ItemStates starts with
        try {
            glBufferData(GL_ARRAY_BUFFER, zeros, GL_DYNAMIC_DRAW);
        } finally {
            MemoryUtil.memFree(zeros);
        }
        glEnableVertexAttribArray(STATE_ATTRIBUTE);
        glVertexAttribIPointer(STATE_ATTRIBUTE, 1, GL_UNSIGNED_BYTE, 0, 0L);
        for (int s = 0; s < 3; s++) glEnableVertexAttribArray(s);
        bindSlots(0, 0, 0);
        glBindVertexArray(0);
        glBindBuffer(GL_ARRAY_BUFFER, 0);
        boolean fits = count <= glGetInteger(GL_MAX_TEXTURE_BUFFER_SIZE);
        stateTexture = fits ? bufferTexture(GL_R8UI, stateBuffer) : 0;
        categoryTexture = fits ? bufferTexture(GL_R32I, categoryBuffer) : 0;
        valueTexture = fits ? bufferTexture(GL_R32F, valueBuffer) : 0;
    }

    private static int bufferTexture(int format, int buffer) {
        int t = glGenTextures();
        glBindTexture(GL_TEXTURE_BUFFER, t);
        glTexBuffer(GL_TEXTURE_BUFFER, format, buffer);
        glBindTexture(GL_TEXTURE_BUFFER, 0);
        return t;
    }

    /** True when the per-item data can be read as buffer textures (the GL's limit holds every item). */
    public boolean hasTextures() { return stateTexture != 0; }

    /** The flags as a buffer texture (R8UI), the categories (R32I), the numbers (R32F). */
    int stateTexture() { return stateTexture; }

    int categoryTexture() { return categoryTexture; }

    int valueTexture() { return valueTexture; }

    private static int intAttribute(int location, int[] values) {
        int buffer = glGenBuffers();
        glBindBuffer(GL_ARRAY_BUFFER, buffer);
        glBufferData(GL_ARRAY_BUFFER, values, GL_DYNAMIC_DRAW);
        glEnableVertexAttribArray(location);
        glVertexAttribIPointer(location, 1, GL_INT, 0, 0L);
        return buffer;
    }

    public int count() { return count; }

    /** Binds layouts {@code a}, {@code b}, {@code c} to position attributes 0, 1, 2 (only those that changed); leaves the array bound. */
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

    /** Sends the flags that changed since the last call (nothing when none did). */
    public void upload(ItemStates states) {
        if (states.version() == uploadedStates) return;
        int from = states.dirtyFrom(), to = states.dirtyTo();
        if (to > from) {
            ByteBuffer buf = MemoryUtil.memAlloc(to - from);
            try {
                buf.put(states.bytes(), from, to - from).flip();
                glBindBuffer(GL_ARRAY_BUFFER, stateBuffer);
                glBufferSubData(GL_ARRAY_BUFFER, from, buf);
                glBindBuffer(GL_ARRAY_BUFFER, 0);
            } finally {
                MemoryUtil.memFree(buf);
            }
        }
        states.markUploaded();
        uploadedStates = states.version();
    }

    /** Sends the items' places in the atlas ({@link CellPlaces}: two ints per item) to attribute {@link #PLACE_ATTRIBUTE}: every item's the first time, then those of the items [fromItem, toItem). */
    void setPlaces(int[] packed, int fromItem, int toItem) {
        if (placeBuffer == 0) {
            placeBuffer = glGenBuffers();
            glBindBuffer(GL_ARRAY_BUFFER, placeBuffer);
            glBufferData(GL_ARRAY_BUFFER, packed, GL_DYNAMIC_DRAW);
            glBindVertexArray(vao);
            glEnableVertexAttribArray(PLACE_ATTRIBUTE);
            glVertexAttribIPointer(PLACE_ATTRIBUTE, 2, GL_INT, 0, 0L);
            glBindVertexArray(0);
        } else if (toItem > fromItem) {
            // Only the items whose places changed (a streamed page's): two ints each.
            glBindBuffer(GL_ARRAY_BUFFER, placeBuffer);
            java.nio.IntBuffer part = java.nio.IntBuffer.wrap(packed, 2 * fromItem, 2 * (toItem - fromItem)).slice();
            java.nio.IntBuffer direct = org.lwjgl.system.MemoryUtil.memAllocInt(part.remaining());
            try {
                direct.put(part).flip();
                glBufferSubData(GL_ARRAY_BUFFER, 8L * fromItem, direct);
            } finally {
                org.lwjgl.system.MemoryUtil.memFree(direct);
            }
        }
        glBindBuffer(GL_ARRAY_BUFFER, 0);
    }

    /** Sends the colouring's per-item data: its categories, or its numbers. */
    public void setColouring(ColourBy c) {
        glBindBuffer(GL_ARRAY_BUFFER, c.isCategories() ? categoryBuffer : valueBuffer);
        if (c.isCategories()) glBufferSubData(GL_ARRAY_BUFFER, 0, c.codes());
        else glBufferSubData(GL_ARRAY_BUFFER, 0, c.values());
        glBindBuffer(GL_ARRAY_BUFFER, 0);
    }

    public void bind() { glBindVertexArray(vao); }

    @Override
    public void close() {
        glDeleteVertexArrays(vao);
        for (int b : positionBuffers) glDeleteBuffers(b);
        glDeleteBuffers(categoryBuffer);
        glDeleteBuffers(valueBuffer);
        glDeleteBuffers(cellBuffer);
        glDeleteBuffers(stateBuffer);
        if (placeBuffer != 0) glDeleteBuffers(placeBuffer);
        if (stateTexture != 0) glDeleteTextures(new int[] {stateTexture, categoryTexture, valueTexture});
    }
}
