package org.embedscope.bundle;

/**
 * Text made safe to print as one line of a terminal: a file name or a quoted input can hold a line
 * break, a terminal escape or a bidirectional override, each shown escaped instead
 * ({@code \n}, {@code \r}, {@code \t}, else {@code \xHH} or {@code \\uHHHH}). The one escaper of every
 * error line.
 */
public final class PrintableText {
    private PrintableText() {}

    /** {@code s} with its control characters escaped; {@code s} itself when it has none. */
    public static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isControl(c)) {
                if (sb != null) sb.append(c);
                continue;
            }
            if (sb == null) sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** C0 and C1 controls, DEL, the Unicode line and paragraph separators, and bidirectional overrides. */
    public static boolean isControl(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}
