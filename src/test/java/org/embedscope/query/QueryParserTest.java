package org.embedscope.query;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the parser accepts (as trees) and refuses (with the position and what was expected), as README documents. */
class QueryParserTest {

    /** The tree as an S-expression: {@code (and (= a 1) (not (~ b 'x')))}. */
    static String tree(Expr e) {
        if (e instanceof Expr.And a) return "(and " + a.operands().stream().map(QueryParserTest::tree).collect(Collectors.joining(" ")) + ")";
        if (e instanceof Expr.Or o) return "(or " + o.operands().stream().map(QueryParserTest::tree).collect(Collectors.joining(" ")) + ")";
        if (e instanceof Expr.Not n) return "(not " + tree(n.operand()) + ")";
        if (e instanceof Expr.Compare c) return "(" + c.op().symbol + " " + c.column().name() + " " + lit(c.value()) + ")";
        Expr.In in = (Expr.In) e;
        return "(" + (in.negated() ? "not-in " : "in ") + in.column().name() + " "
                + in.values().stream().map(QueryParserTest::lit).collect(Collectors.joining(" ")) + ")";
    }

    static String lit(Expr.Literal l) {
        return l.isNumber() ? "#" + l.number() : "'" + l.text() + "'";
    }

    static String parsed(String q) throws QueryException {
        return tree(Query.parse(q).expression());
    }

    @Test
    void comparisonsOfEveryOperator() throws QueryException {
        assertEquals("(= label #3.0)", parsed("label = 3"));
        assertEquals("(!= label #3.0)", parsed("label!=3"));
        assertEquals("(< score #-0.5)", parsed("score < -.5"));
        assertEquals("(<= score #1000.0)", parsed("score <= 1e3"));
        assertEquals("(> score #2.5)", parsed("score>+2.5"));
        assertEquals("(>= score #0.02)", parsed("score >= 2E-2"));
        assertEquals("(~ file 'Cat')", parsed("file ~ 'Cat'"));
        assertEquals("(= split 'test')", parsed("split = \"test\""));
    }

    @Test
    void namesBareBackQuotedAndWithDotsOrDashes() throws QueryException {
        assertEquals("(= my col 'a')", parsed("`my col` = 'a'"));
        assertEquals("(= we`ird #1.0)", parsed("`we``ird` = 1"));
        assertEquals("(< t-SNE_x #0.0)", parsed("t-SNE_x < 0"));
        assertEquals("(= a.b #1.0)", parsed("a.b = 1"));
        assertEquals("(= _x #1.0)", parsed("_x = 1"));
        assertEquals("(= and #1.0)", parsed("`and` = 1"), "a keyword as a column, back-quoted");
        assertEquals("(= größe #1.0)", parsed("größe = 1"));
    }

    @Test
    void stringsDoubleTheirQuoteToHoldIt() throws QueryException {
        assertEquals("(= note 'it's')", parsed("note = 'it''s'"));
        assertEquals("(= note 'say \"hi\"')", parsed("note = 'say \"hi\"'"));
        assertEquals("(= note 'say \"hi\"')", parsed("note = \"say \"\"hi\"\"\""));
        assertEquals("(= note '')", parsed("note = ''"));
    }

