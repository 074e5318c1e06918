package org.embedscope.source;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.embedscope.bundle.BundleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataFileTest {
    @TempDir Path dir;

    private String refusal(String text) throws Exception {
        Path f = Files.writeString(dir.resolve("meta.csv"), text);
        BundleException e = assertThrows(BundleException.class, () -> MetadataFile.read(f, 2));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void readsTheColumnsInFileOrder() throws Exception {
        Path f = Files.writeString(dir.resolve("meta.csv"), "city,score\nBern,1\n\"São Paulo, SP\",2\n");
        var m = MetadataFile.read(f, 2);
        assertEquals(java.util.List.of("city", "score"), java.util.List.copyOf(m.keySet()));
        assertArrayEquals(new String[] {"Bern", "São Paulo, SP"}, m.get("city"));
    }

    /** A trailing blank line had been "line 4: is data row 3 but the source has 2 items". */
    @Test
    void blankLinesAreNoRowsButAnEmptyValueOfOneColumnIsKept() throws Exception {
        Path f = Files.writeString(dir.resolve("meta.csv"), "city,score\nBern,1\n\nOslo,2\n\n");
        var m = MetadataFile.read(f, 2);
        assertArrayEquals(new String[] {"Bern", "Oslo"}, m.get("city"));
        assertArrayEquals(new String[] {"1", "2"}, m.get("score"));
        // One column: a blank line is an item's empty value, and one after the last item's row is none.
        f = Files.writeString(dir.resolve("one.csv"), "note\n\nsmudged\n\n");
        assertArrayEquals(new String[] {"", "smudged"}, MetadataFile.read(f, 2).get("note"));
        assertTrue(refusal("city,score\nBern,1\n\nOslo,2\nRome,3\n").contains("line 5: is data row 3 but the source has 2 items"));
    }

    @Test
    void aColumnNamedTwiceIsRefusedNotHalfLost() throws Exception {
        String m = refusal("score,city,score\n1,Bern,3\n2,Oslo,4\n");
        assertTrue(m.contains("line 1 (header): column name 'score' appears twice (columns 1 and 3)"), m);
    }

    /**
     * TensorBoard's metadata.tsv had been carried as one column named "city\tscore" holding "Bern\t1";
     * a European Excel export (semicolons, decimal commas) was refused as "line 2: has 2 fields".
     */
    @Test
    void aTabOrSemicolonSeparatedFileIsRefusedNotReadAsOneColumn() throws Exception {
        String m = refusal("city\tscore\nBern\t1\nOslo\t2\n");
        assertTrue(m.contains("line 1 (header): is one column, 'city\\tscore': its names are separated by tabs (a TSV file);"
                + " expected commas between columns"), m);
        m = refusal("city;score\nBern;0,5\nOslo;1,5\n");
        assertTrue(m.contains("line 1 (header): is one column, 'city;score': its names are separated by semicolons;"), m);
        // one column whose values hold semicolons is still one column
        Path f = Files.writeString(dir.resolve("notes.csv"), "note\na;b\nc\n");
        assertArrayEquals(new String[] {"a;b", "c"}, MetadataFile.read(f, 2).get("note"));
    }

    @Test
    void brokenQuotingAndMissingNamesAreOnePlainLine() throws Exception {
        String m = refusal("city,score\nBern,1\n\"Oslo,2\n");
        assertTrue(m.contains("line 3: not valid CSV: a quoted field is not closed"), m);
        assertFalse(m.contains("EOF") || m.contains("encapsulated"), m);
        m = refusal("city,,score\nBern,x,1\nOslo,y,2\n");
        assertTrue(m.contains("line 1 (header): a column has no name"), m);
        assertFalse(m.contains("A header name is missing"), m);
    }
}
