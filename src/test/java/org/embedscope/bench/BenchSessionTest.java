package org.embedscope.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.embedscope.progress.TerminalProgress;
import org.embedscope.render.AtlasTextures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench's session as a user waits for it: its phases shown one by one, the bar's end where the session ends. */
class BenchSessionTest {
    @TempDir Path dir;

    /** Runs the session on {@code bundle} with its progress logged; returns the log. */
    private static String logged(Path bundle, boolean matchDemo) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress progress = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        BenchSession.run(bundle, 320, 200, true, matchDemo, AtlasTextures.DEFAULT_BUDGET, progress);
        progress.finish();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void thePhasesAreCountedOffToTheEnd() throws Exception {
        Path bundle = SyntheticBundleWriter.write(dir.resolve("b"), 400, 7);
        for (boolean demo : new boolean[] {false, true}) {
            String log = logged(bundle, demo);
            Matcher m = Pattern.compile(Pattern.quote(BenchSession.PHASES_STAGE) + " +(\\d+)/(\\d+) in ").matcher(log);
            assertTrue(m.find(), log);
            // The total the bar counts to is the phases the session runs: its ETA is right, and it ends full.
            assertEquals(m.group(2), m.group(1), (demo ? "demo: " : "") + log);
        }
    }
}
