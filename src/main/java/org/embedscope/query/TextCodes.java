package org.embedscope.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Numbers distinct strings in first-seen order: an open-addressing hash table of {@code String} keys
 * and {@code int} codes, so coding a million values allocates nothing per value (no boxed codes).
 */
final class TextCodes {
    private String[] keys = new String[16];
    private int[] codes = new int[16];
    private final List<String> values = new ArrayList<>();

    /** The code of {@code s}, assigning the next one when it is new. */
    int code(String s) {
        int mask = keys.length - 1;
        int h = mix(s.hashCode()) & mask;
        while (true) {
            String k = keys[h];
            if (k == null) break;
            if (k == s || k.equals(s)) return codes[h];
            h = (h + 1) & mask;
        }
        int c = values.size();
        keys[h] = s;
        codes[h] = c;
        values.add(s);
        if (2 * values.size() > keys.length) grow();
        return c;
    }

    /** The distinct strings, by code. */
    List<String> values() { return values; }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldCodes = codes;
        keys = new String[oldKeys.length * 2];
        codes = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] == null) continue;
            int h = mix(oldKeys[i].hashCode()) & mask;
            while (keys[h] != null) h = (h + 1) & mask;
            keys[h] = oldKeys[i];
            codes[h] = oldCodes[i];
        }
    }

    /** Spreads String hashes, whose low bits alone cluster for similar strings. */
    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
