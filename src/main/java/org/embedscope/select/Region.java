package org.embedscope.select;

/** A region of a layout's plane (a lasso polygon or a box), in the same units as the positions tested. */
public interface Region {
    /** True when point (x, y) lies in the region. NaN coordinates never do. */
    boolean contains(double x, double y);

    /**
     * The items whose position lies in the region: {@code xy} holds positions interleaved
     * (x0, y0, x1, y1, …), as {@code Bundle.coords} does, one item per pair.
     */
    ItemSet select(float[] xy);
}
