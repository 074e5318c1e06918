package org.embedscope.ui;

import imgui.ImGui;
import imgui.ImGuiIO;
import imgui.flag.ImGuiColorEditFlags;
import imgui.flag.ImGuiCond;
import imgui.flag.ImGuiWindowFlags;
import org.embedscope.render.SceneRenderer;
import org.embedscope.render.ThumbnailSheet;
import org.embedscope.render.ViewState;

/**
 * The selection as images: a panel at the bottom right with the count, the label breakdown and a
 * scrollable grid of the selected items' images. Only the rows in view are drawn, from the atlas on
 * the GPU into one texture ({@link ThumbnailSheet}), so a selection of any size costs one small
 * sheet. Hovering a thumbnail marks its item; clicking one asks to fly there ({@link #hovered()},
 * {@link #takeClicked()}).
 */
final class SelectionPanel {
    /** Thumbnail side in pixels (before UI scale), and the gap between them. */
    static final float THUMB_PX = 48f, GAP_PX = 3f;
    /** Labels listed in the breakdown; the rest are summed up. */
    static final int BREAKDOWN_ROWS = 8;

    private final SceneRenderer scene;
    private final ThumbnailSheet sheet;
    private final Exporter exporter;
    private final float uiScale;
    /** Label l's colour as imgui takes it; labels can change (a user's corrections), so asked each frame. */
    private final java.util.function.IntFunction<float[]> labelRgba;
    private int hovered = -1;
    private int clicked = -1;
    /** Centres of the thumbnails drawn in the last frame, in display coordinates, interleaved x, y. */
    private volatile float[] centres = new float[0];
    private long countedVersion = -1, countedLabels = -1;
    private int[] labelCounts;
    private Integer[] labelOrder;

    SelectionPanel(SceneRenderer scene, float uiScale, java.util.function.IntFunction<float[]> labelRgba, Exporter exporter) {
        this.scene = scene;
        this.exporter = exporter;
        this.sheet = scene.thumbnailSheet();
        this.uiScale = uiScale;
        this.labelRgba = labelRgba;
    }

    /** The item whose thumbnail the pointer was over in the last frame, or -1. */
    int hovered() { return hovered; }

    /** The item whose thumbnail was clicked since the last call, or -1. */
    int takeClicked() {
        int c = clicked;
        clicked = -1;
        return c;
    }

    /**
     * Where the {@code k}-th thumbnail drawn in the last frame is (display coordinates: window
     * pixels), {x, y}; null when fewer were drawn.
     */
    float[] thumbnailCentre(int k) {
        float[] c = centres;
        return 2 * k + 1 < c.length ? new float[] {c[2 * k], c[2 * k + 1]} : null;
    }

    /** Where the panel was drawn in the last frame, {x0, y0, x1, y1}, or null when it was not. */
    float[] lastRect() { return lastRect; }

    private float[] lastRect;
    /** Whether the panel was folded to its title bar (the arrow on it) when last drawn. */
    private boolean folded;
    /** From the panel's top to its grid, as last laid out (0: not yet). */
    private float headerHeight;

    /**
     * The height the panel wants at {@code width}, for {@link PanelPlaces}: its lines (as last laid out)
     * and every row of thumbnails (one item had a panel of 460 px, mostly empty); 0 with nothing selected,
     * {@link PanelPlaces#UNKNOWN} before its lines have been laid out (open: folded, see {@link #foldedHeight}).
     */
    float wantedHeight(float width) {
        int n = scene.state().selectedCount();
        if (n == 0) return 0f;
        if (headerHeight <= 0) return PanelPlaces.UNKNOWN;
        float pitch = (THUMB_PX + GAP_PX) * uiScale, gap = GAP_PX * uiScale;
        int columns = columns(width - 2 * ImGui.getStyle().getWindowPaddingX());
        int rows = (n + columns - 1) / columns;
        // (the grid's last row, and the pixel after it that spans its scroll range)
        return headerHeight + rows * pitch - gap + GRID_END + ImGui.getStyle().getWindowPaddingY();
    }

    /** How far its grid of thumbnails was scrolled when last drawn (0 at the first row, or folded, or not drawn). */
    private float gridScroll;

    /** Whether it was drawn, with something selected, folded to its title bar in the last frame. */
    boolean drawnFolded() { return lastRect != null && folded; }

    /** Whether it was drawn with its thumbnails scrolled past the first row's top in the last frame. */
    boolean drawnScrolled() { return lastRect != null && !folded && gridScroll > 0f; }

