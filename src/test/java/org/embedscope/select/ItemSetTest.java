package org.embedscope.select;

import static org.junit.jupiter.api.Assertions.*;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** ItemSet against java.util.BitSet on random sets, sizes around word boundaries. */
class ItemSetTest {
    static BitSet random(SplittableRandom rnd, int size, ItemSet into) {
        BitSet b = new BitSet(size);
        for (int i = 0; i < size; i++) {
            if (rnd.nextInt(3) == 0) {
                b.set(i);
                into.add(i);
            }
        }
        return b;
    }

    static void same(BitSet want, ItemSet got) {
        assertEquals(want.cardinality(), got.cardinality());
        assertArrayEquals(want.stream().toArray(), got.toArray());
        int next = 0, k = 0;
        int[] items = got.toArray();
        while ((next = got.next(next)) >= 0) assertEquals(items[k++], next++);
        assertEquals(items.length, k);
    }

    @Test
    void operationsMatchBitSet() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int size : new int[] {0, 1, 63, 64, 65, 127, 128, 129, 1000}) {
            ItemSet a = new ItemSet(size), b = new ItemSet(size);
            BitSet x = random(rnd, size, a), y = random(rnd, size, b);
            same(x, a);
            BitSet t = (BitSet) x.clone();
            t.and(y);
            same(t, a.copy().and(b));
            t = (BitSet) x.clone();
            t.or(y);
            same(t, a.copy().or(b));
            t = (BitSet) x.clone();
            t.andNot(y);
            same(t, a.copy().andNot(b));
            t = (BitSet) x.clone();
            t.flip(0, size);
            ItemSet flipped = a.copy().flip();
            same(t, flipped);
            assertEquals(size, flipped.cardinality() + a.cardinality(), "no bits past the size");
            assertEquals(ItemSet.all(size), a.copy().or(flipped));
            assertTrue(a.copy().and(flipped).isEmpty());
        }
    }

    @Test
    void addRemoveToggleAndBounds() {
        ItemSet s = ItemSet.of(70, 3, 64, 69);
        assertTrue(s.contains(64));
        s.toggle(64);
        s.toggle(5);
        s.remove(69);
        assertArrayEquals(new int[] {3, 5}, s.toArray());
        assertThrows(IndexOutOfBoundsException.class, () -> s.add(70));
        assertThrows(IndexOutOfBoundsException.class, () -> s.add(-1));
        assertThrows(IllegalArgumentException.class, () -> s.and(new ItemSet(71)));
        assertEquals(-1, s.next(6));
        assertEquals(-1, s.next(70));
        long[] w = {-1L, -1L};
        assertEquals(70, ItemSet.ofWords(70, w).cardinality(), "bits past the size are cleared");
        assertThrows(IllegalArgumentException.class, () -> ItemSet.ofWords(70, new long[3]));
        s.clear();
        assertTrue(s.isEmpty());
    }
}
