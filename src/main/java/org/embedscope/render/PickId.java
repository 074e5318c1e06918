package org.embedscope.render;

/**
 * How item ids travel through the integer picking target: the fragment shader writes
 * {@code id + 1}, and the cleared value 0 means "no item" (background or discarded texels).
 */
public final class PickId {
    private PickId() {}

    /** Value cleared into the picking target: nothing under the cursor. */
    public static final int NONE = 0;

    /** The value written for item {@code id}. */
    public static int encode(int id) {
        if (id < 0 || id == Integer.MAX_VALUE) throw new IllegalArgumentException("item id out of range: " + id);
        return id + 1;
    }

    /** The item id read back, or -1 for none. */
    public static int decode(int value) {
        return value <= NONE ? -1 : value - 1;
    }
}