    @Test
    void inListsMixNumbersAndStrings() throws QueryException {
        assertEquals("(in label #1.0 #2.0 'seven')", parsed("label in (1, 2,'seven')"));
        assertEquals("(not-in label #1.0)", parsed("label not in (1)"));
        assertEquals("(in label #1.0)", parsed("label IN (1)"));
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() throws QueryException {
        assertEquals("(or (= a #1.0) (and (= b #2.0) (= c #3.0)))", parsed("a = 1 or b = 2 and c = 3"));
        assertEquals("(and (or (= a #1.0) (= b #2.0)) (= c #3.0))", parsed("(a = 1 or b = 2) and c = 3"));
        assertEquals("(and (not (= a #1.0)) (= b #2.0))", parsed("not a = 1 and b = 2"));
        assertEquals("(not (and (= a #1.0) (= b #2.0)))", parsed("NOT (a = 1 And b = 2)"));
        assertEquals("(not (not (= a #1.0)))", parsed("not not a = 1"));
        assertEquals("(or (= a #1.0) (= b #2.0) (= c #3.0))", parsed("a=1 or b=2 or c=3"), "chains are flat");
        assertEquals("(= a #1.0)", parsed("((( a = 1 )))"));
    }

    @Test
    void positionsPointIntoTheText() throws QueryException {
        Expr.Compare c = (Expr.Compare) Query.parse("  label >= 3").expression();
        assertEquals(2, c.column().position());
        assertEquals(8, c.opPosition());
        assertEquals(11, c.value().position());
    }

    /** Asserts that {@code q} is refused at {@code position} with a message containing {@code says}. */
    static void refused(String q, int position, String says) {
        QueryException e = assertThrows(QueryException.class, () -> Query.parse(q), q);
        assertEquals(position, e.position(), q + " -> " + e.getMessage());
        assertTrue(e.getMessage().contains(says), q + " -> " + e.getMessage());
        assertTrue(e.getMessage().startsWith("at " + position + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void malformedQueriesSayWhereAndWhatWasExpected() {
        refused("", 0, "expected a condition");
        refused("   ", 3, "expected a condition");
        refused("label <", 7, "expected a value after '<'");
        refused("label = five", 8, "expected a value after '=' (a number, or text in quotes: 'five')");
        refused("label = 3 and", 13, "expected a condition (column, operator, value) after 'and'");
        refused("label = 3 or ()", 14, "expected a condition (column, operator, value) after '('");
        refused("(label = 3", 10, "expected ')' to close the '(' at 0");
        refused("label = 3)", 9, "this ')' closes no '('");
        refused("label 3", 6, "expected an operator (= != < <= > >= ~ in) after 'label', found '3'");
        refused("label", 5, "expected an operator");
        refused("label not 3", 6, "expected an operator");
        refused("label == 3", 6, "use '=' to compare");
        refused("label <> 3", 6, "use '!='");
        refused("label ! 3", 6, "expected '!='");
        refused("label = 'abc", 8, "no closing '");
        refused("label = \"abc", 8, "no closing \"");
        refused("`my col = 3", 0, "no closing `");
        refused("label in 3", 9, "expected '(' after 'in'");
        refused("label in (1 2)", 12, "expected ',' or ')'");
        refused("label in (1,", 12, "expected a value after ','");
        refused("label in ()", 10, "expected a value after '('");
        refused("x = 3abc", 4, "'3abc' is not a number");
        refused("2x = 3", 0, "back-quote a column name that starts with a digit");
        refused("x = 1e999", 4, "too large");
        refused("x = 1 & y = 2", 6, "use the word 'and'");
        refused("x = 1 || y = 2", 6, "use the word 'or'");
        refused("and = 3", 0, "expected a column name, found 'and'");
        refused("x = 3 y = 4", 6, "expected 'and', 'or' or the end of the query, found 'y'");
        refused("x = 3 #", 6, "unexpected '#'");
        refused("= 3", 0, "expected a column name, found '='");
        refused("'x' = 3", 0, "expected a column name, found ''x''");
        refused("x = y", 4, "found 'y'");
    }

    /** The code blocks of README's "Selecting and searching" section, in order. */
    static List<List<String>> readmeBlocks() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Selecting and searching");
        assertTrue(start >= 0, "README has the section");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 3));
        List<List<String>> blocks = new ArrayList<>();
        String[] parts = section.split("```");
        for (int k = 1; k < parts.length; k += 2) blocks.add(parts[k].strip().lines().toList());
        return blocks;
    }

    @Test
    void theReadmeExamplesParse() throws Exception {
        List<String> examples = readmeBlocks().get(0);
        int n = 0;
        for (String line : examples) {
            for (String q : line.strip().split(" {2,}")) {
                Query.parse(q);
                n++;
            }
        }
        assertTrue(n >= 8, n + " examples");
    }

    @Test
    void theReadmeErrorsAreWhatTheParserSays() throws Exception {
        // columns as in assets/mnist
        LinkedHashMap<String, String[]> cols = new LinkedHashMap<>();
        cols.put("label", new String[] {"3"});
        cols.put("split", new String[] {"test"});
        ColumnTable mnistLike = ColumnTable.of(MemoryBundle.of(new float[2], cols, "label", Map.of("3", "three")));
        List<String> errors = readmeBlocks().get(2);
        assertTrue(errors.size() >= 5);
        for (String line : errors) {
            String[] qm = line.split(" {2,}", 2);
            QueryException e = assertThrows(QueryException.class, () -> Query.select(qm[0], mnistLike), qm[0]);
            String want = qm[1].replace("'umap_x', …", "'L_x', 'L_y', 'label', 'split'"); // the test table's layout is L
            assertEquals(want, e.getMessage(), qm[0]);
        }
    }

    @Test
    void nestingIsBoundedSoNoQueryExhaustsTheStack() throws QueryException {
        String ok = "(".repeat(Parser.MAX_DEPTH) + "a = 1" + ")".repeat(Parser.MAX_DEPTH);
        assertEquals("(= a #1.0)", parsed(ok));
        refused("(".repeat(Parser.MAX_DEPTH + 1) + "a = 1" + ")".repeat(Parser.MAX_DEPTH + 1), Parser.MAX_DEPTH, "nested more than");
        refused("not ".repeat(100_000) + "a = 1", 4 * Parser.MAX_DEPTH, "nested more than");
    }
}
