package org.embedscope.render;

import static org.lwjgl.opengl.GL11.*;

/**
 * The selection on top of the scene: a ring around each selected sprite (bright, with a dark outer
 * edge, so it reads on any image), then the selected sprites drawn again over their neighbours.
 * Both draw the selection's {@link IndexList}; hidden items stay hidden. Keeps the {@link GlState} rule.
 */
final class SelectionPass implements AutoCloseable {
    /** The ring's colour, 0xRRGGBB: an amber that no palette colour or grey image is close to. */
    static final int RING_COLOR = 0xffc400;
    /** Its outer edge's colour. */
    static final int EDGE_COLOR = 0x000000;

    private final ShaderProgram halo;

    SelectionPass() {
        halo = new ShaderProgram("sprite.vert", "halo.frag", "HALO");
    }

    /** Ring width in pixels for sprites of {@code px}: thin on small sprites, at most 4 px. */
    static float ringPixels(float px) {
        return Math.max(1.5f, Math.min(4f, 0.08f * px));
    }

    /** Draws the rings and then the selected sprites with {@code sprites} into the bound framebuffer. */
    void draw(ItemDraw d, IndexList selected, SpritePass sprites, float pointLimit) {
        if (selected.count() == 0) return;
        bindHalo(d, pointLimit);
        selected.drawPoints();
        ItemDraw.unbind();
        sprites.draw(d, selected);
    }

    /**
     * The same picture drawn <em>before</em> a depth-tested scene (the threshold mode's front-to-back
     * {@link SpritePass#drawScene}), into a cleared depth buffer: the selected sprites at the nearest
     * depth, then the rings just behind them, both writing depth, so the scene's sprites under them
     * are rejected before their texture is read instead of drawn and covered. Every kept texel being
     * opaque, the result is that of {@link #draw}: selected sprites over the rings over the rest.
     */
    void drawInFront(ItemDraw d, IndexList selected, SpritePass sprites, float pointLimit) {
        if (selected.count() == 0) return;
        sprites.drawInFront(d, selected, -1f);
        bindHalo(d, pointLimit);
        // Between the selected sprites (-1) and the nearest scene item (-1 + 2 / (steps + 1)).
        SpritePass.drawAtDepth(halo, selected, -1f + 1f / (SpritePass.depthSteps(d) + 1f));
    }

    private void bindHalo(ItemDraw d, float pointLimit) {
        float ring = d.ringPx;
        // GL clamps points to its limit: then the ring lies just inside the sprite's edge.
        float size = Math.min(d.pointPx + 2 * ring, pointLimit);
        d.bind(halo);
        halo.set("uHaloSize", size);
        halo.set("uRing", ring);
        halo.set("uEdge", ring >= 2f ? Math.max(1f, 0.34f * ring) : 0f);
        halo.setRgb("uRingColor", RING_COLOR);
        halo.setRgb("uEdgeColor", EDGE_COLOR);
    }

    @Override
    public void close() { halo.close(); }
}
