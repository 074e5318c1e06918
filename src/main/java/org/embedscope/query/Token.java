package org.embedscope.query;

/**
 * One token of a query: its kind, its text as the user wrote it (unquoted for names and strings),
 * its number when it is one, and where it starts.
 */
record Token(Kind kind, String text, double number, int position, int end) {
    enum Kind {
        /** A bare word: a column name or a keyword (and, or, not, in), told apart by the parser. */
        WORD,
        /** A back-quoted column name. */
        QUOTED_NAME,
        NUMBER,
        STRING,
        /** =, !=, <, <=, >, >=, ~ */
        OPERATOR,
        LEFT_PAREN,
        RIGHT_PAREN,
        COMMA,
        END
    }

    /** True for the keyword {@code keyword} (case-insensitive), written as a bare word. */
    boolean isKeyword(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    /** How an error message names this token: the source text quoted, or "the end of the query". */
    String describe(String source) {
        if (kind == Kind.END) return "the end of the query";
        return "'" + source.substring(position, end) + "'";
    }
}
