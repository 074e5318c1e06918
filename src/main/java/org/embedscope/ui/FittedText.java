package org.embedscope.ui;

import imgui.ImGui;
import java.util.function.ToDoubleFunction;

/**
 * Text made to fit a panel's width. A name in a row (legend rows, layout titles, the selection's
 * breakdown), which otherwise pushes the row's buttons or count past the panel's edge, is cut with
 * {@link #ELLIPSIS} at the end; {@link #fit} is math only, the imgui methods measure with the panel's
 * font and show the whole text in a tooltip where it was cut. A line of its own ({@link #hint},
 * {@link #line}) wraps at the edge.
 */
final class FittedText {
    static final String ELLIPSIS = "...";

    private FittedText() { }

    /**
     * {@code text} when it is at most {@code available} wide by {@code width}, else its longest start
     * that fits with {@link #ELLIPSIS} after it (only the ellipsis when no character fits; a character
     * made of several chars is never split).
     */
    static String fit(String text, float available, ToDoubleFunction<String> width) {
        if (width.applyAsDouble(text) <= available) return text;
        // The widths of a text's starts grow with their length: the longest that fits is found by halving.
        int lo = 0, hi = text.length() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (width.applyAsDouble(text.substring(0, cut(text, mid)) + ELLIPSIS) <= available) lo = mid;
            else hi = mid - 1;
        }
        return text.substring(0, cut(text, lo)) + ELLIPSIS;
    }

    /**
     * The last place at or before {@code n} between two characters as a reader sees them: never inside a
     * surrogate pair, nor between a letter and the accent combined with it ("Cafe\u0301" cuts to "Cafe", not
     * to "Cafe" and a lone accent).
     */
    private static int cut(String text, int n) {
        if (n <= 0 || n >= text.length()) return Math.max(0, Math.min(n, text.length()));
        java.text.BreakIterator characters = java.text.BreakIterator.getCharacterInstance(java.util.Locale.ROOT);
        characters.setText(text);
        return characters.isBoundary(n) ? n : Math.max(0, characters.preceding(n));
    }

    /** {@link #fit} measured with imgui's current font. */
    static String fit(String text, float available) {
        return fit(text, available, ImGui::calcTextSizeX);
    }

    /** Spots of the lines {@link #hint} and {@link #line} draw, for tests: this prefix and the text. */
    static final String LINE_SPOT = "line:";

    /**
     * A grey line of help, wrapped at the edge of the window it is in: a line wider than the panel lost
     * its end there ("1-9: the legend's first nine labels" read "... label").
     */
    static void hint(String text) {
        ImGui.pushTextWrapPos(0f);
        PlainText.disabled(text);
        ImGui.popTextWrapPos();
        WidgetSpots.note(LINE_SPOT, text);
    }

    /** {@link #hint} in the text's own colour. */
    static void line(String text) {
        ImGui.pushTextWrapPos(0f);
        PlainText.text(text);
        ImGui.popTextWrapPos();
        WidgetSpots.note(LINE_SPOT, text);
    }

    /**
     * Puts the next widget after the last one where its {@code width} fits before the edge of the window's
     * rows (the spacing between them included), else leaves it to start the next row.
     */
    static void sameLineIfFits(float width) {
        float rowEnd = ImGui.getWindowPosX() + ImGui.getWindowContentRegionMaxX();
        if (ImGui.getItemRectMaxX() + ImGui.getStyle().getItemSpacingX() + width <= rowEnd) ImGui.sameLine();
    }

    /** The width of a checkbox labelled {@code label}: its box, the spacing, the text. */
    static float checkboxWidth(String label) {
        return ImGui.getFrameHeight() + ImGui.getStyle().getItemInnerSpacingX() + ImGui.calcTextSizeX(label);
    }

    /** After the widget showing {@code shown}: the whole {@code text} in a tooltip while hovered, where it was cut. */
    static void tooltipIfCut(String text, String shown, String spot) {
        if (shown.equals(text) || !ImGui.isItemHovered()) return;
        ImGui.beginTooltip();
        PlainText.text(text);
        WidgetSpots.note(spot);
        ImGui.endTooltip();
    }
}