    /** Its title bar's height while it is folded to it (the arrow on the bar), else 0: for {@link PanelPlaces}. */
    float foldedHeight() { return folded ? ImGui.getFrameHeight() : 0f; }

    /** Whether its lines measured other than the height it was given assumed, or it was folded or opened (then it is sized again in the next frame). */
    boolean remeasured() { return remeasured; }

    private boolean remeasured;

    /** How many thumbnails a row of {@code width} holds. */
    private int columns(float width) {
        float gap = GAP_PX * uiScale, pitch = THUMB_PX * uiScale + gap;
        return Math.max(1, (int) ((width + gap) / pitch));
    }

    /** The grid's height past its last row's thumbnails (a pixel: see {@link #grid}). */
    private static final float GRID_END = 1f;

    /** Lays the panel out for this frame (nothing when the selection is empty), where {@code places} puts it. */
    void build(PanelPlaces places) {
        hovered = -1;
        centres = new float[0];
        lastRect = null;
        gridScroll = 0f;
        remeasured = false;
        ViewState st = scene.state();
        int n = st.selectedCount();
        if (n == 0) return;
        float[] r = places.selection();
        ImGui.setNextWindowPos(r[0], r[1], ImGuiCond.Always);
        ImGui.setNextWindowSize(r[2] - r[0], r[3] - r[1], ImGuiCond.Always);
        ImGui.setNextWindowBgAlpha(Overlay.PANEL_ALPHA);
        // Collapsible (the arrow on its title bar): it covers the bottom right of the scene, often where the selection is.
        boolean expanded = ImGui.begin("Selection##panel", ImGuiWindowFlags.NoResize | ImGuiWindowFlags.NoFocusOnAppearing);
        WidgetSpots.noteWindow("selection-panel");
        lastRect = Overlay.currentWindowRect();
        WidgetSpots.noteContent("selection-content");
        // Folded or opened in this frame: placed again in the next, as tall as it then wants.
        remeasured = folded == expanded;
        folded = !expanded;
        if (!expanded) {
            ImGui.end();
            return;
        }
        PlainText.text(st.selectedText());
        WidgetSpots.note("selection-count");
        FittedText.sameLineIfFits(LabelEditor.smallButtonWidth("clear"));
        if (ImGui.smallButton("clear")) st.clearSelection();
        String dim = "dim the rest";
        FittedText.sameLineIfFits(FittedText.checkboxWidth(dim));
        if (ImGui.checkbox(dim, st.dimUnselected())) st.setDimUnselected(!st.dimUnselected());
        WidgetSpots.note("selection-dim");
        exportButtons(exporter, st.selection(), "selection");
        if (scene.bundle().hasLabels()) breakdown(st, n);
        ImGui.separator();
        float header = ImGui.getCursorPosY();
        remeasured |= Math.abs(header - headerHeight) > 0.5f;
        headerHeight = header;
        grid(st.selectedItems());
        ImGui.end();
    }

    /** Buttons that export {@code items} as CSV or a contact sheet, and the export's progress or result. */
    static void exportButtons(Exporter exporter, org.embedscope.select.ItemSet items, String what) {
        PlainText.disabled("export");
        ImGui.sameLine();
        boolean ours = exporter.isOf(items, what);
        if (exporter.running() && ours) {
            if (ImGui.smallButton("cancel##" + what)) exporter.cancel();
        } else {
            ImGui.beginDisabled(exporter.running());   // one export at a time
            boolean csv = ImGui.smallButton("CSV##" + what);
            WidgetSpots.note("export-csv:", what);
            if (csv) exporter.export(items, what, false);
            ImGui.sameLine();
            if (ImGui.smallButton("contact sheet##" + what)) exporter.export(items, what, true);
            ImGui.endDisabled();
        }
        // Wrapped: "wrote matches-20261202-141500.png (3 of 3 images)" is wider than the panels.
        if (ours && !exporter.status().isEmpty()) FittedText.hint(exporter.status());
    }

    private void countLabels(ViewState st) {
        if (countedVersion == st.selectionVersion() && countedLabels == st.labelsVersion()) return;
        int[] labels = scene.labelOfItem();
        labelCounts = new int[scene.labelCounts().length];
        for (int i : st.selectedItems()) labelCounts[labels[i]]++;
        labelOrder = new Integer[labelCounts.length]; // one box per label, not per item
        for (int l = 0; l < labelOrder.length; l++) labelOrder[l] = l;
        java.util.Arrays.sort(labelOrder, (a, b) -> labelCounts[b] != labelCounts[a] ? labelCounts[b] - labelCounts[a] : a - b);
        countedVersion = st.selectionVersion();
        countedLabels = st.labelsVersion();
    }

