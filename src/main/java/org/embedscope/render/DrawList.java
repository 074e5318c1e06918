package org.embedscope.render;

/**
 * Which items a frame draws, so that its cost follows what is on screen rather than the number of
 * items: at rest, the items whose centres lie within a sprite's reach of the view (a pixel or two
 * wider: nothing else could show) — every one of them while the drawn target (the view and its guard
 * band) holds at most {@value #MOST_DRAWN}, beyond that those of the finest {@link DensityLevels}
 * level that puts no more there; mid-transition, every item, or where a moving layout's view is thinned
 * at rest, its levels' items blended by the transition's weights ({@link MovingLevels}). The level is
 * chosen over the target, not the reach, so that the level of detail does not change with the
 * sprites' size, and over every item, hidden ones too, so that it does not change with what is hidden:
 * hiding a category left the others' spots as they were drawn (at a million digits, hiding "one" had
 * taken the fitted view from 74,680 items to 220,028, every other cluster solid white). Hidden items
 * take no part in what a level keeps (a spot's top items are shown ones, on the same grids); those
 * levels are made again when the hidden set changes. GL-free.
 */
final class DrawList {
    /** Beyond the guard band, so that rounding never leaves out a point the GL would draw. */
    static final float SLACK_PX = 2f;
    /**
     * Items drawn at rest before levels of detail take over: far more than a fitted view of
     * hundreds of thousands of items shows (each spot of the screen is then under a dozen
     * sprites), so only views of more than that lose the items buried deepest.
     */
    static final int MOST_DRAWN = 250_000;

    private final float[][] layouts;
    /** Per layout, the levels of the shown items (on {@link #every}'s grids), and of every item: the level is chosen on these. */
    private final DensityLevels[] levels, every;
    private boolean[] hidden;
    private long statesVersion = -1;
    private int level = -1;
    private int mostDrawn = MOST_DRAWN;
    private long listedVersion = -1;
    private int listedGuard = -1, listedReach = -1;
    private int[] listed;

    DrawList(float[][] layouts) {
        this.layouts = layouts;
        this.levels = new DensityLevels[layouts.length];
        this.every = new DensityLevels[layouts.length];
    }

    /**
     * The items to draw in this frame, ascending, or null for every item (mid-transition, unless the
     * levels of detail thin a moving layout's view).
     *
     * @param guard pixels the target holds beyond each edge of the view (the level of detail is chosen over it)
     * @param reach pixels beyond each edge of the view whose items are listed (at most {@code guard})
     */
    int[] items(ViewState st, int guard, int reach) {
        if (st.version() == listedVersion && guard == listedGuard && reach == listedReach && st.itemStates().version() == statesVersion) {
            return listed;
        }
        listed = list(st, guard, reach);
        listedVersion = st.version();
        listedGuard = guard;
        listedReach = reach;
        return listed;
    }

    private int[] list(ViewState st, int guard, int reach) {
        Transition tr = st.transition();
        int layout = restingLayout(tr);
        if (layout < 0) {
            level = -1;
            return moving(st, guard);
        }
        refreshHidden(st.itemStates());
        DensityLevels d = levels(layout);
        float[] b = box(st.camera(), guard);
        level = every(layout).finestWithin(mostDrawn, b[0], b[1], b[2], b[3]);
        float[] r = box(st.camera(), reach);
        return d.inBox(level, r[0], r[1], r[2], r[3]);
    }

