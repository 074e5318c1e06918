package org.embedscope.digits;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DigitTransformTest {
    static final int SIDE = 28;

    /** A test image whose pixel (x, y) is distinct enough to tell where it went: 7x + 3y + 5 mod 256, not zero. */
    static byte[] ramp() {
        byte[] px = new byte[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) for (int x = 0; x < SIDE; x++) px[y * SIDE + x] = (byte) (1 + (7 * x + 3 * y) % 255);
        return px;
    }

    static byte[] apply(DigitTransform t, byte[] src) {
        byte[] out = new byte[SIDE * SIDE];
        t.apply(src, 0, SIDE, out, 0);
        return out;
    }

    static int at(byte[] px, int x, int y) { return px[y * SIDE + x] & 0xff; }

    @Test
    void identityKeepsEveryPixel() {
        byte[] src = ramp();
        assertArrayEquals(src, apply(DigitTransform.IDENTITY, src));
    }

    @Test
    void wholePixelShiftMovesTheImageAndFillsBlack() {
        byte[] src = ramp();
        byte[] out = apply(new DigitTransform(2, -1, 0, 1), src);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int sx = x - 2, sy = y + 1;
                int want = sx < 0 || sy >= SIDE ? 0 : at(src, sx, sy);
                assertEquals(want, at(out, x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void halfPixelShiftAveragesNeighbours() {
        byte[] src = ramp();
        byte[] out = apply(new DigitTransform(0.5, 0, 0, 1), src);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 1; x < SIDE; x++) {
                double want = (at(src, x - 1, y) + at(src, x, y)) / 2.0;
                assertEquals(Math.round(want), at(out, x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void quarterTurnIsCounterClockwiseAsSeen() {
        byte[] src = new byte[SIDE * SIDE];
        src[14 * SIDE + 22] = (byte) 200; // right of the centre
        byte[] out = apply(new DigitTransform(0, 0, 90, 1), src);
        assertEquals(200, at(out, 14, 5), "moved above the centre (8 px right becomes 8 px up)");
        int ink = 0;
        for (byte b : out) ink += b & 0xff;
        assertEquals(200, ink, "a quarter turn maps pixel centres onto pixel centres: nothing blurred");
    }

    @Test
    void scalingAboutTheCentreSpreadsInkOutwards() {
        byte[] src = new byte[SIDE * SIDE];
        src[14 * SIDE + 18] = (byte) 255; // 4.5 px right of the centre line x = 14
        byte[] out = apply(new DigitTransform(0, 0, 0, 2), src);
        // Doubled, its centre lands 9 px right: x + 0.5 = 23, between pixels 22 and 23... sampled bilinearly.
        int peakX = -1, peak = -1;
        for (int x = 0; x < SIDE; x++) if (at(out, x, 14) > peak) { peak = at(out, x, 14); peakX = x; }
        assertTrue(peakX == 22 || peakX == 23, "peak at " + peakX);
        assertEquals(0, at(out, 18, 14), "no ink left where it was");
    }

    @Test
    void randomTransformsStayInBoundsAndPrintExactly() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            DigitTransform t = DigitTransform.random(rnd);
            assertTrue(Math.abs(t.dx()) <= DigitTransform.MAX_SHIFT && Math.abs(t.dy()) <= DigitTransform.MAX_SHIFT, t.toString());
            assertTrue(Math.abs(t.degrees()) <= DigitTransform.MAX_DEGREES, t.toString());
            assertTrue(Math.abs(t.scale() - 1) <= DigitTransform.MAX_SCALE_CHANGE + 1e-12, t.toString());
            StringBuilder sb = new StringBuilder();
            t.csv(sb);
            String[] f = sb.toString().split(",");
            assertEquals(4, f.length);
            DigitTransform back = new DigitTransform(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]));
            assertEquals(t, back, "the CSV says exactly which transform was used: " + sb);
            for (String s : f) assertTrue(s.matches("-?\\d+\\.\\d{3}"), s);
        }
    }

    @Test
    void smallNegativeValuesKeepTheirSign() {
        StringBuilder sb = new StringBuilder();
        new DigitTransform(-0.005, 0, -1.25, 1).csv(sb);
        assertEquals("-0.005,0.000,-1.250,1.000", sb.toString());
    }
}
