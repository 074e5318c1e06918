package org.embedscope.select;

/** An axis-aligned box, closed (points on its sides are inside), from two opposite corners in any order. */
public final class Box implements Region {
    private final double x0, y0, x1, y1;

    public Box(double xa, double ya, double xb, double yb) {
        if (!(Double.isFinite(xa) && Double.isFinite(ya) && Double.isFinite(xb) && Double.isFinite(yb))) {
            throw new IllegalArgumentException("box corners must be finite");
        }
        x0 = Math.min(xa, xb);
        x1 = Math.max(xa, xb);
        y0 = Math.min(ya, yb);
        y1 = Math.max(ya, yb);
    }

    /** Parses {@code "X0,Y0,X1,Y1"}: two opposite corners. */
    public static Box parse(String text) throws org.embedscope.query.QueryException {
        float[] v = PointList.numbers(text, 4, "X0,Y0,X1,Y1");
        return new Box(v[0], v[1], v[2], v[3]);
    }

    public double minX() { return x0; }

    public double minY() { return y0; }

    public double maxX() { return x1; }

    public double maxY() { return y1; }

    @Override
    public boolean contains(double x, double y) {
        return x >= x0 && x <= x1 && y >= y0 && y <= y1;
    }

    @Override
    public String toString() {
        return "box " + x0 + "," + y0 + " to " + x1 + "," + y1;
    }
}
