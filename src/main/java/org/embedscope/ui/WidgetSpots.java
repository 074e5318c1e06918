package org.embedscope.ui;

import imgui.ImGui;
import imgui.ImVec2;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where some of the panels' widgets were last drawn, by name, in window coordinates: for tests that
 * click them with real pointer events (xdotool), since imgui lays them out itself. Off unless a test
 * turns it on; then each noted widget costs one map entry per frame.
 */
final class WidgetSpots {
    private static volatile boolean on;
    private static final Map<String, float[]> spots = new ConcurrentHashMap<>();
    private static final ImVec2 min = new ImVec2(), max = new ImVec2();

    private WidgetSpots() { }

    static void enable(boolean enabled) {
        on = enabled;
        spots.clear();
    }

    /** Notes the widget just drawn (imgui's last item) as {@code name}. */
    static void note(String name) {
        if (!on) return;
        ImGui.getItemRectMin(min);
        ImGui.getItemRectMax(max);
        spots.put(name, new float[] {min.x, min.y, max.x, max.y});
    }

    /** Notes the widget just drawn as {@code prefix + name}, joining them only while on (a hot path's text). */
    static void note(String prefix, String name) {
        if (on) note(prefix + name);
    }

    /** Every noted widget whose name starts with {@code prefix}: name to rectangle, as {@link #rect}. */
    static Map<String, float[]> rects(String prefix) {
        Map<String, float[]> found = new java.util.TreeMap<>();
        spots.forEach((name, r) -> {
            if (name.startsWith(prefix)) found.put(name, r.clone());
        });
        return found;
    }

    /** Notes the current window's content region, inside its padding and scroll bar, as {@code name}. */
    static void noteContent(String name) {
        if (!on) return;
        float x = ImGui.getWindowPosX(), y = ImGui.getWindowPosY();
        spots.put(name, new float[] {x + ImGui.getWindowContentRegionMinX(), y + ImGui.getWindowContentRegionMinY(),
                x + ImGui.getWindowContentRegionMaxX(), y + ImGui.getWindowContentRegionMaxY()});
    }

    /** Notes the current window's whole rectangle as {@code name}, and its title bar's collapse arrow as {@code name + ":collapse"}. */
    static void noteWindow(String name) {
        if (!on) return;
        float x = ImGui.getWindowPosX(), y = ImGui.getWindowPosY();
        spots.put(name, new float[] {x, y, x + ImGui.getWindowWidth(), y + ImGui.getWindowHeight()});
        float px = ImGui.getStyle().getFramePaddingX(), py = ImGui.getStyle().getFramePaddingY(), f = ImGui.getFontSize();
        spots.put(name + ":collapse", new float[] {x + px, y + py, x + px + f, y + py + f});
    }

    /** Widget {@code name}'s rectangle when last drawn, {x0, y0, x1, y1}, or null. */
    static float[] rect(String name) {
        float[] r = spots.get(name);
        return r == null ? null : r.clone();
    }

    /** The centre of widget {@code name} when last drawn, or null. */
    static float[] centre(String name) {
        float[] r = spots.get(name);
        return r == null ? null : new float[] {(r[0] + r[2]) / 2, (r[1] + r[3]) / 2};
    }
}
