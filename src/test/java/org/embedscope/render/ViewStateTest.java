package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import org.embedscope.select.ItemSet;
import org.junit.jupiter.api.Test;

/** The per-item flags derived by {@link ViewState}, and their versions (what decides uploads and redraws). */
class ViewStateTest {
    /** Ten items, labels alternating 0 and 1. */
    private static ViewState state() {
        int[] labels = new int[10];
        for (int i = 0; i < 10; i++) labels[i] = i % 2;
        ViewState st = new ViewState(2, 2, labels, 0);
        st.setDataBounds(-1, -1, 1, 1);
        st.setViewport(100, 100, new SpriteSizing(3, 50, 50));
        return st;
    }

    private static ItemSet items(int... indices) {
        return ItemSet.of(10, indices);
    }

    @Test
    void flagsFollowSelectionMatchesAndVisibility() {
        ViewState st = state();
        st.setSelection(items(2, 3));
        st.setMatches(items(3, 4, 5));
        st.setShown(1, false);
        ItemStates f = st.itemStates();
        assertEquals(ItemStates.SELECTED | ItemStates.DIMMED, f.get(2), "selected, not matched: dimmed");
        assertEquals(ItemStates.SELECTED | ItemStates.MATCHED | ItemStates.HIDDEN, f.get(3), "label 1 hidden");
        assertEquals(ItemStates.MATCHED, f.get(4));
        assertEquals(ItemStates.DIMMED, f.get(0));
        st.setOnlyMatches(true);
        assertEquals(ItemStates.HIDDEN | ItemStates.DIMMED, st.itemStates().get(0), "not matched: hidden");
        assertTrue(st.isHidden(0));
        assertFalse(st.isHidden(4));
        st.setMatches(null);
        st.setShown(1, true);
        st.setDimUnselected(true);
        assertEquals(ItemStates.DIMMED, st.itemStates().get(0), "dim the rest");
        assertEquals(ItemStates.SELECTED, st.itemStates().get(2));
        st.clearSelection();
        assertEquals(0, st.itemStates().get(0), "nothing to dim against without a selection");
    }

    @Test
    void onlyWhatChangedIsMarkedForUploadAndCameraMovesUploadNothing() {
        ViewState st = state();
        ItemStates f = st.itemStates();
        f.markUploaded();
        long v = f.version(), scene = st.version();
        st.pan(10, 0);
        st.zoomAbout(50, 50, 2);
        assertEquals(v, st.itemStates().version(), "the camera does not touch the flags");
        assertTrue(st.version() > scene, "but redraws the scene");
        st.setSelection(items(6));
        assertTrue(st.itemStates().version() > v);
        assertEquals(6, f.dirtyFrom());
        assertEquals(7, f.dirtyTo());
        f.markUploaded();
        long w = f.version();
        st.setSelection(items(6));
        assertEquals(w, st.itemStates().version(), "the same selection again changes nothing");
    }

    @Test
    void selectionHasItsOwnVersionAndSortedItems() {
        ViewState st = state();
        long v = st.selectionVersion();
        st.setSelection(items(7, 1, 4));
        assertArrayEquals(new int[] {1, 4, 7}, st.selectedItems());
        assertEquals(3, st.selectedCount());
        assertTrue(st.selectionVersion() > v);
        long w = st.selectionVersion();
        st.setMatches(items(1));
        assertEquals(w, st.selectionVersion(), "a search is not a selection change");
    }

    /** The clear area of a view no panel covers (state()'s is 100 × 100 pixels). */
    private static final float[] WHOLE_VIEW = {0, 0, 100, 100};

    @Test
    void flyingToAnItemEasesTheCameraThereAndAnyMoveEndsIt() {
        ViewState st = state();
        float[][] layouts = {{-0.5f, -0.5f, 0.6f, 0.4f}, {0.2f, 0.2f, -0.3f, 0.9f}};
        st.setWorldSizes(new float[] {0.001f, 0.001f}); // room to zoom
        st.setView(-0.5f, -0.5f, 2);                       // zoomed in: the centre can move freely
        st.flyToItem(layouts, 1, WHOLE_VIEW, 10f);
        assertTrue(st.isAnimating());
        float x0 = st.camera().centerX();
        st.update(10f + 0.1f * CameraFlight.DURATION);
        float early = st.camera().centerX() - x0;
        st.update(10f + 0.5f * CameraFlight.DURATION);
        float half = st.camera().centerX() - x0;
        assertTrue(early > 0 && early < 0.1f * half, "eased: slow at the start (" + early + " then " + half + ")");
        st.update(10f + CameraFlight.DURATION);
        assertFalse(st.isAnimating());
        assertEquals(0.6f, st.camera().centerX(), 1e-5);
        assertEquals(0.4f, st.camera().centerY(), 1e-5);
        assertEquals(ViewState.FLY_MIN_ZOOM, st.camera().zoom(), 1e-4, "zoomed in to see the image");

        st.flyToItem(layouts, 0, WHOLE_VIEW, 20f);
        st.update(20.2f);
        st.pan(5, 0);
        assertFalse(st.isAnimating(), "the user's move ends the flight");
        float cx = st.camera().centerX();
        st.update(21f);
        assertEquals(cx, st.camera().centerX(), "and the camera stays");
    }
    /** A 400 × 300 view of data in [-1, 1]², with room to zoom; the clear area is left of a 100-px panel at the right. */
    private static ViewState panelled() {
        ViewState st = new ViewState(1, 1, new int[3], 0);
        st.setDataBounds(-1, -1, 1, 1);
        st.setViewport(400, 300, new SpriteSizing(3, 50, 50));
        st.setWorldSizes(new float[] {0.001f});
        return st;
    }

