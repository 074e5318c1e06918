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
    public static final String NO_NEIGHBORS = "this bundle holds no neighbours: prepare it with --neighbors 15 to pin items";

    private final SceneRenderer scene;
    private final float uiScale;
    private int hovered = -1;
    private int clicked = -1;

    public NeighborPanel(SceneRenderer scene, float uiScale) {
        this.scene = scene;
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
        if (!scene.bundle().hasNeighbors()) {
            ImGui.pushTextWrapPos(ImGui.getCursorPosX() + 300 * uiScale);
            ImGui.pushStyleColor(ImGuiCol.Text, 1f, 0.85f, 0.4f, 1f);
            ImGui.textWrapped(NO_NEIGHBORS);
            ImGui.popStyleColor();
            ImGui.popTextWrapPos();
            return;
        }
        PinnedNeighbors p = scene.pinnedNeighbors();
        if (p == null) {
            ImGui.textDisabled("ctrl-click or N: pin an item's neighbours");
        } else {
            ImGui.text(String.format(Locale.ROOT, "pinned item %d: %d kept, %d far of %d", p.item(), p.keptCount(), p.farCount(), p.count()));
            ImGui.sameLine();
            if (ImGui.smallButton("unpin (Esc)")) st.pin(-1);
        }
    }

    /** The panel of the pinned item's neighbours, when one is pinned. */
    public void build() {
        hovered = -1;
        PinnedNeighbors p = scene.pinnedNeighbors();
        if (p == null) return;
        Bundle b = scene.bundle();
        ViewState st = scene.state();
        ImGuiIO io = ImGui.getIO();
        ImGui.setNextWindowPos(io.getDisplaySizeX() / 2, io.getDisplaySizeY() - 10 * uiScale, ImGuiCond.Always, 0.5f, 1f);
        ImGui.setNextWindowBgAlpha(0.88f);
        ImGui.begin("Neighbours##pinned", ImGuiWindowFlags.AlwaysAutoResize | ImGuiWindowFlags.NoCollapse
                | ImGuiWindowFlags.NoFocusOnAppearing | ImGuiWindowFlags.NoNav);
        Manifest.Neighbors nb = b.manifest().neighbors();
        String layout = b.manifest().layouts().get(p.layout()).title();
        ImGui.text(String.format(Locale.ROOT, "item %d%s: its %d nearest%s, nearest first", p.item(), labelOf(st, p.item()), p.count(),
                nb != null && nb.metric() != null ? " by " + nb.metric() + " distance" : ""));
        ImGui.textDisabled(String.format(Locale.ROOT, "#rank -> rank in %s: %d kept among its %d nearest there, %d far (%d+)", layout,
                p.keptCount(), p.count(), p.farCount(), PinnedNeighbors.FAR_FACTOR * p.count()));
        for (int r = 0; r < p.count(); r++) entry(p, r, st);
        ImGui.end();
    }

    private void entry(PinnedNeighbors p, int r, ViewState st) {
        int item = p.neighbor(r);
        float[] c = PackedColor.rgba(SceneRenderer.neighborColor(p.farness(r)), 1f);
        ImGui.pushStyleColor(ImGuiCol.Text, c[0], c[1], c[2], c[3]);
        String mark = p.isFar(r) ? "  far" : p.isKept(r) ? "" : "  moved";
        boolean pressed = ImGui.selectable(String.format(Locale.ROOT, "#%-3d -> %-6d item %d%s  d=%.4g%s##nb%d", r + 1, p.layoutRank(r),
                item, labelOf(st, item), p.distance(r), mark, r));
        ImGui.popStyleColor();
        if (ImGui.isItemHovered()) hovered = item;
        if (pressed) clicked = item;
    }

    private static String labelOf(ViewState st, int item) {
        if (st.labelCount() <= 1) return "";
        return " (" + st.labelNames().get(st.labelOfItem()[item]) + ")";
    }
}
