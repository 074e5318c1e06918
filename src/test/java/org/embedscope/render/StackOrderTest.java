package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The scene's stacking, bottom first: the dimmed behind the rest where a search layers them, the selection on top. */
class StackOrderTest {
    private static ItemStates states(int... flags) {
        ItemStates s = new ItemStates(flags.length);
        for (int i = 0; i < flags.length; i++) s.set(i, flags[i]);
        return s;
    }

    @Test
    void theSelectionGoesOnTopAndTheDimmedBehind() {
        int sel = ItemStates.SELECTED, dim = ItemStates.DIMMED, match = ItemStates.MATCHED;
        ItemStates s = states(match, dim, sel | dim, dim, match, 0);
        int[] items = {0, 1, 2, 3, 4, 5};
        assertArrayEquals(new int[] {1, 3, 0, 4, 5, 2}, StackOrder.of(items, s, true));
        assertArrayEquals(new int[] {0, 1, 3, 4, 5, 2}, StackOrder.of(items, s, false), "not layered: only the selection moves");
        assertArrayEquals(new int[] {3, 4, 2}, StackOrder.of(new int[] {2, 3, 4}, s, true), "a list keeps its items");
    }

    @Test
    void aListAlreadyInOrderIsKept() {
        ItemStates s = states(ItemStates.DIMMED, ItemStates.DIMMED, 0);
        int[] all = {0, 1, 2}, dimmed = {0, 1};
        assertSame(all, StackOrder.of(all, s, false));
        assertSame(dimmed, StackOrder.of(dimmed, s, true), "all dimmed: item order");
        assertArrayEquals(new int[] {0, 1, 2}, StackOrder.all(3, s, true));
    }
}
