package org.embedscope.ui;

import imgui.ImGui;
import imgui.ImGuiIO;
import imgui.flag.ImGuiCol;
import imgui.flag.ImGuiCond;
import imgui.flag.ImGuiWindowFlags;
import java.util.Locale;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.Manifest;
import org.embedscope.render.PackedColor;
import org.embedscope.render.PinnedNeighbors;
import org.embedscope.render.SceneRenderer;
import org.embedscope.render.ThumbnailSheet;
import org.embedscope.render.ViewState;

/**
 * The pinned item's neighbours in the overlay (imgui): a line in the control panel (how to pin, or
 * that the bundle holds no neighbours and how to give it some), and a panel listing the neighbours
 * nearest first, each with its original rank, its rank in the layout shown and the colour the scene
 * draws its line in, so those the layout put far away stand out. Hovering an entry marks its item in
 * the scene; clicking it pins that item instead.
 */
public final class NeighborPanel {
    /** The line saying why nothing can be pinned, for a bundle without neighbours. */
    private static final String NO_NEIGHBORS = "this bundle holds no neighbours: prepare it with --neighbors 15 to pin items";

    /**
     * Why a bundle without neighbours has none to pin, for {@code items} items: a bundle of one item
     * has no other to be its neighbour, so preparing it again would not help. The panel's line; {@code
     * render --pin}'s refusal gives the same reason for a bundle of one item.
     */
    public static String noNeighbors(int items) {
        return items < 2 ? "a bundle of one item has no other item to be its neighbour" : NO_NEIGHBORS;
    }

    /** Images per row of the panel, and their side in pixels (before UI scale). */
    static final int COLUMNS = 8;
    static final float THUMB_PX = 48f;
    /** The pinned item's frame, as its ring in the scene. */
    static final int PINNED_FRAME = 0xffffff;

    private final SceneRenderer scene;
    private final ThumbnailSheet sheet;
    private final float uiScale;
    private int hovered = -1;
    private int clicked = -1;

    public NeighborPanel(SceneRenderer scene, float uiScale) {
        this.scene = scene;
        this.sheet = scene.thumbnailSheet();
        this.uiScale = uiScale;
    }

    /** The item whose entry the pointer is over, or -1 (the scene marks it). */
    public int hovered() { return hovered; }

    /** The item whose entry was clicked since the last call, or -1 (the window pins it). */
    public int takeClicked() {
        int c = clicked;
        clicked = -1;
        return c;
    }

    /** The control panel's line about pinning. */
    public void section() {
        ViewState st = scene.state();
        if (!scene.bundle().hasNeighbors() || scene.neighborsError() != null) {
            // Wrapped at the control panel's edge: a wrap beyond it cut the lines' ends off.
            ImGui.pushStyleColor(ImGuiCol.Text, 1f, 0.85f, 0.4f, 1f);
            PlainText.wrapped(scene.neighborsError() != null ? scene.neighborsError() : noNeighbors(scene.bundle().count()));
            WidgetSpots.note("neighbours-note");
            ImGui.popStyleColor();
            return;
        }
        PinnedNeighbors p = scene.pinnedNeighbors();
        // Nothing pinned: the shortcuts below say how to pin.
        if (p != null) {
            // Wrapped: a million's item numbers make the line wider than the panel.
            ImGui.pushTextWrapPos(0f);
            PlainText.text(String.format(Locale.ROOT, "pinned item %d: %d kept, %d far of %d", p.item(), p.keptCount(), p.farCount(), p.count()));
            ImGui.popTextWrapPos();
            if (ImGui.smallButton("unpin (Esc)")) st.pin(-1);
        }
    }

    /** Where the panel was drawn in the last frame, {x0, y0, x1, y1}, or null when it was not. */
    float[] lastRect() { return lastRect; }

    private float[] lastRect;
    /** The panel's height with all of its content, as last drawn (0: not drawn yet). */
    private float natural;

    /**
     * The height the panel wants, for {@link PanelPlaces}: 0 with nothing pinned, else all of its content
     * as last drawn ({@link PanelPlaces#UNKNOWN} before it has been).
     */
    float wantedHeight() {
        if (scene.pinnedNeighbors() == null) return 0f;
        return natural > 0 ? natural : PanelPlaces.UNKNOWN;
    }

