package org.embedscope.render;

import static org.lwjgl.opengl.GL11.*;
import static org.lwjgl.opengl.GL12.*;
import static org.lwjgl.opengl.GL30.*;
import static org.lwjgl.opengl.GL33.*;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.embedscope.bundle.AtlasCheck;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.Manifest;
import org.embedscope.bundle.PageImage;
import org.lwjgl.system.MemoryUtil;

/**
 * The bundle's atlas pages on the GPU: one {@code GL_TEXTURE_2D_ARRAY} per level of detail, a layer
 * per page, so every item of a level is drawn with a single texture binding. Grey and grey+alpha
 * pages stay one or two bytes per texel; texture swizzles make every format read as RGBA in the
 * shaders. No mipmaps: they would blend neighbouring cells; coarser levels take their place.
 *
 * <p>Pages are decoded on worker threads ({@link PageDecoder}), a few ahead of the upload, which runs on
 * the GL thread.
 */
public final class AtlasTextures implements AutoCloseable {
    private final int[] textures;
    private final int[] cells;
    private final int[] pageWidths;
    private final int[] pageHeights;
    private final int[] channels;
    private final Manifest.Level[] grids;
    private final boolean derivedNow, fromCache;

    /**
     * Uploads every level the decoder plans ({@link PageDecoder#plan}: the bundle's own, and coarser
     * ones for a bundle that has only one); {@code pages} is what {@link AtlasCheck#checkPages} found
     * for the bundle's own levels. Each texture array is allocated at its level's first page, with
     * that page's channel count (grey RGB comes decoded as grey); a later page that needs more
     * channels makes it reallocate and upload the earlier pages again.
     */
    public AtlasTextures(Bundle bundle, List<AtlasCheck.LevelPages> pages, PageDecoder decoder) throws BundleException {
        List<PageDecoder.Planned> plan = decoder.plan();
        int levels = plan.size();
        textures = new int[levels];
        cells = new int[levels];
        pageWidths = new int[levels];
        pageHeights = new int[levels];
        channels = new int[levels];
        grids = new Manifest.Level[levels];
        derivedNow = decoder.derivedNow();
        fromCache = decoder.fromCache();
        try {
            for (int l = 0; l < levels; l++) upload(bundle, l, plan.get(l), l < pages.size() ? pages.get(l) : null, decoder);
        } catch (BundleException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void upload(Bundle bundle, int level, PageDecoder.Planned planned, AtlasCheck.LevelPages declared, PageDecoder decoder) throws BundleException {
        Manifest.Level lv = planned.grid();
        grids[level] = lv;
        cells[level] = lv.cell();
        int count = lv.pages().size();
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        for (int p = 0; p < count; p++) {
            try (PageImage img = decoder.next()) {
                if (p == 0) {
                    pageWidths[level] = img.width();
                    pageHeights[level] = img.height();
                    channels[level] = img.channels();
                    textures[level] = allocate(img.width(), img.height(), count, img.channels());
                } else if (img.width() != pageWidths[level] || img.height() != pageHeights[level]) {
                    Path file = planned.files() != null ? planned.files().get(p) : bundle.dir();
                    throw new BundleException(file, null, "decodes to " + img.width() + "×" + img.height()
                            + " but the first page of its level is " + pageWidths[level] + "×" + pageHeights[level]);
                }
                if (img.channels() > channels[level]) {
                    // A page with colour after grey ones: the level needs the richer format throughout.
                    glDeleteTextures(textures[level]);
                    channels[level] = declared != null ? Math.max(img.channels(), declared.maxChannels()) : img.channels();
                    textures[level] = allocate(pageWidths[level], pageHeights[level], count, channels[level]);
                    for (int q = 0; q < p; q++) {
                        try (PageImage again = PageImage.read(planned.files().get(q), channels[level])) {
                            put(again, q, channels[level]);
                        }
                    }
                }
                put(img, p, channels[level]);
            }
        }
        glBindTexture(GL_TEXTURE_2D_ARRAY, 0);
    }

    private static void put(PageImage img, int layer, int channels) {
        ByteBuffer px = img.pixels();
        ByteBuffer converted = null;
        if (img.channels() != channels) px = converted = convert(px, img.channels(), channels);
        try {
            glTexSubImage3D(GL_TEXTURE_2D_ARRAY, 0, 0, 0, layer, img.width(), img.height(), 1,
                    format(channels), GL_UNSIGNED_BYTE, px);
        } finally {
            if (converted != null) MemoryUtil.memFree(converted);
        }
    }

    private static int allocate(int width, int height, int layers, int channels) {
        int tex = glGenTextures();
        glBindTexture(GL_TEXTURE_2D_ARRAY, tex);
        int internal = switch (channels) {
            case 1 -> GL_R8;
            case 2 -> GL_RG8;
            case 3 -> GL_RGB8;
            default -> GL_RGBA8;
        };
        glTexImage3D(GL_TEXTURE_2D_ARRAY, 0, internal, width, height, layers, 0, format(channels), GL_UNSIGNED_BYTE, (ByteBuffer) null);
        glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_MAX_LEVEL, 0);
        int[] swizzle = switch (channels) {
            case 1 -> new int[] {GL_RED, GL_RED, GL_RED, GL_ONE};
            case 2 -> new int[] {GL_RED, GL_RED, GL_RED, GL_GREEN};
            case 3 -> new int[] {GL_RED, GL_GREEN, GL_BLUE, GL_ONE};
            default -> new int[] {GL_RED, GL_GREEN, GL_BLUE, GL_ALPHA};
        };
        glTexParameteriv(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
        return tex;
    }

    private static int format(int channels) {
        return switch (channels) {
            case 1 -> GL_RED;
            case 2 -> GL_RG;
            case 3 -> GL_RGB;
            default -> GL_RGBA;
        };
    }

    /** Converts pixels between channel layouts (grey, grey+alpha, RGB, RGBA), for a page with fewer channels than its level's richest. */
    static ByteBuffer convert(ByteBuffer src, int from, int to) {
        int n = src.remaining() / from;
        ByteBuffer dst = MemoryUtil.memAlloc(n * to);
        for (int i = 0; i < n; i++) {
            int o = src.position() + i * from;
            int r, g, b, a;
            if (from <= 2) {
                r = g = b = src.get(o) & 0xff;
                a = from == 2 ? src.get(o + 1) & 0xff : 255;
            } else {
                r = src.get(o) & 0xff;
                g = src.get(o + 1) & 0xff;
                b = src.get(o + 2) & 0xff;
                a = from == 4 ? src.get(o + 3) & 0xff : 255;
            }
            int grey = (r * 299 + g * 587 + b * 114 + 500) / 1000;
            switch (to) {
                case 1 -> dst.put((byte) grey);
                case 2 -> { dst.put((byte) grey); dst.put((byte) a); }
                case 3 -> { dst.put((byte) r); dst.put((byte) g); dst.put((byte) b); }
                default -> { dst.put((byte) r); dst.put((byte) g); dst.put((byte) b); dst.put((byte) a); }
            }
        }
        dst.flip();
        return dst;
    }

    public int levels() { return textures.length; }

    public int texture(int level) { return textures[level]; }

    public int cell(int level) { return cells[level]; }

    public int pageWidth(int level) { return pageWidths[level]; }

    public int pageHeight(int level) { return pageHeights[level]; }

    /** Cell sizes of every level, finest first. */
    public int[] cellSizes() { return cells.clone(); }

    /** The grid of level {@code level} (the bundle's own, or one made at load). */
    public Manifest.Level level(int level) { return grids[level]; }

    /** Channels per texel of level {@code level} as uploaded (1 for grey pages, whatever their file holds). */
    public int channels(int level) { return channels[level]; }

    /** True when coarser levels were made at this load; {@link #levelsFromCache()} when read from the user's cache. */
    public boolean levelsMadeNow() { return derivedNow; }

    public boolean levelsFromCache() { return fromCache; }

    @Override
    public void close() {
        for (int t : textures) if (t != 0) glDeleteTextures(t);
        java.util.Arrays.fill(textures, 0);
    }
}
