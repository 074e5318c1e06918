package org.embedscope.select;

import java.util.Arrays;

/**
 * A set of items of a bundle, {@code 0 <= i < size()}, as a bitset of {@code long} words (bit
 * {@code i % 64} of word {@code i / 64}); bits past {@code size()} are always zero. What queries,
 * lassos and boxes return, and what exports read. Mutable; not thread-safe.
 */
public final class ItemSet {
    private final int size;
    private final long[] words;

    /** An empty set over {@code size} items. */
    public ItemSet(int size) {
        if (size < 0) throw new IllegalArgumentException("size " + size);
        this.size = size;
        this.words = new long[(size + 63) >>> 6];
    }

    /** Every item of {@code size}. */
    public static ItemSet all(int size) {
        ItemSet s = new ItemSet(size);
        Arrays.fill(s.words, -1L);
        s.clearTail();
        return s;
    }

    /**
     * The set whose words are {@code words} (taken, not copied): {@code (size + 63) / 64} of them, as
     * {@link #words()} describes. Bits past {@code size} are cleared.
     */
    public static ItemSet ofWords(int size, long[] words) {
        if (words.length != (size + 63) >>> 6) {
            throw new IllegalArgumentException(words.length + " words for " + size + " items");
        }
        ItemSet s = new ItemSet(size, words);
        s.clearTail();
        return s;
    }

    private ItemSet(int size, long[] words) {
        this.size = size;
        this.words = words;
    }

    /** The items listed in {@code indices}, each in {@code [0, size)}. */
    public static ItemSet of(int size, int... indices) {
        ItemSet s = new ItemSet(size);
        for (int i : indices) s.add(i);
        return s;
    }

    /** The number of items the set ranges over (not how many it holds: see {@link #cardinality()}). */
    public int size() { return size; }

    /** The words, {@code (size + 63) / 64} of them, for callers that pack or upload bits. Do not modify. */
    public long[] words() { return words; }

    public boolean contains(int i) {
        return (words[i >>> 6] & (1L << i)) != 0;
    }

    public void add(int i) {
        check(i);
        words[i >>> 6] |= 1L << i;
    }

    public void remove(int i) {
        check(i);
        words[i >>> 6] &= ~(1L << i);
    }

    /** Adds {@code i} when absent, removes it when present (shift-click). */
    public void toggle(int i) {
        check(i);
        words[i >>> 6] ^= 1L << i;
    }

    public void clear() { Arrays.fill(words, 0); }

    /** How many items the set holds. */
    public int cardinality() {
        int c = 0;
        for (long w : words) c += Long.bitCount(w);
        return c;
    }

    public boolean isEmpty() {
        for (long w : words) if (w != 0) return false;
        return true;
    }

    /** Keeps only the items also in {@code other}. */
    public ItemSet and(ItemSet other) {
        same(other);
        for (int k = 0; k < words.length; k++) words[k] &= other.words[k];
        return this;
    }

    /** Adds the items of {@code other}. */
    public ItemSet or(ItemSet other) {
        same(other);
        for (int k = 0; k < words.length; k++) words[k] |= other.words[k];
        return this;
    }

    /** Removes the items of {@code other}. */
    public ItemSet andNot(ItemSet other) {
        same(other);
        for (int k = 0; k < words.length; k++) words[k] &= ~other.words[k];
        return this;
    }

    /** Every item not in the set, and none of those in it (invert). */
    public ItemSet flip() {
        for (int k = 0; k < words.length; k++) words[k] = ~words[k];
        clearTail();
        return this;
    }

    public ItemSet copy() {
        ItemSet s = new ItemSet(size);
        System.arraycopy(words, 0, s.words, 0, words.length);
        return s;
    }

    /** The first item at or after {@code from} in the set, or -1. */
    public int next(int from) {
        if (from < 0) from = 0;
        if (from >= size) return -1;
        int k = from >>> 6;
        long w = words[k] & (-1L << from);
        while (true) {
            if (w != 0) return (k << 6) + Long.numberOfTrailingZeros(w);
            if (++k == words.length) return -1;
            w = words[k];
        }
    }

    /** The items in ascending order. */
    public int[] toArray() {
        int[] out = new int[cardinality()];
        int n = 0;
        for (int k = 0; k < words.length; k++) {
            long w = words[k];
            while (w != 0) {
                out[n++] = (k << 6) + Long.numberOfTrailingZeros(w);
                w &= w - 1;
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ItemSet s && s.size == size && Arrays.equals(s.words, words);
    }

    @Override
    public int hashCode() { return 31 * size + Arrays.hashCode(words); }

    @Override
    public String toString() {
        return cardinality() + " of " + size + " items";
    }

    private void check(int i) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException("item " + i + " of " + size);
    }

    private void same(ItemSet other) {
        if (other.size != size) throw new IllegalArgumentException("sets over " + size + " and " + other.size + " items");
    }

    private void clearTail() {
        if ((size & 63) != 0) words[words.length - 1] &= (1L << size) - 1;
    }
}
