package org.embedscope.render;

import static org.lwjgl.opengl.GL11.*;
import static org.lwjgl.opengl.GL30.*;

import java.nio.ByteBuffer;
import java.util.List;
import org.embedscope.bundle.AtlasCheck;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.Manifest;
import org.embedscope.query.ColumnTable;
import org.lwjgl.system.MemoryUtil;

/**
 * Draws a bundle: every item as a point sprite cropped from its atlas cell, the selection on top, a
 * GPU picking pass, and the hovered item enlarged. Each of those is a pass ({@link SpritePass},
 * {@link SelectionPass}, {@link PickPass}, {@link HoverPass}) owning its programs and keeping the
 * one GL-state rule ({@link GlState}); this class owns the data on the GPU and the framebuffers, and
 * brings the GPU up to date with the {@link ViewState} before drawing.
 *
 * <p>The scene (all sprites and the selection) is drawn into an offscreen texture only when
 * {@link ViewState#version()} changed; each frame then copies it to the output and draws the hover
 * on top, so moving the cursor over a still scene costs a copy, a scissored id pass and one quad,
 * never a redraw of every item.
 *
 * <p>Lifecycle: construct with a current GL context (uploads everything once), call {@link #render}
 * and {@link #pick} per frame, {@link #close()} before the context goes.
 */
public final class SceneRenderer implements AutoCloseable {
    /** Background colour of the scene, 0xRRGGBB. */
    public static final int BACKGROUND = 0x101318;
    /** Hover enlargement: times the current sprite size, at least this many pixels. */
    public static final float HOVER_FACTOR = 4f;
    public static final float HOVER_MIN_PX = 112f;
    /** Sprites up to this size never pop at the view's edges (see {@link #guard}). */
    public static final float MAX_GUARDED_PX = 256f;
    /** The largest point sprite the current GL context draws, in pixels. */
    private static float pointSizeLimit() {
        float[] range = new float[2];
        glGetFloatv(GL_POINT_SIZE_RANGE, range);
        return Math.max(1f, range[1]);
    }

    /** The margin the scene is drawn with on each side of the view, for sprites of up to {@code pointLimit} pixels. */
    private static int guardPx(float pointLimit) {
        return (int) Math.ceil(Math.min(pointLimit, MAX_GUARDED_PX) / 2);
    }

