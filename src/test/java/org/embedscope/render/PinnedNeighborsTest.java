package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Random;
import org.embedscope.bundle.NeighborLists;
import org.junit.jupiter.api.Test;

/** Layout ranks of a pinned item's neighbours against a sort of every item by its layout distance. */
class PinnedNeighborsTest {

    @Test
    void layoutRanksAreEachNeighboursPlaceInTheSortedLayoutDistances() {
        Random rnd = new Random(7);
        int n = 500, k = 10;
        float[] xy = new float[2 * n];
        // A grid of quarter units: many exact ties, which count as nearer only when strictly nearer.
        for (int i = 0; i < 2 * n; i++) xy[i] = rnd.nextInt(40) / 4f;
        int[] idx = new int[n * k];
        float[] dist = new float[n * k];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < k; r++) {
                int j;
                do j = rnd.nextInt(n); while (j == i);
                idx[i * k + r] = j;
                dist[i * k + r] = r;
            }
        }
        NeighborLists lists = new NeighborLists(n, k, idx, dist);
        for (int item : new int[] {0, 17, 256, 499}) {
            PinnedNeighbors p = PinnedNeighbors.of(lists, item, 0, xy);
            double[] d = new double[n - 1];
            for (int j = 0, m = 0; j < n; j++) if (j != item) d[m++] = sq(xy, item, j);
            Arrays.sort(d);
            int far = 0, kept = 0;
            for (int r = 0; r < k; r++) {
                assertEquals(idx[item * k + r], p.neighbor(r));
                assertEquals(dist[item * k + r], p.distance(r));
                double dj = sq(xy, item, p.neighbor(r));
                // 1 + how many others are strictly nearer: the first place of dj in the sorted distances.
                int first = 0;
                while (d[first] < dj) first++;
                assertEquals(first + 1, p.layoutRank(r), "item " + item + ", neighbour " + r);
                assertEquals(first + 1 <= k, p.isKept(r));
                assertEquals(first + 1 >= PinnedNeighbors.FAR_FACTOR * k, p.isFar(r));
                if (p.isKept(r)) kept++;
                if (p.isFar(r)) far++;
            }
            assertEquals(kept, p.keptCount());
            assertEquals(far, p.farCount());
        }
    }

    @Test
    void farnessRisesOnALogScaleFromKeptToFar() {
        int k = 15;
        assertEquals(0f, PinnedNeighbors.farness(1, k));
        assertEquals(0f, PinnedNeighbors.farness(k, k), "the k-th is still kept");
        assertTrue(PinnedNeighbors.farness(k + 1, k) > 0f);
        assertEquals(0.5f, PinnedNeighbors.farness((int) Math.round(k * Math.sqrt(PinnedNeighbors.FAR_FACTOR)), k), 0.02f);
        assertEquals(1f, PinnedNeighbors.farness(PinnedNeighbors.FAR_FACTOR * k, k), 1e-6f);
        assertEquals(1f, PinnedNeighbors.farness(70_000, k));
        float last = 0;
        for (int rank = 1; rank < 400; rank++) {
            float f = PinnedNeighbors.farness(rank, k);
            assertTrue(f >= last, "never falls with the rank");
            last = f;
        }
    }

    /**
     * A line's colour says what the panel counts: the kept cyan only for a kept neighbour, the far
     * magenta only for a far one, and a moved one (ranked past k, short of 10 k) in a colour of neither.
     * At a million digits rank 18 of 15 was drawn cyan and rank 123 magenta, both counted "moved".
     */
    @Test
    void onlyKeptNeighboursAreCyanAndOnlyFarOnesMagenta() {
        int k = 15;
        for (int rank = 1; rank <= 20 * k; rank++) {
            float f = PinnedNeighbors.farness(rank, k);
            int rgb = NeighborLinesPass.color(f);
            boolean kept = rank <= k, far = f >= 1f;
            assertEquals(kept, rgb == NeighborLinesPass.NEAR_COLOR, "rank " + rank + ": cyan exactly when kept");
            assertEquals(far, rgb == NeighborLinesPass.FAR_COLOR, "rank " + rank + ": magenta exactly when far");
        }
        // The moved ones still grade from near to far: rank 16 and rank 140 differ.
        assertNotEquals(NeighborLinesPass.color(PinnedNeighbors.farness(k + 1, k)),
                NeighborLinesPass.color(PinnedNeighbors.farness(PinnedNeighbors.FAR_FACTOR * k - 10, k)));
    }

    private static double sq(float[] xy, int i, int j) {
        double dx = xy[2 * j] - (double) xy[2 * i], dy = xy[2 * j + 1] - (double) xy[2 * i + 1];
        return dx * dx + dy * dy;
    }
}
