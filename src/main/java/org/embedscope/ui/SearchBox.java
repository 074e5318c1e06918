package org.embedscope.ui;

import imgui.ImGui;
import imgui.flag.ImGuiCol;
import imgui.type.ImString;
import java.util.function.Supplier;
import org.embedscope.query.ColumnTable;
import org.embedscope.query.Query;
import org.embedscope.query.QueryException;
import org.embedscope.render.ViewState;
import org.embedscope.select.ItemSet;

/**
 * The search: one query box over the bundle's columns (README, "Selecting and searching"), evaluated
 * as the user types. Matches are counted and highlighted (the rest dimmed, or hidden with "only
 * matches"); a query that cannot be read or run shows where and what was expected, under the text,
 * and leaves the last good matches in place until it is fixed or cleared. An empty box ends the search.
 */
final class SearchBox {
    private final CountText matchesText = new CountText(v -> String.format("%,d %s", v, v == 1 ? "match" : "matches"));
    /** Longest query, in bytes. */
    static final int MAX_LENGTH = 1024;

    private final ViewState state;
    private final Supplier<ColumnTable> table;
    private final Exporter exporter;
    private final ImString text = new ImString(MAX_LENGTH);
    private String evaluated = "";
    private ColumnTable evaluatedOn;
    private QueryException error;
    private int matches;
    private boolean focus;

    /** @param table the bundle's columns, typed on first use; a new table (after an edit) runs the query again */
    SearchBox(ViewState state, Supplier<ColumnTable> table, Exporter exporter) {
        this.state = state;
        this.exporter = exporter;
        this.table = table;
    }

    /** Puts the keyboard in the box in the next frame. */
    void focus() { focus = true; }

    /** The query as typed. */
    String text() { return text.get(); }

    /** Sets the query and runs it (as typing it would). */
    void setText(String query) {
        text.set(query);
        run();
    }

    /** The last error, or null when the query ran (or the box is empty). */
    QueryException error() { return error; }

    /** Lays out the box, its error line and the match count; runs the query when the text changed. */
    void build() {
        ImGui.setNextItemWidth(-1);
        if (focus) {
            ImGui.setKeyboardFocusHere();
            focus = false;
        }
        ImGui.inputTextWithHint("##search", "search: label in (3, 5)", text);
        // Esc leaves the box with the search as typed: imgui's Esc put back the text the box had when it
        // took the keyboard, which ended a search the user was looking at.
        if (ImGui.isItemDeactivated() && ImGui.isKeyPressed(imgui.flag.ImGuiKey.Escape)) text.set(evaluated);
        // Run again when the text changed, or the columns did (a user corrected labels or tags).
        if (!text.get().equals(evaluated) || (!evaluated.isBlank() && table.get() != evaluatedOn)) run();
        if (error != null) {
            // Under the text, a caret at the position (the font is monospaced), then what was expected.
            int at = Math.max(0, Math.min(error.position(), evaluated.length()));
            ImGui.pushStyleColor(ImGuiCol.Text, 1f, 0.45f, 0.4f, 1f);
            ImGui.setCursorPosX(ImGui.getCursorPosX() + ImGui.getStyle().getFramePaddingX());
            PlainText.text(" ".repeat(at) + "^");
            PlainText.wrapped("at " + at + ": " + error.detail());
            ImGui.popStyleColor();
        }
        if (state.matches() != null) {
            // Items of hidden categories match but are neither drawn nor selected nor exported: the count says so.
            ItemSet shown = state.shownMatches();
            if (shown != countedShown) {
                shownCount = shown.cardinality();
                countedShown = shown;
            }
            FittedText.line(matchesText.of(matches) + (shownCount < matches ? String.format(", %,d shown", shownCount) : ""));
            // Beside the count where it fits, else under it: beside "12 matches, 6 shown" it ran past the panel's edge.
            String only = "only matches";
            FittedText.sameLineIfFits(FittedText.checkboxWidth(only));
            if (ImGui.checkbox(only, state.onlyMatches())) state.setOnlyMatches(!state.onlyMatches());
            WidgetSpots.note("only-matches");
            // Its own row: with a count of thousands the row was wider than the panel and the button cut.
            if (ImGui.smallButton("select (M)")) state.selectMatches();
            if (shownCount > 0) SelectionPanel.exportButtons(exporter, shown, "matches");
        }
    }

    private ItemSet countedShown;
    private int shownCount;

    private void run() {
        evaluated = text.get();
        if (evaluated.isBlank()) {
            error = null;
            state.setMatches(null);
            return;
        }
        try {
            evaluatedOn = table.get();
            ItemSet m = Query.select(evaluated, evaluatedOn);
            error = null;
            matches = m.cardinality();
            state.setMatches(m);
        } catch (QueryException e) {
            error = e;
        }
    }
}
