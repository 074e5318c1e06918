package org.embedscope.render;

/**
 * The scene's sprites: every item (or a listed subset) as a point sprite cropped from its atlas
 * cell and alpha-tested, or as a flat square when sprites are only a few pixels wide. Dimmed items
 * are drawn with their colour taken most of the way to the background. Keeps the {@link GlState} rule.
 */
final class SpritePass implements AutoCloseable {
    /** How much of a dimmed item's colour is kept (the rest is background): darker, still legible. */
    static final float DIM_KEEP = 0.3f;

    private final ShaderProgram textured;
    private final ShaderProgram flat;

    SpritePass() {
        ShaderProgram t = new ShaderProgram("sprite.vert", "sprite.frag");
        try {
            flat = new ShaderProgram("sprite.vert", "sprite.frag", "FLAT");
        } catch (RuntimeException e) {
            t.close();
            throw e;
        }
        textured = t;
    }

    /** Draws every item into the bound framebuffer. */
    void draw(ItemDraw d) {
        bind(d);
        d.drawAll();
        ItemDraw.unbind();
    }

    /** Draws the items of {@code items} into the bound framebuffer, in list order. */
    void draw(ItemDraw d, IndexList items) {
        if (items.count() == 0) return;
        bind(d);
        items.drawPoints();
        ItemDraw.unbind();
    }

    private void bind(ItemDraw d) {
        ShaderProgram p = d.flat() ? flat : textured;
        d.bind(p);
        p.setRgb("uBackground", SceneRenderer.BACKGROUND);
        p.set("uDimKeep", DIM_KEEP);
    }

    @Override
    public void close() {
        textured.close();
        flat.close();
    }
}
