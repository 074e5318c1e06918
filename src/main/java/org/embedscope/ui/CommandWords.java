package org.embedscope.ui;

/**
 * Words of a command line printed for the user to paste into the shell that runs the launcher: a POSIX
 * shell ({@code ./embedscope}), or Windows' cmd.exe ({@code embedscope.cmd}), where cmd reads the line
 * first (carets, quotes, {@code %}) and the Java launcher then splits what cmd passes on by the C runtime's
 * rules (double quotes, backslashes before a quote).
 */
enum CommandWords {
    POSIX, CMD;

    /** The shell of the launcher on this system. */
    static CommandWords ofThisSystem() {
        return System.getProperty("os.name", "").startsWith("Windows") ? CMD : POSIX;
    }

    /** {@code s} as one word: as it is when plain, else quoted so that the shell passes it on as it is. */
    String quoted(String s) {
        return this == POSIX ? posix(s) : cmd(s);
    }

    /**
     * What follows a command to say {@code note} without being part of it: a {@code #} comment in a POSIX
     * shell; in cmd, which has no comment after a command, a second line that {@code rem} makes one.
     */
    String note(String note) {
        return this == POSIX ? "  # " + note : System.lineSeparator() + "rem " + note;
    }

    private static String posix(String s) {
        return s.matches("[A-Za-z0-9_./,:=@%+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * For cmd and the C runtime's split: plain when nothing in it needs either; else in double quotes, a
     * quote in it as {@code \"} and the backslashes before a quote doubled. cmd takes every {@code "} as
     * the start or end of quoting, so where a {@code \"} left it unquoted, its special characters get a
     * caret; a {@code %} (which cmd expands even inside quotes) is put outside them, caret and all.
     */
    private static String cmd(String s) {
        if (s.matches("[A-Za-z0-9_./,:=@+\\\\-]+")) return s;
        StringBuilder out = new StringBuilder("\"");
        boolean cmdQuoted = true;   // as cmd sees it: the C runtime's split is within quotes throughout
        int backslashes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                backslashes++;
                continue;
            }
            if (c == '"' || (c == '%' && cmdQuoted)) {
                // Backslashes before a quote the split sees (this one, or the one put before a %) are doubled.
                out.append("\\".repeat(2 * backslashes));
            } else {
                out.append("\\".repeat(backslashes));
            }
            backslashes = 0;
            if (c == '"') {
                out.append("\\\"");
                cmdQuoted = !cmdQuoted;
            } else if (c == '%') {
                // Unquoted for both, then quoted again: "…"^%"…"
                out.append(cmdQuoted ? "\"^%\"" : "^%");
            } else if (!cmdQuoted && "^&|<>()!".indexOf(c) >= 0) {
                out.append('^').append(c);
            } else {
                out.append(c);
            }
        }
        // Before the closing quote, backslashes are doubled so that it stays one.
        out.append("\\".repeat(2 * backslashes));
        if (!cmdQuoted) out.append('^');
        return out.append('"').toString();
    }
}
