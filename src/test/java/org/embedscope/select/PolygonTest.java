package org.embedscope.select;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.geom.Path2D;
import java.util.SplittableRandom;
import org.embedscope.query.QueryException;
import org.junit.jupiter.api.Test;

class PolygonTest {

    /** Brute force, independent of this package: java.awt's even-odd path containment. */
    static boolean awtContains(float[] outline, double x, double y) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        p.moveTo(outline[0], outline[1]);
        for (int v = 1; v < outline.length / 2; v++) p.lineTo(outline[2 * v], outline[2 * v + 1]);
        p.closePath();
        return p.contains(x, y);
    }

    /** Brute force with the same edge rule: every edge, no bounding box, no bands. */
    static boolean allEdges(float[] outline, double x, double y) {
        int nv = outline.length / 2;
        boolean inside = false;
        for (int v = 0; v < nv; v++) {
            int w = (v + 1) % nv;
            double ax = outline[2 * v], ay = outline[2 * v + 1], bx = outline[2 * w], by = outline[2 * w + 1];
            if (ay == by) continue;
            double lx = by > ay ? ax : bx, ly = Math.min(ay, by), ux = by > ay ? bx : ax, uy = Math.max(ay, by);
            if (y >= ly && y < uy && (ux - lx) * (y - ly) - (x - lx) * (uy - ly) > 0) inside = !inside;
        }
        return inside;
    }

    /** A random outline: a star-like loop around a centre, or (one time in three) vertices anywhere (self-crossing). */
    static float[] randomOutline(SplittableRandom rnd, int vertices) {
        float[] o = new float[2 * vertices];
        boolean wild = rnd.nextInt(3) == 0;
        for (int v = 0; v < vertices; v++) {
            if (wild) {
                o[2 * v] = (float) rnd.nextDouble(-1, 1);
                o[2 * v + 1] = (float) rnd.nextDouble(-1, 1);
            } else {
                double a = 2 * Math.PI * v / vertices, r = rnd.nextDouble(0.2, 1);
                o[2 * v] = (float) (r * Math.cos(a));
                o[2 * v + 1] = (float) (r * Math.sin(a));
            }
        }
        return o;
    }

    @Test
    void randomPolygonsAgreeWithJavaAwtAndWithEveryEdgeBruteForce() {
        SplittableRandom rnd = new SplittableRandom(7);
        int inside = 0, total = 0;
        for (int t = 0; t < 200; t++) {
            float[] outline = randomOutline(rnd, 3 + rnd.nextInt(t < 100 ? 10 : 150));
            Polygon poly = new Polygon(outline);
            int n = 500;
            float[] xy = new float[2 * n];
            for (int i = 0; i < 2 * n; i++) xy[i] = (float) rnd.nextDouble(-1.2, 1.2);
            ItemSet got = poly.select(xy);
            for (int i = 0; i < n; i++) {
                double x = xy[2 * i], y = xy[2 * i + 1];
                boolean want = awtContains(outline, x, y);
                assertEquals(want, got.contains(i), "polygon " + t + ", point " + x + "," + y);
                assertEquals(want, poly.contains(x, y));
                assertEquals(allEdges(outline, x, y), want);
                if (want) inside++;
                total++;
            }
        }
        assertTrue(inside > total / 10 && inside < total * 9 / 10, inside + " of " + total + " inside");
    }

    @Test
    void pointsOnVerticesAndEdgesGetTheSameAnswerAsBruteForce() {
        // Grid polygons: every vertex and many test points lie exactly on outlines.
        SplittableRandom rnd = new SplittableRandom(11);
        for (int t = 0; t < 300; t++) {
            int nv = 3 + rnd.nextInt(12);
            float[] outline = new float[2 * nv];
            for (int i = 0; i < 2 * nv; i++) outline[i] = rnd.nextInt(-4, 5) / 2f;
            if (t % 3 == 0) {
                // duplicate a vertex
                int v = rnd.nextInt(nv);
                float[] d = new float[2 * nv + 2];
                System.arraycopy(outline, 0, d, 0, 2 * v + 2);
                System.arraycopy(outline, 2 * v, d, 2 * v + 2, 2 * nv - 2 * v);
                outline = d;
            }
            Polygon poly = new Polygon(outline);
            float[] xy = new float[2 * 17 * 17];
            for (int a = 0; a < 17; a++) for (int b = 0; b < 17; b++) {
                xy[2 * (17 * a + b)] = (a - 8) / 4f;
                xy[2 * (17 * a + b) + 1] = (b - 8) / 4f;
            }
            ItemSet got = poly.select(xy);
            for (int i = 0; i < 17 * 17; i++) {
                assertEquals(allEdges(outline, xy[2 * i], xy[2 * i + 1]), got.contains(i), "polygon " + t + " point " + i);
            }
        }
    }

    @Test
    void twoPolygonsSharingAnEdgeNeverBothHoldAPointOnIt() {
        // A quadrilateral cut along a slanted diagonal; the halves run the shared edge in opposite directions.
        float[] left = {0, 0, 3, 1, 1, 7};
        float[] right = {3, 1, 4, 8, 1, 7};
        Polygon a = new Polygon(left), b = new Polygon(right);
        int onEdge = 0;
        for (int k = 0; k <= 1000; k++) {
            double f = k / 1000.0;
            double x = (float) (3 + (1 - 3) * f), y = (float) (1 + (7 - 1) * f);
            boolean ia = a.contains(x, y), ib = b.contains(x, y);
            assertFalse(ia && ib, "both hold " + x + "," + y);
            onEdge++;
        }
        // Squares side by side: points on the shared side belong to exactly one (the right one: left sides are inside).
        Polygon s1 = new Polygon(new float[] {0, 0, 1, 0, 1, 1, 0, 1}), s2 = new Polygon(new float[] {1, 0, 2, 0, 2, 1, 1, 1});
        for (int k = 0; k < 10; k++) {
            double y = k / 10.0;
            assertTrue(s1.contains(1, y) != s2.contains(1, y), "exactly one holds 1," + y);
        }
        assertTrue(onEdge > 0);
    }

    @Test
    void duplicateAndClosingVerticesChangeNothing() {
        float[] clean = {0, 0, 4, 0, 4, 3, 2, 5, 0, 3};
        float[] messy = {0, 0, 0, 0, 4, 0, 4, 3, 4, 3, 4, 3, 2, 5, 0, 3, 0, 0};
        Polygon a = new Polygon(clean), b = new Polygon(messy);
        SplittableRandom rnd = new SplittableRandom(3);
        float[] xy = new float[4000];
        for (int i = 0; i < xy.length; i++) xy[i] = rnd.nextInt(-2, 13) / 2f; // many on the outline
        assertEquals(a.select(xy), b.select(xy));
        assertTrue(a.select(xy).cardinality() > 100);
    }

    @Test
    void selfCrossingOutlinesAreEvenOdd() {
        // A bow tie: two triangles meeting at (1,1)
        Polygon bow = new Polygon(new float[] {0, 0, 2, 2, 2, 0, 0, 2});
        assertTrue(bow.contains(0.2, 1));
        assertTrue(bow.contains(1.8, 1));
        assertFalse(bow.contains(1, 0.2));
        assertFalse(bow.contains(1, 1.8));
        // A pentagram: its centre is crossed twice, so outside
        float[] star = new float[10];
        for (int v = 0; v < 5; v++) {
            double a = Math.PI / 2 + 2 * Math.PI * (2 * v) / 5;
            star[2 * v] = (float) Math.cos(a);
            star[2 * v + 1] = (float) Math.sin(a);
        }
        Polygon p = new Polygon(star);
        assertFalse(p.contains(0, 0));
        assertTrue(p.contains(0, 0.8));
    }

    @Test
    void degenerateInputs() {
        assertThrows(IllegalArgumentException.class, () -> new Polygon(new float[] {0, 0, 1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new Polygon(new float[] {0, 0, 1, 1, Float.NaN, 0}));
        Polygon flat = new Polygon(new float[] {0, 0, 1, 0, 2, 0});
        assertFalse(flat.contains(1, 0));
        assertTrue(flat.select(new float[] {1, 0, 0.5f, 0}).isEmpty());
        Polygon tri = new Polygon(new float[] {0, 0, 1, 0, 0, 1});
        assertFalse(tri.contains(Double.NaN, 0.1));
        assertTrue(tri.select(new float[0]).isEmpty());
    }

    @Test
    void boxesAreClosedAndTakeCornersInAnyOrder() throws QueryException {
        Box b = Box.parse("2, 3,0,1");
        assertEquals(0, b.minX());
        assertEquals(3, b.maxY());
        float[] xy = {0, 1, 2, 3, 1, 2, 2.0001f, 2, -1, 2, 1, Float.NaN};
        assertArrayEquals(new int[] {0, 1, 2}, b.select(xy).toArray());
    }

    static void refused(String text, int position, String says, boolean box) {
        QueryException e = assertThrows(QueryException.class, () -> {
            if (box) Box.parse(text);
            else Polygon.parse(text);
        });
        assertEquals(position, e.position(), text + " -> " + e.getMessage());
        assertTrue(e.getMessage().contains(says), text + " -> " + e.getMessage());
    }

    @Test
    void pointListsAreReadWithPositions() throws QueryException {
        assertArrayEquals(new float[] {0, 0, 1.5f, 0, 1, 1e3f}, PointList.parse(" 0,0  1.5,0;1, 1e3 ", 3));
        assertEquals(4, Polygon.parse("0,0 1,0 1,1 0,1").vertices());
        refused("0,0 1,0", 7, "expected at least 3 X,Y points, found 2", false);
        refused("0,0 1 1,1", 5, "expected ',' and the y coordinate", false);
        refused("0,0 1,x 1,1", 6, "'x' is not a number; expected a y coordinate", false);
        refused("0,0 1,0,2 1,1", 7, "expected a space before the next X,Y pair, found ','", false);
        refused("0,0 nan,0 1,1", 4, "'nan' is not a number", false);
        refused("0,0 1e99,0 1,1", 4, "out of range", false);
        refused("0,0,1", 5, "expected ',' and 1 more number (X0,Y0,X1,Y1)", true);
        refused("0,0,1,1,2", 7, "expected the end after 4 numbers", true);
        refused("0,,1,1", 2, "expected a number (X0,Y0,X1,Y1)", true);
    }
}
