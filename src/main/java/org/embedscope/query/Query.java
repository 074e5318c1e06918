package org.embedscope.query;

import org.embedscope.select.ItemSet;

/**
 * A query over a bundle's columns (README, "Selecting and searching"), for example
 * {@code label in (3, 5) and not split = 'test'} or {@code `file name` ~ "cat" or index < 100}.
 *
 * <p>Use: {@code Query.parse(text)} reads the text (syntax errors only), {@link #evaluate} checks the
 * columns and types against a table and returns the matching items. Both throw a
 * {@link QueryException} whose position is a 0-based offset into the text. Immutable; one query can be
 * evaluated against many tables. Evaluation costs a few primitive passes over the columns it names.
 */
public final class Query {
    private final String text;
    private final Expr expression;

    private Query(String text, Expr expression) {
        this.text = text;
        this.expression = expression;
    }

    /** Reads {@code text}; refuses it when malformed (an empty text too). */
    public static Query parse(String text) throws QueryException {
        return new Query(text, Parser.parse(text));
    }

    /** Parses and evaluates in one go. */
    public static ItemSet select(String text, ColumnTable table) throws QueryException {
        return parse(text).evaluate(table);
    }

    public String text() { return text; }

    /** The parsed tree. */
    public Expr expression() { return expression; }

    /** Refuses the query when it names a column {@code table} lacks or uses an operator its column's type cannot take. */
    public void check(ColumnTable table) throws QueryException {
        Evaluator.check(expression, table);
    }

    /** The items of {@code table} that match, after {@link #check}. */
    public ItemSet evaluate(ColumnTable table) throws QueryException {
        return Evaluator.evaluate(expression, table);
    }

    @Override
    public String toString() { return text; }
}
