package org.embedscope.render;

import static org.lwjgl.opengl.GL11.*;
import static org.lwjgl.opengl.GL12.*;
import static org.lwjgl.opengl.GL13.*;
import static org.lwjgl.opengl.GL30.*;
import static org.lwjgl.opengl.GL33.*;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.Manifest;
import org.embedscope.bundle.PageImage;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * The atlas on the GPU, within a memory budget: every level's pages are layers of one
 * {@code GL_TEXTURE_2D_ARRAY} (each layer the size of the largest page), so every item of every level
 * is drawn with one texture binding. How the budget is spent is a {@link TexturePlan}: the coarse
 * levels are uploaded at the start and stay; the finer ones, when they do not fit, are streamed —
 * the pages the view needs are decoded on worker threads and uploaded a few per frame
 * ({@link #update}) into the remaining layers, the least recently used page giving way
 * ({@link PagePool}). A page table (an integer texture: level and page to layer, or -1) tells the
 * shaders which pages are on the GPU, and an item whose page is not is drawn from the finest coarser
 * level whose page is ({@code residentCell} in {@code atlas.glsl}), so a sprite is never blank and
 * never another item's; it sharpens when its page arrives.
 *
 * <p>The array holds the resident levels and the first streamed layers at the start and grows (doubling
 * the streamed part, copied on the GPU) as streamed pages need more, up to the plan's layers: a view
 * that never needs the whole budget never takes it (a software rasteriser clears the memory of every
 * layer allocated, so untouched layers would be resident memory).
 *
 * <p>Grey and grey+alpha pages stay one or two bytes per texel; swizzles make every format read as
 * RGBA in the shaders. No mipmaps: they would blend neighbouring cells; coarser levels take their
 * place. Bytes are counted as the plan counts them (RGB as four a texel).
 */
public final class AtlasTextures implements AutoCloseable, CellPlaces.Pages {
    /** The texture budget when none is given: 1 GiB. */
    public static final long DEFAULT_BUDGET = 1L << 30;
    /** Levels the shaders can tell apart. */
    public static final int MAX_LEVELS = 16;
    /** Array layers planned for before a GL is there to ask (GL_MAX_ARRAY_TEXTURE_LAYERS of common drivers). */
    static final int ASSUMED_MAX_LAYERS = 2048;
    /** Streamed pages uploaded per frame at most: each is a few megabytes. */
    public static final int UPLOADS_PER_FRAME = 2;
    /** Streamed pages decoded at once. */
    static final int LOAD_THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    /** Streamed layers allocated at the start (an eighth of the plan's, at least this many); more as they are needed. */
    static final int FIRST_STREAMED_LAYERS = 4;
    static final int TABLE_WIDTH = 4096;
    static final int TABLE_UNIT = 2;

    private final int levels;
    private final Manifest.Level[] grids;
    private final int[] cells;
    private final List<List<Path>> files = new ArrayList<>();
    private final boolean derivedNow, fromCache;
    private final long budget;
    private final TexturePlan plan;
    /** Per level, the layer of its first page when resident, else -1. */
    private final int[] residentFirst;
    /** Per level and page, the layer holding it or -1: what the page table says. */
    private final int[][] layerOf;
    private final PagePool pool;
    private final int streamFirst;
    private int texture, channels;
    /**
     * Layers of the array as allocated now, the plan's at most ({@link #ensureLayers}); all of them from
     * the start where the GL cannot copy between arrays.
     */
    private int allocatedLayers;
    private final int table, tableRows;
    private int occupied;
    private long uploadedLayers, freedLayers, highWaterLayers;
    /** Per level, how often one of its pages went on or off the GPU ({@link #versionFor}). */
    private final long[] levelChanges;
    private ExecutorService loader;
    private final ConcurrentLinkedQueue<Loaded> arrived = new ConcurrentLinkedQueue<>();
    private int[] wantLevels = new int[0], wantPages = new int[0], counts = new int[0];

    /** A streamed page decoded (or failed to), asked for in frame {@code frame}. */
    private record Loaded(int level, int page, long frame, PageImage image, BundleException error) {}

    /** Frames {@link #update} has seen. */
    private long frames;

    /**
     * Uploads the levels {@code decoder} keeps for good ({@link PageDecoder#texturePlan}), planned for
     * {@code budget} bytes and at most {@code maxLayers} layers (this GL's limit). The array is
     * allocated at the first page, with the most channels that page or any streamed level can need;
     * a later resident page with more makes it reallocate and upload the earlier ones again.
     */
    public AtlasTextures(PageDecoder decoder, long budget, int maxLayers) throws BundleException {
        List<PageDecoder.Planned> planned = decoder.plan();
        levels = planned.size();
        if (levels > MAX_LEVELS) throw new BundleException(null, "atlas.levels", "has " + levels + " levels; at most " + MAX_LEVELS + " are drawn");
        this.budget = budget;
        grids = new Manifest.Level[levels];
        cells = new int[levels];
        int maxPages = 1;
        for (int l = 0; l < levels; l++) {
            grids[l] = planned.get(l).grid();
            cells[l] = grids[l].cell();
            files.add(planned.get(l).files());
            maxPages = Math.max(maxPages, grids[l].pages().size());
        }
        int coarsest = grids[levels - 1].pages().size();
        if (coarsest > maxLayers) {
            throw new BundleException(null, "atlas.levels[" + (levels - 1) + "].pages", "has " + coarsest
                    + " pages; this GL holds at most " + maxLayers + " layers per texture array (GL_MAX_ARRAY_TEXTURE_LAYERS),"
                    + " and the coarsest level must fit; expected larger pages or fewer of them");
        }
        TexturePlan p = decoder.texturePlan();
        plan = p.layers() <= maxLayers ? p : PageDecoder.texturePlan(planned, budget, maxLayers);
        if (plan.bytes() > budget) {
            // In the units each reads best in: "0 MB of 0 MB" said nothing of a budget of 1K.
            System.err.println("embedscope: the coarsest atlas level alone takes " + new org.embedscope.cli.ByteSize(plan.bytes())
                    + " of GPU memory, more than the budget of " + new org.embedscope.cli.ByteSize(budget) + " (--gpu-memory); it is kept anyway");
        }
        derivedNow = decoder.derivedNow();
        fromCache = decoder.fromCache();
        residentFirst = new int[levels];
        layerOf = new int[levels][];
        levelChanges = new long[levels];
        int next = 0;
        boolean[] streamed = new boolean[levels];
        int[] pages = new int[levels];
        for (int l = 0; l < levels; l++) {
            pages[l] = grids[l].pages().size();
            layerOf[l] = new int[pages[l]];
            Arrays.fill(layerOf[l], -1);
            residentFirst[l] = plan.resident(l) ? next : -1;
            if (plan.resident(l)) next += pages[l];
            streamed[l] = !plan.resident(l) && files.get(l) != null;
        }
        streamFirst = next;
        // Grown by a copy on the GPU (GL 4.3 or ARB_copy_image); without one, every layer from the start.
        var caps = org.lwjgl.opengl.GL.getCapabilities();
        boolean growsByCopy = caps.OpenGL43 || caps.GL_ARB_copy_image;
        int streamLayers = plan.streamLayers();
        allocatedLayers = Math.max(1, growsByCopy
                ? streamFirst + Math.min(streamLayers, Math.max(FIRST_STREAMED_LAYERS, streamLayers / 8)) : plan.layers());
        pool = plan.streamLayers() > 0 ? new PagePool(plan.streamLayers(), pages, streamed, 2 * LOAD_THREADS) : null;
        tableRows = (maxPages + TABLE_WIDTH - 1) / TABLE_WIDTH;
        table = glGenTextures();
        try {
            allocateTable(Math.min(maxPages, TABLE_WIDTH), levels * tableRows);
            uploadResident(decoder);
        } catch (BundleException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void allocateTable(int width, int height) {
        glBindTexture(GL_TEXTURE_2D, table);
        IntBuffer none = MemoryUtil.memAllocInt(width * height);
        try {
            for (int i = 0; i < width * height; i++) none.put(i, -1);
            glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
            glTexImage2D(GL_TEXTURE_2D, 0, GL_R32I, width, height, 0, GL_RED_INTEGER, GL_INT, none);
        } finally {
            MemoryUtil.memFree(none);
        }
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
        glBindTexture(GL_TEXTURE_2D, 0);
    }

    /**
     * The pages the decoder hands out: resident levels to their layers, others (a level filtered into
     * coarser ones) to free streamed layers while any are left. Pages the decoder holds back (the
     * finest resident level, at the explorer's start) are left for {@link #uploadDeferred}.
     */
    private void uploadResident(PageDecoder decoder) throws BundleException {
        List<int[]> order = decoder.order();
        int stop = decoder.heldFrom() >= 0 ? decoder.heldFrom() : order.size();
        for (int i = 0; i < stop; i++) uploadNext(decoder, order.get(i));
        if (texture == 0) allocate(Math.max(1, streamedChannels()));
        glBindTexture(GL_TEXTURE_2D_ARRAY, 0);
        if (stop < order.size()) deferred = decoder;
    }

    /** Takes the decoder's next page, {@code lp} = {level, page}, to its layer. */
    private void uploadNext(PageDecoder decoder, int[] lp) throws BundleException {
        int level = lp[0], page = lp[1];
        try (PageImage img = decoder.next()) {
            if (texture == 0) allocate(Math.max(img.channels(), streamedChannels()));
            if (img.width() > plan.width() || img.height() > plan.height()) {
                Path file = files.get(level) != null ? files.get(level).get(page) : null;
                throw new BundleException(file, null, "decodes to " + img.width() + "×" + img.height()
                        + " but its header says at most " + plan.width() + "×" + plan.height());
            }
            int layer = residentFirst[level] >= 0 ? residentFirst[level] + page : -1;
            if (layer < 0 && pool != null && pool.streams(level) && pool.hasFree()) {
                pool.frame(new int[] {level}, new int[] {page}, 1);
                PagePool.Claim c = pool.arrived(level, page);
                layer = c == null ? -1 : streamFirst + c.layer();
            }
            if (layer < 0) return;
            put(img, layer);
            setLayer(level, page, layer);
        }
    }

    /** The decoder while pages it held back are still to come (then it is this atlas's to close), else null. */
    private PageDecoder deferred;

    /** True while pages held back at the start (the finest resident level's) are still to be uploaded. */
    public boolean deferredPending() { return deferred != null; }

    /** The level whose pages are held back while {@link #deferredPending}, else -1. */
    public int deferredLevel() { return deferred == null ? -1 : deferred.heldLevel(); }

    /**
     * Uploads the pages held back at the start: those already decoded, or with {@code wait} all of
     * them, waiting for their decoding (which this lets start). Returns the pages taken. A page that
     * cannot be read is said in one line; its items stay drawn from a coarser level.
     */
    public int uploadDeferred(boolean wait) {
        if (deferred == null) return 0;
        deferred.release();
        int n = 0;
        List<int[]> order = deferred.order();
        while (deferred.remaining() > 0 && (wait || deferred.nextReady())) {
            try {
                uploadNext(deferred, order.get(order.size() - deferred.remaining()));
            } catch (BundleException e) {
                System.err.println("embedscope: " + e.getMessage() + "; its items are drawn from a coarser level");
            }
            n++;
        }
        glBindTexture(GL_TEXTURE_2D_ARRAY, 0);
        if (deferred.remaining() == 0) {
            deferred.close();
            deferred = null;
        }
        return n;
    }

    /** The most channels a streamed level's files declare (0 when nothing streams). */
    private int streamedChannels() {
        int c = 0;
        for (int l = 0; l < levels; l++) if (!plan.resident(l)) c = Math.max(c, plan.channels(l));
        return c;
    }

    private void allocate(int ch) {
        channels = ch;
        texture = newArray(ch, allocatedLayers);
    }

    /**
     * Makes the array hold layer {@code layers - 1}: a larger one (the streamed part doubled, the plan's
     * layers at most) takes every layer of the old one, copied on the GPU. Leaves it bound.
     */
    private void ensureLayers(int layers) {
        if (layers <= allocatedLayers) return;
        if (layers > plan.layers()) throw new IllegalStateException("layer " + (layers - 1) + " of " + plan.layers());
        int grown = Math.min(plan.layers(), Math.max(layers, streamFirst + 2 * (allocatedLayers - streamFirst)));
        int bigger = newArray(channels, grown);
        // GL 4.3's and ARB_copy_image's entry point are the same function.
        org.lwjgl.opengl.GL43C.glCopyImageSubData(texture, GL_TEXTURE_2D_ARRAY, 0, 0, 0, 0, bigger, GL_TEXTURE_2D_ARRAY, 0, 0, 0, 0,
                plan.width(), plan.height(), allocatedLayers);
        glDeleteTextures(texture);
        texture = bigger;
        allocatedLayers = grown;
        glBindTexture(GL_TEXTURE_2D_ARRAY, texture);
    }

    /** A new array of {@code layers} layers of {@code ch} channels, set up for sampling; left bound. */
    private int newArray(int ch, int layers) {
        int id = glGenTextures();
        glBindTexture(GL_TEXTURE_2D_ARRAY, id);
        int internal = switch (ch) {
            case 1 -> GL_R8;
            case 2 -> GL_RG8;
            case 3 -> GL_RGB8;
            default -> GL_RGBA8;
        };
        glTexImage3D(GL_TEXTURE_2D_ARRAY, 0, internal, plan.width(), plan.height(), layers, 0, format(ch), GL_UNSIGNED_BYTE, (ByteBuffer) null);
        glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_MAX_LEVEL, 0);
        int[] swizzle = switch (ch) {
            case 1 -> new int[] {GL_RED, GL_RED, GL_RED, GL_ONE};
            case 2 -> new int[] {GL_RED, GL_RED, GL_RED, GL_GREEN};
            case 3 -> new int[] {GL_RED, GL_GREEN, GL_BLUE, GL_ONE};
            default -> new int[] {GL_RED, GL_GREEN, GL_BLUE, GL_ALPHA};
        };
        glTexParameteriv(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
        return id;
    }

    /**
     * Uploads {@code img} into {@code layer}, first widening the array when the page has more channels
     * than it.
     */
    private void put(PageImage img, int layer) throws BundleException {
        ensureLayers(layer + 1);
        if (img.channels() > channels) grow(img.channels());
        ByteBuffer px = img.pixels();
        ByteBuffer converted = null;
        if (img.channels() != channels) px = converted = convert(px, img.channels(), channels);
        try {
            glBindTexture(GL_TEXTURE_2D_ARRAY, texture);
            glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
            glTexSubImage3D(GL_TEXTURE_2D_ARRAY, 0, 0, 0, layer, img.width(), img.height(), 1, format(channels), GL_UNSIGNED_BYTE, px);
        } finally {
            if (converted != null) MemoryUtil.memFree(converted);
        }
        glBindTexture(GL_TEXTURE_2D_ARRAY, 0);
        uploadedLayers++;
        if (layerOfLayer(layer) == null) occupied++;
        highWaterLayers = Math.max(highWaterLayers, occupied);
    }

    /** A page with colour after grey ones: the array takes the richer format and every page on it is uploaded again from its file. */
    private void grow(int ch) throws BundleException {
        glDeleteTextures(texture);
        allocate(ch);
        for (int l = 0; l < levels; l++) {
            for (int p = 0; p < layerOf[l].length; p++) {
                int layer = layerOf[l][p];
                if (layer < 0) continue;
                if (files.get(l) == null) throw new IllegalStateException("level " + l + " was made in memory before a page with more channels");
                try (PageImage again = PageImage.read(files.get(l).get(p), ch)) {
                    ByteBuffer px = again.pixels();
                    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
                    glTexSubImage3D(GL_TEXTURE_2D_ARRAY, 0, 0, 0, layer, again.width(), again.height(), 1, format(ch), GL_UNSIGNED_BYTE, px);
                    uploadedLayers++;
                }
            }
        }
    }

    /** The {level, page} a layer holds, or null. */
    private int[] layerOfLayer(int layer) {
        for (int l = 0; l < levels; l++) for (int p = 0; p < layerOf[l].length; p++) if (layerOf[l][p] == layer) return new int[] {l, p};
        return null;
    }

    private void setLayer(int level, int page, int layer) {
        layerOf[level][page] = layer;
        levelChanges[level]++;
        glBindTexture(GL_TEXTURE_2D, table);
        try (MemoryStack stack = MemoryStack.stackPush()) {
            glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
            glTexSubImage2D(GL_TEXTURE_2D, 0, page % TABLE_WIDTH, level * tableRows + page / TABLE_WIDTH, 1, 1, GL_RED_INTEGER, GL_INT,
                    stack.ints(layer));
        }
        glBindTexture(GL_TEXTURE_2D, 0);
    }

    private static int format(int channels) {
        return switch (channels) {
            case 1 -> GL_RED;
            case 2 -> GL_RG;
            case 3 -> GL_RGB;
            default -> GL_RGBA;
        };
    }

    /** Converts pixels between channel layouts (grey, grey+alpha, RGB, RGBA), for a page with fewer channels than the array. */
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

    // ---------------------------------------------------------------- streaming

    /**
     * Brings the streamed pages up to date for a frame that samples level {@code level} (-1: none)
     * for the items whose cells are {@code cells[0 .. count)}, and shows item cell {@code hoverCell}
     * (-1: none) at the finest level, as the cells {@code panelCells} (the panels' thumbnails, which are
     * drawn larger than the sprites): asks for the missing pages, most needed first (the hovered
     * item's, the thumbnails', then by how many of the items each page holds), and uploads at most
     * {@value #UPLOADS_PER_FRAME} of those decoded since. Returns true when the GPU's pages changed
     * (the scene must be drawn again). GL thread.
     */
    public boolean update(int level, int[] cells, int count, int hoverCell) {
        return update(level, cells, count, hoverCell, NO_CELLS);
    }

    private static final int[] NO_CELLS = new int[0];

    /** {@link #update(int, int[], int, int)}, with the cells {@code panelCells} also wanted at the finest level. */
    public boolean update(int level, int[] cells, int count, int hoverCell, int[] panelCells) {
        if (pool == null) {
            // Nothing streams, or no layer is left to: a level that is not resident is never drawn.
            if (level >= 0 && !plan.resident(level) && !saidShort) sayShort(level, pagesHolding(level, cells, count));
            return false;
        }
        frames++;
        int n = 0;
        int maxWanted = 1 + panelCells.length + (level >= 0 ? grids[level].pages().size() : 0);
        if (wantLevels.length < maxWanted) {
            wantLevels = new int[maxWanted];
            wantPages = new int[maxWanted];
        }
        if (hoverCell >= 0 && pool.streams(0)) {
            wantLevels[n] = 0;
            wantPages[n++] = hoverCell / grids[0].cellsPerPage();
        }
        if (pool.streams(0)) {
            for (int c : panelCells) {
                int page = c / grids[0].cellsPerPage();
                if (wantedAlready(0, page, n)) continue;
                wantLevels[n] = 0;
                wantPages[n++] = page;
            }
        }
        if (level >= 0 && pool.streams(level)) n = byCount(level, cells, count, n);
        for (int[] start : pool.frame(wantLevels, wantPages, n)) load(start[0], start[1]);
        boolean changed = false;
        int uploads = 0;
        // A page goes up at the earliest in the frame after the one that asked for it, so the frame
        // that first shows an item whose page is missing always draws the coarser level.
        for (Loaded a; uploads < UPLOADS_PER_FRAME && (a = arrived.peek()) != null && a.frame() < frames; ) {
            arrived.poll();
            if (a.error() != null) {
                pool.failed(a.level(), a.page());
                System.err.println("embedscope: " + a.error().getMessage() + "; its items are drawn from a coarser level");
                continue;
            }
            try (PageImage img = a.image()) {
                PagePool.Claim c = pool.arrived(a.level(), a.page());
                if (c == null) continue;
                int layer = streamFirst + c.layer();
                if (c.evictedLevel() >= 0) {
                    setLayer(c.evictedLevel(), c.evictedPage(), -1);
                    occupied--;
                    freedLayers++;
                }
                put(img, layer);
                setLayer(a.level(), a.page(), layer);
                uploads++;
                changed = true;
            } catch (BundleException e) {
                pool.failed(a.level(), a.page());
            }
        }
        return changed;
    }

    /** Counts into {@code counts} how many of the cells each page of level {@code level} holds; returns the pages holding any. */
    private int pagesHolding(int level, int[] cells, int count) {
        int pages = grids[level].pages().size(), per = grids[level].cellsPerPage();
        if (counts.length < pages) counts = new int[pages];
        Arrays.fill(counts, 0, pages, 0);
        for (int i = 0; i < count; i++) counts[cells[i] / per]++;
        int m = 0;
        for (int p = 0; p < pages; p++) if (counts[p] > 0) m++;
        return m;
    }

    /** True once a view was said to want more pages than the budget holds: said once. */
    private boolean saidShort;

    /**
     * Says, once, that a view wants {@code wanted} pages of level {@code level} at once and the budget holds
     * fewer: the rest of its sprites are drawn from coarser levels, softer than the view asks for, which
     * the picture alone does not tell. Names the budget that would hold them.
     */
    private void sayShort(int level, int wanted) {
        int held = plan.streamLayers();
        if (wanted <= held) return;
        saidShort = true;
        long needed = roundedUp(plan.budgetFor(level, wanted));
        System.err.println("embedscope: --gpu-memory " + new org.embedscope.cli.ByteSize(budget) + " holds " + held + " of the " + wanted
                + " atlas pages of " + cells[level] + "-px sprites this view draws; the rest are drawn from coarser levels, softer"
                + (needed > 0 ? " (--gpu-memory " + new org.embedscope.cli.ByteSize(needed) + " would hold them)" : ""));
    }

    /** {@code bytes} rounded up to a hundredth of the unit it reads in (a ByteSize of it, given back, is not less). */
    static long roundedUp(long bytes) {
        if (bytes <= 0) return bytes;
        long unit = 1;
        while (unit < (1L << 40) && bytes >= unit * 1024) unit *= 1024;
        long step = Math.max(1, unit / 100);
        return (bytes + step - 1) / step * step;
    }

    /** True when page {@code page} of level {@code level} is among the first {@code n} wanted. */
    private boolean wantedAlready(int level, int page, int n) {
        for (int k = 0; k < n; k++) if (wantLevels[k] == level && wantPages[k] == page) return true;
        return false;
    }

    /** Appends level {@code level}'s pages holding any of the cells, most cells first, after the {@code n} wanted already. */
    private int byCount(int level, int[] cells, int count, int n) {
        int pages = grids[level].pages().size();
        int holding = pagesHolding(level, cells, count);
        if (!saidShort) sayShort(level, holding);
        long[] keyed = new long[pages];
        int m = 0;
        for (int p = 0; p < pages; p++) if (counts[p] > 0) keyed[m++] = ((long) (Integer.MAX_VALUE - counts[p]) << 32) | p;
        Arrays.sort(keyed, 0, m);
        int first = n;
        for (int i = 0; i < m; i++) {
            int page = (int) keyed[i];
            if (wantedAlready(level, page, first)) continue;
            wantLevels[n] = level;
            wantPages[n++] = page;
        }
        return n;
    }

    private void load(int level, int page) {
        if (loader == null) {
            loader = Executors.newFixedThreadPool(LOAD_THREADS, r -> {
                Thread t = new Thread(r, "atlas-stream");
                t.setDaemon(true);
                return t;
            });
        }
        Path file = files.get(level).get(page);
        long frame = frames;
        loader.execute(() -> {
            try {
                arrived.add(new Loaded(level, page, frame, PageDecoder.decodePage(file), null));
            } catch (BundleException e) {
                arrived.add(new Loaded(level, page, frame, null, e));
            } catch (RuntimeException e) {
                arrived.add(new Loaded(level, page, frame, null, new BundleException(file, null, "cannot decode: " + e.getMessage())));
            }
        });
    }

    /** True while streamed pages are being decoded or wait to be uploaded: frames should keep coming. */
    public boolean busy() { return pool != null && (pool.inFlight() > 0 || !arrived.isEmpty()); }

    /**
     * What a picture sampling level {@code level} (-1: none, flat squares) depends on: changes whenever a
     * page of that level or a coarser one goes on or off the GPU. An item drawn at a level falls back to
     * coarser ones only, so a page of a finer level changes nothing there: the hovered item's finest
     * page, or the finest resident level held back at the start, does not redraw a scene of coarser sprites.
     */
    public long versionFor(int level) {
        long v = 0;
        for (int l = Math.max(0, level); l < levels; l++) v += levelChanges[l];
        return v;
    }

    // ---------------------------------------------------------------- drawing

    /**
     * Binds the array (unit 0) and the page table (unit {@value #TABLE_UNIT}) for {@code p} and sets
     * the uniforms of {@code atlas.glsl}, except the alpha mode. Leaves unit 0 active.
     */
    void bind(ShaderProgram p) {
        glActiveTexture(GL_TEXTURE0 + TABLE_UNIT);
        glBindTexture(GL_TEXTURE_2D, table);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D_ARRAY, texture);
        p.set("uAtlas", 0);
        p.set("uPageLayers", TABLE_UNIT);
        p.set("uTableWidth", TABLE_WIDTH);
        p.set("uTableRows", tableRows);
        p.set("uLevels", levels);
        int[] columns = new int[MAX_LEVELS], perPage = new int[MAX_LEVELS];
        float[] cell = new float[MAX_LEVELS];
        for (int l = 0; l < levels; l++) {
            columns[l] = grids[l].columns();
            perPage[l] = grids[l].cellsPerPage();
            cell[l] = grids[l].cell();
        }
        p.setInts("uColumnsL", columns);
        p.setInts("uCellsPerPageL", perPage);
        p.setFloats("uCellL", cell);
        p.set("uLayerSize", plan.width(), plan.height());
    }

    /** The level an item of cell {@code cell} is drawn from when {@code wanted} is asked for: what {@code residentCell} finds. */
    public int levelDrawn(int cell, int wanted) {
        int l = Math.max(0, Math.min(wanted, levels - 1));
        while (l < levels - 1 && layerOf[l][cell / grids[l].cellsPerPage()] < 0) l++;
        return l;
    }

    /** Per page of level {@code level}, the layer holding it or -1 (a copy). */
    @Override
    public int[] pageLayers(int level) { return layerOf[level].clone(); }

    /** The layer holding page {@code page} of level {@code level}, or -1. */
    public int layer(int level, int page) { return layerOf[level][page]; }

    public int levels() { return levels; }

    public int cell(int level) { return cells[level]; }

    /** Cell sizes of every level, finest first. */
    public int[] cellSizes() { return cells.clone(); }

    /** The grid of level {@code level} (the bundle's own, or one made at load). */
    public Manifest.Level level(int level) { return grids[level]; }

    /** Channels per texel as uploaded (1 for grey pages, whatever their file holds); one array holds every level. */
    public int channels(int level) { return channels; }

    /** True when coarser levels were made at this load; {@link #levelsFromCache()} when read from the user's cache. */
    public boolean levelsMadeNow() { return derivedNow; }

    public boolean levelsFromCache() { return fromCache; }

    /** The plan the budget made. */
    public TexturePlan plan() { return plan; }

    /** The budget in bytes. */
    public long budget() { return budget; }

    private long layerBytes() { return (long) plan.width() * plan.height() * TexturePlan.texelBytes(channels); }

    /** Bytes of the array as allocated now: every layer, used or not (it grows as streamed pages need more). */
    public long allocatedBytes() { return texture == 0 ? 0 : (long) allocatedLayers * layerBytes(); }

    /** Bytes of the layers holding a page now: uploaded minus freed. */
    public long residentBytes() { return occupied * layerBytes(); }

    /** The most {@link #residentBytes()} ever were. */
    public long highWaterBytes() { return highWaterLayers * layerBytes(); }

    /** Pages uploaded so far (the first uploads and streamed ones). */
    public long uploads() { return uploadedLayers; }

    /** Pages evicted so far to make room. */
    public long evictions() { return freedLayers; }

    /** True when some level streams. */
    public boolean streams() { return plan.streams(); }

    @Override
    public void close() {
        if (deferred != null) deferred.close();
        deferred = null;
        if (loader != null) {
            loader.shutdownNow();
            try {
                loader.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS); // a decode under way frees its page below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Loaded a; (a = arrived.poll()) != null; ) if (a.image() != null) a.image().close();
        if (texture != 0) glDeleteTextures(texture);
        texture = 0;
        if (table != 0) glDeleteTextures(table);
    }
}
