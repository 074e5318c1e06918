package org.embedscope.bundle;

import static org.junit.jupiter.api.Assertions.*;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commons CSV's own messages become one plain line naming the file and line. */
class CsvErrorsTest {
    @TempDir Path dir;

    /** What reading {@code bytes} as CSV throws, turned into a refusal; the caller's line is 99 so that the parser's own shows. */
    private String refusal(byte[] bytes) throws Exception {
        Path f = Files.write(dir.resolve("t.csv"), bytes);
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(r, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            p.getRecords();
        } catch (Exception e) {
            String m = CsvErrors.refusal(f, 99, e).getMessage();
            assertTrue(m.startsWith(f + ": "), m);
            assertFalse(m.contains("EOF") || m.contains("encapsulated") || m.contains("startline") || m.contains("position")
                    || m.contains("Exception") || m.contains("Input length"), "none of the parser's own words: " + m);
            return m;
        }
        return fail("parsed");
    }

    private String refusal(String text) throws Exception {
        return refusal(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anUnclosedQuoteNamesTheLineItOpensOn() throws Exception {
        String m = refusal("a,b\n1,x\n2,\"y\n3,z\n");
        assertTrue(m.contains("line 3: not valid CSV: a quoted field is not closed"), m);
    }

    @Test
    void textAfterAClosingQuoteNamesItsLine() throws Exception {
        String m = refusal("a,b\n1,x\n2,\"y\"z\n");
        assertTrue(m.contains("line 3: not valid CSV: a quoted field has text after its closing quote"), m);
    }

    @Test
    void linesPastAThousandAreReadWithoutTheirGroupingComma() throws Exception {
        // The parser writes "line: 1,235": the number, not its first group, is the line.
        String m = refusal("a,b\n" + "1,x\n".repeat(1233) + "2,\"y\"z\n");
        assertTrue(m.contains("line 1235: "), m);
    }

    @Test
    void bytesThatAreNotUtf8AreFoundOnTheirLine() throws Exception {
        byte[] latin1 = "a,b\n1,x\n2,café\n".getBytes(StandardCharsets.ISO_8859_1);
        String m = refusal(latin1);
        assertTrue(m.contains("line 3: holds bytes that are not UTF-8 text"), m);
    }

    @Test
    void aHeaderNamingAColumnTwiceIsRefused() {
        BundleException e = assertThrows(BundleException.class,
                () -> CsvErrors.checkHeader(Path.of("x.csv"), java.util.List.of("path", "score", "city", "score")));
        assertEquals("x.csv: line 1 (header): column name 'score' appears twice (columns 2 and 4); expected distinct column names", e.getMessage());
    }
}
