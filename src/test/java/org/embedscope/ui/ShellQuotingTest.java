package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The P key's words, quoted by {@link ExplorerWindow#shellQuoted}, are read back by bash itself as
 * they were, and the window tests' {@link ShellWords} splits them as bash does (it stands in for bash
 * where those tests run the printed command).
 */
class ShellQuotingTest {
    /** Words a path, a column name or a search may hold that a shell would otherwise split, expand or end at. */
    private static final List<String> WORDS = List.of("plain/path-1.0_x,y:z=@%+", "it's my bundle", "a \"quoted\" name",
            "$HOME and ${PATH}", "`date` $(date)", "back\\slash", "star*?[ab]", "~", "~root/x", "#not a comment",
            "semi;colon & pipe | (paren) <in >out", "", "tab\there", "new\nline", "!bang !! ^x^y", "Tōkyō",
            "-leading dash", "trailing space ", "''", "'", "\\'");

    @Test
    void bashReadsEveryQuotedWordBackAsItWas() throws Exception {
        assumeTrue(bash(), "needs bash");
        List<String> quoted = new ArrayList<>();
        for (String w : WORDS) quoted.add(ExplorerWindow.shellQuoted(w));
        // A trailing comment, as the P key's notes are written: bash must ignore it.
        String line = "printf '%s\\0' " + String.join(" ", quoted) + "  # a note (with parentheses; and 'quotes')";
        assertEquals(WORDS, bashWords(line), line);
        assertEquals(WORDS, ShellWords.split(line).subList(2, 2 + WORDS.size()), "ShellWords splits as bash does: " + line);
        assertEquals(2 + WORDS.size(), ShellWords.split(line).size(), "and ends at the comment");
    }

    @Test
    void plainWordsAreLeftAsTheyAre() {
        assertEquals("/tmp/b/bundle-1.0", ExplorerWindow.shellQuoted("/tmp/b/bundle-1.0"));
        assertEquals("'it'\\''s'", ExplorerWindow.shellQuoted("it's"));
    }

    @Test
    void cmdAndTheCRuntimesSplitReadEveryQuotedWordBackAsItWas() {
        // Windows paths and names: no newline in a cmd line, but anything else a column or a search may hold.
        List<String> words = new ArrayList<>();
        for (String w : WORDS) if (w.indexOf('\n') < 0) words.add(w);
        words.addAll(List.of("C:\\Users\\Ann Lee\\bundle", "C:\\trailing\\", "a\\\"b", "100% & %PATH% ^ \"x & y\" %",
                "\"odd quote & <here>", "%", "\\\\server\\share\\x%y\\", "x\\%y"));
        List<String> quoted = new ArrayList<>();
        for (String w : words) quoted.add(CommandWords.CMD.quoted(w));
        String line = "embedscope.cmd " + String.join(" ", quoted);
        List<String> read = cRuntimeSplit(cmdReads(line));
        assertEquals(words, read.subList(1, read.size()), line);
        assertEquals("C:\\embedscope\\embedscope.cmd", CommandWords.CMD.quoted("C:\\embedscope\\embedscope.cmd"));
        assertEquals("\"it's my bundle\"", CommandWords.CMD.quoted("it's my bundle"));
    }

    @Test
    void aNoteIsACommentInBashAndARemLineInCmd() {
        assertEquals("  # taken mid-transition", CommandWords.POSIX.note("taken mid-transition"));
        String cmd = CommandWords.CMD.note("taken mid-transition");
        assertEquals(List.of("", "rem taken mid-transition"), cmd.lines().toList(), "a line of its own after the command");
    }

    /**
     * What cmd.exe passes to the program for {@code line}: every {@code "} starts or ends quoting, outside
     * quotes a caret passes the next character on as it is; refuses what cmd would act on (an unescaped
     * {@code %}, which it expands even inside quotes, or {@code & | < >} outside quotes).
     */
    private static String cmdReads(String line) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '%') fail("an unescaped % at " + i + ": " + line);
            if (c == '"') {
                quoted = !quoted;
                out.append(c);
            } else if (!quoted && c == '^') {
                assertTrue(i + 1 < line.length(), "a caret at the end: " + line);
                out.append(line.charAt(++i));
            } else if (!quoted && "&|<>".indexOf(c) >= 0) {
                fail("'" + c + "' at " + i + " outside quotes is cmd syntax: " + line);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The C runtime's split of a command line into argv (what the Java launcher gets on Windows). */
    private static List<String> cRuntimeSplit(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                int n = 0;
                while (i < line.length() && line.charAt(i) == '\\') { n++; i++; }
                if (word == null) word = new StringBuilder();
                if (i < line.length() && line.charAt(i) == '"') {
                    word.append("\\".repeat(n / 2));
                    if (n % 2 == 1) word.append('"');
                    else quoted = !quoted;
                } else {
                    word.append("\\".repeat(n));
                    i--;
                }
            } else if (c == '"') {
                if (word == null) word = new StringBuilder();
                quoted = !quoted;
            } else if ((c == ' ' || c == '\t') && !quoted) {
                if (word != null) words.add(word.toString());
                word = null;
            } else {
                if (word == null) word = new StringBuilder();
                word.append(c);
            }
        }
        assertFalse(quoted, "an unclosed quote: " + line);
        if (word != null) words.add(word.toString());
        return words;
    }

    /**
     * The words bash's {@code printf '%s\0'} prints for {@code line}, run as a script file (so newlines stay
     * inside their quotes) with history expansion on, as in the terminal a user pastes into.
     */
    private static List<String> bashWords(String line) throws IOException, InterruptedException {
        Path script = Files.createTempFile("shell-quoting", ".sh");
        try {
            Files.writeString(script, "set -o history -H\n" + line + "\n", StandardCharsets.UTF_8);
            Process p = new ProcessBuilder("bash", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] out = p.getInputStream().readAllBytes();
            assertEquals(0, p.waitFor(), "bash ran " + line);
            String s = new String(out, StandardCharsets.UTF_8);
            assertTrue(s.endsWith("\0"), s);
            return Arrays.asList(s.substring(0, s.length() - 1).split("\0", -1));
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static boolean bash() {
        try {
            return new ProcessBuilder("bash", "-c", "true").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