    /** Whether its content measured other than the height it wanted (then the panels are placed again in the next frame). */
    boolean remeasured() { return remeasured; }

    private boolean remeasured;

    /** The panel of the pinned item's neighbours, when one is pinned, at the bottom of {@code places}' strip. */
    public void build(PanelPlaces places) {
        hovered = -1;
        lastRect = null;
        remeasured = false;
        PinnedNeighbors p = scene.pinnedNeighbors();
        if (p == null) return;
        Bundle b = scene.bundle();
        ViewState st = scene.state();
        ImGuiIO io = ImGui.getIO();
        float[] strip = places.neighboursStrip();
        float stripWidth = strip[1] - strip[0];
        ImGui.setNextWindowPos(strip[0], io.getDisplaySizeY() - PanelPlaces.MARGIN * uiScale, ImGuiCond.Always, 0f, 1f);
        // No taller than its place: below the selection panel where they share columns, its content scrolls.
        ImGui.setNextWindowSizeConstraints(0f, 0f, stripWidth, places.neighboursHeight());
        ImGui.setNextWindowBgAlpha(Overlay.PANEL_ALPHA);
        // Collapsible (the arrow on its title bar), like the selection panel: it may cover the pinned item's lines.
        boolean expanded = ImGui.begin("Neighbours##pinned", ImGuiWindowFlags.AlwaysAutoResize | ImGuiWindowFlags.NoFocusOnAppearing
                | ImGuiWindowFlags.NoNav);
        WidgetSpots.noteWindow("neighbours-panel");
        lastRect = Overlay.currentWindowRect();
        // (a panel cut to its place scrolls by the rest of its content, as measured in the frame before)
        float wants = expanded ? ImGui.getWindowHeight() + ImGui.getScrollMaxY() : ImGui.getWindowHeight();
        remeasured = Math.abs(wants - natural) > 0.5f;
        natural = wants;
        if (!expanded) {
            ImGui.end();
            return;
        }
        Manifest.Neighbors nb = b.manifest().neighbors();
        String layout = b.manifest().layouts().get(p.layout()).title();
        // The sheet: the pinned item first, then its neighbours nearest first.
        int k = p.count();
        int[] items = new int[k + 1];
        items[0] = p.item();
        for (int r = 0; r < k; r++) items[r + 1] = p.neighbor(r);
        int cellPx = Math.round(THUMB_PX * uiScale);
        // As many columns as the strip holds (a small window cut the last ones off).
        // (less its scroll bar while it has one: the last column was cut off under it)
        float scrollbar = ImGui.getScrollMaxY() > 0 ? ImGui.getStyle().getScrollbarSize() : 0f;
        int fit = (int) ((stripWidth - 2 * ImGui.getStyle().getWindowPaddingX() - scrollbar) / pitch());
        int columns = Math.max(2, Math.min(Math.min(COLUMNS, k + 1), fit));
        int tex = sheet.draw(items, 0, k + 1, columns, cellPx);
        image(tex, 0, columns, cellPx, PINNED_FRAME);
        if (ImGui.isItemHovered()) hovered = p.item();
        ImGui.sameLine();
        ImGui.beginGroup();
        // Lines longer than the strip holds beside the pinned image wrap (a wrap at the panel's own edge
        // would keep a panel as narrow as its first frame's, and tall).
        float wrapX = ImGui.getCursorPosX() + stripWidth - 2 * ImGui.getStyle().getWindowPaddingX() - scrollbar - cellPx - ImGui.getStyle().getItemSpacingX();
        ImGui.pushTextWrapPos(wrapX);
        PlainText.wrapped(String.format(Locale.ROOT, "item %d%s: its %d nearest%s, nearest first", p.item(), labelOf(st, p.item()), p.count(),
                nb != null && nb.metric() != null ? " by " + nb.metric() + " distance" : ""));
        PlainText.disabled(String.format(Locale.ROOT, "#rank -> its rank in %s:", layout));
        float wrapScreenX = ImGui.getWindowPosX() + wrapX;
        colouredAfter(0f, String.format(Locale.ROOT, "%d kept (1-%d)", p.keptCount(), p.count()), wrapScreenX);
        colouredAfter(0.5f, String.format(Locale.ROOT, "%d moved", p.count() - p.keptCount() - p.farCount()), wrapScreenX);
        colouredAfter(1f, String.format(Locale.ROOT, "%d far (%d+)", p.farCount(), PinnedNeighbors.FAR_FACTOR * p.count()), wrapScreenX);
        PlainText.disabled("hover: mark it in the scene   click: pin it   Esc: unpin");
        ImGui.popTextWrapPos();
        ImGui.endGroup();
        grid(p, st, tex, columns, cellPx);
        ImGui.end();
    }

