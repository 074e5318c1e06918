package org.embedscope.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.embedscope.annotate.AnnotatedColumns;
import org.embedscope.annotate.Annotations;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.Decimal;
import org.embedscope.bundle.LabelValues;
import org.embedscope.bundle.Manifest;

/**
 * A bundle's points table as typed {@link Column}s, built once at load: {@code index} (the row
 * number from 0) first, then every column of the points file in file order — each layout's
 * {@code L_x} and {@code L_y}, the label column under its own name, the metadata columns.
 *
 * <p>A points-file column that is itself called {@code index} is left out: the name means the row
 * number here, as in the query language.
 */
public final class ColumnTable {
    /** The name of the row-number column. */
    public static final String INDEX = "index";

    private final int count;
    private final List<Column> columns;
    private final Map<String, Column> byName = new HashMap<>();

    private ColumnTable(int count, List<Column> columns) {
        this.count = count;
        this.columns = Collections.unmodifiableList(columns);
        for (Column c : columns) byName.put(c.name(), c);
    }

    /** Types every column of {@code bundle}. Linear in items × columns; no boxing per item. */
    public static ColumnTable of(Bundle bundle) {
        int n = bundle.count();
        Manifest m = bundle.manifest();
        List<Column> cols = new ArrayList<>();
        double[] index = new double[n];
        for (int i = 0; i < n; i++) index[i] = i;
        cols.add(new Column(INDEX, Column.Role.INDEX, n, index, false, null, null, null, null));
        String labelColumn = m.label() == null ? null : m.label().column();
        for (String name : bundle.pointsColumns()) {
            if (name.equals(INDEX)) continue;
            Column c = null;
            for (int l = 0; l < m.layouts().size() && c == null; l++) {
                Manifest.Layout layout = m.layouts().get(l);
                if (name.equals(layout.xColumn())) c = coordinate(name, bundle.coords(l), 0, n);
                else if (name.equals(layout.yColumn())) c = coordinate(name, bundle.coords(l), 1, n);
            }
            if (c == null && name.equals(labelColumn)) c = label(bundle);
            if (c == null) c = meta(name, bundle, bundle.metaColumns().indexOf(name));
            cols.add(c);
        }
        return new ColumnTable(n, cols);
    }

    /**
     * Types every column of {@code bundle} with a user's corrections in {@code edits} (see
     * {@link AnnotatedColumns}): the label column holds the corrected labels (the bundle's values in
     * display order, then the new ones as first typed; an item without a label has the empty value),
     * {@code LABEL_original} the bundle's labels, and a text column {@code tags} each item's tags.
     */
    public static ColumnTable of(Bundle bundle, Annotations edits) {
        return of(bundle).withEdits(bundle, edits);
    }

    /**
     * This table of {@code bundle}'s columns (from {@link #of(Bundle)}) with the corrections in {@code edits},
     * as {@link #of(Bundle, Annotations)} makes it: the bundle's columns are shared, not typed again, so
     * only the label and tags columns cost anything (a table per edit while a search runs).
     */
    public ColumnTable withEdits(Bundle bundle, Annotations edits) {
        if (edits.count() != bundle.count() || count != bundle.count()) {
            throw new IllegalArgumentException("annotations of " + edits.count() + " items for a bundle of " + bundle.count());
        }
        AnnotatedColumns names = AnnotatedColumns.of(bundle);
        List<Column> cols = new ArrayList<>();
        Column edited = AnnotatedColumns.hasLabels(bundle, edits) ? editedLabel(bundle, edits, names.label()) : null;
        Column original = null;
        for (Column c : columns) {
            if (c.role() == Column.Role.LABEL) {
                original = c;
                cols.add(edited);
            } else {
                cols.add(c);
            }
        }
        if (!bundle.hasLabels() && edited != null) cols.add(edited);
        if (names.original() != null && original != null) {
            cols.add(new Column(names.original(), Column.Role.META, original.count(), original.values(), false, original.codes(),
                    original.categories(), original.categoryValues(), bundle.manifest().label()));
        }
        cols.add(text(names.tags(), count, i -> AnnotatedColumns.tagCell(edits, i)));
        return new ColumnTable(count, cols);
    }

