package org.embedscope.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive descent over the tokens of one query:
 *
 * <pre>
 * query      = or END
 * or         = and { "or" and }
 * and        = unary { "and" unary }
 * unary      = "not" unary | "(" or ")" | condition
 * condition  = column operator value | column [ "not" ] "in" "(" value { "," value } ")"
 * column     = bare word (not a keyword) | `back-quoted name`
 * operator   = "=" | "!=" | "<" | "<=" | ">" | ">=" | "~"
 * value      = number | 'string' | "string"
 * </pre>
 *
 * Keywords are case-insensitive. Nesting (parentheses and {@code not}) is limited to
 * {@link #MAX_DEPTH} levels, so that no query can exhaust the stack.
 */
final class Parser {
    static final int MAX_DEPTH = 200;

    private final String source;
    private final List<Token> tokens;
    private int k;
    private int depth;

    private Parser(String source, List<Token> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    static Expr parse(String source) throws QueryException {
        Parser p = new Parser(source, Lexer.tokens(source));
        if (p.peek().kind() == Token.Kind.END) {
            throw new QueryException(p.peek().position(), "expected a condition such as: label = 3");
        }
        Expr e = p.or();
        Token t = p.peek();
        if (t.kind() != Token.Kind.END) {
            String hint = t.kind() == Token.Kind.RIGHT_PAREN ? "; this ')' closes no '('" : "";
            throw new QueryException(t.position(), "expected 'and', 'or' or the end of the query, found " + t.describe(source) + hint);
        }
        return e;
    }

    private Token peek() { return tokens.get(k); }

    private Token take() { return tokens.get(k++); }

    private Expr or() throws QueryException {
        List<Expr> terms = new ArrayList<>();
        terms.add(and());
        while (peek().isKeyword("or")) {
            take();
            terms.add(and());
        }
        return terms.size() == 1 ? terms.get(0) : new Expr.Or(terms);
    }

    private Expr and() throws QueryException {
        List<Expr> terms = new ArrayList<>();
        terms.add(unary());
        while (peek().isKeyword("and")) {
            take();
            terms.add(unary());
        }
        return terms.size() == 1 ? terms.get(0) : new Expr.And(terms);
    }

    private Expr unary() throws QueryException {
        Token t = peek();
        if (t.isKeyword("not") || t.kind() == Token.Kind.LEFT_PAREN) {
            if (++depth > MAX_DEPTH) throw new QueryException(t.position(), "nested more than " + MAX_DEPTH + " levels deep");
            take();
            Expr e;
            if (t.kind() == Token.Kind.LEFT_PAREN) {
                e = or();
                Token close = peek();
                if (close.kind() != Token.Kind.RIGHT_PAREN) {
                    throw new QueryException(close.position(), "expected ')' to close the '(' at " + t.position()
                            + ", found " + close.describe(source));
                }
                take();
            } else {
                e = new Expr.Not(unary());
            }
            depth--;
            return e;
        }
        return condition();
    }

    private Expr condition() throws QueryException {
        Token c = take();
        boolean bare = c.kind() == Token.Kind.WORD && !isKeyword(c);
        if (!bare && c.kind() != Token.Kind.QUOTED_NAME) {
            boolean missing = c.kind() == Token.Kind.END || c.kind() == Token.Kind.RIGHT_PAREN;
            String what = missing
                    ? "expected a condition (column, operator, value)" + after(k - 1)
                            + (c.kind() == Token.Kind.END ? "" : ", found " + c.describe(source))
                    : "expected a column name, found " + c.describe(source);
            if (c.kind() == Token.Kind.WORD) what += "; back-quote a column with that name: `" + c.text() + "`";
            throw new QueryException(c.position(), what);
        }
        Expr.Name column = new Expr.Name(c.text(), c.position());
        Token op = take();
        if (op.kind() == Token.Kind.OPERATOR) {
            return new Expr.Compare(column, Expr.Operator.of(op.text()), op.position(), value(op));
        }
        boolean negated = false;
        Token in = op;
        if (op.isKeyword("not") && tokens.get(k).isKeyword("in")) {
            negated = true;
            in = take();
        }
        if (!in.isKeyword("in")) {
            throw new QueryException(op.position(), "expected an operator (= != < <= > >= ~ in) after "
                    + c.describe(source) + ", found " + op.describe(source));
        }
        Token open = take();
        if (open.kind() != Token.Kind.LEFT_PAREN) {
            throw new QueryException(open.position(), "expected '(' after 'in', found " + open.describe(source));
        }
        List<Expr.Literal> values = new ArrayList<>();
        values.add(value(open));
        while (true) {
            Token t = take();
            if (t.kind() == Token.Kind.RIGHT_PAREN) break;
            if (t.kind() != Token.Kind.COMMA) {
                throw new QueryException(t.position(), "expected ',' or ')' in the list of values after 'in' at "
                        + in.position() + ", found " + t.describe(source));
            }
            values.add(value(t));
        }
        return new Expr.In(column, negated, op.position(), values);
    }

    /** A number or a quoted string after {@code before}. */
    private Expr.Literal value(Token before) throws QueryException {
        Token t = take();
        if (t.kind() == Token.Kind.NUMBER) return new Expr.Literal(true, t.text(), t.number(), t.position());
        if (t.kind() == Token.Kind.STRING) return new Expr.Literal(false, t.text(), Double.NaN, t.position());
        String what = "expected a value after " + before.describe(source);
        if (t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.QUOTED_NAME) {
            what += " (a number, or text in quotes: '" + t.text() + "'), found " + t.describe(source);
        } else if (t.kind() != Token.Kind.END) {
            what += " (a number or a quoted string), found " + t.describe(source);
        }
        throw new QueryException(t.position(), what);
    }

    /** " after 'X'" naming token {@code i - 1}, or "" at the start. */
    private String after(int i) {
        return i > 0 ? " after " + tokens.get(i - 1).describe(source) : "";
    }

    private static boolean isKeyword(Token t) {
        return t.isKeyword("and") || t.isKeyword("or") || t.isKeyword("not") || t.isKeyword("in");
    }
}
