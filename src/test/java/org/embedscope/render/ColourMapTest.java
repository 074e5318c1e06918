package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The numbers' colour map: viridis from its dark start to its yellow end, lightness rising throughout. */
class ColourMapTest {
    private static double luma(int rgb) {
        return 0.2126 * ((rgb >> 16) & 255) + 0.7152 * ((rgb >> 8) & 255) + 0.0722 * (rgb & 255);
    }

    @Test
    void runsFromViridisStartToEndAndGetsLighterAllTheWay() {
        int[] t = ColourMap.table256();
        assertEquals(ColourMap.SIZE, t.length);
        assertEquals(0x440154, t[0], "matplotlib's first entry");
        assertEquals(0xfde725, t[255], "matplotlib's last entry");
        assertEquals(0x21918c, ColourMap.rgb(128 / 255f), "matplotlib's entry 128");
        for (int i = 1; i < t.length; i++) assertTrue(luma(t[i]) >= luma(t[i - 1]) - 0.5, "lighter at entry " + i);
        assertEquals(t[0], ColourMap.rgb(-3f), "clamped below");
        assertEquals(t[0], ColourMap.rgb(Float.NaN));
        assertEquals(t[255], ColourMap.rgb(7f), "clamped above");
    }
}
