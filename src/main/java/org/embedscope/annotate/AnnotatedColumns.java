package org.embedscope.annotate;

import java.util.HashSet;
import java.util.Set;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleFormat;

/**
 * The names under which a user's corrections join a bundle's columns, the same in the explorer's
 * search, {@code select --where} and every export: the label column (the manifest's, or
 * {@code label} for a bundle without labels) holds the corrected labels, {@code LABEL_original}
 * the bundle's own, and {@code tags} the tags joined by {@value Annotations#TAG_SEPARATOR}. A name
 * the points file already uses gets a number ({@code tags_2}), so no column of the bundle is hidden.
 */
public record AnnotatedColumns(String label, String original, String tags) {
    /** The names for {@code bundle}; {@link #original()} is null when the bundle has no labels. */
    public static AnnotatedColumns of(Bundle bundle) {
        Set<String> taken = new HashSet<>(bundle.pointsColumns());
        taken.add("index");
        String label = bundle.hasLabels() ? bundle.manifest().label().column() : free(BundleFormat.LABEL_COLUMN, taken);
        taken.add(label);
        String original = bundle.hasLabels() ? free(label + "_original", taken) : null;
        if (original != null) taken.add(original);
        return new AnnotatedColumns(label, original, free("tags", taken));
    }

    private static String free(String name, Set<String> taken) {
        if (!taken.contains(name)) return name;
        for (int k = 2; ; k++) if (!taken.contains(name + "_" + k)) return name + "_" + k;
    }

    /** Whether the label column is shown: the bundle has labels, or the user has given some. */
    public static boolean hasLabels(Bundle bundle, Annotations a) {
        return bundle.hasLabels() || !a.labelValues().isEmpty();
    }

    /** Item {@code item}'s tags as one cell: joined by the separator, empty for none. */
    public static String tagCell(Annotations a, int item) {
        return String.join(String.valueOf(Annotations.TAG_SEPARATOR), a.tags(item));
    }
}
