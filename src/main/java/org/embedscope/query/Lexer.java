package org.embedscope.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a query into {@link Token}s: bare words (a letter or '_' first, then letters, digits, '_',
 * '.', '-'), back-quoted names, numbers (plain decimals with optional sign and exponent), strings in
 * single or double quotes (the quote doubled inside stands for itself), the operators
 * {@code = != < <= > >= ~}, parentheses and commas.
 */
final class Lexer {
    private final String s;
    private int p;

    private Lexer(String s) {
        this.s = s;
    }

    /** The tokens of {@code text}, ending with an {@link Token.Kind#END} token at its length. */
    static List<Token> tokens(String text) throws QueryException {
        Lexer lx = new Lexer(text);
        List<Token> out = new ArrayList<>();
        while (true) {
            Token t = lx.next();
            out.add(t);
            if (t.kind() == Token.Kind.END) return out;
        }
    }

    private Token next() throws QueryException {
        while (p < s.length() && Character.isWhitespace(s.charAt(p))) p++;
        int start = p;
        if (p == s.length()) return new Token(Token.Kind.END, "", Double.NaN, p, p);
        char c = s.charAt(p);
        switch (c) {
            case '(' -> { p++; return token(Token.Kind.LEFT_PAREN, start); }
            case ')' -> { p++; return token(Token.Kind.RIGHT_PAREN, start); }
            case ',' -> { p++; return token(Token.Kind.COMMA, start); }
            case '~' -> { p++; return token(Token.Kind.OPERATOR, start); }
            case '<', '>' -> {
                p++;
                if (p < s.length() && s.charAt(p) == '=') p++;
                else if (c == '<' && p < s.length() && s.charAt(p) == '>') {
                    throw new QueryException(start, "unexpected '<>'; use '!=' for 'not equal'");
                }
                return token(Token.Kind.OPERATOR, start);
            }
            case '=' -> {
                p++;
                if (p < s.length() && s.charAt(p) == '=') throw new QueryException(start, "unexpected '=='; use '=' to compare");
                return token(Token.Kind.OPERATOR, start);
            }
            case '!' -> {
                p++;
                if (p < s.length() && s.charAt(p) == '=') {
                    p++;
                    return token(Token.Kind.OPERATOR, start);
                }
                throw new QueryException(start, "unexpected '!'; expected '!=' (not equal) or the word 'not'");
            }
            case '&' -> throw new QueryException(start, "unexpected '&'; use the word 'and'");
            case '|' -> throw new QueryException(start, "unexpected '|'; use the word 'or'");
            case '\'', '"' -> { return string(c); }
            case '`' -> { return quotedName(); }
            default -> { }
        }
        if (isDigit(c) || ((c == '-' || c == '+' || c == '.') && startsNumber(p))) return number();
        if (Character.isLetter(c) || c == '_') {
            while (p < s.length() && isWordChar(s.charAt(p))) p++;
            return new Token(Token.Kind.WORD, s.substring(start, p), Double.NaN, start, p);
        }
        throw new QueryException(start, "unexpected '" + new String(Character.toChars(s.codePointAt(start)))
                + "'; expected a column name, a value, an operator (= != < <= > >= ~ in), 'and', 'or', 'not' or parentheses");
    }

    private Token token(Token.Kind kind, int start) {
        return new Token(kind, s.substring(start, p), Double.NaN, start, p);
    }

    /** True when a number starts at {@code i}: a sign or point followed by a digit (or a point and a digit). */
    private boolean startsNumber(int i) {
        if (s.charAt(i) == '-' || s.charAt(i) == '+') i++;
        if (i < s.length() && s.charAt(i) == '.') i++;
        return i < s.length() && isDigit(s.charAt(i));
    }

    private Token number() throws QueryException {
        int start = p;
        if (s.charAt(p) == '-' || s.charAt(p) == '+') p++;
        while (p < s.length() && isDigit(s.charAt(p))) p++;
        if (p < s.length() && s.charAt(p) == '.') {
            p++;
            while (p < s.length() && isDigit(s.charAt(p))) p++;
        }
        if (p < s.length() && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
            int e = p + 1;
            if (e < s.length() && (s.charAt(e) == '+' || s.charAt(e) == '-')) e++;
            if (e < s.length() && isDigit(s.charAt(e))) {
                p = e;
                while (p < s.length() && isDigit(s.charAt(p))) p++;
            }
        }
        if (p < s.length() && isWordChar(s.charAt(p))) {
            int end = p;
            while (end < s.length() && isWordChar(s.charAt(end))) end++;
            throw new QueryException(start, "'" + s.substring(start, end) + "' is not a number; put text in quotes"
                    + " ('" + s.substring(start, end) + "'), and back-quote a column name that starts with a digit");
        }
        String text = s.substring(start, p);
        double v = Double.parseDouble(text);
        if (!Double.isFinite(v)) throw new QueryException(start, text + " is too large; expected a finite number");
        return new Token(Token.Kind.NUMBER, text, v, start, p);
    }

    private Token string(char quote) throws QueryException {
        int start = p++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (p == s.length()) {
                throw new QueryException(start, "the string has no closing " + quote + "; expected text between " + quote + " and "
                        + quote + " (write " + quote + quote + " for the quote itself)");
            }
            char c = s.charAt(p++);
            if (c == quote) {
                if (p < s.length() && s.charAt(p) == quote) {
                    sb.append(quote);
                    p++;
                } else {
                    return new Token(Token.Kind.STRING, sb.toString(), Double.NaN, start, p);
                }
            } else {
                sb.append(c);
            }
        }
    }

    private Token quotedName() throws QueryException {
        int start = p++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (p == s.length()) {
                throw new QueryException(start, "the column name has no closing `; expected a name between ` and `");
            }
            char c = s.charAt(p++);
            if (c == '`') {
                if (p < s.length() && s.charAt(p) == '`') {
                    sb.append('`');
                    p++;
                } else {
                    return new Token(Token.Kind.QUOTED_NAME, sb.toString(), Double.NaN, start, p);
                }
            } else {
                sb.append(c);
            }
        }
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
    }
}
