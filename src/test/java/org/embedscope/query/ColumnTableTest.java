package org.embedscope.query;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.embedscope.bundle.Bundle;
import org.embedscope.select.SampleBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnTableTest {
    @TempDir static Path dir;
    static Bundle bundle;
    static ColumnTable table;

    @BeforeAll
    static void load() throws Exception {
        bundle = SampleBundle.load(SampleBundle.write(dir.resolve("b")));
        table = ColumnTable.of(bundle);
    }

    @Test
    void columnsAreIndexThenThePointsFileInFileOrder() {
        assertEquals(List.of("index", "file", "umap_x", "umap_y", "digit", "score", "pca_x", "pca_y", "split", "my col"),
                table.names());
        assertEquals(Column.Role.INDEX, table.column("index").role());
        assertEquals(Column.Role.COORDINATE, table.column("pca_y").role());
        assertEquals(Column.Role.LABEL, table.column("digit").role());
        assertEquals(Column.Role.META, table.column("my col").role());
        assertNull(table.column("nope"));
    }

    @Test
    void typesAreInferredFromTheValues() {
        assertTrue(table.column("index").isNumeric());
        assertTrue(table.column("umap_x").isNumeric());
        assertTrue(table.column("digit").isNumeric(), "labels 0..3 are numbers");
        assertTrue(table.column("score").isNumeric(), "an empty value does not make a column text");
        assertFalse(table.column("file").isNumeric());
        assertFalse(table.column("split").isNumeric());
        assertEquals(2.0, table.column("score").values()[4]);
        assertEquals(3.5, table.column("score").values()[7]);
        assertTrue(Double.isNaN(table.column("score").values()[5]));
        assertEquals(-7.0, table.column("pca_x").values()[7]);
        assertEquals(11.0, table.column("index").values()[11]);
    }

    @Test
    void categoriesAreInDisplayOrderWithCounts() {
        Column split = table.column("split");
        assertEquals(List.of("", "test", "train"), split.categories(), "text: alphabetical");
        assertArrayEquals(new int[] {4, 4, 4}, split.categoryCounts());
        assertEquals("train", split.text(0));
        assertEquals("", split.text(2));
        assertEquals(4, split.missing());

        Column score = table.column("score");
        // numbers by value (10 distinct, as written), the empty value last
        assertEquals(List.of("0.0", "0.5", "1.0", "1.5", "2.0", "3.0", "3.5", "4.0", "4.5", "5.0", "5.5", ""), score.categories());
        assertEquals(1, score.missing());
        assertEquals("", score.text(5));
        assertEquals(0.0, score.min());
        assertEquals(5.5, score.max());

        Column digit = table.column("digit");
        assertEquals(List.of("0", "1", "2", "3"), digit.categories());
        assertArrayEquals(new int[] {3, 3, 3, 3}, digit.categoryCounts());
        assertEquals("two", digit.displayName(2));
        assertEquals(3, digit.codes()[7]);
    }

    /**
     * A text label given and taken back leaves the digits' column numeric, to be coloured as numbers or
     * categories again ("as categories" had stayed gone until the window was opened again).
     */
    @Test
    void aTextLabelUndoneLeavesTheLabelColumnNumeric() {
        org.embedscope.annotate.Annotations a = new org.embedscope.annotate.Annotations(bundle.count(), bundle.labels(), bundle.labelValues());
        a.assignLabel(new int[] {0, 1}, "coat");
        assertFalse(ColumnTable.of(bundle, a).column("digit").isNumeric(), "with coat: text");
        assertTrue(a.undo());
        Column digit = ColumnTable.of(bundle, a).column("digit");
        assertTrue(digit.isNumeric() && digit.fewDistinct(), "no item is a coat any more");
        assertEquals(table.column("digit").values()[0], digit.values()[0]);
    }

    @Test
    void fewDistinctNumericColumnsCanBeShownEitherWay() {
        Column digit = table.column("digit");
        assertTrue(digit.isNumeric() && digit.fewDistinct());
        assertFalse(table.column("umap_x").hasCategories(), "coordinates are numbers only");
        assertFalse(table.column("index").fewDistinct());
        assertTrue(table.column("split").fewDistinct());
    }

    @Test
    void coordinatesAndIndexAsText() {
        assertEquals("3", table.column("index").text(3));
        assertEquals("-4.0", table.column("pca_x").text(4));
        assertTrue(table.column("pca_x").isFloatPrecision());
        assertFalse(table.column("score").isFloatPrecision());
    }

    @Test
    void percentilesInterpolateAndSkipEmptyValues() {
        Percentiles p = table.column("score").percentiles();
        assertEquals(11, p.count());
        assertEquals(0.0, p.at(0));
        assertEquals(5.5, p.at(100));
        // sorted: 0 .5 1 1.5 2 3 3.5 4 4.5 5 5.5; the 50th percentile is the 6th value
        assertEquals(3.0, p.at(50));
        // 2nd: rank 0.2 between 0 and 0.5; 98th: rank 9.8 between 5 and 5.5
        double[] r = table.column("score").defaultColourRange();
        assertEquals(0.1, r[0], 1e-12);
        assertEquals(5.4, r[1], 1e-12);
        assertTrue(Double.isNaN(Percentiles.of(new double[] {Double.NaN}).at(50)));
    }

    @Test
    void aConstantColumnsColourRangeIsItsOnlyValue() throws Exception {
        Path b = SampleBundle.write(dir.resolve("const"));
        StringBuilder csv = new StringBuilder(SampleBundle.HEADER).append('\n');
        for (int i = 0; i < SampleBundle.COUNT; i++) {
            String[] f = SampleBundle.fields(i);
            csv.append(SampleBundle.row(i).replace("," + f[4] + "," + f[5] + ",", ",7," + f[5] + ",")).append('\n'); // score

        }
        java.nio.file.Files.writeString(b.resolve("points.csv"), csv);
        Column score = ColumnTable.of(SampleBundle.load(b)).column("score");
        assertArrayEquals(new double[] {7, 7}, score.defaultColourRange());
    }
}
