package org.embedscope.query;

import java.util.List;

/**
 * A parsed query, as a tree. Positions are 0-based character offsets into the query text, kept so
 * that errors found later (an unknown column, a type mismatch) can say where.
 */
public sealed interface Expr {

    /** Every operand holds. */
    record And(List<Expr> operands) implements Expr {
        public And { operands = List.copyOf(operands); }
    }

    /** At least one operand holds. */
    record Or(List<Expr> operands) implements Expr {
        public Or { operands = List.copyOf(operands); }
    }

    /** The operand does not hold. */
    record Not(Expr operand) implements Expr {}

    /** {@code column op value}. */
    record Compare(Name column, Operator op, int opPosition, Literal value) implements Expr {}

    /** {@code column in (v1, v2, ...)}, or {@code not in} when {@code negated}. */
    record In(Name column, boolean negated, int opPosition, List<Literal> values) implements Expr {
        public In { values = List.copyOf(values); }
    }

    /** A column as written: bare or back-quoted. */
    record Name(String name, int position) {}

    /** A number or a quoted string, with its text as written (a number's digits, a string unquoted). */
    record Literal(boolean isNumber, String text, double number, int position) {}

    /** The comparison operators. */
    enum Operator {
        EQUAL("="), NOT_EQUAL("!="), LESS("<"), LESS_EQUAL("<="), GREATER(">"), GREATER_EQUAL(">="), CONTAINS("~");

        public final String symbol;

        Operator(String symbol) { this.symbol = symbol; }

        /** True for the order comparisons, which need numbers. */
        public boolean isOrder() {
            return this == LESS || this == LESS_EQUAL || this == GREATER || this == GREATER_EQUAL;
        }

        static Operator of(String symbol) {
            for (Operator o : values()) if (o.symbol.equals(symbol)) return o;
            throw new IllegalArgumentException(symbol);
        }
    }
}