    private static final float[] LEFT_OF_PANEL = {0, 0, 300, 300};

    @Test
    void aFlightPutsItsItemInTheMiddleOfTheClearArea() {
        ViewState st = panelled();
        float[][] layouts = {{0.2f, -0.1f, 0.99f, -0.98f, -1f, 1f}};
        st.flyToItem(layouts, 0, LEFT_OF_PANEL, 0f);
        st.update(CameraFlight.DURATION);
        Camera cam = st.camera();
        assertFalse(st.isAnimating());
        assertEquals(150, cam.screenX(0.2f), 0.01, "in the middle of the clear area, not of the view");
        assertEquals(150, cam.screenY(-0.1f), 0.01);

        // An item at the data's edge, behind the panel's corner: the classic pan rule kept it at the view's
        // edge, under the panel; the flight takes the view beyond the data as far as it must.
        st.flyToItem(layouts, 1, LEFT_OF_PANEL, 1f);
        st.update(1f + CameraFlight.DURATION);
        assertEquals(150, cam.screenX(0.99f), 0.01);
        assertEquals(150, cam.screenY(-0.98f), 0.01);
        assertTrue(cam.screenX(1f) < 200 && cam.screenY(-1f) < 200, "the data's corner is in view, beyond it is empty");

        // That room lasts while the view uses it: a pan moves it by just the pan (no jump back), none goes further
        // out, and a move back towards the data gives the room up.
        float x = cam.screenX(0.99f), y = cam.screenY(-0.98f);
        st.pan(-10, -10);   // towards the empty side
        assertEquals(x, cam.screenX(0.99f), 0.01, "not further out");
        assertEquals(y, cam.screenY(-0.98f), 0.01);
        st.pan(20, 0);      // back towards the data, to the right
        assertEquals(x + 20, cam.screenX(0.99f), 0.01, "a move back is the pan's");
        st.pan(-20, 0);
        assertEquals(x + 20, cam.screenX(0.99f), 0.01, "and the room it gave up is gone");
        assertEquals(y, cam.screenY(-0.98f), 0.01, "the other axis keeps its own");
        st.fit();
        st.setView(1f, -1f, cam.zoom() * 4);
        assertEquals(400, cam.screenX(1f), 0.01, "after a fit, the classic rule: the data's edge at the view's");

        // A flight to a point the rule allows needs no room and keeps the classic rule.
        st.flyToItem(layouts, 0, LEFT_OF_PANEL, 2f);
        st.update(2f + CameraFlight.DURATION);
        st.pan(-1000, 0);
        assertEquals(400, cam.screenX(1f), 0.01);
    }

    /**
     * Worked out by the items whose membership changed (after a change of the selection or matches alone)
     * or by every item (after any rule), the flags always equal those of a view given the end state at once.
     */
    @Test
    void flagsWorkedOutByTheChangedItemsEqualAFreshView() {
        int n = 3_001; // not a whole number of 64-item words
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = i % 3;
        java.util.SplittableRandom r = new java.util.SplittableRandom(9);
        ViewState st = new ViewState(1, 3, labels, 0);
        for (int step = 0; step < 400; step++) {
            switch (r.nextInt(8)) {
                case 0 -> st.toggleSelected(r.nextInt(n));
                case 1 -> st.setSelection(randomSet(r, n));
                case 2 -> st.setMatches(r.nextInt(4) == 0 ? null : randomSet(r, n));
                case 3 -> { // a search typed on: the matches change by a few items
                    ItemSet m = st.matches() == null ? new ItemSet(n) : st.matches();
                    for (int k = 0; k < 3; k++) m.toggle(r.nextInt(n));
                    st.setMatches(m);
                }
                case 4 -> st.setOnlyMatches(r.nextBoolean());
                case 5 -> st.setDimUnselected(r.nextBoolean());
                case 6 -> st.setShown(r.nextInt(3), r.nextBoolean());
                default -> st.clearSelection();
            }
            if (r.nextInt(3) == 0) continue; // changes can pile up between frames
            byte[] got = st.itemStates().bytes().clone();
            ViewState fresh = new ViewState(1, 3, labels, 0);
            for (int l = 0; l < 3; l++) fresh.setShown(l, st.isShown(l));
            fresh.setOnlyMatches(st.onlyMatches());
            fresh.setDimUnselected(st.dimUnselected());
            fresh.setMatches(st.matches());
            fresh.setSelection(st.selection());
            assertArrayEquals(fresh.itemStates().bytes(), got, "step " + step);
        }
    }

