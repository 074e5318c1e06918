package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** A count's text follows the count, and is formatted once per value however many frames ask. */
class CountTextTest {
    @Test
    void theTextFollowsTheCountAndIsMadeOncePerValue() {
        int[] made = {0};
        CountText t = new CountText(v -> {
            made[0]++;
            return String.format(java.util.Locale.ROOT, "%,d selected", v);
        });
        assertEquals("1,234 selected", t.of(1234));
        for (int frame = 0; frame < 100; frame++) assertEquals("1,234 selected", t.of(1234));
        assertEquals(1, made[0], "formatted once while the count stays");
        assertEquals("0 selected", t.of(0));
        assertEquals("1,235 selected", t.of(1235));
        assertEquals(3, made[0]);
    }
}
