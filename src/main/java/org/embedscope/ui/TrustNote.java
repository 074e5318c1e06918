package org.embedscope.ui;

import java.util.Locale;
import org.embedscope.bundle.Manifest;

/**
 * The overlay's one line about a layout's trust column ({@code L_trust}, written by {@code prepare}
 * and {@code quality --per-item}) when it is the colour: what the number means, so a user reads the
 * colours as "where this map can be trusted" rather than as another property of the images.
 */
public final class TrustNote {
    private TrustNote() {}

    /**
     * The line for colour column {@code column} of a bundle with manifest {@code m}, or null when it is
     * no layout's trust column; {@code mean} is the column's mean (NaN to leave it out).
     */
    public static String line(Manifest m, String column, double mean) {
        if (column == null) return null;
        for (Manifest.Layout l : m.layouts()) {
            if (!column.equals(l.trustColumn())) continue;
            Manifest.Neighbors nb = m.neighbors();
            String k = nb != null ? Integer.toString(nb.k()) : "k";
            return String.format(Locale.ROOT, "%s: the share of each item's %s nearest neighbours in the original space that %s "
                            + "also draws among its %s nearest (1: kept together, 0: torn apart)%s", column, k, l.title(), k,
                    Double.isNaN(mean) ? "" : String.format(Locale.ROOT, "; mean %.3f", mean));
        }
        return null;
    }
}
