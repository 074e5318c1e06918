package org.embedscope.render;

/**
 * One byte of flags per item, the form in which selection, search and visibility reach the GPU: the
 * renderer uploads the bytes into one buffer that the sprite, pick and highlight shaders read as a
 * vertex attribute (and the hover shader as a uniform), and only the range that changed, only when
 * it changed ({@link #version()}).
 *
 * <p>{@link ViewState} derives the bytes from what the user chose (selection, matches, hidden
 * labels, the dimming toggles) and is the only writer. The bits reach GLSL as {@code #define}s
 * ({@link #glslDefines()}), so Java and the shaders share one definition.
 */
public final class ItemStates {
    /** In the selection: drawn on top with a highlight. */
    public static final int SELECTED = 1;
    /** Matched by the search. */
    public static final int MATCHED = 2;
    /** Neither drawn nor picked. */
    public static final int HIDDEN = 4;
    /** Drawn darker: the rest when the selection or the search is emphasised. */
    public static final int DIMMED = 8;

    private final byte[] bytes;
    private long version;
    private long hiddenVersion;
    private long dimmedVersion;
    private int dirtyFrom;
    private int dirtyTo;

    /** {@code count} items, no flags set. */
    public ItemStates(int count) {
        bytes = new byte[count];
        dirtyFrom = count;
        dirtyTo = 0;
    }

    /** The bits as GLSL {@code #define}s ("NAME VALUE"), inserted into every shader. */
    public static String[] glslDefines() {
        return new String[] {"STATE_SELECTED " + SELECTED, "STATE_MATCHED " + MATCHED, "STATE_HIDDEN " + HIDDEN,
                "STATE_DIMMED " + DIMMED};
    }

    public int count() { return bytes.length; }

    /** Item {@code item}'s flags. */
    public int get(int item) { return bytes[item] & 0xff; }

    public boolean has(int item, int flag) { return (bytes[item] & flag) != 0; }

    /** Increases whenever a byte changes. */
    public long version() { return version; }

    /** Increases whenever an item's {@link #HIDDEN} bit changes (what is drawn at all, not how). */
    public long hiddenVersion() { return hiddenVersion; }

    /** Increases whenever an item's {@link #DIMMED} bit changes (which items a search puts behind the others). */
    public long dimmedVersion() { return dimmedVersion; }

    /**
     * Sets item {@code item}'s flags; returns whether they changed. Widens the range the next upload
     * sends and bumps the version when they did.
     */
    boolean set(int item, int flags) {
        byte b = (byte) flags;
        if (bytes[item] == b) return false;
        if (((bytes[item] ^ b) & HIDDEN) != 0) hiddenVersion++;
        if (((bytes[item] ^ b) & DIMMED) != 0) dimmedVersion++;
        bytes[item] = b;
        if (item < dirtyFrom) dirtyFrom = item;
        if (item + 1 > dirtyTo) dirtyTo = item + 1;
        version++;
        return true;
    }

    /** The bytes; read them, do not modify them. */
    public byte[] bytes() { return bytes; }

    /** First item changed since {@link #markUploaded()}; {@code count()} when none. */
    public int dirtyFrom() { return dirtyFrom; }

    /** One past the last item changed since {@link #markUploaded()}; 0 when none. */
    public int dirtyTo() { return dirtyTo; }

    /** The uploader has sent the dirty range. */
    public void markUploaded() {
        dirtyFrom = bytes.length;
        dirtyTo = 0;
    }
}
