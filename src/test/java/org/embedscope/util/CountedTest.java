package org.embedscope.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CountedTest {
    @Test
    void oneIsSingularEverythingElsePluralAndThousandsGrouped() {
        assertEquals("1 layout", Counted.of(1, "layout"));
        assertEquals("0 layouts", Counted.of(0, "layout"));
        assertEquals("2 layouts", Counted.of(2, "layout"));
        assertEquals("1,050,000 items", Counted.of(1_050_000, "item"));
        assertEquals("1 match", Counted.of(1, "match", "matches"));
        assertEquals("12 matches", Counted.of(12, "match", "matches"));
    }
}
