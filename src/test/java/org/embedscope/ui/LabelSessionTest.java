package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleReader;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.BundleFixture;
import org.embedscope.query.Column;
import org.embedscope.query.ColumnTable;
import org.embedscope.query.Query;
import org.embedscope.render.Palette;
import org.embedscope.render.ViewState;
import org.embedscope.select.ItemSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Label editing as the explorer does it, without a window: what the view shows (labels, names,
 * colours, hidden labels), what the search reads, and what the sidecar holds, after edits, undo and redo.
 */
class LabelSessionTest {
    @TempDir Path dir;

    /** The five-item fixture: labels 10, 2, 7, 2, 7.0 shown in the order 2 ("two"), 7, 7.0, 10. */
    private Bundle labelled() throws Exception {
        return BundleFixture.fiveItems().write(dir.resolve("b")).load();
    }

    private static ViewState view(Bundle b) {
        int labels = b.hasLabels() ? b.labelValues().size() : 1;
        return new ViewState(b.manifest().layouts().size(), labels, b.hasLabels() ? b.labels() : new int[b.count()], 0);
    }

    private static ItemSet items(int... i) { return ItemSet.of(5, i); }

    private static String sidecar(LabelSession s) throws Exception {
        assertTrue(s.annotations().version() > 0);
        s.close();
        return Files.readString(s.file());
    }

    /**
     * Where labels are digits a number key gives its own digit's label (on MNIST 3 made a "two": keys
     * were the legend's order, zero first); elsewhere 1–9 are the legend's first nine.
     */
    @Test
    void numberKeysGiveTheirDigitsLabelWhereLabelsAreDigits() throws Exception {
        Bundle b = labelled();   // values 2, 7, 7.0, 10 in legend order
        LabelSession s = LabelSession.open(b, view(b), null, dir.resolve("cache"));
        assertTrue(s.keysAreDigits());
        assertEquals(0, s.labelForKey(2), "key 2: the label 2");
        assertEquals(1, s.labelForKey(7), "key 7: the label 7");
        assertEquals(-1, s.labelForKey(1), "no label 1");
        assertEquals(-1, s.labelForKey(3));
        assertEquals(2, s.keyForLabel(0));
        assertEquals(7, s.keyForLabel(1));
        assertEquals(-1, s.keyForLabel(2), "7.0 has no key");
        assertEquals(-1, s.keyForLabel(3), "10 has no key");
        assertEquals("0-9: set the label of that digit", s.numberKeysHint(), "2 is shown as two, 7 as 7");
        s.close();

        Bundle words = BundleReader.load(org.embedscope.render.SpriteFixture.write(dir.resolve("words")));   // even, odd
        LabelSession w = LabelSession.open(words, view(words), null, dir.resolve("cache2"));
        assertFalse(w.keysAreDigits());
        assertEquals(0, w.labelForKey(1));
        assertEquals(1, w.labelForKey(2));
        assertEquals(-1, w.labelForKey(3), "two labels only");
        assertEquals(-1, w.labelForKey(0));
        assertEquals(1, w.keyForLabel(0));
        assertEquals(2, w.keyForLabel(1));
        assertEquals("1-9: set the legend's first nine", w.numberKeysHint());
        w.close();
    }

    /** A label typed as the legend names it (Fashion-MNIST's "Dress" for 3) is that label, not a second one of the same name. */
    @Test
    void aLabelTypedByItsShownNameIsThatLabel() throws Exception {
        Bundle b = labelled();   // value 2 is shown as "two"
        ViewState st = view(b);
        try (LabelSession s = LabelSession.open(b, st, null, dir.resolve("cache"))) {
            int values = s.labelValues().size();
            st.selectOnly(0);   // labelled 10
            assertTrue(s.assign("two"));
            assertEquals("2", s.annotations().labelValue(0), "the bundle's value shown as two");
            assertEquals(values, s.labelValues().size(), "no new label");
            st.selectOnly(1);
            assertTrue(s.assign("7"));
            assertEquals("7", s.annotations().labelValue(1), "a value is itself");
            st.selectOnly(2);
            assertTrue(s.assign("three"));
            assertEquals("three", s.annotations().labelValue(2), "a name nothing is shown as is a new label");
            assertEquals(values + 1, s.labelValues().size());
            // In another case: the label it names ("coat" had become a second category beside "Coat").
            st.selectOnly(4);   // labelled 7.0
            assertTrue(s.assign("TWO"));
            assertEquals("2", s.annotations().labelValue(4), "the name shown as two, typed in capitals");
            st.selectOnly(3);   // labelled 2
            assertTrue(s.assign("Three"));
            assertEquals("three", s.annotations().labelValue(3), "the label added above, in another case");
            assertEquals(values + 1, s.labelValues().size(), "no label added by a case");
        }
    }

