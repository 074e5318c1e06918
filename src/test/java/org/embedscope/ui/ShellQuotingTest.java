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