    /**
     * Mid-transition: null (every item) while no moving layout's view would be thinned at rest, else
     * each moving layout's kept items at the level its view would draw at rest (all of them, on screen
     * or not: they move into the view), blended by the transition's weights ({@link MovingLevels}).
     */
    private int[] moving(ViewState st, int guard) {
        refreshHidden(st.itemStates());
        Transition tr = st.transition();
        float[] w = tr.weights();
        float[] b = box(st.camera(), guard);
        int[][] kept = new int[3][];
        float[] weights = new float[3];
        int sets = 0;
        boolean thinned = false;
        for (int s = 0; s < 3; s++) {
            if (!(w[s] > 0f)) continue;
            DensityLevels d = levels(tr.slot(s));
            int k = every(tr.slot(s)).finestWithin(mostDrawn, b[0], b[1], b[2], b[3]);
            thinned |= k < d.levels() - 1;
            kept[sets] = d.kept(k);
            weights[sets++] = w[s];
        }
        if (!thinned) return null;
        return MovingLevels.blend(java.util.Arrays.copyOf(kept, sets), java.util.Arrays.copyOf(weights, sets));
    }

    /** Layout {@code layout}'s levels of detail over the shown items, made on first use. */
    private DensityLevels levels(int layout) {
        DensityLevels d = levels[layout];
        if (d == null) {
            int[] shown = shownItems();
            levels[layout] = d = shown == null ? every(layout) : DensityLevels.of(layouts[layout], shown, every(layout));
        }
        return d;
    }

    /** Layout {@code layout}'s levels of detail over every item, made once. */
    private DensityLevels every(int layout) {
        DensityLevels d = every[layout];
        if (d == null) every[layout] = d = DensityLevels.of(layouts[layout]);
        return d;
    }

    /** The world box whose items' centres lie within {@code guard} pixels (and the slack) of the view: minX, minY, maxX, maxY. */
    private static float[] box(Camera cam, int guard) {
        float m = guard + SLACK_PX;
        return new float[] {cam.worldX(-m), cam.worldY(cam.height() + m), cam.worldX(cam.width() + m), cam.worldY(-m)};
    }

    /**
     * The density level {@link #items} would choose for the view of {@code st} now, without listing the
     * items (a count per grid cell, not a pass over them): -1 mid-transition, {@code Integer.MIN_VALUE}
     * when the resting layout's levels are not made yet or the hidden items changed since.
     */
    int levelFor(ViewState st, int guard) {
        int layout = restingLayout(st.transition());
        if (layout < 0) return -1;
        if (levels[layout] == null || st.itemStates().version() != statesVersion) return Integer.MIN_VALUE;
        float[] b = box(st.camera(), guard);
        return every[layout].finestWithin(mostDrawn, b[0], b[1], b[2], b[3]);
    }

    /** The layout the items rest on, or -1 while they move. */
    static int restingLayout(Transition tr) {
        float[] w = tr.weights();
        for (int s = 0; s < 3; s++) if (w[s] == 1f) return tr.slot(s);
        return -1;
    }

    /** Draws at most about {@code most} items at rest (levels of detail beyond): {@value #MOST_DRAWN} unless changed. */
    void setMostDrawn(int most) {
        mostDrawn = most;
        listedVersion = -1;
    }

    /**
     * The items of the last {@link #items} call's level of resting layout {@code layout} whose centres
     * lie in the world box, ascending (a strip of the view: {@link SceneRenderer}'s shifted pans). Do not modify.
     */
    int[] inBox(int layout, float minX, float minY, float maxX, float maxY) {
        return levels[layout].inBox(level, minX, minY, maxX, maxY);
    }

    /** The density level of the last {@link #items} call, -1 mid-transition. */
    int level() { return level; }

    private void refreshHidden(ItemStates states) {
        if (states.version() == statesVersion) return;
        statesVersion = states.version();
        int n = states.count();
        boolean[] now = new boolean[n];
        boolean changed = hidden == null;
        for (int i = 0; i < n; i++) {
            now[i] = states.has(i, ItemStates.HIDDEN);
            if (!changed && now[i] != hidden[i]) changed = true;
        }
        hidden = now;
        if (changed) java.util.Arrays.fill(levels, null);
    }

    private int[] shownItems() {
        int shown = 0;
        for (boolean h : hidden) if (!h) shown++;
        if (shown == hidden.length) return null;
        int[] out = new int[shown];
        for (int i = 0, o = 0; i < hidden.length; i++) if (!hidden[i]) out[o++] = i;
        return out;
    }
}