    /** The corrected labels: codes as the annotations keep them, with the empty value for items without one. */
    private static Column editedLabel(Bundle b, Annotations a, String name) {
        List<String> values = new ArrayList<>(a.labelValues());
        int n = b.count();
        int[] codes = new int[n];
        int empty = -1;
        for (int i = 0; i < n; i++) {
            int c = a.label(i);
            if (c < 0) {
                if (empty < 0) {
                    empty = values.indexOf("");
                    if (empty < 0) {
                        values.add("");
                        empty = values.size() - 1;
                    }
                }
                c = empty;
            }
            codes[i] = c;
        }
        // Read as numbers by the values items have: a label typed and taken back ("coat", undone) stays
        // in the list of values but must not turn the digits' column into text.
        boolean[] used = new boolean[values.size()];
        for (int c : codes) used[c] = true;
        List<String> usedValues = new ArrayList<>(values.size());
        for (int k = 0; k < values.size(); k++) usedValues.add(used[k] ? values.get(k) : "");
        double[] catValues = numbers(usedValues);
        return new Column(name, Column.Role.LABEL, n, perItem(codes, catValues), false, codes, values, catValues,
                b.manifest().label());
    }

    /** A text column with categories in order of first appearance (values vary per item, as file names do). */
    private static Column text(String name, int n, java.util.function.IntFunction<String> value) {
        TextCodes coder = new TextCodes();
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) codes[i] = coder.code(value.apply(i));
        return new Column(name, Column.Role.META, n, null, false, codes, coder.values(), null, null);
    }

    /** Items per column. */
    public int count() { return count; }

    /** Every column: {@code index} first, then the points file's in file order. */
    public List<Column> columns() { return columns; }

    /** The column called {@code name} (exactly), or null. */
    public Column column(String name) { return byName.get(name); }

    /** The columns' names, in {@link #columns()} order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(columns.size());
        for (Column c : columns) names.add(c.name());
        return names;
    }

    private static Column coordinate(String name, float[] xy, int axis, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = xy[2 * i + axis];
        return new Column(name, Column.Role.COORDINATE, n, v, true, null, null, null, null);
    }

    /** The label column: the bundle's codes and values are already in display order. */
    private static Column label(Bundle b) {
        List<String> values = b.labelValues();
        double[] catValues = numbers(values);
        int[] codes = b.labels();
        return new Column(b.manifest().label().column(), Column.Role.LABEL, b.count(), perItem(codes, catValues),
                false, codes, values, catValues, b.manifest().label());
    }

    private static Column meta(String name, Bundle b, int c) {
        int n = b.count();
        TextCodes coder = new TextCodes();
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) codes[i] = coder.code(b.meta(c, i));
        List<String> firstSeen = coder.values();
        int m = firstSeen.size();
        double[] catValues = numbers(firstSeen);
        if (m > Column.SORTED_CATEGORIES) {
            return new Column(name, Column.Role.META, n, perItem(codes, catValues), false, codes, firstSeen, catValues, null);
        }
        // Display order (LabelValues): numbers by value with the empty value last; text alphabetically.
        int empty = firstSeen.indexOf("");
        int[] rank;
        if (catValues != null && empty >= 0) {
            List<String> nonEmpty = new ArrayList<>(firstSeen);
            nonEmpty.remove(empty);
            int[] r = LabelValues.rank(nonEmpty);
            rank = new int[m];
            for (int k = 0, j = 0; k < m; k++) rank[k] = k == empty ? m - 1 : r[j++];
        } else {
            rank = LabelValues.rank(firstSeen);
        }
        List<String> sorted = LabelValues.sorted(firstSeen, rank);
        for (int i = 0; i < n; i++) codes[i] = rank[codes[i]];
        double[] sortedValues = null;
        if (catValues != null) {
            sortedValues = new double[m];
            for (int k = 0; k < m; k++) sortedValues[rank[k]] = catValues[k];
        }
        return new Column(name, Column.Role.META, n, perItem(codes, sortedValues), false, codes, sorted, sortedValues, null);
    }

    /**
     * Each value as a number (NaN for the empty value), or null when any other value is not a plain
     * finite decimal, or when every value is empty.
     */
    private static double[] numbers(List<String> values) {
        double[] v = new double[values.size()];
        boolean any = false;
        for (int k = 0; k < v.length; k++) {
            String s = values.get(k);
            if (s.isEmpty()) {
                v[k] = Double.NaN;
                continue;
            }
            if (Decimal.invalidReason(s) != null) return null;
            v[k] = Double.parseDouble(s);
            if (!Double.isFinite(v[k])) return null;
            any = true;
        }
        return any ? v : null;
    }

    private static double[] perItem(int[] codes, double[] catValues) {
        if (catValues == null) return null;
        double[] v = new double[codes.length];
        for (int i = 0; i < v.length; i++) v[i] = catValues[codes[i]];
        return v;
    }
}