    /**
     * The edits' own columns are left out of the colour list while they hold nothing (colouring by the
     * tags showed one colour, by the original labels the labels again), and join it with the first edit.
     */
    @Test
    void theEditColumnsAreEmptyUntilAnEditFillsThem() throws Exception {
        Bundle b = labelled();
        try (LabelSession s = LabelSession.open(b, view(b), null, dir.resolve("cache"))) {
            String label = s.labelColumn();
            assertTrue(s.isEmptyEditColumn(label + "_original"));
            assertTrue(s.isEmptyEditColumn("tags"));
            assertFalse(s.isEmptyEditColumn(label), "the label column is the bundle's: always listed");
            s.annotations().addTag(new int[] {1}, "blurry");
            assertFalse(s.isEmptyEditColumn("tags"), "a tag fills the tags");
            assertTrue(s.isEmptyEditColumn(label + "_original"), "a tag changes no label");
            s.annotations().assignLabel(new int[] {0}, "2");
            assertFalse(s.isEmptyEditColumn(label + "_original"), "a changed label: the originals differ from the labels");
            s.annotations().undo();
            s.annotations().undo();
            assertTrue(s.isEmptyEditColumn(label + "_original"), "undone, nothing differs again");
            assertTrue(s.isEmptyEditColumn("tags"));
        }
    }

    @Test
    void assigningShowsAtOnceInTheViewTheSearchAndTheSidecar() throws Exception {
        Bundle b = labelled();
        ViewState st = view(b);
        LabelSession s = LabelSession.open(b, st, null, dir.resolve("cache"));
        ColumnTable plain = ColumnTable.of(b);
        s.shareColumns(() -> plain);
        assertEquals(b.dir().toAbsolutePath().resolve("annotations.csv"), s.file());
        assertNull(s.notice());
        assertEquals(List.of("two", "7", "7.0", "10"), st.labelNames());

        st.setSelection(items(0, 2));
        long version = st.version();
        assertTrue(s.assign(0), "legend entry 1: label 2");
        assertTrue(st.version() > version, "the view redraws");
        assertArrayEquals(new int[] {0, 0, 0, 0, 2}, st.labelOfItem());
        ColumnTable t = s.table();
        assertEquals(4, Query.parse("label = 2").evaluate(t).cardinality(), "the search sees the edit");
        assertEquals(1, Query.parse("label_original = 2 and index = 3").evaluate(t).cardinality());
        assertEquals("10", t.column("label_original").text(0), "the bundle's label stays");
        assertSame(plain.column("note"), t.column("note"), "the bundle's other columns are shared, not typed again");
        assertEquals(List.of("index", "umap_x", "umap_y", "tsne_x", "tsne_y", "label", "file", "note", "label_original", "tags"),
                t.names(), "the edited label in the label column's place, the bundle's and the tags after the points file's");

        st.setSelection(items(4));
        assertTrue(s.assign("blurry"));
        assertEquals(List.of("two", "7", "7.0", "10", "blurry"), st.labelNames(), "a new label at the end");
        assertEquals(4, st.labelOfItem()[4]);
        assertEquals(Palette.rgb(4), st.labelColor(4));
        assertEquals(Palette.rgb(0), st.labelColor(0), "the bundle's labels keep their colours");
        assertFalse(s.table().column("label").isNumeric(), "a text label makes the column text");
        assertEquals(1, Query.parse("label = 'blurry'").evaluate(s.table()).cardinality());

        st.setSelection(items(1, 4));
        assertTrue(s.addTag("check me"));
        assertEquals(Map.of("check me", 2), s.selectionTags());
        assertEquals(2, Query.parse("tags ~ 'check'").evaluate(s.table()).cardinality());
        assertFalse(s.addTag("check me"), "nothing new");
        assertFalse(s.assign("  "), "an empty label is refused");
        assertNotNull(s.problem());

        assertTrue(s.undo(), "takes the tag back");
        assertEquals(0, Query.parse("tags ~ 'check'").evaluate(s.table()).cardinality());
        assertTrue(s.undo(), "takes 'blurry' back");
        assertEquals(2, st.labelOfItem()[4]);
        assertTrue(s.redo());
        assertEquals(4, st.labelOfItem()[4]);
        assertEquals(3, s.editedCount(), "items 0 and 2 relabelled, 4 too");

        String csv = sidecar(s);
        assertTrue(csv.startsWith("index,label,tags,edited\n"), csv);
        assertTrue(csv.contains("\n0,2,,") && csv.contains("\n2,2,,") && csv.contains("\n4,blurry,,"), csv);
        assertEquals(4, csv.lines().count(), csv);

        // Opened again, the edits are there before any is made.
        ViewState again = view(b);
        try (LabelSession reopened = LabelSession.open(b, again, null, dir.resolve("cache"))) {
            assertArrayEquals(new int[] {0, 0, 0, 0, 4}, again.labelOfItem());
            assertEquals("blurry", again.labelNames().get(4));
        }
    }

