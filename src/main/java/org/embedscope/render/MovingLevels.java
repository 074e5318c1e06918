package org.embedscope.render;

/**
 * Levels of detail while the items move between layouts. At rest a view where very many items pile up
 * draws only those its level of detail keeps ({@link DensityLevels}); drawing every item the moment they
 * start to move would change the picture at once (the piles turn solid) and cost the full N each moving
 * frame. Instead a moving frame draws each layout's kept items for the view, blended by the
 * transition's weights: an item kept in every moving layout is always drawn; one kept in some only is
 * drawn while the weights of those layouts sum to more than its own fixed threshold in [0, 1). So the
 * first moving frame draws the resting picture's items, the last one the next resting picture's, the
 * number drawn stays about theirs in between, and items fade out and in by a dither that does not
 * flicker (each item's threshold never changes). GL-free.
 */
final class MovingLevels {
    private MovingLevels() {}

    /**
     * The items drawn with {@code weights[s]} of the transition on the layout whose kept items are
     * {@code kept[s]} (ascending, without repeats; weights positive, summing to 1): ascending.
     */
    static int[] blend(int[][] kept, float[] weights) {
        int sets = kept.length, total = 0;
        for (int[] k : kept) total += k.length;
        int[] at = new int[sets];
        int[] out = new int[total];
        int n = 0;
        while (true) {
            int item = Integer.MAX_VALUE;
            for (int s = 0; s < sets; s++) if (at[s] < kept[s].length) item = Math.min(item, kept[s][at[s]]);
            if (item == Integer.MAX_VALUE) break;
            float weight = 0f;
            int in = 0;
            for (int s = 0; s < sets; s++) {
                if (at[s] < kept[s].length && kept[s][at[s]] == item) {
                    weight += weights[s];
                    in++;
                    at[s]++;
                }
            }
            // Kept everywhere: drawn whatever the rounding of the weights' sum.
            if (in == sets || weight > threshold(item)) out[n++] = item;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The items of {@code items} (ascending) that {@code drawn} (ascending) holds, ascending: a moving frame's pick candidates. */
    static int[] among(int[] items, int[] drawn) {
        int[] out = new int[items.length];
        int n = 0;
        for (int item : items) if (java.util.Arrays.binarySearch(drawn, item) >= 0) out[n++] = item;
        return java.util.Arrays.copyOf(out, n);
    }

    /** Item {@code item}'s fixed threshold, spread evenly over [0, 1) and unrelated to its neighbours' in index. */
    static float threshold(int item) {
        return (org.embedscope.layout.knn.NnDescent.mix(item + 1L) >>> 40) / (float) (1 << 24);
    }
}
