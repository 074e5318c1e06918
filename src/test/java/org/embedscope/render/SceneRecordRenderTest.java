package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.embedscope.bundle.BundleReader;
import org.embedscope.select.ItemSet;
import org.embedscope.ui.FramePixels;
import org.embedscope.ui.OffscreenExplorer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A view drawn again is recorded, and from then on a redraw that changes only colours recolours the
 * record instead of drawing the sprites: the same picture, pixel for pixel, as a full redraw in that
 * state (a fresh explorer's first frame), for the dimming of a selection, tinting, a colouring by numbers,
 * flat squares; a change that uncovers other items (the selection shrinks, a hidden label comes back, a
 * search brings its matches to the front, the threshold or the sprite size changes, the view moves) is drawn in full.
 */
class SceneRecordRenderTest {
    static final int W = 300, H = 220, N = 4_000;
    @TempDir static Path dir;
    static Path bundle;
    static org.embedscope.query.ColumnTable columns;

    @BeforeAll
    static void write() throws Exception {
        String[] labels = new String[N];
        for (int i = 0; i < N; i++) labels[i] = String.valueOf(i % 4);
        bundle = SpriteFixture.gaussianRings(N, 5).labels("label", Map.of(), labels).write(dir.resolve("b")).dir;
        columns = org.embedscope.query.ColumnTable.of(BundleReader.load(bundle));
    }

    /** Draws the view {@code times} times over, as redraws at an unchanged view (each redraw forced). */
    private static void redraw(OffscreenExplorer v, int times) {
        for (int k = 0; k < times; k++) {
            v.scene().state().invalidate();
            v.frame(-1, -1, false);
        }
    }

    private static ItemSet every(int step) {
        ItemSet s = new ItemSet(N);
        for (int i = 0; i < N; i += step) s.add(i);
        return s;
    }

    /** The last frame of {@code v} after {@code setUp} and three redraws, and whether the last one recoloured. */
    private static int[] recoloured(Consumer<ViewState> setUp, Consumer<ViewState> change) throws Exception {
        try (OffscreenExplorer v = new OffscreenExplorer(BundleReader.load(bundle), W, H)) {
            SceneRenderer scene = v.scene();
            ViewState st = scene.state();
            st.setView(0.2f, -0.1f, 2f);
            setUp.accept(st);
            v.frame(-1, -1, false);
            assertTrue(scene.drawnCount() > 0);
            redraw(v, 2);
            change.accept(st);
            v.frame(-1, -1, false);
            assertEquals(0, scene.drawnCount(), "a change of colours alone recolours the recorded scene: no sprite drawn");
            return FramePixels.of(v);
        }
    }

    /** The first frame of a fresh explorer after {@code setUp} then {@code change}: every sprite drawn. */
    private static int[] fullRedraw(Consumer<ViewState> setUp, Consumer<ViewState> change) throws Exception {
        try (OffscreenExplorer fresh = new OffscreenExplorer(BundleReader.load(bundle), W, H)) {
            ViewState st = fresh.scene().state();
            st.setView(0.2f, -0.1f, 2f);
            setUp.accept(st);
            change.accept(st);
            fresh.frame(-1, -1, false);
            assertTrue(fresh.scene().drawnCount() > 0);
            return FramePixels.of(fresh);
        }
    }

    @Test
    void changesOfColourAloneRecolourTheRecordIntoWhatAFullRedrawDraws() throws Exception {
        record Change(String what, Consumer<ViewState> before, Consumer<ViewState> after) {}
        Consumer<ViewState> none = s -> {};
        Change[] changes = {
            new Change("a redraw of an unchanged view", none, ViewState::invalidate),
            new Change("a selection dims the rest", s -> s.setSelection(every(7)), s -> s.setDimUnselected(true)),
            // With the rest dimmed, a search's matches are dimmed as every unselected item is: nothing comes forward.
            new Change("a search under a selection that dims the rest", s -> {
                s.setSelection(every(7));
                s.setDimUnselected(true);
            }, s -> s.setMatches(every(3))),
            new Change("tinted by label", none, s -> s.setTintByLabel(true)),
            new Change("coloured by a number, tinted", s -> s.setTintByLabel(true),
                    s -> s.setColourBy(ColourBy.of(columns.column("a_x"), false))),
            new Change("flat squares dimmed", s -> {
                s.setUserScale(0.08f);
                s.setSelection(every(7));
            }, s -> s.setDimUnselected(true)),
        };
        int[] plain = fullRedraw(none, none);
        for (Change c : changes) {
            int[] seen = recoloured(c.before, c.after);
            int[] want = fullRedraw(c.before, c.after);
            assertEquals(0, FramePixels.differing(want, seen), c.what + ": pixels differing from a full redraw");
            if (c.what.startsWith("a selection dims") || c.what.startsWith("tinted")) {
                assertTrue(FramePixels.differing(plain, seen) > 1000, c.what + " changes the picture");
            }
        }
    }

    @Test
    void changesThatUncoverItemsAreDrawnAsAFullRedrawDrawsThem() throws Exception {
        record Change(String what, Consumer<ViewState> before, Consumer<ViewState> after) {}
        Change[] changes = {
            new Change("the selection shrinks", s -> s.setSelection(every(5)), s -> s.setSelection(every(50))),
            // A search draws its matches in front of the items it dims (MatchesInFrontTest).
            new Change("a search brings its matches to the front", s -> { }, s -> s.setMatches(every(3))),
            new Change("the search changes", s -> s.setMatches(every(3)), s -> s.setMatches(every(4))),
            new Change("the search is cleared", s -> s.setMatches(every(3)), s -> s.setMatches(null)),
            new Change("a hidden label is shown again", s -> s.setShown(0, false), s -> s.setShown(0, true)),
            new Change("the threshold is lowered", s -> s.setThreshold(0.9f), s -> s.setThreshold(0.2f)),
            new Change("the sprites grow", s -> s.setUserScale(1f), s -> s.setUserScale(1.4f)),
            new Change("the view moves", s -> s.setView(0.2f, -0.1f, 2f), s -> s.setView(0.23f, -0.1f, 2f)),
        };
        for (Change c : changes) {
            int[] seen;
            try (OffscreenExplorer v = new OffscreenExplorer(BundleReader.load(bundle), W, H)) {
                ViewState st = v.scene().state();
                st.setView(0.2f, -0.1f, 2f);
                c.before.accept(st);
                v.frame(-1, -1, false);
                redraw(v, 3);
                c.after.accept(st);
                v.frame(-1, -1, false);
                redraw(v, 3);
                seen = FramePixels.of(v);
            }
            try (OffscreenExplorer fresh = new OffscreenExplorer(BundleReader.load(bundle), W, H)) {
                ViewState st = fresh.scene().state();
                st.setView(0.2f, -0.1f, 2f);
                c.before.accept(st);
                c.after.accept(st);
                fresh.frame(-1, -1, false);
                assertEquals(0, FramePixels.differing(FramePixels.of(fresh), seen), c.what + ": pixels differing from a full redraw");
            }
        }
    }

    @Test
    void aPanRightAfterARecolouringShowsTheBandAroundTheViewInItsNewColours() throws Exception {
        Consumer<ViewState> select = s -> s.setSelection(every(7)), dim = s -> s.setDimUnselected(true);
        Consumer<ViewState> pan = s -> s.pan(40, 0);
        int[] seen;
        try (OffscreenExplorer v = new OffscreenExplorer(BundleReader.load(bundle), W, H)) {
            ViewState st = v.scene().state();
            st.setView(0.2f, -0.1f, 2f);
            select.accept(st);
            v.frame(-1, -1, false);
            redraw(v, 2);
            dim.accept(st);
            v.frame(-1, -1, false);
            assertEquals(0, v.scene().drawnCount(), "recoloured");
            pan.accept(st);
            v.frame(-1, -1, false);
            seen = FramePixels.of(v);
        }
        assertEquals(0, FramePixels.differing(fullRedraw(select.andThen(dim), pan), seen), "pixels differing from a full redraw after the pan");
    }
}
