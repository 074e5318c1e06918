package org.embedscope.query;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.embedscope.select.ItemSet;

/**
 * Checks a parsed query against a {@link ColumnTable} (columns exist, operators suit their types) and
 * evaluates it into an {@link ItemSet}, one column at a time: each condition is one primitive loop
 * over the column's values, or — for columns with categories — a test of each distinct value
 * followed by one loop over the items' codes. {@code and}, {@code or} and {@code not} combine whole
 * bitsets word by word.
 *
 * <p>Semantics (README, "Selecting and searching"): an empty value equals nothing and is neither less
 * nor greater than anything, so it matches {@code !=} and {@code not}; a quoted value compares as
 * text (on the label column also with its display names); a number compares by value on numeric
 * columns, and as written on text columns. Coordinates compare at float precision, as stored.
 */
final class Evaluator {
    private static final int LISTED_COLUMNS = 12;

    private final ColumnTable table;
    private final int n;

    private Evaluator(ColumnTable table) {
        this.table = table;
        this.n = table.count();
    }

    static void check(Expr e, ColumnTable table) throws QueryException {
        new Evaluator(table).check(e);
    }

    /** The items matching {@code e}, which {@link #check} accepted. */
    static ItemSet evaluate(Expr e, ColumnTable table) throws QueryException {
        Evaluator ev = new Evaluator(table);
        ev.check(e);
        return ev.eval(e);
    }

    // ---------------------------------------------------------------- checking

    private void check(Expr e) throws QueryException {
        if (e instanceof Expr.And a) {
            for (Expr x : a.operands()) check(x);
        } else if (e instanceof Expr.Or o) {
            for (Expr x : o.operands()) check(x);
        } else if (e instanceof Expr.Not not) {
            check(not.operand());
        } else if (e instanceof Expr.Compare c) {
            Column col = resolve(c.column());
            Expr.Operator op = c.op();
            if (op.isOrder()) {
                if (!col.isNumeric()) {
                    String text = col.textAmongNumbers();
                    throw new QueryException(c.opPosition(), "column '" + col.name() + "' is text"
                            + (text == null ? "" : " (numbers but for values such as '" + text + "'; a missing value is an empty cell)")
                            + "; '" + op.symbol + "' needs a numeric column");
                }
                if (!c.value().isNumber()) {
                    throw new QueryException(c.value().position(), "'" + op.symbol + "' compares numbers; expected a number,"
                            + " found the text '" + c.value().text() + "' (write numbers without quotes)");
                }
            } else if (op == Expr.Operator.CONTAINS) {
                if (col.isNumeric() && col.role() != Column.Role.LABEL) {
                    throw new QueryException(c.opPosition(), "column '" + col.name() + "' is numeric; '~' needs a text column");
                }
            } else {
                checkEquality(col, c.value());
            }
        } else if (e instanceof Expr.In in) {
            Column col = resolve(in.column());
            for (Expr.Literal v : in.values()) checkEquality(col, v);
        }
    }

    private static void checkEquality(Column col, Expr.Literal v) throws QueryException {
        if (!v.isNumber() && !col.hasCategories()) {
            throw new QueryException(v.position(), "column '" + col.name() + "' holds numbers; expected a number, found the text '"
                    + v.text() + "' (write numbers without quotes)");
        }
    }

    private Column resolve(Expr.Name name) throws QueryException {
        Column c = table.column(name.name());
        if (c != null) return c;
        List<String> names = table.names();
        List<String> near = NearNames.near(name.name(), names, 3);
        StringBuilder sb = new StringBuilder("unknown column '").append(name.name()).append("'");
        if (!near.isEmpty()) sb.append("; did you mean ").append(quotedList(near, " or ")).append("?");
        sb.append(near.isEmpty() ? "; " : " ").append("The columns are ");
        sb.append(quotedList(names.subList(0, Math.min(LISTED_COLUMNS, names.size())), ", "));
        if (names.size() > LISTED_COLUMNS) sb.append(", … (").append(names.size()).append(" in all)");
        throw new QueryException(name.position(), sb.toString());
    }

