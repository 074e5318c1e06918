package org.embedscope.cli;

import java.util.regex.Pattern;

/**
 * Makes an error message safe to print as one line for a person: control characters (a file name can
 * hold a newline or a terminal escape) are shown escaped, and Java class names that a library put in
 * its message ({@code org.apache.commons.csv.CSVException: …}) are left out.
 */
final class ErrorLines {
    private ErrorLines() {}

    /**
     * A qualified exception class name as {@code Throwable.toString()} prefixes a message with it
     * ({@code java.io.IOException: }); only names ending in Exception or Error, so file names stay whole.
     */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");

    /** The message as one printable line. */
    static String clean(String message) {
        if (message == null || message.isBlank()) return "unknown error";
        String withoutNames = CLASS_NAME.matcher(message).replaceAll("").strip();
        return escape(withoutNames.isEmpty() ? message : withoutNames);
    }

    /** Control characters as escapes: {@code \n}, {@code \t}, {@code \r}, else {@code \xHH} or {@code \\uHHHH}. */
    static String escape(String s) {
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
    private static boolean isControl(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}
