package org.embedscope.render;

import java.util.Arrays;
import java.util.List;
import org.embedscope.query.Column;

/**
 * What colours the items: a column of the bundle, read either as <em>categories</em> (each value its
 * palette colour, a legend with counts and show/hide) or as <em>numbers</em> (viridis over an
 * editable range, by default the 2nd to 98th percentile; empty values grey). By default the label
 * column, as categories. Tinting draws each image's shape in its item's colour; flat squares always
 * take it. GL-free; its show/hide and range change only through {@link ViewState}.
 */
public final class ColourBy {
    /** How the column is read. */
    public enum Kind { CATEGORIES, NUMBERS }

    /** Most categories a column may have to be coloured by them (a legend longer than this helps no one). */
    public static final int MAX_CATEGORIES = 1024;
    /** The colour of items whose number is missing (an empty cell), 0xRRGGBB. */
    public static final int MISSING = 0x7a7a7a;
    /** What the GPU's value buffer holds for a missing number. */
    static final float MISSING_VALUE = -Float.MAX_VALUE;

    private final String column;
    private final Kind kind;
    private final int count;
    // Categories.
    private final int[] codes;
    private final List<String> names;
    private final int[] colours;
    private final int[] counts;
    private final boolean[] shown;
    // Numbers.
    private final float[] values;
    private final double defaultLo, defaultHi;
    private double lo, hi;
    private final int missing;

    private ColourBy(String column, Kind kind, int count, int[] codes, List<String> names, int[] colours, int[] counts,
                     float[] values, double lo, double hi, int missing) {
        this.column = column;
        this.kind = kind;
        this.count = count;
        this.codes = codes;
        this.names = names;
        this.colours = colours;
        this.counts = counts;
        this.shown = names == null ? null : new boolean[Math.max(1, names.size())];
        if (shown != null) Arrays.fill(shown, true);
        this.values = values;
        this.defaultLo = this.lo = lo;
        this.defaultHi = this.hi = hi;
        this.missing = missing;
    }

    /**
     * Colour by categories in the palette's colours: {@code codes[i]} is item i's category, an index
     * into {@code names} (display names, in legend order). The empty value (a text column's empty cells)
     * is grey, as a missing number is: untagged items had been the palette's strongest blue.
     */
    public static ColourBy categories(String column, int[] codes, List<String> names) {
        int[] colours = new int[Math.max(1, names.size())];
        for (int k = 0; k < colours.length; k++) colours[k] = k < names.size() && names.get(k).isEmpty() ? MISSING : Palette.rgb(k);
        return categories(column, codes, names, colours);
    }

    /** The same with each category's colour given ({@code 0xRRGGBB}, one per name). */
    public static ColourBy categories(String column, int[] codes, List<String> names, int[] colours) {
        int[] counts = new int[Math.max(1, names.size())];
        for (int c : codes) counts[c]++;
        return new ColourBy(column, Kind.CATEGORIES, codes.length, codes, List.copyOf(names), colours.clone(), counts,
                null, 0, 0, 0);
    }

    /** Every item in one category (a bundle without labels). */
    public static ColourBy single(int count) {
        return categories(null, new int[count], List.of("all"));
    }

    /**
     * Colour by {@code c}: as categories when {@code asCategories} (the column must have them, at most
     * {@link #MAX_CATEGORIES}), else as numbers (the column must be numeric).
     *
     * @throws IllegalArgumentException naming the column and why it cannot be coloured so
     */
    public static ColourBy of(Column c, boolean asCategories) {
        if (asCategories) {
            // A number column of few values only, as the window's "as categories" offers it (render took 201).
            if (c.isNumeric() && !c.holdsLabels() && !c.fewDistinct()) {
                throw new IllegalArgumentException("column '" + c.name() + "' holds " + (c.categories() != null
                        ? String.format(java.util.Locale.ROOT, "%,d", c.categories().size()) + " different numbers" : "numbers of many values")
                        + "; a number column is read as categories up to " + Column.FEW_DISTINCT + " different values (the window's 'as categories')");
            }
            if (!c.hasCategories()) throw new IllegalArgumentException("column '" + c.name() + "' has no categories; colour it as numbers");
            if (c.categories().size() > MAX_CATEGORIES) {
                throw new IllegalArgumentException("column '" + c.name() + "' has " + c.categories().size()
                        + " distinct values; at most " + MAX_CATEGORIES + " can be coloured as categories");
            }
            String[] names = new String[c.categories().size()];
            for (int k = 0; k < names.length; k++) names[k] = c.displayName(k);
            return categories(c.name(), c.codes(), Arrays.asList(names));
        }
        if (!c.isNumeric()) throw new IllegalArgumentException("column '" + c.name() + "' is text; colour it as categories");
        double[] v = c.values();
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = Double.isNaN(v[i]) ? MISSING_VALUE : (float) v[i];
        double[] range = c.defaultColourRange();
        return new ColourBy(c.name(), Kind.NUMBERS, v.length, null, null, null, null, f, range[0], range[1], c.missing());
    }

