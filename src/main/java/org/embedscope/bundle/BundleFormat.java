package org.embedscope.bundle;

/**
 * Names fixed by the bundle format that every writer uses (prepare, the synthetic bench bundle, tests),
 * so that a writer cannot drift from what the reader and README expect.
 */
public final class BundleFormat {
    private BundleFormat() {}

    /** The manifest, at the bundle's root. */
    public static final String MANIFEST_FILE = Manifest.FILE_NAME;
    /** The points table that embedscope's own writers name in the manifest. */
    public static final String POINTS_FILE = "points.csv";
    /** The label column that embedscope's own writers name in the manifest. */
    public static final String LABEL_COLUMN = "label";
    /** The neighbours file that embedscope's own writers name in the manifest (gzip-compressed). */
    public static final String NEIGHBORS_FILE = "neighbors.bin.gz";

    /**
     * A fraction in [0, 1] as the trust columns hold it: at most three decimals, no trailing zeros
     * ({@code 0}, {@code 0.2}, {@code 0.067}, {@code 1}); fractions of up to 1,000 stay distinct.
     */
    public static String fraction(double v) {
        long m = Math.round(v * 1000);
        if (m % 1000 == 0) return Long.toString(m / 1000);
        String s = m / 1000 + "." + String.format(java.util.Locale.ROOT, "%03d", m % 1000);
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        return s.substring(0, end);
    }
}