    /**
     * Why a view of {@code width × height} cannot be drawn with the current GL context, or null when it
     * can: the scene's framebuffers are the view plus a margin on each side, and the driver's largest
     * texture, renderbuffer and viewport bound them (16384 on llvmpipe, so 16128 with its 128-pixel margin).
     */
    public static String tooLarge(int width, int height) {
        int[] viewport = new int[2];
        glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport);
        int limit = Math.min(Math.min(glGetInteger(GL_MAX_TEXTURE_SIZE), glGetInteger(GL_MAX_RENDERBUFFER_SIZE)),
                Math.min(viewport[0], viewport[1]));
        int margin = 2 * guardPx(pointSizeLimit());
        int most = limit - margin;
        if (width <= most && height <= most) return null;
        return width + "x" + height + " is more than this OpenGL driver draws; expected at most " + most + " pixels a side"
                + " (its limit of " + limit + " less the scene's margin of " + margin + ")";
    }

    /** Atlas pages decoded ahead of the upload. */
    public static final int DECODE_AHEAD = 4;
    /** Colour of the selection's highlight ring, 0xRRGGBB. */
    public static final int SELECTION_COLOR = SelectionPass.RING_COLOR;
    /** Colour, 0xRRGGBB, of the line and ring of a pinned item's neighbour of {@link PinnedNeighbors#farness} {@code farness}. */
    public static int neighborColor(float farness) { return NeighborLinesPass.color(farness); }

    private final Bundle bundle;
    private final float[][] layouts;
    private int[] labelCounts;
    private long countedLabels = -1;
    private final int[] cellOfItem;
    private final int[] cellSizes;
    private final int alphaMode;
    private final ViewState state;
    private final PointBuffers points;
    private final AtlasTextures atlas;
    private final CategoryColours colours;
    private long uploadedColour = -1;
    private final IndexList selected;
    /** The selected items among those a culled or thinned scene draws ({@link #selectionAmong}). */
    private final IndexList selectedDrawn = new IndexList();
    private int[] selectedAmong;
    private long selectedAmongVersion = -1;
    private final SpritePass sprites;
    /**
     * The items' places in the atlas for the scene's level (null: the shaders look them up). Off with
     * {@code -Dembedscope.cellPlaces=false}, for comparing the two.
     */
    private final CellPlaces places;
    private final SelectionPass selection;
    private final PickPass picking;
    private final HoverPass hover;
    private final DrawList drawList;
    private final PickIndex pickIndex;
    private final IndexList sceneItems;
    private final IndexList pickItems;
    private final NeighborLinesPass neighborLines;
    private PinnedNeighbors pinnedNeighbors;
    private String neighborsError;
    private RenderTarget scene = new RenderTarget(RenderTarget.Kind.SCENE);
    /** The other scene target of a pan ({@link #shiftScene}): the shifted scene is made here, then the two swap. */
    private RenderTarget sceneSpare = new RenderTarget(RenderTarget.Kind.SCENE);
    /** Whether {@link #scene} holds a record to recolour instead of drawing its sprites again. */
    private final SceneRecord record = new SceneRecord();
    private final SceneRecolourPass recolour;
    private boolean recording = true;
    /**
     * The pixels of {@link #scene} that are what an exact scene at the anchor's level would draw there:
     * the view after any exact scene or recolouring, and as a pan shifts it, the view's pixels it moves
     * into the guard band too, so that a pan back finds them there (see {@link #shiftScene}).
     */
    private final KeptRows complete = new KeptRows();
    /** The last exact scene: the camera it was drawn for, what else it showed, and the level of detail it drew. */
    private float anchorCx, anchorCy, anchorZoom = Float.NaN;
    private long anchorContent = -1, anchorStates = -1;
    private int anchorLevel = Integer.MIN_VALUE, anchorLayout = -1, anchorGuard = -1;
    /** Whole pixels the scene has been shifted since it was last drawn exactly: x right, y down. */
    private int shiftedX, shiftedY;
    private long lastShiftNs;
    private boolean shifted;
    /** A shifted scene is drawn exactly once the camera has rested this long (float rounding can move a sprite by a pixel). */
    public static final long SHIFT_SETTLE_NS = 120_000_000L;
    private final ThumbnailSheet hoverThumbnail;
    private final java.util.List<ThumbnailSheet> sheets = new java.util.ArrayList<>();
    /** Motion frames at half resolution (see {@link #render}). */
    private final RenderTarget sceneHalf = new RenderTarget(RenderTarget.Kind.COLOR_DEPTH);
    /** Stretches a motion frame's scene over the output. */
    private final ScaledCopyPass upscale = new ScaledCopyPass();
    /**
     * A transition's frames are drawn at half resolution when an exact redraw of the scene took longer
     * than this (a software rasteriser; a GPU stays far below it and always draws exact frames).
     */
    public static final float MOTION_BUDGET_MS = 25f;
    private float exactMs;
    /** The items the frame {@link #exactMs} timed drew. */
    private int exactItems = 1;
    private boolean exactTimedOnce;
    private boolean lastWasHalf;
    /** The resolution, relative to the framebuffer's, of the last motion frame. */
    private float lastMotionScale = 0.5f;
    private final float pointLimit;
    /**
     * Pixels drawn beyond each edge of the view. GL clips a point by its centre, so a large sprite
     * whose centre has just left the view would vanish while half of it should still show; drawing
     * into a target this much larger keeps it, as long as the sprite is at most twice this wide.
     */
    private final int guard;

    /**
     * Pixels beyond each edge of the view whose items a scene draws now: the reach of a sprite
     * ({@link #spriteReach}), at most the target's guard band. A sprite centred further out cannot reach
     * the view, so the band beyond is left out (at 8× zoom a third of the sprites a full band would draw);
     * a pan's strips draw from this band's items too.
     */
    int activeGuard() { return Math.min(guard, spriteReach()); }

    /**
     * How far a sprite reaches from its centre, in whole pixels: half of it, or of a selected one with
     * its ring, half a pixel where exact sprites snap to the pixel grid, and a pixel to spare.
     */
    private int spriteReach() {
        float px = state.spritePixels();
        float reached = state.selectedCount() > 0 ? px + 2 * SelectionPass.ringPixels(px) : px;
        return (int) Math.ceil(Math.min(reached, pointLimit) / 2 + 0.5f) + 1;
    }

    private ColumnTable columns;
    /** Typing a million rows' columns takes a good part of a second: not on the way to the first frame. */
    private final java.util.concurrent.CompletableFuture<ColumnTable> columnsTyping;
    private long drawnVersion = -1, drawnAtlasVersion = -1;
    private long pickedVersion = -1, pickedAtlasVersion = -1;
    private int pickedX = Integer.MIN_VALUE, pickedY = Integer.MIN_VALUE, pickedRadius, pickedId = -1;
    private int hovered = -1;

    /**
     * Uploads the bundle and fits the view to a {@code width × height} framebuffer. First checks the
     * atlas pages against this GL's limits (texture size, array layers), so a bundle this GL cannot
     * hold is refused with a clear message before any texture is made.
     */
    public SceneRenderer(Bundle bundle, int width, int height) throws BundleException {
        this(bundle, width, height, null);
    }

    /** As {@link #SceneRenderer(Bundle, int, int)}, taking pages from a decoder started earlier (closed here). */
    public SceneRenderer(Bundle bundle, int width, int height, PageDecoder pages) throws BundleException {
        this(bundle, width, height, pages, pages != null ? pages.budget() : AtlasTextures.DEFAULT_BUDGET);
    }

    /**
     * As {@link #SceneRenderer(Bundle, int, int, PageDecoder)} (null: decode here), within a GPU memory
     * budget for the atlas of {@code budget} bytes ({@link AtlasTextures}).
     */
    public SceneRenderer(Bundle bundle, int width, int height, PageDecoder pages, long budget) throws BundleException {
        this.bundle = bundle;
        Manifest m = bundle.manifest();
        int n = bundle.count();
        layouts = new float[m.layouts().size()][];
        for (int l = 0; l < layouts.length; l++) layouts[l] = LayoutNormalizer.normalize(bundle.coords(l));
        int[] labelOfItem = bundle.hasLabels() ? bundle.labels() : new int[n];
        int labelCount = bundle.hasLabels() ? bundle.labelValues().size() : 1;
        state = new ViewState(layouts.length, labelCount, labelOfItem, 0);
        state.setDefaultThreshold(m.atlas().defaultThreshold());
        List<String> names = new java.util.ArrayList<>();
        int[] colors = new int[labelCount];
        for (int l = 0; l < labelCount; l++) {
            names.add(bundle.hasLabels() ? bundle.labelName(l) : "");
            colors[l] = Palette.rgb(l);
        }
        state.setLabels(labelOfItem, names, colors);
        // Every item's cell is its own index today (README, "Bundle format"); the indirection lets
        // index lists and streamed pages name cells without the draw order.
        cellOfItem = new int[n];
        for (int i = 0; i < n; i++) cellOfItem[i] = i;
        alphaMode = m.atlas().alpha().ordinal();

        GlState.establish();
        pointLimit = pointSizeLimit();
        guard = guardPx(pointLimit);

        AtlasTextures at = null;
        PointBuffers pb = null;
        CategoryColours lt = null;
        IndexList il = null, si = null, pi = null;
        SpritePass sp = null;
        SelectionPass sel = null;
        PickPass pp = null;
        HoverPass hp = null;
        NeighborLinesPass nl = null;
        SceneRecolourPass rc = null;
        try {
            // Layers are the atlas's business: levels that do not fit stream (AtlasTextures).
            AtlasCheck.checkPages(bundle, glGetInteger(GL_MAX_TEXTURE_SIZE), AtlasCheck.NO_LIMIT);
            if (pages == null) pages = new PageDecoder(bundle.dir(), m, DECODE_AHEAD, budget);
            at = new AtlasTextures(pages, budget, glGetInteger(GL_MAX_ARRAY_TEXTURE_LAYERS));
            pb = new PointBuffers(layouts, labelOfItem, cellOfItem);
            lt = new CategoryColours(labelCount);
            il = new IndexList();
            si = new IndexList();
            pi = new IndexList();
            sp = new SpritePass(placesOn(), alphaMode, m.atlas().shaded());
            sel = new SelectionPass();
            pp = new PickPass();
            hp = new HoverPass(at, alphaMode);
            nl = new NeighborLinesPass();
            rc = new SceneRecolourPass();
        } catch (BundleException | RuntimeException e) {
            if (pages != null) pages.close();
            for (AutoCloseable c : new AutoCloseable[] {rc, nl, hp, pp, sel, sp, pi, si, il, lt, pb, at}) closeQuietly(c);
            throw e;
        }
        // The atlas keeps a decoder whose pages it holds back for after the first frame.
        if (!at.deferredPending()) pages.close();
        atlas = at;
        cellSizes = at.cellSizes();
        points = pb;
        colours = lt;
        selected = il;
        sceneItems = si;
        pickItems = pi;
        drawList = new DrawList(layouts);
        pickIndex = new PickIndex(layouts);
        sprites = sp;
        places = placesOn() ? new CellPlaces(cellOfItem) : null;
        selection = sel;
        picking = pp;
        hover = hp;
        hoverThumbnail = thumbnailSheet();
        neighborLines = nl;
        recolour = rc;

        state.setViewport(width, height, sizingFor(width, height));
        state.fitTo(layouts);
        columnsTyping = java.util.concurrent.CompletableFuture.supplyAsync(() -> ColumnTable.of(bundle));
    }

    /** Whether the scene's sprites read their places in the atlas from {@link CellPlaces} (off with {@code -Dembedscope.cellPlaces=false}). */
    private static boolean placesOn() {
        return !"false".equals(System.getProperty("embedscope.cellPlaces"));
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (Exception ignored) {
            // already failing: the first error is the one reported
        }
    }

    /** Sprite sizing for a framebuffer: readable at the fitted view, up to half the smaller side ({@link SpriteSizing#forView}). */
    private SpriteSizing sizingFor(int width, int height) {
        SpriteSizing current = state.sizing();
        // A benchmark matching another program's sizes keeps them.
        if (current != null && current.matchesDemo()) return SpriteSizing.matchingDemo(0.5f * Math.min(width, height), pointLimit);
        return SpriteSizing.forView(width, height, bundle.count(), pointLimit);
    }

    public ViewState state() { return state; }

    /** The bundle's columns (searching and colouring read them), typed on a background thread from the start; waits for them. */
    public ColumnTable columns() {
        if (columns == null) columns = columnsTyping.join();
        return columns;
    }

    /** True once the columns are typed: {@link #columns()} returns at once. */
    public boolean columnsReady() { return columnsTyping.isDone(); }

    public Bundle bundle() { return bundle; }

    /** Normalised coordinates of every layout (display space). Do not modify. */
    public float[][] layouts() { return layouts; }

    public AtlasTextures atlas() { return atlas; }


    /** Number of items of each label (one entry when the bundle has no labels), as labelled now. Do not modify. */
    public int[] labelCounts() {
        if (countedLabels != state.labelsVersion()) {
            int[] c = new int[state.labelCount()];
            for (int label : state.labelOfItem()) c[label]++;
            labelCounts = c;
            countedLabels = state.labelsVersion();
        }
        return labelCounts;
    }

    /** Per item, its label index (all zeros without labels), as labelled now. Do not modify. */
    public int[] labelOfItem() { return state.labelOfItem(); }

    /** The largest point size the GL draws. */
    public float pointLimit() { return pointLimit; }

    /** What the scene's picture depends on in the atlas at the level it samples now ({@link AtlasTextures#versionFor}). */
    private long atlasVersion() {
        return atlas.versionFor(currentLevel());
    }

    /** The atlas level the scene samples now, or -1 when sprites are flat squares. */
    public int currentLevel() {
        return levelFor(state.spritePixels());
    }

    /** The atlas level the last scene was drawn from (a half-resolution moving frame samples a coarser one); -1 for flat squares. */
    public int drawnLevel() {
        return levelFor(state.spritePixels(), lastWasHalf ? lastMotionScale : 1f);
    }

    private int levelFor(float px) {
        return levelFor(px, 1f);
    }

    /**
     * The level for sprites of {@code px} framebuffer pixels drawn into a target of {@code scale} times
     * the framebuffer's resolution (a motion frame), or -1 for flat squares. Whether sprites are flat
     * follows their size on screen, not in the smaller target: a motion frame of images too small
     * there is still a picture of images, not of label-coloured squares.
     */
    private int levelFor(float px, float scale) {
        if (px < state.flatBelowPx()) return -1;
        return SpriteSizing.bestLevel(cellSizes, px * scale);
    }

    /** Adapts to a new framebuffer size. */
    public void resize(int width, int height) {
        if (width == state.camera().width() && height == state.camera().height()) return;
        state.setViewport(width, height, sizingFor(width, height));
    }

    /** The item drawn enlarged on top, or -1. */
    public int hovered() { return hovered; }

    /**
     * Hovers the item nearest framebuffer pixel ({@code x}, {@code y}) within the hover radius of the
     * current sprite size, or nothing for a negative position; returns it, or -1.
     */
    public int hoverAt(int x, int y) {
        hovered = x >= 0 && y >= 0 ? pick(x, y, hoverRadius(state.spritePixels())) : -1;
        return hovered;
    }

    /** Draws {@code item} enlarged on top (as if hovered), or nothing for -1: a thumbnail under the pointer marks its item. */
    public void setHovered(int item) {
        hovered = item >= 0 && item < bundle.count() ? item : -1;
    }

    // ---------------------------------------------------------------- frame

    /** This frame's shared parameters for the passes that draw items, with the GPU brought up to date first. */
    private ItemDraw itemDraw() {
        return itemDraw(1f);
    }

    /** The same for a target of {@code pxScale} times the framebuffer's resolution. */
    private ItemDraw itemDraw(float pxScale) {
        points.upload(state.itemStates());
        if (uploadedColour != state.colourVersion()) {
            ColourBy c = state.colourBy();
            points.setColouring(c);
            if (c.isCategories()) colours.setColours(c.categoryColours());
            uploadedColour = state.colourVersion();
        }
        if (selected.version() != state.selectionVersion()) selected.upload(state.selectedItems(), state.selectionVersion());
        int level = levelFor(state.spritePixels(), pxScale);
        float threshold = levelThreshold(level < 0 ? atlas.levels() - 1 : level);
        if (places != null && level >= 0) {
            int[] p = places.update(atlas, level);
            if (p != null) points.setPlaces(p, places.from(), places.to());
        }
        return new ItemDraw(state, guard, level, threshold, points, atlas, colours, alphaMode, pxScale, places != null && level >= 0);
    }

    /**
     * Draws a frame into framebuffer {@code outFbo} (0: the window) of the camera's size: the
     * cached scene, redrawn first if anything changed, then the hovered item. Leaves {@code outFbo}
     * bound with a viewport of the whole frame.
     */
    public void render(int outFbo) {
        update();
        present(outFbo);
    }

    /**
     * Brings the cached scene up to date: redrawn if anything changed (or shifted, for a pan at rest).
     * {@link #imageStamp} changes when its picture may have.
     */
    public void update() {
        // The finest resident level comes in behind the first frame (PageDecoder: finestLast), unless that
        // frame samples it or a finer one (whose items fall back to it while their pages stream in).
        int wanted = currentLevel();
        if (atlas.deferredPending() && (updates > 0 || (wanted >= 0 && wanted <= atlas.deferredLevel()))) atlas.uploadDeferred(updates == 0);
        updates++;
        int w = state.camera().width(), h = state.camera().height();
        int g = guard;
        boolean resized = scene.ensureSize(w + 2 * g, h + 2 * g);
        if (resized) record.forget();
        long drawn = drawnVersion, atlasDrawn = drawnAtlasVersion;
        boolean wasShifted = shifted;
        // A pan at rest shifts the last scene (shiftScene) without listing the items in view or taking new
        // pages: at a million items the list is most of such a frame, and an upload would force a full
        // redraw anyway; both wait for the exact frame at rest.
        if (!resized && drawnVersion != state.version() && drawnAtlasVersion == atlasVersion() && shiftScene(g)) {
            lastShiftNs = System.nanoTime();
            drawnVersion = state.version();
            lastWasHalf = false;
        } else {
            drawChanged(resized, w, h, g);
        }
        if (resized || lastWasHalf || drawn != drawnVersion || atlasDrawn != drawnAtlasVersion || wasShifted || shifted) imageStamp++;
    }

    /**
     * Changes whenever the cached scene's picture may have changed (a redraw, a shift, a motion frame);
     * while it stays the same, so does every pixel {@link #present} copies.
     */
    public long imageStamp() { return imageStamp; }

    private long imageStamp;
    private long updates;

    /** Waits for the atlas pages held back at the start and uploads them (bench: before its phases). */
    public void finishLoading() {
        atlas.uploadDeferred(true);
    }

    /** Copies the cached scene into framebuffer {@code outFbo} and draws the hovered item; leaves {@code outFbo} bound, viewport whole. */
    public void present(int outFbo) {
        int w = state.camera().width(), h = state.camera().height();
        int g = guard;
        if (lastWasHalf) {
            glBindFramebuffer(GL_FRAMEBUFFER, outFbo);
            glViewport(0, 0, w, h);
            float k = sceneHalf.width() / (float) (w + 2 * g);
            upscale.draw(sceneHalf, Math.round(g * k), Math.round(g * k), Math.round((g + w) * k), Math.round((g + h) * k));
        } else {
            glBindFramebuffer(GL_DRAW_FRAMEBUFFER, outFbo);
            glBindFramebuffer(GL_READ_FRAMEBUFFER, scene.fbo());
            glBlitFramebuffer(g, g, g + w, g + h, 0, 0, w, h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
        }
        glBindFramebuffer(GL_FRAMEBUFFER, outFbo);
        glViewport(0, 0, w, h);
        if (hovered >= 0) drawHover(hovered);
    }

    /**
     * What {@link #present} draws, within {@code box} ({@code {x0, y0, x1, y1}}, framebuffer pixels from
     * the bottom left) only: the same pixels there, the rest of {@code outFbo} left as it is. Not after a
     * motion frame (its scene is scaled). Leaves {@code outFbo} bound, viewport whole.
     */
    public void presentRegion(int outFbo, int[] box) {
        if (lastWasHalf) throw new IllegalStateException("a motion frame is presented whole");
        int w = state.camera().width(), h = state.camera().height();
        int g = guard;
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, outFbo);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, scene.fbo());
        glBlitFramebuffer(g + box[0], g + box[1], g + box[2], g + box[3], box[0], box[1], box[2], box[3], GL_COLOR_BUFFER_BIT, GL_NEAREST);
        glBindFramebuffer(GL_FRAMEBUFFER, outFbo);
        glViewport(0, 0, w, h);
        if (hovered >= 0) {
            int[] hb = hoverBox(hovered);
            if (DamageRegion.intersect(hb, box) != null) {
                glEnable(GL_SCISSOR_TEST);
                glScissor(box[0], box[1], box[2] - box[0], box[3] - box[1]);
                drawHover(hovered);
                glDisable(GL_SCISSOR_TEST);
            }
        }
    }

    /**
     * The pixels {@link #present} now draws the hovered item over ({@code {x0, y0, x1, y1}} from the
     * bottom left, a pixel to spare), or null when none is hovered.
     */
    public int[] hoverBox() { return hovered >= 0 ? hoverBox(hovered) : null; }

    /** The pixels item {@code item}'s enlarged sprite and its panel cover, with a pixel to spare, from the bottom left. */
    private int[] hoverBox(int item) {
        float[] r = hoverRect(item);
        float pad = hoverPad(r);
        int h = state.camera().height();
        int x0 = (int) Math.floor(r[0] - pad) - 1, x1 = (int) Math.ceil(r[0] + r[2] + pad) + 1;
        int top = (int) Math.floor(r[1] - pad) - 1, bottom = (int) Math.ceil(r[1] + r[2] + pad) + 1;
        return new int[] {x0, h - bottom, x1, h - top};
    }

    /** Brings the scene up to date when anything but a whole-pixel pan changed (or the pan could not shift it). */
    private void drawChanged(boolean resized, int w, int h, int g) {
        int[] items = null;
        boolean listed = false;
        int ga = activeGuard();
        if (resized || drawnVersion != state.version() || atlas.busy()) {
            items = drawList.items(state, g, ga);
            listed = true;
        }
        // Pages for what this frame shows: the items drawn (at rest) and the hovered item's finest one.
        if (atlas.streams()) {
            if (!listed) items = drawList.items(state, g, ga);
            int level = currentLevel();
            int[] panel = panelCells();
            atlas.update(level, items, items == null ? 0 : items.length, restingHoverCell(), panel);
            panelAsked = panel;
            listed = true;
        }
        // A shifted scene at rest long enough is drawn exactly (see shiftScene).
        if (shifted && drawnVersion == state.version() && System.nanoTime() - lastShiftNs > SHIFT_SETTLE_NS) anchorContent = -1;
        boolean stale = resized || drawnVersion != state.version() || drawnAtlasVersion != atlasVersion() || (shifted && anchorContent < 0);
        // Progressive refinement: while sprites move and an exact redraw is slow, a frame is drawn at
        // half resolution (a quarter of the pixels); the frame after the motion is exact again.
        int[] list = stale ? (listed ? items : drawList.items(state, g, ga)) : null;
        int moving = list == null ? state.itemCount() : list.length;
        boolean half = stale ? motionFramesHalf(moving) : lastWasHalf;
        if (stale) {
            if (half) {
                float k = motionScale(moving);
                sceneHalf.ensureSize((int) Math.ceil((w + 2 * g) * k), (int) Math.ceil((h + 2 * g) * k));
                drawScene(sceneHalf, itemDraw(k), list);
                lastMotionScale = k;
            } else {
                long t0 = System.nanoTime();
                boolean full = drawExactScene(itemDraw(), list);
                anchor(list);
                glFinish();
                // The first redraw and one into a just-resized target pay one-time costs (shader
                // variants compiled on first use, targets allocated): not what a redraw costs, and
                // they would make the first transition half resolution even on a GPU.
                // A recoloured scene is no measure of a moving one: only full ones are timed.
                if (full && exactTimedOnce && !resized) {
                    exactMs = (System.nanoTime() - t0) / 1e6f;
                    exactItems = drawnCount;
                }
                exactTimedOnce |= full;
            }
            drawnVersion = state.version();
            drawnAtlasVersion = atlasVersion();
            lastWasHalf = half;
        }
    }

    /** True when the next {@link #render} redraws every sprite. */
    public boolean sceneDirty() {
        return drawnVersion != state.version() || drawnAtlasVersion != atlasVersion() || scene.width() != state.camera().width() + 2 * guard
                || scene.height() != state.camera().height() + 2 * guard;
    }

    /**
     * A motion frame's resolution: half the framebuffer's, or a third where even that would be slow
     * (an exact frame of the moving items over twice {@link #MOTION_BUDGET_MS}: on a software rasteriser the
     * work per sprite dominates, and a half-resolution frame costs about half an exact one), so that
     * the motion stays fluid; the exact frame follows it at rest.
     */
    private float motionScale(int moving) {
        return forcedMotionScale > 0 ? forcedMotionScale : motionScale(exactMs, exactItems, moving);
    }

    /** For tests: motion frames at {@code k} of the resolution whatever an exact frame costs (0: as measured). */
    void forceMotionScale(float k) { forcedMotionScale = k; }

    private float forcedMotionScale;

    /** Whether this redraw, of {@code moving} items, is a motion frame drawn at half resolution. */
    private boolean motionFramesHalf(int moving) {
        return state.transition().isRunning() && motionScale(moving) < 1f && !Boolean.getBoolean("embedscope.exactMotion");
    }

    /**
     * The resolution of motion frames (1: exact) when an exact frame of {@code exactItems} took
     * {@code exactMs}: a moving frame draws {@code moving} items (every item, or those the levels of
     * detail keep: {@link DrawList}), so that time scaled by the items is what an exact motion frame
     * would take; over {@link #MOTION_BUDGET_MS} half resolution, over twice that a third. GL-free.
     */
    static float motionScale(float exactMs, int exactItems, int moving) {
        float allItemsMs = exactMs * Math.max(1f, (float) moving / Math.max(1, exactItems));
        if (allItemsMs <= MOTION_BUDGET_MS) return 1f;
        return allItemsMs > 2 * MOTION_BUDGET_MS ? 1f / 3 : 0.5f;
    }

    /** True when the last frame's scene was a half-resolution motion frame. */
    public boolean lastFrameWasMotion() { return lastWasHalf; }

    /** True while atlas pages for the view are on their way: frames should keep coming until they are drawn. */
    public boolean busy() { return atlas.busy() || atlas.deferredPending() || hoverRestPending() || panelPending() || shifted; }

    /** The thumbnails' cells last asked for at the finest level. */
    private int[] panelAsked = new int[0];

    /**
     * The cells of the items the panels' sheets (the selection's grid, the neighbours) hold: their
     * thumbnails are drawn larger than the sprites, so they want the finest level. Without asking, they
     * showed whatever level the view had brought in: at a million digits, 45-px thumbnails from 7-px
     * cells until one was hovered (and {@code render --overlay} drew them so while the window, after a
     * hover, drew them sharp). The hovered item's own sheet waits for the cursor to rest, as its sprite does.
     */
    private int[] panelCells() {
        int n = 0;
        for (ThumbnailSheet t : sheets) if (t != hoverThumbnail) n += t.shown().length;
        int[] cells = new int[n];
        int k = 0;
        for (ThumbnailSheet t : sheets) {
            if (t == hoverThumbnail) continue;
            for (int item : t.shown()) cells[k++] = cellOfItem[item];
        }
        return cells;
    }

    /** True while a sheet holds items whose finest pages were not asked for yet: a frame more asks. */
    private boolean panelPending() {
        return atlas.streams() && !java.util.Arrays.equals(panelCells(), panelAsked);
    }

    /** True when the last scene was a pan's shifted copy of the one before plus the strips it uncovered. */
    public boolean lastSceneShifted() { return shifted; }

    /** The strips the last shift drew (0 where what it kept covered the view: a pan back; for tests). */
    int lastShiftStrips() { return strips; }

    private int strips;

    /**
     * The hovered item's finest page is asked for once the cursor has rested on the item this long.
     * A sweep across a million items would otherwise start a page's decoding for each item passed
     * over, each arriving after the cursor has moved on, the decoders taking the cores the frames need;
     * the enlarged sprite is meanwhile drawn from the finest level on the GPU.
     */
    public static final long HOVER_REST_NS = 80_000_000L;
    private int restingHover = -1;
    /** The hovered item whose finest page was last asked for (until then a still is not final). */
    private int hoverAsked = -1;
    private long hoverSince;

    /** The hovered item's cell once the cursor has rested on it {@link #HOVER_REST_NS}, else -1. */
    private int restingHoverCell() {
        if (hovered < 0) return restingHover = -1;
        if (hovered != restingHover) {
            restingHover = hovered;
            hoverSince = System.nanoTime();
            hoverAsked = -1;
        }
        if (System.nanoTime() - hoverSince < HOVER_REST_NS) return -1;
        hoverAsked = hovered;
        return cellOfItem[hovered];
    }

    /** True while the hovered item's finest page is off the GPU and the cursor has not rested on it long enough to ask for it. */
    private boolean hoverRestPending() {
        return hovered >= 0 && atlas.streams() && hoverAsked != hovered && atlas.levelDrawn(cellOfItem[hovered], 0) != 0;
    }

    /** Draws at most about {@code most} items in a view at rest, the top ones of each spot beyond that ({@link DrawList}). */
    public void setMostDrawn(int most) {
        drawList.setMostDrawn(most);
        drawnVersion = -1;
    }

    /**
     * With {@code false}, every exact scene draws every sprite, never recolouring a record ({@link
     * SceneRecord}): what a change of the view's geometry costs, for {@code bench}'s full-redraw phases.
     */
    public void setRecording(boolean on) {
        recording = on;
        record.forget();
    }

    /** Items the last scene drew: every item, or the levels-of-detail and culling list ({@link DrawList}). */
    public int drawnCount() { return drawnCount; }

    /**
     * How many of the items the last full scene drew have their centre within {@code marginPx} pixels
     * of the view: what its picture shows, without the items the levels of detail left out.
     */
    public int drawnInView(float marginPx) {
        boolean[] in = new boolean[state.itemCount()];
        int all = VisibleItems.mark(layouts, state.transition(), state.camera(), state.legendCodes(), state.shownCategories(), marginPx, in);
        if (drawnItems == null) return all;
        int n = 0;
        for (int i : drawnItems) if (in[i]) n++;
        return n;
    }

    private int drawnCount;
    /** The items the last full scene drew, ascending, or null for every item. */
    private int[] drawnItems;

    /** Notes the camera and content of the exact scene just drawn from {@code items}, for a pan to shift it. */
    private void anchor(int[] items) {
        Camera cam = state.camera();
        anchorCx = cam.centerX();
        anchorCy = cam.centerY();
        anchorZoom = items != null ? cam.zoom() : Float.NaN;
        anchorContent = state.contentVersion();
        anchorStates = state.itemStates().version();
        anchorLevel = drawList.level();
        anchorLayout = DrawList.restingLayout(state.transition());
        anchorGuard = activeGuard();
        shiftedX = shiftedY = 0;
        shifted = false;
    }

    /**
     * A pan at rest (only the camera moved, by whole pixels, at the same zoom and level of detail) redraws
     * only what it uncovers: the part of the last scene known to be complete ({@link KeptRows}) is copied
     * shifted, and the strips of the view it does not cover are cleared and drawn from the items that can
     * reach them ({@link #activeGuard}'s band), each under a scissor. The same picture as a full redraw, for
     * the cost of a copy and a few strips, and for a pan back over what was just shown (up to the guard
     * band's width), of the copy alone; a sprite may sit a pixel off where float rounding differs, so the
     * scene is drawn exactly once the camera rests. Returns false (draw it all) whenever anything else changed.
     */
    private boolean shiftScene(int g) {
        Camera cam = state.camera();
        int ga = activeGuard();
        if (complete.isEmpty() || anchorContent != state.contentVersion() || anchorStates != state.itemStates().version()
                || cam.zoom() != anchorZoom || lastWasHalf || ga != anchorGuard || drawList.levelFor(state, g) != anchorLevel
                || DrawList.restingLayout(state.transition()) != anchorLayout || drawnAtlasVersion != atlasVersion()) {
            return false;
        }
        // The active rectangle in the target's GL coordinates: what a scene draws.
        int[] active = {g - ga, g - ga, g + cam.width() + ga, g + cam.height() + ga};
        int[] view = viewBox();
        // Where the last exact scene's centre is now on screen, in pixels: a whole number, or no shift.
        float ox = cam.screenX(anchorCx) - cam.width() / 2f, oy = cam.screenY(anchorCy) - cam.height() / 2f;
        int ix = Math.round(ox), iy = Math.round(oy);
        if (Math.abs(ox - ix) > 0.01f || Math.abs(oy - iy) > 0.01f) return false;
        int dx = ix - shiftedX, dy = iy - shiftedY;
        if (dx == 0 && dy == 0) return true;
        // A jump of half the view or more: its strips would be most of a full redraw.
        if (2 * Math.abs(dx) >= cam.width() || 2 * Math.abs(dy) >= cam.height()) return false;
        // Content moves by (dx, dy) on screen: y down there, up in GL's target coordinates. What was
        // complete stays so where it lands inside the target; only that is copied.
        int[] kept = complete.shift(dx, -dy);
        if (kept == null) return false;
        sceneSpare.ensureSize(scene.width(), scene.height());
        glBindFramebuffer(GL_READ_FRAMEBUFFER, scene.fbo());
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, sceneSpare.fbo());
        glBlitFramebuffer(kept[0] - dx, kept[1] + dy, kept[2] - dx, kept[3] + dy, kept[0], kept[1], kept[2], kept[3], GL_COLOR_BUFFER_BIT, GL_NEAREST);
        RenderTarget t = scene;
        scene = sceneSpare;
        sceneSpare = t;
        record.forget();
        // The strips: the parts of the view nothing kept covers (at most one along each axis), cleared
        // and drawn from the items that can reach them. A pan back over what it just showed finds it
        // kept, up to the guard band's width, and draws nothing.
        int r = spriteReach();
        int drawn = 0;
        strips = 0;
        int[] columns = complete.missingColumns(view), rows = complete.missingRows(view);
        ItemDraw d = columns != null || rows != null ? itemDraw() : null;
        if (columns != null) drawn += drawStrip(d, g, active, columns[0], columns[1], columns[2], columns[3], r);
        if (rows != null) drawn += drawStrip(d, g, active, rows[0], rows[1], rows[2], rows[3], r);
        complete.add(view);
        drawnCount = drawn;
        shiftedX = ix;
        shiftedY = iy;
        shifted = true;
        return true;
    }

    /** The view's box in {@link #scene}'s GL pixels: {x0, y0, x1, y1}. */
    private int[] viewBox() {
        Camera cam = state.camera();
        return new int[] {guard, guard, guard + cam.width(), guard + cam.height()};
    }

    /**
     * Clears and draws the target's box [x0, x1) × [y0, y1) (GL coordinates) from the items whose sprites
     * can reach it, of those a scene drawing the {@code active} rectangle ({x0, y0, x1, y1}) draws.
     */
    private int drawStrip(ItemDraw d, int g, int[] active, int x0, int y0, int x1, int y1, int r) {
        if (x1 <= x0 || y1 <= y0) return 0;
        strips++;
        Camera cam = state.camera();
        int th = scene.height();
        // The box widened by r, in world units (screen y runs down, GL's up), found in the level's grid;
        // no further than the active rectangle (and DrawList's slack), whose items are all a full redraw draws.
        float s = DrawList.SLACK_PX;
        float wx0 = cam.worldX(Math.max(active[0] - s, x0 - r) - g), wx1 = cam.worldX(Math.min(active[2] + s, x1 + r) - g);
        float wyA = cam.worldY(th - Math.max(active[1] - s, y0 - r) - g), wyB = cam.worldY(th - Math.min(active[3] + s, y1 + r) - g);
        int[] inside = drawList.inBox(anchorLayout, wx0, Math.min(wyA, wyB), wx1, Math.max(wyA, wyB));
        glEnable(GL_SCISSOR_TEST);
        glScissor(x0, y0, x1 - x0, y1 - y0);
        drawScene(scene, d, inside);
        glDisable(GL_SCISSOR_TEST);
        return inside.length;
    }

    /**
     * The exact scene, into {@link #scene}, of {@code items} (ascending; null for all): the record
     * recoloured when it was made under the same conditions ({@link SceneRecord}), else every sprite
     * drawn, and recorded when the view is being drawn again. Returns whether it drew the sprites.
     */
    private boolean drawExactScene(ItemDraw d, int[] items) {
        long[] key = coverageKey(d, items);
        if (record.matches(key)) {
            glBindFramebuffer(GL_FRAMEBUFFER, scene.fbo());
            glViewport(0, 0, scene.width(), scene.height());
            // The view only, not the guard band around it (a third of a large target's pixels): a pan
            // draws the band's part it shifts into view (complete, shiftScene).
            glEnable(GL_SCISSOR_TEST);
            glScissor(guard, guard, state.camera().width(), state.camera().height());
            recolour.draw(scene, d, points);
            glDisable(GL_SCISSOR_TEST);
            drawNeighbourLines(d, scene);
            drawnCount = 0;
            complete.only(viewBox(), scene.width(), scene.height());
            return false;
        }
        complete.only(viewBox(), scene.width(), scene.height());
        boolean recording = record.worthRecording(key);
        drawScene(scene, d, items, recording);
        if (recording) record.recorded(key);
        else record.forget();
        return true;
    }

    /**
     * What decides which item is on top at each pixel of a scene drawn with {@code d} from
     * {@code items}: the draw's geometry, the pages on the GPU, the hidden items, the selection (drawn
     * in front, it covers what is behind it), the dimmed items where they go behind the rest, and the list itself. Null with smooth alpha, where every
     * item blends into the picture.
     */
    private long[] coverageKey(ItemDraw d, int[] items) {
        if (!recording || state.smoothAlpha() || !points.hasTextures()) return null;
        long[] geometry = d.coverageKey();
        long[] k = java.util.Arrays.copyOf(geometry, geometry.length + 8);
        int n = geometry.length;
        // The search's matches drawn in front of what it dims: which those are decides what covers what.
        k[n++] = d.dimmedBehind ? state.itemStates().dimmedVersion() : -1;
        // The pin's lines are drawn again over a recoloured scene; a ring under an old line would keep it.
        k[n++] = state.pinned();
        k[n++] = pinnedNeighbors() == null ? 0 : 1;
        k[n++] = atlasVersion();
        k[n++] = state.itemStates().hiddenVersion();
        k[n++] = state.selectedCount() == 0 ? -1 : state.selectionVersion();
        k[n++] = items == null ? -1 : items.length;
        k[n] = items == null ? 0 : java.util.Arrays.hashCode(items);
        return k;
    }

    /** Draws the scene into {@code target}: every item, or only {@code items} (ascending; null for all). */
    private void drawScene(RenderTarget target, ItemDraw d, int[] items) {
        drawScene(target, d, items, false);
    }

    /**
     * As above; with {@code recording} (threshold only) the selection and the sprites also write
     * their items and inks into the target's record ({@link RenderTarget#record}).
     */
    private void drawScene(RenderTarget target, ItemDraw d, int[] items, boolean recording) {
        glBindFramebuffer(GL_FRAMEBUFFER, target.fbo());
        glViewport(0, 0, target.width(), target.height());
        float[] bg = PackedColor.rgb(BACKGROUND);
        glClearColor(bg[0], bg[1], bg[2], 1f);
        glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
        // With the threshold the selection goes first, in front by depth: what it covers is never drawn.
        boolean selectionFirst = !state.smoothAlpha();
        IndexList chosen = selectionAmong(items);
        if (recording) {
            target.record();
            sprites.setRecording(true);
        }
        if (selectionFirst) selection.drawInFront(d, chosen, sprites, pointLimit);
        if (items == null) {
            sprites.drawScene(d, state.smoothAlpha());
            drawnCount = d.itemCount();
            drawnItems = null;
        } else {
            boolean smooth = state.smoothAlpha();
            // The depth-tested scene draws the last item first; blending draws in item order.
            int[] order = items;
            if (!smooth) {
                order = new int[items.length];
                for (int i = 0; i < items.length; i++) order[i] = items[items.length - 1 - i];
            }
            sceneItems.upload(order, 0);
            sprites.drawScene(d, smooth, sceneItems);
            drawnCount = items.length;
            drawnItems = items;
        }
        if (recording) {
            target.stopRecording();
            sprites.setRecording(false);
        }
        if (!selectionFirst) selection.draw(d, chosen, sprites, pointLimit);
        drawNeighbourLines(d, target);
    }

    /** The pinned item's lines to its neighbours, over the scene in {@code target}. */
    private void drawNeighbourLines(ItemDraw d, RenderTarget target) {
        neighborLines.show(pinnedNeighbors());
        neighborLines.draw(d, sprites, pointLimit, target.width(), target.height());
    }

    /**
     * The selection to draw over a scene of {@code items} (ascending; null: every item): those of them
     * selected. The others are not drawn, or are outside the target where the GL would clip them, so
     * the picture is the same, and a lasso over a thinned million draws what the view shows of it.
     */
    private IndexList selectionAmong(int[] items) {
        if (items == null || state.selectedCount() == 0) return selected;
        if (items != selectedAmong || selectedAmongVersion != state.selectionVersion()) {
            int n = 0;
            for (int i : items) if (state.isSelected(i)) n++;
            int[] chosen = new int[n];
            n = 0;
            for (int i : items) if (state.isSelected(i)) chosen[n++] = i;
            selectedDrawn.upload(chosen, state.selectionVersion());
            selectedAmong = items;
            selectedAmongVersion = state.selectionVersion();
        }
        return selectedDrawn;
    }

    /**
     * The pinned item's neighbours, ranked in the layout the view rests on or moves to; null when
     * nothing is pinned or the bundle holds no neighbours. Recomputed when the pin or that layout changes.
     */
    public PinnedNeighbors pinnedNeighbors() {
        int item = state.pinned(), layout = state.transition().target();
        if (item < 0 || !bundle.hasNeighbors()) return pinnedNeighbors = null;
        PinnedNeighbors p = pinnedNeighbors;
        if (p == null || p.item() != item || p.layout() != layout) {
            try {
                pinnedNeighbors = PinnedNeighbors.of(bundle.neighbors(), item, layout, layouts[layout]);
            } catch (BundleException e) {
                // A defect in the neighbours file, found when its lists are first read: said in the panel.
                neighborsError = e.getMessage();
                return pinnedNeighbors = null;
            }
        }
        return pinnedNeighbors;
    }

    /** Why the bundle's neighbours could not be read (one line), or null while they could. */
    public String neighborsError() { return neighborsError; }

    /**
     * The alpha threshold at atlas level {@code level}: the user's threshold times the square root
     * of the level's cell size relative to the finest. A coarser texel averages a block of finer
     * ones, so a thin stroke that passes the threshold at full size averages to a fraction of it;
     * lowering the threshold keeps strokes from vanishing when sprites are small (they read a little
     * bolder, as small type does). The square root (rather than the full ratio) keeps a fitted view
     * of dense clusters textured instead of solid.
     */
    public float levelThreshold(int level) {
        return state.threshold() * (float) Math.sqrt(atlas.cell(level) / (float) atlas.cell(0));
    }

    // ---------------------------------------------------------------- picking

    /** The item under framebuffer pixel ({@code x}, {@code y}) (origin top left), or -1. */
    public int pick(int x, int y) {
        return pick(x, y, 0);
    }

    /**
     * How far from the cursor, in pixels, hovering looks for an item: small sprites are hard to hit
     * exactly (and MNIST digits are mostly background), so the radius grows as sprites shrink.
     */
    public static int hoverRadius(float spritePx) {
        return Math.max(0, Math.min(4, Math.round((12f - spritePx) / 3f)));
    }

    /**
     * The item whose visible texel is nearest to framebuffer pixel ({@code x}, {@code y}) (origin top
     * left) within {@code radius} pixels, or -1. Renders item ids with the scene's positions, sizes
     * and alpha test into an integer target, scissored to the (2r+1)² pixels around the cursor, and
     * reads them back; repeated calls for the same pixel, radius and scene are free.
     */
    public int pick(int x, int y, int radius) {
        int w = state.camera().width(), h = state.camera().height();
        if (x < 0 || y < 0 || x >= w || y >= h) return -1;
        if (x == pickedX && y == pickedY && radius == pickedRadius && pickedVersion == state.version()
                && pickedAtlasVersion == atlasVersion()) {
            return pickedId;
        }
        int g = guard;
        // In the guarded target the view starts at (g, g).
        int gx = x + g, gy = h - 1 - y + g;
        int x0 = Math.max(g, gx - radius), y0 = Math.max(g, gy - radius);
        int x1 = Math.min(g + w - 1, gx + radius), y1 = Math.min(g + h - 1, gy + radius);
        // Only the items whose sprite can reach the scissored pixels, in item order: the same texels as every item drawn.
        float halfPx = state.spritePixels() / 2f + radius + PICK_SLACK_PX;
        int[] near = candidates(x + 0.5f, y + 0.5f, halfPx);
        if (near.length == 0) {
            pickedId = -1;
        } else {
            // Stacked as the scene draws them: the selection over the rest, a search's matches over what it dims.
            pickItems.upload(StackOrder.of(near, state.itemStates(), state.dimmedBehind()), 0);
            pickedId = picking.pick(itemDraw(), pickItems, w + 2 * g, h + 2 * g, gx, gy, radius, x0, y0, x1, y1);
        }
        pickedAtlasVersion = atlasVersion();
        pickedX = x;
        pickedY = y;
        pickedRadius = radius;
        pickedVersion = state.version();
        return pickedId;
    }

    /** Pixels beyond a sprite's half side that a candidate for picking may be: rounding of positions. */
    static final float PICK_SLACK_PX = 2f;

    /**
     * The items the scene draws whose centres lie within {@code halfPx} pixels of view point ({@code px},
     * {@code py}), ascending: at rest from the grid of the current level of detail's items (a million
     * items at the fitted view put thousands near a dense spot, of which that level draws a few dozen),
     * mid-transition from the pick index over every item's interpolated position (those of them the
     * moving frame draws, where the levels of detail thin it).
     */
    private int[] candidates(float px, float py, float halfPx) {
        int[] drawn = drawList.items(state, guard, activeGuard()); // the level for the current view
        int layout = DrawList.restingLayout(state.transition());
        if (layout < 0 || drawList.level() < 0) {
            int[] near = pickIndex.near(state.transition(), state.camera(), px, py, halfPx);
            return drawn == null ? near : MovingLevels.among(near, drawn);
        }
        Camera cam = state.camera();
        float wx = cam.worldX(px), wy = cam.worldY(py), half = halfPx / cam.pixelsPerUnit();
        return drawList.inBox(layout, wx - half, wy - half, wx + half, wy + half);
    }

    /**
     * The item under framebuffer pixel ({@code x}, {@code y}) within {@code radius} from an id pass
     * over every item the scene draws, not only those near the cursor: what {@link #pick} must equal (tests).
     */
    int pickByFullPass(int x, int y, int radius) {
        int w = state.camera().width(), h = state.camera().height();
        if (x < 0 || y < 0 || x >= w || y >= h) return -1;
        int g = guard;
        int gx = x + g, gy = h - 1 - y + g;
        int x0 = Math.max(g, gx - radius), y0 = Math.max(g, gy - radius);
        int x1 = Math.min(g + w - 1, gx + radius), y1 = Math.min(g + h - 1, gy + radius);
        int[] items = drawList.items(state, guard, activeGuard());
        ItemDraw d = itemDraw();
        items = items == null ? StackOrder.all(state.itemCount(), state.itemStates(), d.dimmedBehind)
                : StackOrder.of(items, state.itemStates(), d.dimmedBehind);
        pickItems.upload(items, 0);
        int id = picking.pick(d, pickItems, w + 2 * g, h + 2 * g, gx, gy, radius, x0, y0, x1, y1);
        pickedVersion = -1; // the candidates list was replaced
        return id;
    }

    // ---------------------------------------------------------------- hover

    /** Screen rectangle {left, top, size} of the enlarged hover sprite of {@code item}, in framebuffer pixels. */
    public float[] hoverRect(int item) {
        Camera cam = state.camera();
        float[] p = new float[2];
        state.transition().position(layouts, item, p);
        float sx = cam.screenX(p[0]), sy = cam.screenY(p[1]);
        float size = Math.max(HOVER_FACTOR * state.spritePixels(), HOVER_MIN_PX);
        size = Math.min(size, 0.9f * Math.min(cam.width(), cam.height()));
        // Inside the window with its panel's margin: at an edge the panel's border had been cut off.
        float pad = hoverPad(size);
        float left = Math.max(pad, Math.min(cam.width() - size - pad, sx - size / 2));
        float top = Math.max(pad, Math.min(cam.height() - size - pad, sy - size / 2));
        return new float[] {left, top, size};
    }

    /** The panel's margin around an enlarged sprite of {@link #hoverRect} {@code r}. */
    private static float hoverPad(float[] r) {
        return hoverPad(r[2]);
    }

    private static float hoverPad(float size) {
        return Math.max(4f, size * 0.04f);
    }

    private HoverPass.Item hoverItem(int item) {
        return new HoverPass.Item(cellOfItem[item], state.itemStates().get(item), state.colourBy().rgb(item));
    }

    private void drawHover(int item) {
        float[] r = hoverRect(item);
        float pad = hoverPad(r);
        hover.drawEnlarged(hoverItem(item), state.tintByLabel(), r, pad, state.camera().width(), state.camera().height());
    }

    /**
     * Item {@code item}'s image enlarged to {@code size} pixels in a 2-D texture, for the overlay's
     * hovered-item panel. Rows run bottom-up (GL order). Redrawn only when the item or the tint
     * changes. Leaves framebuffer 0 bound.
     */
    public int thumbnail(int item, int size) {
        return hoverThumbnail.draw(new int[] {item}, 0, 1, 1, size);
    }

    /** A new grid of item images in one texture (closed with this renderer), for a panel of its own. */
    public ThumbnailSheet thumbnailSheet() {
        ThumbnailSheet t = new ThumbnailSheet(hover, this::hoverItem, state);
        sheets.add(t);
        return t;
    }

    // ---------------------------------------------------------------- read-back

    /** Pixels the scene is drawn beyond each edge of the view. */
    int guard() { return guard; }

    /** Reads framebuffer {@code fbo} as RGBA rows from the top; the caller frees it with {@link MemoryUtil#memFree}. */
    public ByteBuffer readPixels(int fbo) {
        int w = state.camera().width(), h = state.camera().height();
        ByteBuffer buf = readRgba(fbo, w, h);
        // GL rows run bottom-up; images top-down.
        int row = w * 4;
        byte[] a = new byte[row], b = new byte[row];
        for (int y = 0; y < h / 2; y++) {
            buf.get(y * row, a);
            buf.get((h - 1 - y) * row, b);
            buf.put(y * row, b);
            buf.put((h - 1 - y) * row, a);
        }
        return buf;
    }

    /** RGBA bytes of the {@code w} × {@code h} pixels at the bottom left of framebuffer {@code fbo}, GL rows bottom-up; free with {@link MemoryUtil#memFree}. */
    private static ByteBuffer readRgba(int fbo, int w, int h) {
        ByteBuffer buf = MemoryUtil.memAlloc(w * h * 4);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, buf);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
        return buf;
    }

    @Override
    public void close() {
        scene.close();
        sceneSpare.close();
        recolour.close();
        for (ThumbnailSheet t : sheets) t.close();
        sceneHalf.close();
        upscale.close();
        neighborLines.close();
        hover.close();
        picking.close();
        selection.close();
        sprites.close();
        selected.close();
        selectedDrawn.close();
        sceneItems.close();
        pickItems.close();
        colours.close();
        points.close();
        atlas.close();
    }
}