    /** {@code c} of {@code n} as a whole percentage; a share that rounds to 0 or 100 but is not says so. */
    static String percent(int c, int n) {
        double p = 100.0 * c / n;
        if (c > 0 && p < 0.5) return "<1%";
        if (c < n && p >= 99.5) return ">99%";
        return String.format("%.0f%%", p);
    }

    /** The selected items' labels, most frequent first. */
    private void breakdown(ViewState st, int n) {
        countLabels(st);
        int present = 0;
        for (int c : labelCounts) if (c > 0) present++;
        // One label past the rows takes the line that would sum it up ("2 more in 1 other labels"): it is shown.
        int rows = present == BREAKDOWN_ROWS + 1 ? present : BREAKDOWN_ROWS;
        int shown = 0, rest = 0, restLabels = 0;
        for (Integer l : labelOrder) {
            int c = labelCounts[l];
            if (c == 0) break;
            if (shown < rows) {
                ImGui.colorButton("##b" + l, labelRgba.apply(l), ImGuiColorEditFlags.NoTooltip | ImGuiColorEditFlags.NoPicker,
                        12 * uiScale, 12 * uiScale);
                ImGui.sameLine();
                // A long name is cut to leave its count in the panel (whole in a tooltip): it was cut off at the edge.
                String name = st.labelNames().get(l), count = String.format("  %,d  (%s)", c, percent(c, n));
                // (measured with the count: the widths of two texts do not add up to the width of both to the pixel)
                String fitted = FittedText.fit(name, ImGui.getContentRegionAvailX(), t -> ImGui.calcTextSizeX(t + count));
                PlainText.text(fitted + count);
                WidgetSpots.note("breakdown:", name);
                FittedText.tooltipIfCut(name, fitted, "breakdown-tooltip");
                shown++;
            } else {
                rest += c;
                restLabels++;
            }
        }
        if (restLabels > 0) {
            PlainText.disabled(String.format("%,d more in %d other labels", rest, restLabels));
            WidgetSpots.note("breakdown-rest");
        }
    }

    /** The thumbnails: only the rows in view are drawn, into one sheet. */
    private void grid(int[] items) {
        ImGui.beginChild("##grid", 0, 0, false);
        float t = THUMB_PX * uiScale, gap = GAP_PX * uiScale, pitch = t + gap;
        int columns = columns(ImGui.getContentRegionAvailX());
        int rows = (items.length + columns - 1) / columns;
        float scroll = ImGui.getScrollY(), view = ImGui.getWindowHeight();
        gridScroll = scroll;
        int r0 = Math.max(0, (int) (scroll / pitch)), r1 = Math.min(rows - 1, (int) ((scroll + view) / pitch));
        int from = r0 * columns, count = Math.max(0, Math.min(items.length, (r1 + 1) * columns) - from);
        float fbScale = Math.max(1f, ImGui.getIO().getDisplayFramebufferScaleX());
        int cellPx = Math.round(t * fbScale);
        if (count > 0) {
            int tex = sheet.draw(items, from, count, columns, cellPx);
            int[] size = sheet.size();
            float[] drawnAt = new float[2 * count];
            for (int k = 0; k < count; k++) {
                int col = k % columns, row = k / columns;
                ImGui.setCursorPos(col * pitch, (r0 + row) * pitch);
                float u0 = col * cellPx / (float) size[0], u1 = (col + 1) * cellPx / (float) size[0];
                float vTop = 1f - row * cellPx / (float) size[1], vBottom = 1f - (row + 1) * cellPx / (float) size[1];
                ImGui.image(tex, t, t, u0, vTop, u1, vBottom);
                drawnAt[2 * k] = (ImGui.getItemRectMinX() + ImGui.getItemRectMaxX()) / 2;
                drawnAt[2 * k + 1] = (ImGui.getItemRectMinY() + ImGui.getItemRectMaxY()) / 2;
                int item = items[from + k];
                if (ImGui.isItemHovered()) {
                    hovered = item;
                    PlainText.tooltip("index " + item + (scene.bundle().hasLabels() || scene.state().labelCount() > 1 ? "   " + scene.state().labelNames().get(scene.labelOfItem()[item]) : ""));
                }
                if (ImGui.isItemClicked()) clicked = item;
            }
            centres = drawnAt;
        }
        // The grid's full height, so the scroll bar spans every row (the last one's thumbnails, without their gap).
        ImGui.setCursorPos(0, rows * pitch - gap);
        ImGui.dummy(1, GRID_END);
        ImGui.endChild();
    }
}