    private static String quotedList(List<String> names, String separator) {
        StringBuilder sb = new StringBuilder();
        for (String s : names) {
            if (sb.length() > 0) sb.append(separator);
            sb.append('\'').append(s).append('\'');
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- evaluating

    private ItemSet eval(Expr e) {
        if (e instanceof Expr.And a) {
            ItemSet s = eval(a.operands().get(0));
            for (int i = 1; i < a.operands().size() && !s.isEmpty(); i++) s.and(eval(a.operands().get(i)));
            return s;
        }
        if (e instanceof Expr.Or o) {
            ItemSet s = eval(o.operands().get(0));
            for (int i = 1; i < o.operands().size(); i++) s.or(eval(o.operands().get(i)));
            return s;
        }
        if (e instanceof Expr.Not not) return eval(not.operand()).flip();
        if (e instanceof Expr.Compare c) return compare(table.column(c.column().name()), c.op(), c.value());
        Expr.In in = (Expr.In) e;
        ItemSet s = in(table.column(in.column().name()), in.values());
        return in.negated() ? s.flip() : s;
    }

    private ItemSet compare(Column col, Expr.Operator op, Expr.Literal v) {
        if (op == Expr.Operator.NOT_EQUAL) return compare(col, Expr.Operator.EQUAL, v).flip();
        if (col.hasCategories()) {
            boolean[] match = new boolean[col.categories().size()];
            markCategories(col, op, v, match);
            return byCategory(col.codes(), match);
        }
        // Numeric without categories (index, coordinates): an interval test per item.
        double x = literal(col, v.number());
        return switch (op) {
            case EQUAL -> interval(col.values(), x, x);
            case LESS -> interval(col.values(), Double.NEGATIVE_INFINITY, Math.nextDown(x));
            case LESS_EQUAL -> interval(col.values(), Double.NEGATIVE_INFINITY, x);
            case GREATER -> interval(col.values(), Math.nextUp(x), Double.POSITIVE_INFINITY);
            case GREATER_EQUAL -> interval(col.values(), x, Double.POSITIVE_INFINITY);
            default -> throw new IllegalStateException(op + " on " + col); // refused by check
        };
    }

    /** Sets {@code match[k]} for each category {@code k} that {@code op v} accepts. */
    private static void markCategories(Column col, Expr.Operator op, Expr.Literal v, boolean[] match) {
        List<String> cats = col.categories();
        int m = cats.size();
        if (op == Expr.Operator.CONTAINS) {
            String needle = v.text().toLowerCase(Locale.ROOT);
            String[] lower = col.lowerCaseCategories();
            for (int k = 0; k < m; k++) {
                match[k] |= lower[k].contains(needle)
                        || (col.hasDisplayName(k) && col.displayName(k).toLowerCase(Locale.ROOT).contains(needle));
            }
            return;
        }
        if (op == Expr.Operator.EQUAL && !(v.isNumber() && col.isNumeric())) {
            // Text equality: a quoted string, or a number on a text column, as written.
            String s = v.text();
            for (int k = 0; k < m; k++) {
                match[k] |= cats.get(k).equals(s) || (col.hasDisplayName(k) && col.displayName(k).equals(s));
            }
            return;
        }
        double[] cv = col.categoryValues();
        double x = v.number();
        double lo, hi;
        switch (op) {
            case EQUAL -> { lo = x; hi = x; }
            case LESS -> { lo = Double.NEGATIVE_INFINITY; hi = Math.nextDown(x); }
            case LESS_EQUAL -> { lo = Double.NEGATIVE_INFINITY; hi = x; }
            case GREATER -> { lo = Math.nextUp(x); hi = Double.POSITIVE_INFINITY; }
            case GREATER_EQUAL -> { lo = x; hi = Double.POSITIVE_INFINITY; }
            default -> throw new IllegalStateException(op.symbol);
        }
        for (int k = 0; k < m; k++) match[k] |= cv[k] >= lo && cv[k] <= hi;
    }

    private ItemSet in(Column col, List<Expr.Literal> values) {
        if (col.hasCategories()) {
            boolean[] match = new boolean[col.categories().size()];
            for (Expr.Literal v : values) markCategories(col, Expr.Operator.EQUAL, v, match);
            return byCategory(col.codes(), match);
        }
        double[] xs = new double[values.size()];
        for (int i = 0; i < xs.length; i++) xs[i] = literal(col, values.get(i).number());
        Arrays.sort(xs);
        double[] v = col.values();
        long[] words = new long[(n + 63) >>> 6];
        for (int k = 0; k < words.length; k++) {
            int base = k << 6, end = Math.min(64, n - base);
            long bits = 0;
            for (int b = 0; b < end; b++) if (Arrays.binarySearch(xs, v[base + b]) >= 0) bits |= 1L << b;
            words[k] = bits;
        }
        return ItemSet.ofWords(n, words);
    }

    /** The literal as the column stores numbers: rounded to float for coordinates. */
    private static double literal(Column col, double x) {
        return col.isFloatPrecision() ? (double) (float) x : x;
    }

    /** Items whose value lies in {@code [lo, hi]}; NaN (empty) never does. */
    private ItemSet interval(double[] v, double lo, double hi) {
        long[] words = new long[(n + 63) >>> 6];
        for (int k = 0; k < words.length; k++) {
            int base = k << 6, end = Math.min(64, n - base);
            long bits = 0;
            for (int b = 0; b < end; b++) {
                double x = v[base + b];
                bits |= (x >= lo && x <= hi ? 1L : 0L) << b;
            }
            words[k] = bits;
        }
        return ItemSet.ofWords(n, words);
    }

    /** Items whose category is marked. */
    private ItemSet byCategory(int[] codes, boolean[] match) {
        boolean any = false, all = true;
        for (boolean m : match) {
            any |= m;
            all &= m;
        }
        if (!any) return new ItemSet(n);
        if (all) return ItemSet.all(n);
        long[] words = new long[(n + 63) >>> 6];
        for (int k = 0; k < words.length; k++) {
            int base = k << 6, end = Math.min(64, n - base);
            long bits = 0;
            for (int b = 0; b < end; b++) bits |= (match[codes[base + b]] ? 1L : 0L) << b;
            words[k] = bits;
        }
        return ItemSet.ofWords(n, words);
    }
}
