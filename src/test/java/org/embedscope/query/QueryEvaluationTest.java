package org.embedscope.query;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.Decimal;
import org.embedscope.select.ItemSet;
import org.embedscope.select.SampleBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluation against a straightforward reference: random tables, random queries generated as trees
 * of the test's own, printed as text (random spacing, keyword case, redundant parentheses), parsed and
 * evaluated by {@link Query}, and compared item by item with the reference's reading of the same tree.
 */
class QueryEvaluationTest {
    @TempDir static Path dir;
    static ColumnTable sample;

    @BeforeAll
    static void load() throws Exception {
        sample = ColumnTable.of(SampleBundle.load(SampleBundle.write(dir.resolve("b"))));
    }

    static int[] items(String q) throws QueryException {
        return Query.select(q, sample).toArray();
    }

    // ---------------------------------------------------------------- semantics on the sample bundle

    @Test
    void numbersCompareByValueAndEmptyValuesMatchOnlyNotEqual() throws QueryException {
        // score = i / 2, empty for item 5
        assertArrayEquals(new int[] {0, 1, 2}, items("score < 1.5"));
        assertArrayEquals(new int[] {0, 1, 2, 3}, items("score <= 1.5"));
        assertArrayEquals(new int[] {10, 11}, items("score > 4.5"));
        assertArrayEquals(new int[] {9, 10, 11}, items("score >= 4.5"));
        assertArrayEquals(new int[] {4}, items("score = 2"));
        assertArrayEquals(new int[] {4}, items("score = 2.0e0"));
        assertArrayEquals(new int[] {0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11}, items("score != 2"));
        assertArrayEquals(new int[] {5}, items("score = ''"), "a quoted empty string finds empty values");
        assertArrayEquals(new int[] {4}, items("score = '2.0'"), "a quoted value compares as written");
        assertArrayEquals(new int[] {}, items("score = '2'"));
        assertArrayEquals(new int[] {5}, items("not (score < 100 or score >= 100)"));
    }

