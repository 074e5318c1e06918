package org.embedscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.embedscope.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person reads when something is wrong: one printable line, no Java class names. */
class ErrorLinesTest {
    @TempDir Path dir;

    @Test
    void controlCharactersAreEscaped() {
        assertEquals("a\\nb\\tc\\r\\x1b[31m\\x7f\\x85\\u202e!", org.embedscope.bundle.PrintableText.escape("a\nb\tc\r\u001b[31m\u007f\u0085\u202e!"));
        assertEquals("plain é ü 漢字", org.embedscope.bundle.PrintableText.escape("plain é ü 漢字"));
    }

    @Test
    void classNamesAreLeftOutButFileNamesStay() {
        assertEquals("list.csv: line 2: not valid: Invalid char",
                ErrorLines.clean("list.csv: line 2: not valid: org.apache.commons.csv.CSVException: Invalid char"));
        assertEquals("disk full", ErrorLines.clean("java.io.IOException: disk full"));
        assertEquals("photos/my.Error.png: corrupt", ErrorLines.clean("photos/my.Error.png: corrupt"));
        assertEquals("unknown error", ErrorLines.clean(null));
    }

    private static void assertOneCleanLine(CliRun r) {
        assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("embedscope: "), err);
        assertFalse(err.matches("(?s).*[\\p{Cntrl}&&[^\\n]].*"), "no control characters: " + err);
        assertFalse(err.contains("Exception") || err.contains("org.") || err.contains("java."), "no class names: " + err);
    }

    @Test
    void aMalformedListCsvIsOneLineWithoutTheParsersClassName() throws Exception {
        TestData.save(TestData.grey(4, 4, (x, y) -> 9), "png", dir.resolve("a.png"));
        Path csv = Files.writeString(dir.resolve("bad.csv"), "path,label\na.png,\"x\"y\n");
        CliRun r = CliRun.of("prepare", "--list", csv.toString(), "-o", dir.resolve("out").toString());
        assertOneCleanLine(r);
        assertTrue(r.err().contains("bad.csv: line 2: not valid CSV: a quoted field has text after its closing quote"), r.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aFileNameWithATerminalEscapeIsPrintedEscaped() {
        CliRun r = CliRun.of("prepare", "--list", dir.resolve("evil\u001b[2J\nname.csv").toString(), "-o", dir.resolve("out").toString());
        assertOneCleanLine(r);
        assertTrue(r.err().contains("evil\\x1b[2J\\nname.csv"), r.err());
    }

    /**
     * A mistyped option that left a required one unset was reported as the missing one alone
     * ('render B --ouput shot.png': "Missing required option: '--out=FILE.png'"), hiding the typo.
     */
    @Test
    void aMistypedOptionIsNamedBesideTheMissingOneItLeft() {
        CliRun r = CliRun.of("render", "assets/mnist", "--ouput", "shot.png");
        assertOneCleanLine(r);
        assertTrue(r.err().contains("Unknown options: '--ouput', 'shot.png'; Missing required option: '--out=FILE.png'"), r.err());
        r = CliRun.of("prepare", "--idx", "a", "b", "--layuot=umap");
        assertOneCleanLine(r);
        assertTrue(r.err().contains("Unknown option: '--layuot=umap'; Missing required option"), r.err());
        r = CliRun.of("render", "assets/mnist");
        assertOneCleanLine(r);
        assertTrue(r.err().startsWith("embedscope: Missing required option: '--out=FILE.png'"), "nothing unknown, nothing more said: " + r.err());
    }

    @Test
    void aBadOptionValueIsOneLinePointingToHelp() {
        CliRun r = CliRun.of("render", dir.toString(), "--size", "big\u001b[0m", "--out", dir.resolve("x.png").toString());
        assertOneCleanLine(r);
        assertTrue(r.err().contains("big\\x1b[0m") && r.err().contains("see 'embedscope render --help'"), r.err());
    }

    /** picocli had said "Value for option option '--import-layout' (NAME=FILE) should be in KEY=VALUE format but was u". */
    @Test
    void aMapOptionWithoutItsNameIsSaidLikeTheOtherOptions() {
        CliRun r = CliRun.of("prepare", "--images", dir.toString(), "--import-layout", "u", "-o", dir.resolve("o").toString());
        assertEquals(2, r.code(), r.err());
        assertOneCleanLine(r);
        assertTrue(r.err().startsWith("embedscope: --import-layout: expected NAME=FILE, got 'u' (see 'embedscope prepare --help')"), r.err());
    }
}