    /** Cell {@code cell} of the sheet as an image of {@code cellPx} pixels, framed in {@code rgb}. */
    private void image(int tex, int cell, int columns, int cellPx, int rgb) {
        int[] size = sheet.size();
        int col = cell % columns, row = cell / columns;
        float u0 = col * cellPx / (float) size[0], u1 = (col + 1) * cellPx / (float) size[0];
        float vTop = 1f - row * cellPx / (float) size[1], vBottom = 1f - (row + 1) * cellPx / (float) size[1];
        ImGui.image(tex, cellPx, cellPx, u0, vTop, u1, vBottom);
        float[] c = PackedColor.rgba(rgb, 1f);
        ImGui.getWindowDrawList().addRect(ImGui.getItemRectMinX(), ImGui.getItemRectMinY(), ImGui.getItemRectMaxX(),
                ImGui.getItemRectMaxY(), ImGui.getColorU32(c[0], c[1], c[2], 1f), 0f, 0, Math.max(2f, 2f * uiScale));
    }

    /**
     * The neighbours' images, nearest first, from the atlas on the GPU ({@link ThumbnailSheet}), each
     * framed in its line's colour and captioned "#rank -> layout rank".
     */
    private void grid(PinnedNeighbors p, ViewState st, int tex, int columns, int cellPx) {
        int k = p.count();
        float pitch = pitch();
        float left = ImGui.getCursorPosX();
        for (int r = 0; r < k; r++) {
            int col = r % columns;
            if (col > 0) ImGui.sameLine(left + col * pitch);
            ImGui.beginGroup();
            int rgb = SceneRenderer.neighborColor(p.farness(r));
            image(tex, r + 1, columns, cellPx, rgb);
            float[] c = PackedColor.rgba(rgb, 1f);
            ImGui.pushStyleColor(ImGuiCol.Text, c[0], c[1], c[2], c[3]);
            PlainText.text(String.format(Locale.ROOT, "#%d -> %d", r + 1, p.layoutRank(r)));
            ImGui.popStyleColor();
            ImGui.endGroup();
            WidgetSpots.note("neighbour:" + r);
            int item = p.neighbor(r);
            if (ImGui.isItemHovered()) {
                hovered = item;
                PlainText.tooltip(String.format(Locale.ROOT, "item %d%s%ndistance %.4g, rank %d%nrank %d in this layout: %s%nclick: pin it",
                        item, labelOf(st, item), p.distance(r), r + 1, p.layoutRank(r),
                        p.isKept(r) ? "kept among the nearest" : p.isFar(r) ? "far away" : "moved out of the nearest"));
            }
            if (ImGui.isItemClicked()) clicked = item;
        }
    }

    /** The grid's column pitch: fixed, wide enough for any caption, so that the columns stay straight. */
    private float pitch() {
        // A caption's rank in the layout can be as long as the item count (at a million, 7 digits).
        String widest = "#15 -> " + "9".repeat(Math.max(5, String.valueOf(scene.bundle().count()).length()));
        return Math.max(Math.round(THUMB_PX * uiScale), ImGui.calcTextSizeX(widest)) + 8 * uiScale;
    }

    /** {@code text} in the colour of {@code farness}, on the line before when it ends there before {@code wrapX} (window pixels), else on the next. */
    private static void colouredAfter(float farness, String text, float wrapX) {
        float end = ImGui.getItemRectMaxX() + ImGui.getStyle().getItemSpacingX() + ImGui.calcTextSizeX(text);
        if (end <= wrapX) ImGui.sameLine();
        colored(farness, text);
    }

    private static void colored(float farness, String text) {
        float[] c = PackedColor.rgba(SceneRenderer.neighborColor(farness), 1f);
        PlainText.colored(c[0], c[1], c[2], c[3], text);
    }

    private static String labelOf(ViewState st, int item) {
        if (st.labelCount() <= 1) return "";
        return " (" + st.labelNames().get(st.labelOfItem()[item]) + ")";
    }
}