    /**
     * A label a user added leaves the legend once no item has it (it stayed there with 0 items after its
     * edit was undone), and comes back in its colour with a redo; the bundle's labels stay at 0 items.
     */
    @Test
    void anAddedLabelNoItemHasLeavesTheLegend() throws Exception {
        Bundle b = labelled();   // items' labels 10, 2, 7, 2, 7.0 shown as two, 7, 7.0, 10
        ViewState st = view(b);
        try (LabelSession s = LabelSession.open(b, st, null, dir.resolve("cache"))) {
            st.setSelection(items(4));
            assertTrue(s.assign("blurry"));
            st.setSelection(items(0));
            assertTrue(s.assign("smudge"));
            assertEquals(List.of("two", "7", "7.0", "10", "blurry", "smudge"), st.labelNames());
            assertEquals(List.of("2", "7", "7.0", "10", "blurry", "smudge"), s.labelValues());
            int smudge = Palette.rgb(5);
            assertEquals(smudge, st.labelColor(5));

            assertTrue(s.undo());
            assertTrue(s.undo());
            assertEquals(List.of("two", "7", "7.0", "10"), st.labelNames(), "the added labels leave with their items");
            assertEquals(List.of("2", "7", "7.0", "10"), s.labelValues(), "the legend's rows are the labels keys and set buttons give");
            assertTrue(s.redo());
            assertTrue(s.redo());
            assertEquals(List.of("two", "7", "7.0", "10", "blurry", "smudge"), st.labelNames(), "back with the redo");

            // "blurry" loses its one item to another label: it leaves, and "smudge" keeps its colour, items and hiding.
            st.setShown(5, false);
            st.setSelection(items(4));
            assertTrue(s.assign("smudge"));
            assertEquals(List.of("two", "7", "7.0", "10", "smudge"), st.labelNames());
            assertEquals(smudge, st.labelColor(4), "smudge keeps its colour");
            assertFalse(st.isShown(4), "smudge stays hidden");
            assertTrue(st.isShown(3), "10 stays shown");
            st.setShown(4, true);
            assertEquals(4, st.labelOfItem()[0]);
            assertEquals(4, st.labelOfItem()[4]);
            // The bundle's label 7.0, given to none now (item 4 was its only one), stays.
            assertEquals(0, count(st, 2), "7.0 has no item left");
            st.setSelection(items(1));
            assertTrue(s.assign(4), "the legend's fifth row gives smudge");
            assertEquals(4, st.labelOfItem()[1]);
        }
    }

    private static int count(ViewState st, int label) {
        int n = 0;
        for (int l : st.labelOfItem()) if (l == label) n++;
        return n;
    }

    @Test
    void aBundleWithoutLabelsGetsThemAndItsUnlabelledItemsKeepTheirOwnLegendEntry() throws Exception {
        Bundle b = BundleFixture.items(5).layout("a", "A", 0, 0, 1, 0, 2, 0, 3, 0, 4, 0)
                .level(4, 2, 2, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255)
                .write(dir.resolve("plain")).load();
        ViewState st = view(b);
        Path file = dir.resolve("elsewhere.csv");
        try (LabelSession s = LabelSession.open(b, st, file, dir.resolve("cache"))) {
            assertEquals(file.toAbsolutePath(), s.file(), "--annotations FILE");
            assertEquals(1, st.labelCount());
            assertNull(s.table().column("label"), "no label column until one is given");
            st.setSelection(items(1, 2));
            assertTrue(s.assign("cat"));
            assertEquals(List.of("cat", LabelSession.NONE), st.labelNames());
            assertArrayEquals(new int[] {1, 0, 0, 1, 1}, st.labelOfItem());
            assertEquals(LabelSession.NONE_COLOR, st.labelColor(1));
            // The unlabelled items are hidden, then a new label takes their legend place: they stay hidden.
            st.setShown(1, false);
            st.setSelection(items(3));
            assertTrue(s.assign("dog"));
            assertEquals(List.of("cat", "dog", LabelSession.NONE), st.labelNames());
            assertTrue(st.isShown(1), "the new label 'dog' shows");
            assertFalse(st.isShown(2), "the unlabelled items stay hidden");
            assertTrue(st.isHidden(0) && st.isHidden(4) && !st.isHidden(3));
            Column label = s.table().column("label");
            assertEquals("", label.text(0), "no label: the empty value");
            assertEquals("dog", label.text(3));
            assertNull(s.table().column("label_original"), "nothing to keep");
        }
        assertTrue(Files.readString(file).contains("\n3,dog,,"));
    }

