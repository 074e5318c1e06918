package org.embedscope.cli;

import java.util.regex.Pattern;
import org.embedscope.bundle.PrintableText;

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

    /** picocli's line for a map option's value without '=' (it says "option option"). */
    private static final Pattern NOT_KEY_VALUE = Pattern.compile(
            "Value for option (?:option )?'([^']+)' \\(([^)]*)\\) should be in KEY=VALUE format but was (.*)", Pattern.DOTALL);

    /** A command-line error in the words of embedscope's other option errors: the option, what was expected, what was given. */
    static String option(String message) {
        java.util.regex.Matcher m = message == null ? null : NOT_KEY_VALUE.matcher(message);
        if (m != null && m.matches()) return m.group(1) + ": expected " + m.group(2) + ", got '" + m.group(3) + "'";
        return message;
    }

    /** The message as one printable line. */
    static String clean(String message) {
        if (message == null || message.isBlank()) return "unknown error";
        String withoutNames = CLASS_NAME.matcher(message).replaceAll("").strip();
        return PrintableText.escape(withoutNames.isEmpty() ? message : withoutNames);
    }
}
