package org.embedscope.query;

/**
 * A query that cannot be read or run: where (a 0-based character position in the query text) and
 * what was expected. The message reads {@code "at 7: expected a value after '<'"}.
 */
public final class QueryException extends Exception {
    private final int position;
    private final String detail;

    public QueryException(int position, String detail) {
        super("at " + position + ": " + detail);
        this.position = position;
        this.detail = detail;
    }

    /** The 0-based character position in the query text where the problem is. */
    public int position() { return position; }

    /** What is wrong and what was expected, without the position. */
    public String detail() { return detail; }
}
