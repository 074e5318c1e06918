package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class PagePoolTest {
    /** Level 0 streams (10 pages), level 1 is resident. */
    static PagePool pool(int layers, int inFlight) {
        return new PagePool(layers, new int[] {10, 3}, new boolean[] {true, false}, inFlight);
    }

    static int[][] want(PagePool p, int... pages) {
        int[] levels = new int[pages.length];
        return p.frame(levels, pages, pages.length);
    }

    @Test
    void missingPagesAreDecodedMostWantedFirstWithinTheInFlightLimit() {
        PagePool p = pool(4, 2);
        int[][] start = want(p, 7, 3, 5);
        assertEquals(2, start.length);
        assertArrayEquals(new int[] {0, 7}, start[0]);
        assertArrayEquals(new int[] {0, 3}, start[1]);
        assertEquals(0, want(p, 7, 3, 5).length, "both still in flight");
        assertNotNull(p.arrived(0, 7));
        int[][] next = want(p, 7, 3, 5);
        assertEquals(1, next.length);
        assertArrayEquals(new int[] {0, 5}, next[0]);
        assertEquals(0, p.frame(new int[] {1}, new int[] {2}, 1).length, "resident levels are never streamed");
    }

    @Test
    void theLeastRecentlyUsedPageIsEvictedButNeverOneTheFrameUses() {
        PagePool p = pool(2, 8);
        want(p, 0, 1);
        PagePool.Claim a = p.arrived(0, 0), b = p.arrived(0, 1);
        assertEquals(-1, a.evictedLevel());
        assertNotEquals(a.layer(), b.layer());
        want(p, 1);                // page 0 not used in this frame
        want(p, 1, 2);             // nor in this one; page 2 requested
        PagePool.Claim c = p.arrived(0, 2);
        assertEquals(0, c.evictedLevel());
        assertEquals(0, c.evictedPage(), "page 0, the least recently used, goes");
        assertEquals(a.layer(), c.layer());
        assertEquals(-1, p.layer(0, 0));
        assertEquals(c.layer(), p.layer(0, 2));
        assertEquals(1, p.evictions());

        want(p, 1, 2, 3);          // all layers in use by this frame
        assertNull(p.arrived(0, 3), "no room: kept what the frame shows rather than thrash");
        assertEquals(b.layer(), p.layer(0, 1));
        assertEquals(c.layer(), p.layer(0, 2));
    }

    @Test
    void aPageNoLongerWantedOrBrokenIsDropped() {
        PagePool p = pool(3, 8);
        want(p, 4, 6);
        want(p, 6);
        assertNull(p.arrived(0, 4), "scrolled away before it arrived");
        assertEquals(-1, p.layer(0, 4));
        assertNotNull(p.arrived(0, 6));
        want(p, 8);
        p.failed(0, 8);
        assertEquals(0, want(p, 8).length, "a page that failed to decode is not asked for again");
        assertEquals(0, p.inFlight());
    }
}