    @Test
    void aBadSidecarIsRefusedInOneLine() throws Exception {
        Bundle b = labelled();
        Files.writeString(b.dir().resolve("annotations.csv"), "index,label\n9,x\n");
        BundleException e = assertThrows(BundleException.class, () -> LabelSession.open(b, view(b), null, dir.resolve("cache")));
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(e.getMessage().contains("annotations.csv") && e.getMessage().contains("line 2"), e.getMessage());
    }

    /**
     * Two windows on one bundle: the second's save keeps the first's edit, its panel says so, and it
     * shows that edit (its view relabelled), unless its user changed that item since.
     */
    @Test
    void aSecondWindowsSaveKeepsTheFirstsEditAndShowsIt() throws Exception {
        Bundle b = labelled();
        ViewState first = view(b), second = view(b);
        LabelSession one = LabelSession.open(b, first, null, dir.resolve("cache"));
        LabelSession two = LabelSession.open(b, second, null, dir.resolve("cache"));
        int[] woke = {0};
        two.onEditedElsewhere(() -> woke[0]++, 60_000);
        first.setSelection(items(0, 1));
        assertTrue(one.assign("two"));
        one.close();
        assertNull(two.elsewhereNotice());
        second.setSelection(items(1));
        assertTrue(two.assign("10"));          // item 1 changed here too, since: this window's label stays
        second.setSelection(items(4));
        assertTrue(two.addTag("checked"));
        assertTrue(two.flush(10_000));
        assertEquals(1, woke[0], "the window was woken to show them");
        String notice = two.elsewhereNotice();
        assertNotNull(notice);
        assertTrue(notice.startsWith("1 edit made to annotations.csv elsewhere"), notice);
        int item0Before = second.labelOfItem()[0];
        two.showEditedElsewhere();
        assertEquals("2", two.annotations().labelValue(0), "the first window's label, shown in the second");
        assertEquals(second.labelNames().indexOf("two"), second.labelOfItem()[0], "and in its view");
        assertNotEquals(item0Before, second.labelOfItem()[0]);
        assertEquals("10", two.annotations().labelValue(1), "the second window's own later edit stays");
        two.close();
        LabelSession again = LabelSession.open(b, view(b), null, dir.resolve("cache"));
        assertEquals("2", again.annotations().labelValue(0), "the first window's label");
        assertEquals(List.of("checked"), again.annotations().tags(4), "the second window's tag");
        again.close();
    }

    /** Fashion-MNIST's keys are its labels' digits, which are not what its legend shows: the hint names them. */
    @Test
    void theNumberKeysHintNamesTheLabelsWhereDigitsHaveNames() throws Exception {
        String[] names = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"};
        int n = 20;
        String[] values = new String[n];
        Map<String, String> shown = new java.util.HashMap<>();
        for (int k = 0; k < names.length; k++) shown.put(String.valueOf(k), names[k]);
        for (int i = 0; i < n; i++) values[i] = String.valueOf(i % names.length);
        Bundle fashion = BundleFixture.items(n).layout("a", "A", BundleFixture.gaussian(n, 1)).labels("label", shown, values)
                .level(4, 8, 8, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255).write(dir.resolve("fashion")).load();
        try (LabelSession s = LabelSession.open(fashion, view(fashion), null, dir.resolve("cache"))) {
            assertEquals("0-9: set that label (0 T-shirt/top ... 9 Ankle boot)", s.numberKeysHint());
        }
        Bundle mnist = BundleReader.load(Path.of("assets/mnist"));
        try (LabelSession s = LabelSession.open(mnist, view(mnist), dir.resolve("mnist-annotations.csv"), dir.resolve("cache"))) {
            assertEquals("0-9: set the label of that digit", s.numberKeysHint());
        }
    }

    /** A window that edits nothing shows another window's edits too: it looks at the file now and then. */
    @Test
    void aWindowThatDoesNotEditShowsAnothersEdits() throws Exception {
        Bundle b = labelled();
        ViewState first = view(b), second = view(b);
        LabelSession one = LabelSession.open(b, first, null, dir.resolve("cache"));
        LabelSession two = LabelSession.open(b, second, null, dir.resolve("cache"));
        java.util.concurrent.CountDownLatch woke = new java.util.concurrent.CountDownLatch(1);
        two.onEditedElsewhere(woke::countDown, 50);
        first.setSelection(items(3));
        assertTrue(one.addTag("seen"));
        one.close();
        assertTrue(woke.await(10, java.util.concurrent.TimeUnit.SECONDS), "the second window was woken");
        two.showEditedElsewhere();
        assertEquals(List.of("seen"), two.annotations().tags(3));
        assertTrue(two.elsewhereNotice().startsWith("1 edit made"), two.elsewhereNotice());
        two.close();
        try (LabelSession again = LabelSession.open(b, view(b), null, dir.resolve("cache"))) {
            assertEquals(List.of("seen"), again.annotations().tags(3));
        }
    }
}
