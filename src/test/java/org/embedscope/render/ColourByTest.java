package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Map;
import org.embedscope.atlas.PixelFormat;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.BundleFixture;
import org.embedscope.query.ColumnTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a column colours items, GL-free: the reading chosen by default, ranges, empty numbers, the legend. */
class ColourByTest {
    @TempDir Path dir;

    /** 1,100 items: label (3 values), score (numeric, item 5 empty), name (a distinct text per item), split, kind (every fifth from 1 empty). */
    private org.embedscope.bundle.Bundle bundle;

    private ColumnTable table() throws Exception {
        int n = 1100;
        float[] xy = new float[2 * n];
        String[] label = new String[n], score = new String[n], name = new String[n], split = new String[n], kind = new String[n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = i;
            xy[2 * i + 1] = -i;
            label[i] = String.valueOf(i % 3);
            score[i] = i == 5 ? "" : String.valueOf(i);
            name[i] = "file-" + i;
            split[i] = i % 2 == 0 ? "train" : "test";
            kind[i] = i % 5 == 1 ? "" : i % 2 == 0 ? "even" : "odd";
        }
        bundle = BundleFixture.items(n).layout("a", "A", xy).labels("label", Map.of(), label)
                .metadata("score", score).metadata("name", name).metadata("split", split).metadata("kind", kind).alpha(AlphaMode.LUMINANCE)
                .level(2, 40, 40, PixelFormat.GREY, (i, x, y) -> 255).write(dir).load();
        return ColumnTable.of(bundle);
    }

    @Test
    void eachColumnHasAUsualReading() throws Exception {
        ColumnTable t = table();
        assertEquals(Boolean.TRUE, ColourBy.defaultAsCategories(t.column("label")), "the label: categories");
        assertEquals(Boolean.FALSE, ColourBy.defaultAsCategories(t.column("score")), "a number: numbers");
        assertEquals(Boolean.TRUE, ColourBy.defaultAsCategories(t.column("split")), "few texts: categories");
        assertNull(ColourBy.defaultAsCategories(t.column("name")), "1,100 distinct texts: neither");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ColourBy.of(t.column("name"), true));
        assertTrue(e.getMessage().contains("'name'") && e.getMessage().contains("1100"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ColourBy.of(t.column("split"), false), "text as numbers");
    }

    /** The bundle's labels beside a user's corrections read as the labels do: digits as labels had been offered as numbers. */
    @Test
    void theOriginalLabelsBesideCorrectionsAreCategoriesAsTheLabelsAre() throws Exception {
        ColumnTable plain = table();
        org.embedscope.query.Column label = plain.column("label");
        org.embedscope.annotate.Annotations edits = new org.embedscope.annotate.Annotations(label.count(), label.codes().clone(), label.categories());
        edits.assignLabel(new int[] {0, 3}, "seven");
        ColumnTable t = plain.withEdits(bundle, edits);
        assertEquals(Boolean.TRUE, ColourBy.defaultAsCategories(t.column("label_original")), "the bundle's labels: categories");
        assertEquals(Boolean.TRUE, ColourBy.defaultAsCategories(t.column("label")), "the corrected ones too");
        assertEquals(3, ColourBy.of(t.column("label_original"), true).categoryCount());
    }

    @Test
    void numbersSpanTheirSecondToNinetyEighthPercentileAndEmptyOnesAreGrey() throws Exception {
        ColourBy c = ColourBy.of(table().column("score"), false);
        double[] r = c.defaultRange();
        assertEquals(0.02 * 1098, r[0], 1.0, "2nd percentile of 0..1099 without 5");
        assertEquals(0.98 * 1098, r[1], 1.5);
        assertEquals(1, c.missing());
        assertTrue(c.isMissing(5));
        assertEquals(ColourBy.MISSING, c.rgb(5));
        assertEquals(0xfde725, c.rgb(1099), "above the range: the end");
        assertEquals(0x440154, c.rgb(0), "below: the start");
        assertTrue(c.setRange(10, 10));
        assertEquals(0f, c.position(9.99));
        assertEquals(1f, c.position(10), "a range of no width: its value and above at the end");
    }

    /** A text column's empty cells are a category of their own, grey as missing numbers are; the others keep the palette's. */
    @Test
    void theEmptyValueOfATextColumnIsGrey() throws Exception {
        ColourBy c = ColourBy.of(table().column("kind"), true);
        int empty = c.categoryNames().indexOf("");
        assertTrue(empty >= 0, "the empty cells are a category: " + c.categoryNames());
        assertEquals(ColourBy.MISSING, c.categoryColour(empty));
        assertEquals(ColourBy.MISSING, c.rgb(1), "item 1's kind is empty");
        for (int k = 0; k < c.categoryCount(); k++) {
            if (k != empty) assertEquals(Palette.rgb(k), c.categoryColour(k), c.categoryNames().get(k));
        }
    }

    @Test
    void theLegendOfTheColumnColouredByDecidesWhatIsHidden() throws Exception {
        ColumnTable t = table();
        int[] labels = t.column("label").codes();
        ViewState st = new ViewState(1, 3, labels, 0);
        ColourBy split = ColourBy.of(t.column("split"), true);
        st.setColourBy(split);
        int test = t.column("split").categories().indexOf("test");
        st.setCategoryShown(test, false);
        assertTrue(st.isHidden(1), "odd items are 'test'");
        assertFalse(st.isHidden(2));
        assertTrue(st.itemStates().has(1, ItemStates.HIDDEN));
        st.selectCategory(1 - test);
        assertEquals(550, st.selectedCount());
        long v = st.colourVersion();
        st.setColourBy(ColourBy.of(t.column("score"), false));
        assertTrue(st.colourVersion() > v, "a new colouring is uploaded");
        assertFalse(st.isHidden(1), "numbers hide nothing");
    }
}
