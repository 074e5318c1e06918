package org.embedscope.render;

import org.embedscope.bundle.NeighborLists;

/**
 * A pinned item's nearest neighbours in the original space (nearest first, as the bundle keeps them)
 * and where one layout put each: its <em>layout rank</em>, 1 + the number of other items the layout
 * draws nearer to the pinned item than it. A neighbour with a layout rank of at most k (the number
 * kept) is {@link #isKept kept}: the trust column {@code L_trust} is the fraction of neighbours kept.
 * One ranked {@link #FAR_FACTOR} times k or beyond is {@link #isFar far}: the layout tore it away from
 * the pinned item (in a dense cluster a rank a little over k is still next to it on screen, so "not
 * kept" alone would mark most neighbours). {@link #farness} grades the ranks between, on a log scale.
 * GL-free; the renderer draws it ({@link NeighborLinesPass}), the overlay lists it.
 */
public final class PinnedNeighbors {
    /** A neighbour this many times k or more down the layout's ranking is far. */
    public static final int FAR_FACTOR = 10;

    private final int item;
    private final int layout;
    private final int[] neighbors;
    private final float[] distances;
    private final int[] layoutRanks;

    private PinnedNeighbors(int item, int layout, int[] neighbors, float[] distances, int[] layoutRanks) {
        this.item = item;
        this.layout = layout;
        this.neighbors = neighbors;
        this.distances = distances;
        this.layoutRanks = layoutRanks;
    }

    /**
     * Item {@code item}'s neighbours from {@code lists}, ranked in layout {@code layout} whose
     * coordinates are {@code xy} (interleaved x, y per item; any uniform scale, ranks do not change).
     * One pass over the items per neighbour: k·n distance comparisons, no sort, no allocation per item.
     */
    public static PinnedNeighbors of(NeighborLists lists, int item, int layout, float[] xy) {
        int k = lists.k(), n = lists.n();
        int[] nb = new int[k];
        float[] dist = new float[k];
        double[] nbLayout = new double[k];
        double px = xy[2 * item], py = xy[2 * item + 1];
        for (int r = 0; r < k; r++) {
            nb[r] = lists.neighbor(item, r);
            dist[r] = lists.distance(item, r);
            nbLayout[r] = squared(xy, nb[r], px, py);
        }
        int[] nearer = new int[k];
        for (int j = 0; j < n; j++) {
            if (j == item) continue;
            double d = squared(xy, j, px, py);
            for (int r = 0; r < k; r++) if (d < nbLayout[r]) nearer[r]++;
        }
        int[] ranks = new int[k];
        for (int r = 0; r < k; r++) ranks[r] = nearer[r] + 1;
        return new PinnedNeighbors(item, layout, nb, dist, ranks);
    }

    private static double squared(float[] xy, int j, double px, double py) {
        double dx = xy[2 * j] - px, dy = xy[2 * j + 1] - py;
        return dx * dx + dy * dy;
    }

    /** The pinned item. */
    public int item() { return item; }

    /** The layout the ranks are measured in. */
    public int layout() { return layout; }

    /** Neighbours kept (k). */
    public int count() { return neighbors.length; }

    /** The neighbour of 0-based original rank {@code r}. */
    public int neighbor(int r) { return neighbors[r]; }

    /** Its distance in the original space. */
    public float distance(int r) { return distances[r]; }

    /** Where the layout put it: 1 for the item the layout draws nearest to the pinned one. */
    public int layoutRank(int r) { return layoutRanks[r]; }

    /** True when the layout put it among the pinned item's k nearest (what trust counts). */
    public boolean isKept(int r) { return layoutRanks[r] <= neighbors.length; }

    /** True when the layout put it {@link #FAR_FACTOR}·k or more down its ranking. */
    public boolean isFar(int r) { return farness(r) >= 1f; }

    /** 0 for a kept neighbour, 1 for a far one, between them log(rank / k) / log(FAR_FACTOR). */
    public float farness(int r) {
        return farness(layoutRanks[r], neighbors.length);
    }

    /** The farness of layout rank {@code rank} among {@code k} neighbours. */
    public static float farness(int rank, int k) {
        if (rank <= k) return 0f;
        return (float) Math.min(1.0, Math.log(rank / (double) k) / Math.log(FAR_FACTOR));
    }

    /** How many neighbours are kept. */
    public int keptCount() {
        int c = 0;
        for (int r = 0; r < neighbors.length; r++) if (isKept(r)) c++;
        return c;
    }

    /** How many neighbours are far. */
    public int farCount() {
        int c = 0;
        for (int r = 0; r < neighbors.length; r++) if (isFar(r)) c++;
        return c;
    }
}
