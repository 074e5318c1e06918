package org.embedscope.render;

/**
 * The pinned item and its neighbours on top of the scene: a line from the item to each neighbour
 * (widened on the GPU, see {@code lines.geom}; its ends placed as the sprites are, so the lines follow
 * transitions), a ring around each neighbour, the neighbours drawn again over what covers them, then
 * the pinned item the same way. Line and ring take the neighbour's {@link PinnedNeighbors#farness}:
 * {@link #NEAR_COLOR} for one the layout kept near, {@link #FAR_COLOR} for one it put far away, in
 * {@link #STEPS} steps between; the farthest are drawn last, on top. Everything is drawn from index
 * lists over the per-item buffers, uploaded only when the pin changes. Keeps the {@link GlState} rule.
 */
final class NeighborLinesPass implements AutoCloseable {
    /** Lines and rings of neighbours the layout kept near, 0xRRGGBB: a cyan no palette colour is close to. */
    static final int NEAR_COLOR = 0x40e0ff;
    /** Those of neighbours the layout put far away: a magenta, far from the cyan and the selection's amber. */
    static final int FAR_COLOR = 0xff40e0;
    /** The pinned item's ring. */
    static final int PINNED_COLOR = 0xffffff;
    /** The dark edge of lines and rings. */
    static final int EDGE_COLOR = 0x000000;
    /** Colours from near to far. */
    static final int STEPS = 5;

    private final ShaderProgram lines;
    private final ShaderProgram halo;
    /** Pairs (pinned, neighbour) for GL_LINES, nearest step first. */
    private final IndexList pairs = new IndexList();
    /** The neighbours in the same order. */
    private final IndexList neighbors = new IndexList();
    private final IndexList pinnedItem = new IndexList();
    /** Where each step starts in the lists; stepStart[STEPS] is the count. */
    private final int[] stepStart = new int[STEPS + 1];
    private PinnedNeighbors shown;

    NeighborLinesPass() {
        ShaderProgram l = ShaderProgram.withGeometry("lines.vert", "lines.geom", "lines.frag");
        try {
            halo = new ShaderProgram("sprite.vert", "halo.frag", "HALO");
        } catch (RuntimeException e) {
            l.close();
            throw e;
        }
        lines = l;
    }

    /** Line width in pixels for sprites of {@code px}: bolder on large sprites, within 4 to 7 px. */
    static float linePixels(float px) {
        return Math.max(4f, Math.min(7f, 3f + 0.06f * px));
    }

    /**
     * The step of a neighbour of {@code farness}: 0 only for one kept, STEPS - 1 only for one far, the
     * steps between for one moved (rounding had drawn a rank just past k in the kept cyan and one of
     * 7.5 k in the far magenta, neither as the panel counted them).
     */
    static int step(float farness) {
        if (farness <= 0f) return 0;
        if (farness >= 1f) return STEPS - 1;
        return 1 + Math.min(STEPS - 3, (int) (farness * (STEPS - 2)));
    }

    /** The colour, 0xRRGGBB, of a neighbour of {@code farness} (0 near to 1 far), in steps. */
    static int color(float farness) {
        float t = step(farness) / (float) (STEPS - 1);
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int a = (NEAR_COLOR >> shift) & 255, b = (FAR_COLOR >> shift) & 255;
            rgb |= Math.round(a + t * (b - a)) << shift;
        }
        return rgb;
    }

    /** Draws {@code p} from now on (null: nothing); uploads its lists when it is not the one shown. */
    void show(PinnedNeighbors p) {
        if (p == shown) return;
        shown = p;
        if (p == null) return;
        int k = p.count();
        java.util.Arrays.fill(stepStart, 0);
        for (int r = 0; r < k; r++) stepStart[step(p.farness(r)) + 1]++;
        for (int s = 0; s < STEPS; s++) stepStart[s + 1] += stepStart[s];
        int[] at = java.util.Arrays.copyOf(stepStart, STEPS);
        int[] pairList = new int[2 * k], items = new int[k];
        for (int r = 0; r < k; r++) {
            int slot = at[step(p.farness(r))]++;
            items[slot] = p.neighbor(r);
            pairList[2 * slot] = p.item();
            pairList[2 * slot + 1] = p.neighbor(r);
        }
        pairs.upload(pairList, 0);
        neighbors.upload(items, 0);
        pinnedItem.upload(new int[] {p.item()}, 0);
    }

    /** Draws what {@link #show} was given into the bound framebuffer of {@code width × height} pixels. */
    void draw(ItemDraw d, SpritePass sprites, float pointLimit, int width, int height) {
        if (shown == null) return;
        float w = linePixels(d.pointPx);
        d.bind(lines);
        lines.set("uViewport", (float) width, (float) height);
        lines.set("uWidth", w);
        lines.set("uEdge", 2f / w);
        lines.setRgb("uEdgeColor", EDGE_COLOR);
        for (int s = 0; s < STEPS; s++) {
            lines.setRgb("uColor", color(s / (float) (STEPS - 1)));
            pairs.drawLines(stepStart[s], stepStart[s + 1] - stepStart[s]);
        }
        ItemDraw.unbind();

        bindRing(d, pointLimit);
        for (int s = 0; s < STEPS; s++) {
            halo.setRgb("uRingColor", color(s / (float) (STEPS - 1)));
            neighbors.drawPoints(stepStart[s], stepStart[s + 1] - stepStart[s]);
        }
        ItemDraw.unbind();
        sprites.draw(d, neighbors);

        bindRing(d, pointLimit);
        halo.setRgb("uRingColor", PINNED_COLOR);
        pinnedItem.drawPoints();
        ItemDraw.unbind();
        sprites.draw(d, pinnedItem);
    }

    /** Binds the ring program as the selection's ring is drawn (see {@link SelectionPass}). */
    private void bindRing(ItemDraw d, float pointLimit) {
        float ring = d.ringPx;
        d.bind(halo);
        halo.set("uHaloSize", Math.min(d.pointPx + 2 * ring, pointLimit));
        halo.set("uRing", ring);
        halo.set("uEdge", ring >= 2f ? Math.max(1f, 0.34f * ring) : 0f);
        halo.setRgb("uEdgeColor", EDGE_COLOR);
    }

    @Override
    public void close() {
        pairs.close();
        neighbors.close();
        pinnedItem.close();
        lines.close();
        halo.close();
    }
}
