package org.embedscope.ui;

import imgui.ImDrawList;
import imgui.ImGui;
import imgui.flag.ImGuiColorEditFlags;
import imgui.flag.ImGuiCol;
import imgui.flag.ImGuiTreeNodeFlags;
import imgui.type.ImDouble;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.embedscope.query.Column;
import org.embedscope.query.ColumnTable;
import org.embedscope.render.ColourBy;
import org.embedscope.render.ColourMap;
import org.embedscope.render.PackedColor;
import org.embedscope.render.SceneRenderer;
import org.embedscope.render.ViewState;
import org.embedscope.util.Counted;

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
    private final Supplier<ColumnTable> columns;
    /** Colourings made so far, by column and reading: each keeps its show/hide and range. */
    private final Map<String, ColourBy> made = new HashMap<>();
    private final ImDouble low = new ImDouble(), high = new ImDouble();
    private LabelEditor labelEditor;
    private ColumnTable madeFrom;
    private String error;
    /** Per colouring (column and reading), the tint it was last shown with: each keeps its own, as its range. */
    private final Map<String, Boolean> tintOf = new HashMap<>();

    private String tintKey(ColourBy c) { return nameOf(c) + (c.isCategories() ? "#categories" : "#numbers"); }

    /** Why the range last typed was not taken, or null. */
    private String rangeError;
    private ColourBy meanFor;
    private double mean;

    /** @param columns the bundle's columns as the search reads them (with the user's label corrections) */
    ColourControls(SceneRenderer scene, float uiScale, Supplier<ColumnTable> columns) {
        this.scene = scene;
        this.uiScale = uiScale;
        this.columns = columns;
    }

    /** Label editing: the label legend's rows give their label to the selection. */
    void setLabelEditor(LabelEditor editor) { this.labelEditor = editor; }

    /** The label column's name, or null for a bundle without labels nobody has labelled. */
    private String labelColumn() {
        if (labelEditor != null) return labelEditor.session().labelColumn();
        return scene.bundle().hasLabels() ? scene.bundle().manifest().label().column() : null;
    }

    private boolean byLabels(ColourBy c) { return c == scene.state().labelColouring(); }

    /** The name the combo shows for a colouring. */
    private String nameOf(ColourBy c) {
        if (byLabels(c)) return labelColumn() == null ? "(none)" : labelColumn();
        return c.column();
    }

    /**
     * Colours by column {@code name} ({@code asCategories}: null for the column's usual reading),
     * tinting the images; returns why it cannot, or null.
     */
    String colourBy(String name, Boolean asCategories) {
        ViewState st = scene.state();
        rangeError = null;   // a range refused was the last colouring's: it was said under the next one's range
        tintOf.put(tintKey(st.colourBy()), st.tintByLabel());
        if (name.equals(labelColumn()) && !Boolean.FALSE.equals(asCategories)) {
            st.setColourBy(st.labelColouring());
            Boolean tint = tintOf.get(tintKey(st.colourBy()));
            if (tint != null) st.setTintByLabel(tint);
            return null;
        }
        ColumnTable table = columns.get();
        // Edited labels or tags make a new table: colourings made from the old one are stale.
        if (table != madeFrom) {
            made.clear();
            madeFrom = table;
        }
        Column c = table.column(name);
        if (c == null) return "no column '" + name + "'";
        Boolean cat = asCategories != null ? asCategories : ColourBy.defaultAsCategories(c);
        if (cat == null) return tooManyValues(c);
        try {
            ColourBy next = made.computeIfAbsent(name + (cat ? "#categories" : "#numbers"), k -> ColourBy.of(c, cat));
            st.setColourBy(next);
            // Another column's colours show on the images (tinted) unless the user untinted it before.
            st.setTintByLabel(tintOf.getOrDefault(tintKey(next), true));
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Why column {@code c} is not coloured by, with what to do instead. */
    static String tooManyValues(Column c) {
        return String.format(java.util.Locale.ROOT, "%s: %s; categories show up to %,d: search it instead",
                c.name(), Counted.of(c.categories() == null ? 0 : c.categories().size(), "different value"), ColourBy.MAX_CATEGORIES);
    }

    void build() {
        ViewState st = scene.state();
        ColourBy current = st.colourBy();
        if (!ImGui.collapsingHeader("Colour: " + nameOf(current) + "##colour", ImGuiTreeNodeFlags.DefaultOpen)) return;
        ImGui.setNextItemWidth(-1);
        boolean open = ImGui.beginCombo("##colourby", nameOf(current));
        WidgetSpots.note("colour-by");
        if (open) {
            for (Column c : columns.get().columns()) {
                if (labelEditor != null && labelEditor.session().isEmptyEditColumn(c.name())) continue;
                Boolean usual = ColourBy.defaultAsCategories(c);
                boolean usable = usual != null;
                String label = c.name() + (usable ? (usual ? "  (categories)" : "  (numbers)") : "  (too many values)");
                // A column that cannot be coloured by is greyed, yet can be picked: the panel then says why,
                // as its tooltip does while it is hovered.
                if (!usable) ImGui.pushStyleColor(ImGuiCol.Text, ImGui.getColorU32(ImGuiCol.TextDisabled));
                if (ImGui.selectable(label, c.name().equals(nameOf(current)))) error = colourBy(c.name(), null);
                if (!usable) ImGui.popStyleColor();
                WidgetSpots.note("colour-by:" + c.name());
                if (!usable && ImGui.isItemHovered()) {
                    ImGui.beginTooltip();
                    PlainText.text(tooManyValues(c));
                    WidgetSpots.note("colour-by-why");
                    ImGui.endTooltip();
                }
            }
            ImGui.endCombo();
            current = st.colourBy();
        }
        if (ImGui.checkbox("tint images", st.tintByLabel())) st.setTintByLabel(!st.tintByLabel());
        String name = nameOf(current);
        // The label colouring is the first frame's: its toggle waits for the columns rather than the frame.
        Column column = name == null || (byLabels(current) && !scene.columnsReady()) ? null : columns.get().column(name);
        if (column != null && column.isNumeric() && column.fewDistinct()) {
            ImGui.sameLine();
            if (ImGui.checkbox("as categories", current.isCategories())) error = colourBy(column.name(), !current.isCategories());
        }
        current = st.colourBy();   // the combo or the toggle may have changed it: what follows shows the new one
        errorLine(error, "colour-error");
        if (!current.isCategories()) colourBar(st, current);
        else if (!byLabels(current) || scene.bundle().hasLabels() || st.labelCount() > 1) legend(st, current);
    }

    /** Why something asked for was not done, wrapped, in the panels' error colour; nothing for null. */
    private static void errorLine(String text, String spot) {
        if (text == null) return;
        ImGui.pushStyleColor(ImGuiCol.Text, 1f, 0.45f, 0.4f, 1f);
        PlainText.wrapped(text);
        WidgetSpots.note(spot);
        ImGui.popStyleColor();
    }

    /** The legend's counts, one text per row. */
    private final java.util.List<CountText> counts = new java.util.ArrayList<>();

    private CountText countText(int row) {
        while (counts.size() <= row) counts.add(CountText.grouped());
        return counts.get(row);
    }

    private void legend(ViewState st, ColourBy c) {
        int count = c.categoryCount();
        boolean labels = byLabels(c);
        if (ImGui.smallButton("all")) for (int k = 0; k < count; k++) st.setCategoryShown(k, true);
        ImGui.sameLine();
        if (ImGui.smallButton("none")) for (int k = 0; k < count; k++) st.setCategoryShown(k, false);
        boolean scroll = count > LEGEND_SCROLL_ABOVE;
        if (scroll) ImGui.beginChild("legend", 0, 300 * uiScale, true);
        // Names come before counts: where a name would be cut to make room for its count (Fashion-MNIST's
        // "Trouser" read "Tr..."), the legend drops its counts, every row's, into the rows' tooltips.
        // Measured before the rows' colour squares, the room a name has leaves out its square: names up to
        // a square too long kept their counts and were cut ("zero 103,545" read "... 103,545").
        float square = 14 * uiScale;
        float squareRow = square + ImGui.getStyle().getItemSpacingX();
        boolean withCounts = true;
        for (int k = 0; k < count && withCounts; k++) {
            withCounts = ImGui.calcTextSizeX(c.legendName(k)) <= nameWidth(countText(k).of(c.categoryCount(k)), labels ? k : -1) - squareRow;
        }
        for (int k = 0; k < count; k++) {
            ImGui.colorButton("##c" + k, PackedColor.rgba(c.categoryColour(k), 1f),
                    ImGuiColorEditFlags.NoTooltip | ImGuiColorEditFlags.NoPicker, square, square);
            ImGui.sameLine();
            String items = countText(k).of(c.categoryCount(k));
            // The empty value of a text column is named, greyed as no value of its own would be.
            boolean empty = c.categoryName(k).isEmpty();
            String name = c.legendName(k);
            String shown = FittedText.fit(name, nameWidth(withCounts ? items : null, labels ? k : -1));
            if (empty) ImGui.pushStyleColor(ImGuiCol.Text, ImGui.getColorU32(ImGuiCol.TextDisabled));
            if (ImGui.checkbox(shown + "##l" + k, st.isCategoryShown(k))) st.setCategoryShown(k, !st.isCategoryShown(k));
            if (empty) ImGui.popStyleColor();
            WidgetSpots.note("legend-name:" + k);
            FittedText.tooltipIfCut(withCounts ? name : name + ": " + items, withCounts ? shown : "", "legend-tooltip:" + k);
            if (withCounts) {
                ImGui.sameLine();
                PlainText.disabled(items);
            }
            ImGui.sameLine();
            if (ImGui.smallButton("select##s" + k)) st.selectCategory(k);
            WidgetSpots.note("legend-select:" + k);
            if (labels && labelEditor != null) labelEditor.legendRow(k);
            // A row's button may have changed the colouring (its set button relabels: the "(no label)" row
            // goes when nothing is left without one); the rows after it are drawn from the new one next frame.
            if (st.colourBy() != c) break;
        }
        if (scroll) ImGui.endChild();
    }

    /**
     * The width a legend row leaves for its name, after its colour square: the row's checkbox box, its
     * count (null: none shown), its select button and (label {@code label} of the label legend, else -1)
     * its set button take the rest of the panel's width.
     */
    private float nameWidth(String count, int label) {
        float spacing = ImGui.getStyle().getItemSpacingX();
        float box = ImGui.getFrameHeight() + ImGui.getStyle().getItemInnerSpacingX();
        float taken = box + (count == null ? 0 : spacing + ImGui.calcTextSizeX(count)) + spacing + LabelEditor.smallButtonWidth("select");
        if (label >= 0 && labelEditor != null) taken += labelEditor.legendRowWidth(label);
        return ImGui.getContentRegionAvailX() - taken;
    }

    /** The mean of the numbers coloured by, for the trust note (computed once per colouring). */
    private double meanOf(ColourBy c) {
        if (c != meanFor) {
            Column col = columns.get().column(c.column());
            double sum = 0;
            int n = 0;
            if (col != null && col.isNumeric()) {
                for (double v : col.values()) {
                    if (!Double.isNaN(v)) {
                        sum += v;
                        n++;
                    }
                }
            }
            mean = n > 0 ? sum / n : Double.NaN;
            meanFor = c;
        }
        return mean;
    }

    /** The map as a bar from the range's low end to its high end, and the range to edit. */
    private void colourBar(ViewState st, ColourBy c) {
        String note = TrustNote.line(scene.bundle().manifest(), c.column(), meanOf(c));
        if (note != null) PlainText.wrapped(note);
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
        // Taken on Enter: a number half typed (the 2 of 20) is not a range.
        boolean edited = ImGui.inputDouble("##low", low, 0, 0, "%.4g", imgui.flag.ImGuiInputTextFlags.EnterReturnsTrue);
        WidgetSpots.note("range-low");
        ImGui.sameLine();
        ImGui.setNextItemWidth(-1);
        edited |= ImGui.inputDouble("##high", high, 0, 0, "%.4g", imgui.flag.ImGuiInputTextFlags.EnterReturnsTrue);
        if (edited && Double.isFinite(low.get()) && Double.isFinite(high.get())) {
            // A range upside down would colour every item as the low end: refused, and said until the next edit.
            rangeError = low.get() > high.get() ? String.format("the start (%.4g) must not be above the end (%.4g)", low.get(), high.get()) : null;
            if (rangeError == null) st.setColourRange(low.get(), high.get());
        }
        errorLine(rangeError, "range-error");
        if (ImGui.smallButton("2nd to 98th percentile")) {
            double[] r = c.defaultRange();
            st.setColourRange(r[0], r[1]);
            rangeError = null;
        }
        if (c.missing() > 0) {
            String empty = String.format("%,d empty (grey)", c.missing());
            // Beside the button where it fits, else under it: beside it, it ran past the panel's edge.
            FittedText.sameLineIfFits(ImGui.calcTextSizeX(empty));
            FittedText.hint(empty);
        }
    }

    /** imgui's packed colour (ABGR) of 0xRRGGBB, opaque. */
    private static int abgr(int rgb) {
        float[] f = PackedColor.rgb(rgb);
        return ImGui.getColorU32(f[0], f[1], f[2], 1f);
    }
}
