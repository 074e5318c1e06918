package org.embedscope.layout;

/**
 * The rows a layout engine reads, handed over so that the engine can let them go once it no longer
 * needs them: {@code prepare}'s pixels of a million digits are 3.3 GB, which the later stages of an
 * engine (UMAP's optimisation, t-SNE's affinities and optimisation) do not read. Only a releasable
 * holder, for the last engine to read the rows, lets go; and only when no one else keeps a reference.
 */
public final class LayoutRows {
    private float[] data;
    private final boolean releasable;

    private LayoutRows(float[] data, boolean releasable) {
        this.data = data;
        this.releasable = releasable;
    }

    /** Rows the caller still needs after the engine: {@link #release} keeps them. */
    public static LayoutRows kept(float[] data) { return new LayoutRows(data, false); }

    /** Rows no one needs after the engine: {@link #release} drops them. */
    public static LayoutRows releasable(float[] data) { return new LayoutRows(data, true); }

    /** The rows; the engine reads them through this and keeps no reference of its own. */
    public float[] get() {
        if (data == null) throw new IllegalStateException("the rows were released");
        return data;
    }

    /** The engine needs the rows no more. */
    public void release() {
        if (releasable) data = null;
    }
}
