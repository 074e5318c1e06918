package org.embedscope.render;

import static org.lwjgl.opengl.GL11.*;

/**
 * The scene's sprites: every item (or a listed subset) as a point sprite cropped from its atlas
 * cell and alpha-tested, or as a flat square when sprites are only a few pixels wide. Dimmed items
 * are drawn with their colour taken most of the way to the background. Keeps the {@link GlState} rule.
 */
final class SpritePass implements AutoCloseable {
    /** How much of a dimmed item's colour is kept (the rest is background): darker, still legible. */
    static final float DIM_KEEP = 0.3f;

    /** Every item, last first: the scene's draw order with the depth test (see {@link #drawScene}). */
    private final IndexList frontToBack = new IndexList();

    /** Program kinds: textured sprites, flat squares, sprites at exactly their level's cell size ({@link ItemDraw#exact}). */
    private static final int TEXTURED = 0, FLAT = 1, EXACT = 2;
    /**
     * The programs, by kind, recording, smooth alpha and tint (see {@link #program}); made when first
     * needed but for the three a first frame uses. A recording program also writes each fragment's item
     * and ink, for a recorded scene ({@link SceneRecord}).
     */
    private final ShaderProgram[] programs = new ShaderProgram[3 * 2 * 2 * 2];
    /** The bundle's alpha mode, a constant in every program, and its ink where shaded. */
    private final String alphaMode;
    private final boolean shaded;
    /** Whether the textured programs read each item's place in the atlas ({@link CellPlaces}) rather than look it up. */
    private final boolean placed;
    private boolean recording;

