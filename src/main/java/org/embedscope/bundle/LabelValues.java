package org.embedscope.bundle;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The display order of a label column's distinct values: numeric when every value is a plain finite
 * number ({@code 2} before {@code 10}), otherwise lexicographic. Values stay categories either way:
 * {@code 7} and {@code 7.0} are two labels (ties in value are ordered by their text).
 */
public final class LabelValues {
    private LabelValues() {}

    /** {@code rank[i]}: the position of {@code values.get(i)} in display order. Values are distinct. */
    public static int[] rank(List<String> values) {
        int n = values.size();
        Integer[] order = new Integer[n]; // one box per distinct value, not per item
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, comparator(values));
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) rank[order[r]] = r;
        return rank;
    }

    /** {@code values} arranged by {@code rank}. */
    public static List<String> sorted(List<String> values, int[] rank) {
        String[] out = new String[values.size()];
        for (int i = 0; i < out.length; i++) out[rank[i]] = values.get(i);
        return List.of(out);
    }

    private static Comparator<Integer> comparator(List<String> values) {
        int n = values.size();
        double[] numeric = new double[n];
        for (int i = 0; i < n; i++) {
            String v = values.get(i);
            if (!Decimal.isFiniteNumber(v)) {
                return Comparator.comparing(values::get);
            }
            numeric[i] = Double.parseDouble(v);
        }
        Comparator<Integer> byValue = (a, b) -> Double.compare(numeric[a], numeric[b]);
        return byValue.thenComparing(values::get);
    }
}
