package org.embedscope.query;

import java.util.List;
import org.embedscope.bundle.Manifest;

/**
 * One column of a bundle's points table, typed once at load (see {@link ColumnTable}).
 *
 * <p>A column is <em>numeric</em> when it has at least one non-empty value and every non-empty value
 * is a plain finite decimal number; then {@link #values()} holds one {@code double} per item, NaN
 * where the value is empty. Otherwise it is <em>text</em>.
 *
 * <p>Label and metadata columns also carry <em>categories</em>: each distinct value as written, its
 * item count, and one code per item ({@link #codes()}). Categories are in display order: numeric
 * order when the column is numeric (an empty value last), else alphabetical — up to
 * {@link #SORTED_CATEGORIES} of them; beyond that (file names, unique ids: too many for a legend) they
 * stay in order of first appearance, which costs no sort at load. {@link #fewDistinct()}
 * says whether a palette with a legend makes sense; a numeric column with few distinct values can
 * be shown either as numbers or as categories.
 *
 * <p>The arrays returned are the column's own: read them, do not modify them.
 */
public final class Column {
    /** Where a column comes from. */
    public enum Role {
        /** The item's row number from 0: the virtual column {@code index}. */
        INDEX,
        /** A layout's {@code L_x} or {@code L_y}, at the float precision the renderer uses. */
        COORDINATE,
        /** The label column named in the manifest. */
        LABEL,
        /** Any other column of the points file. */
        META
    }

    /** Most distinct values for which {@link #fewDistinct()} holds. */
    public static final int FEW_DISTINCT = 32;
    /** Most categories that are put in display order at load. */
    public static final int SORTED_CATEGORIES = 65_536;

    private final String name;
    private final Role role;
    private final int count;
    private final double[] values;
    private final boolean floatPrecision;
    private final int[] codes;
    private final List<String> categories;
    private final int[] categoryCounts;
    private final double[] categoryValues;
    private final Manifest.Label label;
    private final double min;
    private final double max;
    private final int missing;
    private volatile String[] lowerCase;

    /** Takes {@code categories} as is (not copied): the caller hands over a list it no longer changes. */
    Column(String name, Role role, int count, double[] values, boolean floatPrecision, int[] codes,
           List<String> categories, double[] categoryValues, Manifest.Label label) {
        this.name = name;
        this.role = role;
        this.count = count;
        this.values = values;
        this.floatPrecision = floatPrecision;
        this.codes = codes;
        this.categories = categories == null ? null : java.util.Collections.unmodifiableList(categories);
        this.categoryValues = categoryValues;
        this.label = label;
        if (codes != null) {
            categoryCounts = new int[categories.size()];
            for (int c : codes) categoryCounts[c]++;
        } else {
            categoryCounts = null;
        }
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        int nan = 0;
        if (values != null) {
            for (double v : values) {
                if (Double.isNaN(v)) {
                    nan++;
                } else {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        } else {
            int empty = categories.indexOf("");
            nan = empty < 0 ? 0 : categoryCounts[empty];
        }
        this.min = nan == count || values == null ? Double.NaN : lo;
        this.max = nan == count || values == null ? Double.NaN : hi;
        this.missing = nan;
    }

    /** The name as the points file's header (or, for {@code index}, the query language) writes it. */
    public String name() { return name; }

    public Role role() { return role; }

    /**
     * True for the label column and for a column of the same labels under another name ({@code
     * LABEL_original}, the bundle's labels beside a user's corrections): categories by default, as the label
     * is (digits as labels had been offered as numbers there).
     */
    public boolean holdsLabels() { return role == Role.LABEL || label != null; }

    /** Items in the column. */
    public int count() { return count; }

    /** True when every non-empty value is a number; {@link #values()} is then available. */
    public boolean isNumeric() { return values != null; }

    /**
     * Per item, the value as a number, NaN where empty; null for a text column. Coordinates are the
     * floats the renderer draws, widened.
     */
    public double[] values() { return values; }

    /** True for coordinate columns: values are floats, so queries compare numbers at float precision. */
    public boolean isFloatPrecision() { return floatPrecision; }

    /** True when the column has categories (label and metadata columns). */
    public boolean hasCategories() { return codes != null; }

    /** True when the column has categories and at most {@link #FEW_DISTINCT} of them. */
    public boolean fewDistinct() { return codes != null && categories.size() <= FEW_DISTINCT; }

    /** Per item, its category (an index into {@link #categories()}); null without categories. */
    public int[] codes() { return codes; }

    /** The distinct values as written, in display order; null without categories. */
    public List<String> categories() { return categories; }

    /**
     * For a text column whose values are numbers but for a few texts (R's {@code NA}, NumPy's {@code nan}
     * for a missing value), the first of those texts, in display order; else null (a column of words,
     * a numeric column). What a user is told made the column text.
     */
    public String textAmongNumbers() {
        if (isNumeric() || categories == null) return null;
        String text = null;
        int numbers = 0, texts = 0;
        for (String v : categories) {
            if (v.isEmpty()) continue;
            if (org.embedscope.bundle.Decimal.isFiniteNumber(v)) {
                numbers++;
            } else {
                if (text == null) text = v;
                texts++;
            }
        }
        return numbers > texts ? text : null;
    }

    /** Per category, how many items hold it; null without categories. */
    public int[] categoryCounts() { return categoryCounts; }

    /** Per category, its value as a number (NaN for the empty value); null unless numeric with categories. */
    double[] categoryValues() { return categoryValues; }

    /** The name to show for category {@code code}: the manifest's display name for labels, else the value. */
    public String displayName(int code) {
        String v = categories.get(code);
        return label == null ? v : label.displayName(v);
    }

    /** The categories in lower case (Locale.ROOT), made on first use, for case-insensitive search. */
    String[] lowerCaseCategories() {
        String[] l = lowerCase;
        if (l == null) {
            l = new String[categories.size()];
            for (int k = 0; k < l.length; k++) l[k] = categories.get(k).toLowerCase(java.util.Locale.ROOT);
            lowerCase = l;
        }
        return l;
    }

    /** True when {@code code}'s display name differs from its value (labels with names). */
    boolean hasDisplayName(int code) {
        return label != null && label.names().containsKey(categories.get(code));
    }

    /** Item {@code item}'s value as text: as written for label and metadata, formatted for the others. */
    public String text(int item) {
        if (codes != null) return categories.get(codes[item]);
        if (role == Role.INDEX) return Integer.toString(item);
        return Float.toString((float) values[item]);
    }

    /** The smallest value; NaN for text or when every value is empty. */
    public double min() { return min; }

    /** The largest value; NaN for text or when every value is empty. */
    public double max() { return max; }

    /** Items whose value is empty. */
    public int missing() { return missing; }

    /** Percentiles of the values (empty ones left out); for numeric columns only. Sorts a copy. */
    public Percentiles percentiles() {
        if (values == null) throw new IllegalStateException("column '" + name + "' is text");
        return Percentiles.of(values);
    }

    /**
     * The default colour range of a numeric column: its 2nd to 98th percentile, or its minimum to
     * maximum when those coincide (few distinct values). {@code {NaN, NaN}} when every value is empty.
     */
    public double[] defaultColourRange() {
        Percentiles p = percentiles();
        double lo = p.at(2), hi = p.at(98);
        if (!(hi > lo)) {
            lo = min;
            hi = max;
        }
        return new double[] {lo, hi};
    }

    @Override
    public String toString() {
        return name + " (" + (isNumeric() ? "numeric" : "text") + ")";
    }
}
