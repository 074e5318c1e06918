package org.embedscope.ui;

import imgui.ImDrawList;
import imgui.ImGui;
import imgui.flag.ImGuiColorEditFlags;
import imgui.flag.ImGuiCol;
import imgui.flag.ImGuiTreeNodeFlags;
import imgui.type.ImDouble;
import java.util.HashMap;
import java.util.Map;
import org.embedscope.query.Column;
import org.embedscope.query.ColumnTable;
import org.embedscope.render.ColourBy;
import org.embedscope.render.ColourMap;
import org.embedscope.render.PackedColor;
import org.embedscope.render.SceneRenderer;
import org.embedscope.render.ViewState;

/**
 * The overlay's colouring section: which column colours the items (any column of the bundle), the
 * tint toggle, and the legend. Categories get the palette and a legend with counts, show/hide and
 * select; numbers get viridis, a colour bar and an editable range (2nd to 98th percentile to begin
 * with). A numeric column of few values can be shown either way. Each column keeps its show/hide and
 * range while another is shown.
 */
final class ColourControls {
    private static final int LEGEND_SCROLL_ABOVE = 16;
    /** Segments of the colour bar (each a linear gradient between two entries of the map). */
    private static final int BAR_SEGMENTS = 32;

    private final SceneRenderer scene;
    private final float uiScale;
    /** Colourings made so far, by column and reading: each keeps its show/hide and range. */
    private final Map<String, ColourBy> made = new HashMap<>();
    private final ColourBy byLabel;
    private final ImDouble low = new ImDouble(), high = new ImDouble();
    private String error;

    ColourControls(SceneRenderer scene, float uiScale) {
        this.scene = scene;
        this.uiScale = uiScale;
        this.byLabel = scene.state().colourBy();
    }

    /** The name the combo shows for a colouring. */
    private String nameOf(ColourBy c) {
        return c.column() == null ? "(none)" : c.column();
    }

    /**
     * Colours by column {@code name} ({@code asCategories}: null for the column's usual reading),
     * tinting the images; returns why it cannot, or null.
     */
    String colourBy(String name, Boolean asCategories) {
        ViewState st = scene.state();
        if (byLabel.column() != null && name.equals(byLabel.column()) && !Boolean.FALSE.equals(asCategories)) {
            st.setColourBy(byLabel);
            return null;
        }
        Column c = scene.columns().column(name);
        if (c == null) return "no column '" + name + "'";
        Boolean cat = asCategories != null ? asCategories : ColourBy.defaultAsCategories(c);
        if (cat == null) return "column '" + name + "' has too many distinct values to colour by";
        try {
            ColourBy next = made.computeIfAbsent(name + (cat ? "#categories" : "#numbers"), k -> ColourBy.of(c, cat));
            st.setColourBy(next);
            st.setTintByLabel(true);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    void build() {
        ViewState st = scene.state();
        ColourBy current = st.colourBy();
        if (!ImGui.collapsingHeader("Colour: " + nameOf(current) + "##colour", ImGuiTreeNodeFlags.DefaultOpen)) return;
        ImGui.setNextItemWidth(-1);
        if (ImGui.beginCombo("##colourby", nameOf(current))) {
            ColumnTable table = scene.columns();
            for (Column c : table.columns()) {
                Boolean usual = ColourBy.defaultAsCategories(c);
                boolean usable = usual != null;
                String label = c.name() + (usable ? (usual ? "  (categories)" : "  (numbers)") : "  (too many values)");
                if (ImGui.selectable(label, c.name().equals(current.column())) && usable) error = colourBy(c.name(), null);
            }
            ImGui.endCombo();
        }
        if (ImGui.checkbox("tint images", st.tintByLabel())) st.setTintByLabel(!st.tintByLabel());
        Column column = current.column() == null ? null : scene.columns().column(current.column());
        if (column != null && column.isNumeric() && column.fewDistinct()) {
            ImGui.sameLine();
            if (ImGui.checkbox("as categories", current.isCategories())) error = colourBy(column.name(), !current.isCategories());
        }
        if (error != null) {
            ImGui.pushStyleColor(ImGuiCol.Text, 1f, 0.45f, 0.4f, 1f);
            ImGui.textWrapped(error);
            ImGui.popStyleColor();
        }
        if (current.isCategories()) legend(st, current);
        else colourBar(st, current);
    }

    private void legend(ViewState st, ColourBy c) {
        int count = c.categoryCount();
        if (ImGui.smallButton("all")) for (int k = 0; k < count; k++) st.setShown(k, true);
        ImGui.sameLine();
        if (ImGui.smallButton("none")) for (int k = 0; k < count; k++) st.setShown(k, false);
        boolean scroll = count > LEGEND_SCROLL_ABOVE;
        if (scroll) ImGui.beginChild("legend", 0, 300 * uiScale, true);
        for (int k = 0; k < count; k++) {
            ImGui.colorButton("##c" + k, PackedColor.rgba(c.categoryColour(k), 1f),
                    ImGuiColorEditFlags.NoTooltip | ImGuiColorEditFlags.NoPicker, 14 * uiScale, 14 * uiScale);
            ImGui.sameLine();
            if (ImGui.checkbox(c.categoryName(k) + "##l" + k, st.isShown(k))) st.setShown(k, !st.isShown(k));
            ImGui.sameLine();
            ImGui.textDisabled(String.format("%,d", c.categoryCount(k)));
            ImGui.sameLine();
            if (ImGui.smallButton("select##s" + k)) st.selectCategory(k);
        }
        if (scroll) ImGui.endChild();
    }

    /** The map as a bar from the range's low end to its high end, and the range to edit. */
    private void colourBar(ViewState st, ColourBy c) {
        float w = ImGui.getContentRegionAvailX(), h = 14 * uiScale;
        float x0 = ImGui.getCursorScreenPosX(), y0 = ImGui.getCursorScreenPosY();
        ImDrawList dl = ImGui.getWindowDrawList();
        for (int s = 0; s < BAR_SEGMENTS; s++) {
            int a = abgr(ColourMap.rgb(s / (float) BAR_SEGMENTS)), b = abgr(ColourMap.rgb((s + 1) / (float) BAR_SEGMENTS));
            dl.addRectFilledMultiColor(x0 + w * s / BAR_SEGMENTS, y0, x0 + w * (s + 1) / BAR_SEGMENTS, y0 + h, a, b, b, a);
        }
        ImGui.dummy(w, h);
        low.set(c.low());
        high.set(c.high());
        ImGui.setNextItemWidth(0.5f * w - 4 * uiScale);
        boolean edited = ImGui.inputDouble("##low", low, 0, 0, "%.4g");
        ImGui.sameLine();
        ImGui.setNextItemWidth(-1);
        edited |= ImGui.inputDouble("##high", high, 0, 0, "%.4g");
        if (edited && Double.isFinite(low.get()) && Double.isFinite(high.get())) st.setColourRange(low.get(), high.get());
        if (ImGui.smallButton("2nd to 98th percentile")) {
            double[] r = c.defaultRange();
            st.setColourRange(r[0], r[1]);
        }
        if (c.missing() > 0) {
            ImGui.sameLine();
            ImGui.textDisabled(String.format("%,d empty (grey)", c.missing()));
        }
    }

    /** imgui's packed colour (ABGR) of 0xRRGGBB, opaque. */
    private static int abgr(int rgb) {
        float[] f = PackedColor.rgb(rgb);
        return ImGui.getColorU32(f[0], f[1], f[2], 1f);
    }
}
