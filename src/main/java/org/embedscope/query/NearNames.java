package org.embedscope.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Names close to a mistyped one, for "did you mean" hints: same letters in another case, a few edits, a prefix. */
final class NearNames {
    private NearNames() {}

    /** Up to {@code max} of {@code names} near {@code wrong}, nearest first. */
    static List<String> near(String wrong, List<String> names, int max) {
        String w = wrong.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        int limit = Math.max(1, w.length() / 3);
        for (int d = 0; d <= limit && out.size() < max; d++) {
            for (String n : names) {
                if (out.size() == max) break;
                if (!out.contains(n) && distance(w, n.toLowerCase(Locale.ROOT)) == d) out.add(n);
            }
        }
        for (String n : names) {
            if (out.size() == max) break;
            String l = n.toLowerCase(Locale.ROOT);
            if (!out.contains(n) && w.length() >= 2 && (l.startsWith(w) || l.contains(w))) out.add(n);
        }
        return out;
    }

    /** Levenshtein distance (insertions, deletions, substitutions), two rows. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