    /**
     * The selection's count says how many of it show: after any mix of selecting, hiding categories,
     * "only matches", new matches and relabelling, the count of shown selected items is what a look at
     * each item gives (a selection kept the items of a category hidden after it, and said only "N selected").
     */
    @Test
    void theSelectionsShownCountFollowsEveryChangeOfWhatIsHidden() {
        int n = 2_003;
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = i % 3;
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        ViewState st = new ViewState(1, 3, labels, 0);
        java.util.List<String> names = java.util.List.of("a", "b", "c");
        int[] colours = {0xff0000, 0x00ff00, 0x0000ff};
        for (int step = 0; step < 300; step++) {
            switch (r.nextInt(6)) {
                case 0 -> st.setSelection(randomSet(r, n));
                case 1 -> st.setShown(r.nextInt(3), r.nextBoolean());
                case 2 -> st.setMatches(r.nextInt(4) == 0 ? null : randomSet(r, n));
                case 3 -> st.setOnlyMatches(r.nextBoolean());
                case 4 -> { // an edit gives some items another label, perhaps a hidden one
                    for (int k = 0; k < 20; k++) labels[r.nextInt(n)] = r.nextInt(3);
                    st.setLabels(labels, names, colours);
                }
                default -> st.toggleSelected(r.nextInt(n));
            }
            if (r.nextInt(3) == 0) continue;
            int shown = 0, selected = 0;
            for (int i = 0; i < n; i++) {
                if (!st.isSelected(i)) continue;
                selected++;
                if (!st.isHidden(i)) shown++;
            }
            assertEquals(shown, st.selectedShownCount(), "step " + step);
            assertEquals(shown == selected ? String.format("%,d selected", selected) : String.format("%,d selected, %,d shown", selected, shown),
                    st.selectedText(), "step " + step);
        }
    }

    private static ItemSet randomSet(java.util.SplittableRandom r, int n) {
        ItemSet s = new ItemSet(n);
        double p = r.nextDouble();
        for (int i = 0; i < n; i++) if (r.nextDouble() < p * 0.3) s.add(i);
        return s;
    }

    /**
     * The matches that show leave out the hidden categories' items, and follow the legend: what the
     * search selects and exports (the panel counted 7,141 matches and exported them all while 2,415 were hidden).
     */
    @Test
    void shownMatchesLeaveOutHiddenCategoriesAndFollowTheLegend() {
        int[] labels = {0, 1, 2, 0, 1, 2, 0, 1};
        ViewState st = new ViewState(1, 3, labels, 0);
        st.setLabels(labels, java.util.List.of("a", "b", "c"), new int[] {1, 2, 3});
        assertNull(st.shownMatches(), "no search, no matches");
        st.setMatches(org.embedscope.select.ItemSet.of(8, 0, 1, 2, 3, 4));
        assertEquals(org.embedscope.select.ItemSet.of(8, 0, 1, 2, 3, 4), st.shownMatches());
        st.setShown(1, false);
        assertEquals(org.embedscope.select.ItemSet.of(8, 0, 2, 3), st.shownMatches(), "label b hidden");
        st.selectMatches();
        assertEquals(org.embedscope.select.ItemSet.of(8, 0, 2, 3), st.selection());
        st.setShown(1, true);
        assertEquals(org.embedscope.select.ItemSet.of(8, 0, 1, 2, 3, 4), st.shownMatches(), "shown again");
        st.setMatches(org.embedscope.select.ItemSet.of(8, 5, 6));
        assertEquals(org.embedscope.select.ItemSet.of(8, 5, 6), st.shownMatches(), "new matches");
    }

    /**
     * A bundle of two items: the fitted view holds both sprites whole (they were 255 px, centred on the
     * view's edges, and cut off); a large layout's fitted view is as it was (the fill rule's margin holds
     * its small sprites).
     */
    @Test
    void theFittedViewHoldsTheOutermostSpritesWhole() {
        ViewState two = new ViewState(1, 1, new int[2], 0);
        two.setViewport(1280, 800, SpriteSizing.forView(1280, 800, 2, 255));
        float[] at = {-1, -1, 1, 1};
        two.fitTo(new float[][] {at});
        Camera c = two.camera();
        float half = two.spritePixels() / 2;
        assertTrue(half > 100, "large sprites: " + 2 * half);
        for (int i = 0; i < 2; i++) {
            float x = c.screenX(at[2 * i]), y = c.screenY(at[2 * i + 1]);
            assertTrue(x - half >= 0 && x + half <= 1280 && y - half >= 0 && y + half <= 800,
                    "item " + i + "'s sprite at (" + x + ", " + y + ") +-" + half + " is inside the view");
        }

        int n = 5000;
        float[] xy = new float[2 * n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < xy.length; i++) xy[i] = (float) r.nextDouble(-1, 1);
        ViewState many = new ViewState(1, 1, new int[n], 0);
        many.setViewport(1280, 800, SpriteSizing.forView(1280, 800, n, 255));
        many.fitTo(new float[][] {xy});
        assertEquals(many.camera().fillPixelsPerUnit(), many.camera().fitPixelsPerUnit(), 1e-6f, "the fill rule alone");
    }
}