    /**
     * For a bundle of alpha mode {@code alphaMode} ({@link org.embedscope.bundle.AlphaMode} ordinal),
     * whose kept texels show their own grey when {@code shaded} ({@link org.embedscope.bundle.Ink}). With
     * {@code placed}, every textured draw reads the items' places from their attribute, which the caller
     * keeps made for the draw's level ({@link ItemDraw#placed}).
     */
    SpritePass(boolean placed, int alphaMode, boolean shaded) {
        this.placed = placed;
        this.alphaMode = "ALPHA_MODE " + alphaMode;
        this.shaded = shaded;
        try {
            for (int kind = 0; kind < 3; kind++) program(kind, false, false, false);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The program of {@code kind} with those modes (a flat square reads neither smooth alpha nor tint), made on first use. */
    private ShaderProgram program(int kind, boolean record, boolean smooth, boolean tint) {
        if (kind == FLAT) smooth = tint = false;
        int key = ((kind * 2 + (record ? 1 : 0)) * 2 + (smooth ? 1 : 0)) * 2 + (tint ? 1 : 0);
        if (programs[key] == null) {
            java.util.List<String> d = new java.util.ArrayList<>(java.util.List.of(alphaMode));
            if (shaded) d.add("INK_SHADED");
            if (kind == FLAT) d.add("FLAT");
            else if (placed) d.add("PLACED");
            if (kind == EXACT) d.add("EXACT");
            if (record) d.add("RECORD");
            if (smooth) d.add("SMOOTH");
            if (tint) d.add("TINT");
            programs[key] = new ShaderProgram("sprite.vert", "sprite.frag", d.toArray(new String[0]));
        }
        return programs[key];
    }

    /** While on, every draw of this pass also writes the items and inks a recorded scene keeps. */
    void setRecording(boolean on) {
        recording = on;
    }

    /** Draws every item into the bound framebuffer, in item order (later items on top). */
    void draw(ItemDraw d) {
        bind(d);
        d.drawAll();
        ItemDraw.unbind();
    }

    /**
     * Draws the scene into the bound framebuffer (cleared, with a depth buffer). With the alpha
     * threshold every kept texel is opaque, so the picture of later-on-top is also that of the
     * topmost kept texel: the items are drawn last first, each at a depth that orders it, and the
     * depth test rejects what is already covered before its texture is read (a large saving in
     * dense cores, where dozens of sprites overlap; the picture is identical). With smooth alpha
     * texels blend, premultiplied, in item order.
     */
    void drawScene(ItemDraw d, boolean smooth) {
        ShaderProgram p = bind(d, smooth);
        p.set("uItemCount", d.itemCount());
        if (smooth) {
            p.set("uDepthOrder", 0);
            glEnable(GL_BLEND);
            glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
            inLayers(d, p, d::drawAll);
            glDisable(GL_BLEND);
        } else {
            if (frontToBack.count() != d.itemCount()) {
                int[] order = new int[d.itemCount()];
                for (int i = 0; i < order.length; i++) order[i] = order.length - 1 - i;
                frontToBack.upload(order, 0);
            }
            p.set("uDepthOrder", 1);
            p.set("uDimmedBehind", d.dimmedBehind ? 1 : 0);
            glEnable(GL_DEPTH_TEST);
            glDepthFunc(GL_LESS);
            frontToBack.drawPoints();
            glDisable(GL_DEPTH_TEST);
        }
        p.set("uDepthOrder", 0);
        p.set("uDimmedBehind", 0);
        ItemDraw.unbind();
    }

    /**
     * How many depths the threshold mode's scene orders its items in (sprite.vert): one per item, or two
     * where the dimmed items go behind the others. The nearest scene item is at {@code -1 + 2 / (steps + 1)}.
     */
    static int depthSteps(ItemDraw d) {
        return d.dimmedBehind ? 2 * d.itemCount() : d.itemCount();
    }

    /** Smooth alpha's blended draw, by {@code draw}: the dimmed items first, then the others over them, where they are layered. */
    private static void inLayers(ItemDraw d, ShaderProgram p, Runnable draw) {
        if (!d.dimmedBehind) {
            draw.run();
            return;
        }
        p.set("uOnlyDimmed", 1);
        draw.run();
        p.set("uOnlyDimmed", 2);
        draw.run();
        p.set("uOnlyDimmed", 0);
    }

    /**
     * As {@link #drawScene(ItemDraw, boolean)} for the items of {@code items} only, listed in the
     * order the mode draws them: last item first with the threshold (depth test), item order when smooth.
     */
    void drawScene(ItemDraw d, boolean smooth, IndexList items) {
        ShaderProgram p = bind(d, smooth);
        p.set("uItemCount", d.itemCount());
        p.set("uDepthOrder", smooth ? 0 : 1);
        if (smooth) {
            glEnable(GL_BLEND);
            glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
            inLayers(d, p, items::drawPoints);
        } else {
            p.set("uDimmedBehind", d.dimmedBehind ? 1 : 0);
            glEnable(GL_DEPTH_TEST);
            glDepthFunc(GL_LESS);
            items.drawPoints();
        }
        glDisable(GL_BLEND);
        glDisable(GL_DEPTH_TEST);
        p.set("uDepthOrder", 0);
        p.set("uDimmedBehind", 0);
        ItemDraw.unbind();
    }

    /** Draws the items of {@code items} into the bound framebuffer, in list order. */
    void draw(ItemDraw d, IndexList items) {
        if (items.count() == 0) return;
        bind(d);
        items.drawPoints();
        ItemDraw.unbind();
    }

    /**
     * Draws the items of {@code items} at depth {@code depth} (clip space), depth-tested and writing
     * depth: in front of a scene drawn after them with the depth test ({@link #drawScene}). Among
     * themselves, at one depth, later items are drawn over earlier ones (LEQUAL), as in list order.
     */
    void drawInFront(ItemDraw d, IndexList items, float depth) {
        if (items.count() == 0) return;
        drawAtDepth(bind(d), items, depth);
    }

    /**
     * Draws {@code items} with the bound program {@code p} (of sprite.vert) at one depth, depth-tested
     * and writing depth, later items over earlier ones (LEQUAL); restores the GL defaults and unbinds.
     */
    static void drawAtDepth(ShaderProgram p, IndexList items, float depth) {
        p.set("uDepthOrder", 2);
        p.set("uDepth", depth);
        glEnable(GL_DEPTH_TEST);
        glDepthFunc(GL_LEQUAL);
        items.drawPoints();
        glDepthFunc(GL_LESS); // the GL default
        glDisable(GL_DEPTH_TEST);
        p.set("uDepthOrder", 0);
        ItemDraw.unbind();
    }

    private ShaderProgram bind(ItemDraw d) {
        return bind(d, false);
    }

    /** Uses and sets up the program for {@code d} (smooth alpha: {@code smooth}); see {@link ItemDraw#bind}. */
    private ShaderProgram bind(ItemDraw d, boolean smooth) {
        if (placed && !d.flat() && !d.placed) throw new IllegalStateException("the items' places are not made for level " + d.level);
        ShaderProgram p = program(d.flat() ? FLAT : d.exact ? EXACT : TEXTURED, recording, smooth, d.tintByLabel);
        d.bind(p);
        p.setRgb("uBackground", SceneRenderer.BACKGROUND);
        p.set("uDimKeep", DIM_KEEP);
        return p;
    }

    @Override
    public void close() {
        frontToBack.close();
        for (ShaderProgram p : programs) if (p != null) p.close();
    }
}
