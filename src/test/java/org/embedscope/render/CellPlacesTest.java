package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Random;
import org.embedscope.bundle.Manifest;
import org.junit.jupiter.api.Test;

/**
 * The items' places worked out on the CPU are what the shaders' look-up finds: the cell at the wanted
 * level, or at the finest coarser level whose page is on the GPU, at the column, row and layer that
 * level's grid and page table give; and they are worked out again only when the level or the pages change.
 */
class CellPlacesTest {
    /** A page table over three levels (16, 64 and 256 cells a page), some pages of the finer two off the GPU. */
    static final class Table implements CellPlaces.Pages {
        final Manifest.Level[] grids = {level(4, 4), level(8, 8), level(16, 16)};
        final int[][] layers;
        long version;

        Table(int items, Random r) {
            layers = new int[grids.length][];
            int next = 0;
            for (int l = 0; l < grids.length; l++) {
                layers[l] = new int[(items + grids[l].cellsPerPage() - 1) / grids[l].cellsPerPage()];
                for (int p = 0; p < layers[l].length; p++) {
                    layers[l][p] = l == grids.length - 1 || r.nextInt(3) > 0 ? next++ : -1;
                }
            }
        }

        private static Manifest.Level level(int columns, int rows) {
            return new Manifest.Level(8, columns, rows, List.of());
        }

        @Override public int levels() { return grids.length; }
        @Override public Manifest.Level level(int level) { return grids[level]; }
        @Override public int[] pageLayers(int level) { return layers[level].clone(); }
        @Override public long versionFor(int level) { return version; }
    }

    @Test
    void placesAreWhatTheLookUpFinds() {
        Random r = new Random(11);
        int n = 1000;
        Table t = new Table(n, r);
        // Items name cells in another order than theirs (index lists and streamed pages go by cell).
        int[] cellOfItem = new int[n];
        for (int i = 0; i < n; i++) cellOfItem[i] = (i * 389) % n;
        CellPlaces places = new CellPlaces(cellOfItem);
        int fellBack = 0;
        for (int wanted = 0; wanted < t.levels(); wanted++) {
            t.version++;
            int[] p = places.update(t, wanted);
            assertNotNull(p);
            for (int i = 0; i < n; i++) {
                int cell = cellOfItem[i];
                int l = wanted;
                while (t.layers[l][t.grids[l].page(cell)] < 0) l++;
                if (l != wanted) fellBack++;
                Manifest.Level g = t.grids[l];
                int column = p[2 * i] & 0xFFFF, row = p[2 * i] >>> 16, layer = p[2 * i + 1] & 0xFFFF, level = p[2 * i + 1] >>> 16;
                String what = "item " + i + " wanting level " + wanted;
                assertEquals(l, level, what + ": the finest level whose page is on the GPU");
                assertEquals(g.column(cell), column, what);
                assertEquals(g.row(cell), row, what);
                assertEquals(t.layers[l][g.page(cell)], layer, what);
            }
        }
        assertTrue(fellBack > 100, "the table sends many items to coarser levels: " + fellBack);
    }

    @Test
    void placesAreWorkedOutAgainOnlyWhenTheLevelOrThePagesChange() {
        Table t = new Table(300, new Random(2));
        int[] cellOfItem = new int[300];
        for (int i = 0; i < cellOfItem.length; i++) cellOfItem[i] = i;
        CellPlaces places = new CellPlaces(cellOfItem);
        assertNotNull(places.update(t, 0));
        assertNull(places.update(t, 0), "nothing changed: nothing to upload");
        assertNotNull(places.update(t, 1), "another level");
        // A page of level 1 arrives: the item in it is now drawn from it.
        int page = -1;
        for (int p = 0; p < t.layers[1].length && page < 0; p++) if (t.layers[1][p] < 0) page = p;
        assertTrue(page >= 0);
        t.layers[1][page] = 77;
        t.version++;
        int[] p = places.update(t, 1);
        assertNotNull(p, "the pages changed");
        int item = page * t.grids[1].cellsPerPage();
        assertEquals(77, p[2 * item + 1] & 0xFFFF);
        assertEquals(1, p[2 * item + 1] >>> 16);
    }

    /**
     * A streamed atlas changes pages every few frames: the places worked out again for the changed pages'
     * items only are those a whole pass gives, and every item whose place changed lies in the range the
     * update names (the part that is uploaded).
     */
    @Test
    void aPartialUpdateAfterPagesComeAndGoIsAWholeOne() {
        Random r = new Random(5);
        int n = 1000;
        Table t = new Table(n, r);
        int[] cellOfItem = new int[n];
        for (int i = 0; i < n; i++) cellOfItem[i] = (i * 389 + 17) % n;
        cellOfItem[3] = cellOfItem[4]; // two items of one cell
        CellPlaces places = new CellPlaces(cellOfItem);
        int partial = 0;
        int[] last = null;
        for (int round = 0; round < 200; round++) {
            int wanted = round < 150 ? 0 : 1;
            int[] made = places.update(t, wanted);   // a new level: every item; else nothing changed since
            int[] before = made != null ? null : last;
            // A few pages of the finer levels go on or off the GPU, or to another layer.
            for (int change = 0, k = 1 + r.nextInt(3); change < k; change++) {
                int l = r.nextInt(t.levels() - 1), page = r.nextInt(t.layers[l].length);
                t.layers[l][page] = r.nextInt(4) == 0 ? -1 : 100 + r.nextInt(50);
            }
            t.version++;
            int[] now = places.update(t, wanted);
            assertNotNull(now);
            int[] whole = new CellPlaces(cellOfItem).update(t, wanted);
            assertArrayEquals(whole, now, "round " + round + ": the partial update is the whole one");
            if (before != null) {
                partial++;
                for (int i = 0; i < n; i++) {
                    boolean changed = before[2 * i] != now[2 * i] || before[2 * i + 1] != now[2 * i + 1];
                    if (changed) assertTrue(i >= places.from() && i < places.to(), "round " + round + ": item " + i + " changed outside ["
                            + places.from() + ", " + places.to() + ")");
                }
            }
            last = now.clone();
        }
        assertTrue(partial > 190, "partial updates: " + partial);
    }
}