    /**
     * How {@code c} is coloured when chosen without saying: the label column as categories, other
     * numeric columns as numbers, text as categories when it has at most {@link #MAX_CATEGORIES}.
     * Null when it can be coloured neither way.
     */
    public static Boolean defaultAsCategories(Column c) {
        boolean categorical = c.hasCategories() && c.categories().size() <= MAX_CATEGORIES;
        if (c.holdsLabels() && categorical) return true;
        if (c.isNumeric()) return false;
        return categorical ? true : null;
    }

    /** The column's name; null for the single category of a bundle without labels. */
    public String column() { return column; }

    public Kind kind() { return kind; }

    public boolean isCategories() { return kind == Kind.CATEGORIES; }

    public int itemCount() { return count; }

    // ---------------------------------------------------------------- categories

    /** Per item, its category; null for numbers. Do not modify. */
    public int[] codes() { return codes; }

    /** Number of categories (0 for numbers). */
    public int categoryCount() { return names == null ? 0 : names.size(); }

    public String categoryName(int category) { return names.get(category); }

    /** The legend's name for the items whose cell of the column is empty. */
    public static final String EMPTY_NAME = "(empty)";

    /** Category {@code category}'s name as the legend shows it: {@link #EMPTY_NAME} for the empty value. */
    public String legendName(int category) {
        String n = names.get(category);
        return n.isEmpty() ? EMPTY_NAME : n;
    }

    /** The categories' names, in legend order. */
    public List<String> categoryNames() { return names; }

    /** Items of category {@code category}. */
    public int categoryCount(int category) { return counts[category]; }

    /** The colour of category {@code category}, 0xRRGGBB. */
    public int categoryColour(int category) { return colours[category]; }

    /** Every category's colour, 0xRRGGBB (a copy). */
    public int[] categoryColours() { return colours.clone(); }

    public boolean isShown(int category) { return shown[category]; }

    /** Per category, whether it is shown (a copy); for numbers, one entry, shown. */
    public boolean[] shownCategories() { return shown == null ? new boolean[] {true} : shown.clone(); }

    /** Shows and hides categories as {@code other} does, by index; categories beyond {@code other}'s stay shown. */
    void showLike(ColourBy other) {
        if (shown == null || other.shown == null) return;
        System.arraycopy(other.shown, 0, shown, 0, Math.min(shown.length, other.shown.length));
    }

    boolean setShown(int category, boolean on) {
        if (shown[category] == on) return false;
        shown[category] = on;
        return true;
    }

    /** True when the legend hides item {@code item} (its category is hidden). */
    boolean hides(int item) {
        return codes != null && !shown[codes[item]];
    }

    // ---------------------------------------------------------------- numbers

    /** Per item, its number ({@link #MISSING_VALUE} when empty); null for categories. Do not modify. */
    float[] values() { return values; }

    /** True when item {@code item}'s number is missing. */
    public boolean isMissing(int item) { return values != null && values[item] == MISSING_VALUE; }

    /** Items whose number is missing. */
    public int missing() { return missing; }

    /** The value mapped to the map's start. */
    public double low() { return lo; }

    /** The value mapped to the map's end. */
    public double high() { return hi; }

    /** The range the column starts with: its 2nd to 98th percentile. */
    public double[] defaultRange() { return new double[] {defaultLo, defaultHi}; }

    boolean setRange(double low, double high) {
        if (low == lo && high == hi) return false;
        lo = low;
        hi = high;
        return true;
    }

    /** Where value {@code v} falls on the map, 0 to 1 (clamped; a range of no width puts everything at its end). */
    public float position(double v) {
        if (!(hi > lo)) return v >= hi ? 1f : 0f;
        return (float) Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
    }

    // ---------------------------------------------------------------- both

    /** Item {@code item}'s colour, 0xRRGGBB: what the shaders draw it in. */
    public int rgb(int item) {
        if (kind == Kind.CATEGORIES) return categoryColour(codes[item]);
        if (values[item] == MISSING_VALUE) return MISSING;
        return ColourMap.rgb(position(values[item]));
    }
}