    @Test
    void textEqualityContainsAndLists() throws QueryException {
        assertArrayEquals(new int[] {0, 3, 6, 9}, items("split = 'train'"));
        assertArrayEquals(new int[] {2, 5, 8, 11}, items("split = \"\""));
        assertArrayEquals(new int[] {0, 1, 3, 4, 6, 7, 9, 10}, items("split != ''"));
        assertArrayEquals(new int[] {0, 1, 3, 4, 6, 7, 9, 10}, items("split ~ 'T'"), "case-insensitive");
        assertArrayEquals(new int[] {1, 10, 11}, items("file ~ '1'"));
        assertArrayEquals(new int[] {1, 3, 5, 7, 9, 11}, items("`my col` = 'b'"));
        assertArrayEquals(new int[] {}, items("`my col` = 'B'"), "= is case-sensitive");
        assertArrayEquals(new int[] {0, 1, 3, 4, 6, 7, 9, 10}, items("split in ('train', \"test\")"));
        assertArrayEquals(new int[] {2, 5, 8, 11}, items("split not in ('train', 'test')"));
        assertArrayEquals(new int[] {}, items("file ~ 'nothing like it'"));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, items("file ~ ''"));
    }

    @Test
    void theLabelMatchesItsValuesAndItsDisplayNames() throws QueryException {
        // digit = i mod 4, named zero..three
        assertArrayEquals(new int[] {2, 6, 10}, items("digit = 2"));
        assertArrayEquals(new int[] {2, 6, 10}, items("digit = 'two'"));
        assertArrayEquals(new int[] {2, 6, 10}, items("digit = '2'"));
        assertArrayEquals(new int[] {3, 7, 11}, items("digit ~ 'HR'"), "~ on the label reads its names");
        assertArrayEquals(new int[] {0, 3, 4, 7, 8, 11}, items("digit in ('zero', 3)"));
        assertArrayEquals(new int[] {0, 1, 4, 5, 8, 9}, items("digit < 2"));
    }

    @Test
    void indexAndCoordinates() throws QueryException {
        assertArrayEquals(new int[] {0, 1, 2}, items("index < 3"));
        assertArrayEquals(new int[] {11}, items("index = 11"));
        assertArrayEquals(new int[] {}, items("index = 12"));
        assertArrayEquals(new int[] {3, 5, 7}, items("index in (7, 3, 5, 99)"));
        assertArrayEquals(new int[] {4}, items("pca_x = -4"));
        assertArrayEquals(new int[] {2, 5, 8, 11}, items("umap_y >= 2"));
        assertArrayEquals(new int[] {10, 11}, items("pca_y > 19 and umap_x > 0"));
        assertArrayEquals(new int[] {0, 1, 2, 3}, items("index < 2 or (index >= 2 and index < 4)"));
    }

    /**
     * A column of numbers with R's NA for its missing values is text (missing is an empty cell), and '<'
     * on it said only "is text", though every value the user saw was a number: the line names the value.
     */
    @Test
    void numbersWithAMissingMarkerAreSaidToBeTextBecauseOfIt() {
        float[] xy = {0, 0, 1, 0, 2, 0, 3, 0};
        LinkedHashMap<String, String[]> cols = new LinkedHashMap<>();
        cols.put("score", new String[] {"0.5", "NA", "2", "1.5"});
        cols.put("city", new String[] {"Bern", "Oslo", "3", ""});
        ColumnTable t = ColumnTable.of(MemoryBundle.of(xy, cols, null, Map.of()));
        QueryException na = assertThrows(QueryException.class, () -> Query.select("score > 1", t));
        assertEquals("column 'score' is text (numbers but for values such as 'NA'; a missing value is an empty cell); '>' needs a numeric column",
                na.detail());
        QueryException words = assertThrows(QueryException.class, () -> Query.select("city > 1", t));
        assertEquals("column 'city' is text; '>' needs a numeric column", words.detail(), "a column of words is text as such");
    }

    @Test
    void coordinatesCompareAtFloatPrecision() throws QueryException {
        float[] xy = {0.1f, 0, 0.2f, 0, 0.30000001f, 0};
        LinkedHashMap<String, String[]> cols = new LinkedHashMap<>();
        cols.put("v", new String[] {"0.1", "0.2", "0.30000001"});
        ColumnTable t = ColumnTable.of(MemoryBundle.of(xy, cols, null, Map.of()));
        assertArrayEquals(new int[] {0}, Query.select("L_x = 0.1", t).toArray(), "0.1 as written matches the float 0.1f");
        assertArrayEquals(new int[] {0}, Query.select("L_x <= 0.1", t).toArray());
        assertArrayEquals(new int[] {}, Query.select("L_x < 0.1", t).toArray());
        assertArrayEquals(new int[] {2}, Query.select("L_x = 0.3", t).toArray(), "0.30000001 is the float nearest 0.3");
        assertArrayEquals(new int[] {}, Query.select("v = 0.3", t).toArray(), "metadata compares as doubles");
        assertArrayEquals(new int[] {0}, Query.select("v = 0.1", t).toArray());
    }

    // ---------------------------------------------------------------- errors found against the table

    static void refused(String q, int position, String says) {
        QueryException e = assertThrows(QueryException.class, () -> Query.select(q, sample), q);
        assertEquals(position, e.position(), q + " -> " + e.getMessage());
        assertTrue(e.getMessage().contains(says), q + " -> " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void unknownColumnsAndTypeMismatchesSayWhereAndWhat() throws QueryException {
        refused("file < 3", 5, "column 'file' is text; '<' needs a numeric column");
        refused("index < 3 and `my col` >= 1", 23, "column 'my col' is text; '>=' needs a numeric column");
        refused("score ~ 'a'", 6, "column 'score' is numeric; '~' needs a text column");
        refused("score < '3'", 8, "'<' compares numbers; expected a number, found the text '3'");
        refused("index = 'a'", 8, "column 'index' holds numbers; expected a number, found the text 'a'");
        refused("pca_x in (1, 'a')", 13, "column 'pca_x' holds numbers");
        refused("digit = 1 or dgit = 2", 13, "unknown column 'dgit'; did you mean 'digit'?");
        refused("SCORE = 2", 0, "did you mean 'score'?");
        refused("mycol = 'a'", 0, "did you mean 'my col'?");
        refused("zzzzzz = 1", 0, "unknown column 'zzzzzz'; The columns are 'index', 'file', 'umap_x'");
        // the first error in the text is the one reported
        refused("nope = 1 and file < 3", 0, "unknown column 'nope'");
        Query.parse("nope = 1"); // parsing alone does not know the columns
    }

    // ---------------------------------------------------------------- random tables against the reference

    /** A random table: coordinates with repeats, a label, numeric, text, mixed and empty columns. */
    static Bundle randomTable(SplittableRandom rnd, int n) {
        float[] xy = new float[2 * n];
        for (int i = 0; i < 2 * n; i++) xy[i] = rnd.nextInt(3) == 0 ? rnd.nextInt(-3, 4) / 4f : (float) (rnd.nextGaussian() * 3);
        String[][] pools = {
                {"1", "2", "10", "2.0", "7"},                                    // lab (numeric labels)
                {"", "0", "1.5", "-2", "3", "1e1", "10", "3.0", "-0.25"},         // num
                {"Apple", "apple pie", "", "Banana", "ÄRGER", "x,y", "3", "3.0", "it's"}, // txt
                {"1", "2", "n/a", "3.5"},                                         // mixed: text
                {""},                                                              // empty: text
        };
        String[] names = {"lab", "num", "txt", "mixed", "my col"};
        boolean textLabels = rnd.nextBoolean();
        if (textLabels) pools[0] = new String[] {"cat", "dog", "Bird", "10"};
        LinkedHashMap<String, String[]> cols = new LinkedHashMap<>();
        for (int c = 0; c < names.length; c++) {
            String[] v = new String[n];
            for (int i = 0; i < n; i++) v[i] = pools[c][rnd.nextInt(pools[c].length)];
            cols.put(names[c], v);
        }
        Map<String, String> labelNames = textLabels ? Map.of("cat", "Kitty") : Map.of("2", "two", "10", "ten");
        return MemoryBundle.of(xy, cols, "lab", labelNames);
    }

    /** The test's own query tree. */
    sealed interface Q permits Leaf, Many, Neg {}

    record Leaf(String column, String op, List<Lit> values) implements Q {}

    record Many(boolean and, List<Q> operands) implements Q {}

    record Neg(Q operand) implements Q {}

    record Lit(boolean number, String text) {}

    /** Straightforward reference: one item at a time, from the bundle's raw strings. */
    static final class Reference {
        final Bundle b;

        Reference(Bundle b) { this.b = b; }

        String raw(String column, int i) {
            if (column.equals("index")) return Integer.toString(i);
            if (column.equals("L_x")) return Float.toString(b.coords(0)[2 * i]);
            if (column.equals("L_y")) return Float.toString(b.coords(0)[2 * i + 1]);
            if (column.equals("lab")) return b.labelValues().get(b.labels()[i]);
            return b.meta(b.metaColumns().indexOf(column), i);
        }

        boolean numeric(String column) {
            boolean any = false;
            for (int i = 0; i < b.count(); i++) {
                String r = raw(column, i);
                if (r.isEmpty()) continue;
                if (!Decimal.isFiniteNumber(r)) return false;
                any = true;
            }
            return any;
        }

        boolean isCoordinate(String column) { return column.equals("L_x") || column.equals("L_y"); }

        double number(String column, int i) {
            String r = raw(column, i);
            return r.isEmpty() ? Double.NaN : Double.parseDouble(r);
        }

        String display(String column, String raw) {
            return column.equals("lab") ? b.manifest().label().displayName(raw) : raw;
        }

        boolean equal(String column, Lit v, int i) {
            if (v.number() && numeric(column)) {
                double x = Double.parseDouble(v.text());
                if (isCoordinate(column)) return (float) number(column, i) == (float) x;
                return number(column, i) == x;
            }
            String r = raw(column, i);
            return r.equals(v.text()) || display(column, r).equals(v.text());
        }

        boolean test(Q q, int i) {
            if (q instanceof Neg n) return !test(n.operand(), i);
            if (q instanceof Many m) {
                for (Q o : m.operands()) if (test(o, i) != m.and()) return !m.and();
                return m.and();
            }
            Leaf l = (Leaf) q;
            Lit v = l.values().get(0);
            switch (l.op()) {
                case "=": return equal(l.column(), v, i);
                case "!=": return !equal(l.column(), v, i);
                case "in": case "not in": {
                    boolean any = false;
                    for (Lit x : l.values()) any |= equal(l.column(), x, i);
                    return any == l.op().equals("in");
                }
                case "~": {
                    String r = raw(l.column(), i), needle = v.text().toLowerCase(Locale.ROOT);
                    return r.toLowerCase(Locale.ROOT).contains(needle)
                            || display(l.column(), r).toLowerCase(Locale.ROOT).contains(needle);
                }
                default: {
                    double a = number(l.column(), i), x = Double.parseDouble(v.text());
                    if (isCoordinate(l.column())) {
                        float fa = (float) a, fx = (float) x;
                        return switch (l.op()) {
                            case "<" -> fa < fx; case "<=" -> fa <= fx; case ">" -> fa > fx; default -> fa >= fx;
                        };
                    }
                    return switch (l.op()) {
                        case "<" -> a < x; case "<=" -> a <= x; case ">" -> a > x; default -> a >= x;
                    };
                }
            }
        }
    }

    /** Random valid queries over {@link #randomTable}'s columns. */
    static final class Generator {
        final SplittableRandom rnd;
        final Reference ref;
        final String[] columns = {"index", "L_x", "L_y", "lab", "num", "txt", "mixed", "my col"};

        Generator(SplittableRandom rnd, Reference ref) {
            this.rnd = rnd;
            this.ref = ref;
        }

        Q query(int depth) {
            int k = depth <= 0 ? 0 : rnd.nextInt(4);
            if (k == 0 || k == 3 && depth <= 1) return leaf();
            if (k == 3) return new Neg(query(depth - 1));
            List<Q> ops = new ArrayList<>();
            int m = 2 + rnd.nextInt(3);
            for (int j = 0; j < m; j++) ops.add(query(depth - 1));
            return new Many(k == 1, ops);
        }

        Lit someValue(String column) {
            int i = rnd.nextInt(ref.b.count());
            String r = ref.raw(column, i);
            boolean numeric = ref.numeric(column);
            if (numeric && (rnd.nextInt(4) > 0 || !(column.equals("lab") || column.equals("num")))) {
                if (r.isEmpty() || rnd.nextInt(5) == 0) return new Lit(true, Double.toString(rnd.nextInt(-12, 13) / 4.0));
                return new Lit(true, r.strip());
            }
            if (!numeric && rnd.nextInt(6) == 0) return new Lit(true, Integer.toString(rnd.nextInt(4)));
            if (rnd.nextInt(8) == 0) return new Lit(false, ref.display(column, r));
            return new Lit(false, r);
        }

        Leaf leaf() {
            String c = columns[rnd.nextInt(columns.length)];
            boolean numeric = ref.numeric(c);
            boolean text = !numeric || c.equals("lab");
            List<String> ops = new ArrayList<>(List.of("=", "!=", "in", "not in"));
            if (numeric) ops.addAll(List.of("<", "<=", ">", ">="));
            if (text) ops.add("~");
            String op = ops.get(rnd.nextInt(ops.size()));
            List<Lit> values = new ArrayList<>();
            int m = op.endsWith("in") ? 1 + rnd.nextInt(4) : 1;
            for (int j = 0; j < m; j++) {
                Lit v = someValue(c);
                if (op.equals("~")) {
                    String t = v.text();
                    int a = t.isEmpty() ? 0 : rnd.nextInt(t.length()), z = t.isEmpty() ? 0 : a + rnd.nextInt(t.length() - a + 1);
                    t = t.substring(a, z);
                    v = new Lit(false, rnd.nextBoolean() ? t.toUpperCase(Locale.ROOT) : t);
                }
                if ((op.length() == 1 && "<>".contains(op) || op.length() == 2 && op.charAt(1) == '=' && op.charAt(0) != '!')
                        && !v.number()) {
                    v = new Lit(true, Double.toString(rnd.nextInt(-12, 13) / 4.0));
                }
                if (!v.number() && !ref.numeric(c) || !v.number() && (c.equals("lab") || c.equals("num"))) values.add(v);
                else if (v.number()) values.add(v);
                else values.add(new Lit(true, "1"));
            }
            return new Leaf(c, op, values);
        }

        String space() {
            return switch (rnd.nextInt(4)) { case 0 -> ""; case 1, 2 -> " "; default -> "  "; };
        }

        String keyword(String k) {
            return switch (rnd.nextInt(3)) { case 0 -> k; case 1 -> k.toUpperCase(Locale.ROOT); default -> k.substring(0, 1).toUpperCase(Locale.ROOT) + k.substring(1); };
        }

        String lit(Lit v) {
            if (v.number()) return v.text();
            char q = rnd.nextBoolean() ? '\'' : '"';
            return q + v.text().replace(String.valueOf(q), "" + q + q) + q;
        }

        String name(String c) {
            return c.contains(" ") || rnd.nextInt(5) == 0 ? "`" + c + "`" : c;
        }

        String text(Q q) {
            if (q instanceof Neg n) {
                Q o = n.operand();
                return keyword("not") + " " + (o instanceof Many ? "(" + text(o) + ")" : wrapped(o, true));
            }
            if (q instanceof Many m) {
                StringBuilder sb = new StringBuilder();
                for (Q o : m.operands()) {
                    if (sb.length() > 0) sb.append(' ').append(keyword(m.and() ? "and" : "or")).append(' ');
                    sb.append(wrapped(o, m.and()));
                }
                return sb.toString();
            }
            Leaf l = (Leaf) q;
            String head = name(l.column()) + space();
            if (l.op().endsWith("in")) {
                if (!head.endsWith(" ") && !head.endsWith("`")) head += " ";
                StringBuilder sb = new StringBuilder(head + (l.op().equals("in") ? keyword("in") : keyword("not") + " " + keyword("in")) + space() + "(");
                for (int j = 0; j < l.values().size(); j++) sb.append(j == 0 ? space() : "," + space()).append(lit(l.values().get(j)));
                return sb.append(space()).append(")").toString();
            }
            String value = lit(l.values().get(0));
            // A space keeps '-3' after '<' from reading as '<-'... which is fine too; and keeps '=' '=' apart.
            return head + l.op() + (value.startsWith("=") ? " " : space()) + value;
        }

        /** An operand in parentheses when precedence needs them (an 'or' under 'and'), or at random. */
        String wrapped(Q q, boolean underAndOrNot) {
            boolean needs = q instanceof Many m && underAndOrNot && !m.and();
            return needs || rnd.nextInt(6) == 0 ? "(" + space() + text(q) + space() + ")" : text(q);
        }
    }

    @Test
    void randomQueriesOnRandomTablesMatchTheReference() throws QueryException {
        SplittableRandom rnd = new SplittableRandom(20240610);
        int checked = 0, nonTrivial = 0;
        for (int t = 0; t < 25; t++) {
            int n = 1 + rnd.nextInt(t < 5 ? 70 : 400);
            Bundle b = randomTable(rnd, n);
            ColumnTable table = ColumnTable.of(b);
            Reference ref = new Reference(b);
            Generator g = new Generator(rnd, ref);
            for (int k = 0; k < 60; k++) {
                Q q = g.query(rnd.nextInt(4));
                String text = g.text(q);
                ItemSet got = Query.select(text, table);
                int matches = 0;
                for (int i = 0; i < n; i++) {
                    boolean want = ref.test(q, i);
                    if (want) matches++;
                    assertEquals(want, got.contains(i), "item " + i + " of " + n + " for: " + text + " (value "
                            + (q instanceof Leaf l ? ref.raw(l.column(), i) : "") + ")");
                }
                assertEquals(matches, got.cardinality(), text);
                if (matches > 0 && matches < n) nonTrivial++;
                checked++;
            }
        }
        assertTrue(nonTrivial > checked / 3, "most queries split their table: " + nonTrivial + " of " + checked);
    }
}
