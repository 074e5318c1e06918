package org.embedscope.bundle;

import java.util.Locale;
import java.util.Set;

/** Recognises plain decimal numbers as CSV writers print them ({@code -1.5}, {@code 3e-05}, {@code .5}). */
public final class Decimal {
    private static final Set<String> NON_FINITE = Set.of("nan", "+nan", "-nan", "inf", "+inf", "-inf",
            "infinity", "+infinity", "-infinity");

    private Decimal() {}

    /**
     * Null when {@code text} is a plain decimal number (optional sign, digits with an optional point,
     * optional exponent, optional surrounding spaces); else why not, such as {@code "is not finite"}.
     * Stricter than {@link Float#parseFloat}, which also takes hex and a trailing {@code f} or {@code d}.
     */
    public static String invalidReason(String text) {
        int n = text.length();
        int i = 0;
        while (i < n && text.charAt(i) == ' ') i++;
        while (n > i && text.charAt(n - 1) == ' ') n--;
        if (i == n) return "is empty (a missing value?)";
        int start = i;
        if (text.charAt(i) == '+' || text.charAt(i) == '-') i++;
        int digits = 0;
        while (i < n && isDigit(text.charAt(i))) { i++; digits++; }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(text.charAt(i))) { i++; digits++; }
        }
        if (digits > 0 && i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) i++;
            int exp = 0;
            while (i < n && isDigit(text.charAt(i))) { i++; exp++; }
            if (exp == 0) return "is not a number";
        }
        if (digits > 0 && i == n) return null;
        if (NON_FINITE.contains(text.substring(start, n).toLowerCase(Locale.ROOT))) return "is not finite";
        return "is not a number";
    }

    /** True when {@code text} is a plain decimal number whose value is finite as a double. */
    public static boolean isFiniteNumber(String text) {
        return invalidReason(text) == null && Double.isFinite(Double.parseDouble(text));
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }
}
