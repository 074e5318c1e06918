package org.embedscope.util;

import java.util.Locale;

/** A count and its noun for the lines people read: "1 layout", "3 layouts", "1,050,000 items". */
public final class Counted {
    private Counted() {}

    /** {@code n} (thousands grouped) and {@code noun}, with an "s" unless {@code n} is 1. */
    public static String of(long n, String noun) {
        return of(n, noun, noun + "s");
    }

    /** {@code n} (thousands grouped) and {@code one} or {@code many}: for nouns whose plural is not noun + "s". */
    public static String of(long n, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }
}
