package org.embedscope.ui;

import imgui.ImGui;
import java.util.function.ToDoubleFunction;

/**
 * A text cut to a width, with {@link #ELLIPSIS} at the end where it is cut: for names in rows of the
 * control panel (legend rows, layout titles), which otherwise push the row's buttons past the panel's
 * edge. {@link #fit} is math only; the imgui methods measure with the panel's font and show the whole
 * text in a tooltip where it was cut.
 */
final class FittedText {
    static final String ELLIPSIS = "...";

    private FittedText() { }

    /**
     * {@code text} when it is at most {@code available} wide by {@code width}, else its longest start
     * that fits with {@link #ELLIPSIS} after it (only the ellipsis when no character fits; a surrogate
     * pair is never split).
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

    /** {@code n}, or one less where {@code n} would split a surrogate pair. */
    private static int cut(String text, int n) {
        return n > 0 && Character.isHighSurrogate(text.charAt(n - 1)) ? n - 1 : n;
    }

    /** {@link #fit} measured with imgui's current font. */
    static String fit(String text, float available) {
        return fit(text, available, ImGui::calcTextSizeX);
    }

    /** After the widget showing {@code shown}: the whole {@code text} in a tooltip while hovered, where it was cut. */
    static void tooltipIfCut(String text, String shown, String spot) {
        if (shown.equals(text) || !ImGui.isItemHovered()) return;
        ImGui.beginTooltip();
        ImGui.text(text);
        WidgetSpots.note(spot);
        ImGui.endTooltip();
    }
}
