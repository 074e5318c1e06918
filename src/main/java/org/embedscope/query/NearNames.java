package org.embedscope.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Names close to a mistyped one, for "did you mean" hints: another case, a few edits or swaps, a part of the name. */
final class NearNames {
    private NearNames() {}

    /** Up to {@code max} of {@code names} near {@code wrong}, nearest first. */
    static List<String> near(String wrong, List<String> names, int max) {
        String w = wrong.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        int limit = Math.max(w.length() <= 3 ? 1 : 2, w.length() / 3);
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

    /** Edit distance counting insertions, deletions, substitutions and swaps of neighbours ("lable"/"label": 1). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
