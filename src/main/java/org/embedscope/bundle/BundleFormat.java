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
}
