package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class PickIdTest {
    @Test
    void roundTripsAndReservesZeroForNothing() {
        for (int id : new int[] {0, 1, 69_999, 1 << 24, Integer.MAX_VALUE - 1}) {
            assertNotEquals(PickId.NONE, PickId.encode(id));
            assertEquals(id, PickId.decode(PickId.encode(id)));
        }
        assertEquals(-1, PickId.decode(PickId.NONE));
        assertThrows(IllegalArgumentException.class, () -> PickId.encode(-1));
    }
}
