package org.embedscope.util;

/**
 * The k-th smallest of an array in linear expected time, without sorting it (quantiles of a million
 * coordinates at load: a sort of each axis cost a tenth of a second each, several times over).
 */
public final class Select {
    private Select() {}

    /**
     * The {@code k}-th smallest value of {@code a} (0 = the smallest), as {@code Arrays.sort(a); a[k]}
     * would give (NaN largest, -0.0 before 0.0). Reorders {@code a}: afterwards no value before index
     * {@code k} is larger than {@code a[k]} and none after it smaller.
     */
    public static float kth(float[] a, int k) {
        if (k < 0 || k >= a.length) throw new IllegalArgumentException("k " + k + " outside 0.." + (a.length - 1));
        int lo = 0, hi = a.length - 1;
        while (hi > lo) {
            if (hi - lo < 16) {
                insertionSort(a, lo, hi);
                break;
            }
            // Median of three as the pivot, moved to lo; then a partition into < pivot | = pivot | > pivot.
            int mid = (lo + hi) >>> 1;
            if (less(a[mid], a[lo])) swap(a, mid, lo);
            if (less(a[hi], a[lo])) swap(a, hi, lo);
            if (less(a[hi], a[mid])) swap(a, hi, mid);
            float pivot = a[mid];
            int lt = lo, gt = hi, i = lo;
            while (i <= gt) {
                if (less(a[i], pivot)) swap(a, lt++, i++);
                else if (less(pivot, a[i])) swap(a, i, gt--);
                else i++;
            }
            if (k < lt) hi = lt - 1;
            else if (k > gt) lo = gt + 1;
            else return a[k];
        }
        return a[k];
    }

    /** Float.compare's order: NaN after everything, -0.0 before 0.0, as Arrays.sort orders floats. */
    private static boolean less(float x, float y) { return Float.compare(x, y) < 0; }

    private static void insertionSort(float[] a, int lo, int hi) {
        for (int i = lo + 1; i <= hi; i++) {
            float v = a[i];
            int j = i - 1;
            while (j >= lo && less(v, a[j])) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    private static void swap(float[] a, int i, int j) {
        float t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
