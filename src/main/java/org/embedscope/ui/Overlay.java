package org.embedscope.ui;

import imgui.ImDrawList;
import imgui.ImGui;
import imgui.ImGuiIO;
import imgui.flag.ImGuiColorEditFlags;
import imgui.flag.ImGuiCond;
import imgui.flag.ImGuiSliderFlags;
import imgui.flag.ImGuiTreeNodeFlags;
import imgui.flag.ImGuiWindowFlags;
import java.util.List;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.Manifest;
import org.embedscope.render.PackedColor;
import org.embedscope.render.SceneRenderer;
import org.embedscope.render.ViewState;

/**
 * The imgui overlay: a control panel (frame time, item count, layouts and transition, sprite scale,
 * alpha threshold, the search, the selection's commands, colouring by any column with its legend or
 * colour bar, shortcuts), a panel for the hovered item (index, label, metadata, the image enlarged)
 * and one for the selection.
 *
 * <p>Frame lifecycle, fixed: {@link #newFrame} (the platform's, then ImGui's), {@link #build}
 * (widgets), {@link #render} (draw data into the bound framebuffer: {@link OverlayRenderer}).
 * Input for the platform comes from imgui's GLFW backend in the window, or from
 * {@link #setDisplay} when rendering headless.
 */
public final class Overlay implements AutoCloseable {
    static {
        ImguiLibrary.install();   // before any of imgui's classes load
    }

    /** Side of the hovered item's image in the panel, in pixels (before UI scale). */
    public static final int THUMBNAIL_PX = 112;
    /** The control panel's width and its margin from the window's edge, in pixels (before UI scale). */
    public static final float PANEL_WIDTH = 250f, MARGIN = 10f;
    /**
     * Every panel's opacity: the data under a panel still shows a little, yet over a zoomed-in cluster
     * of white sprites (a million digits are one at most zooms) its background stays dark enough for
     * its text to read (PanelReadabilityTest).
     */
    public static final float PANEL_ALPHA = 0.9f;

    private final SceneRenderer scene;
    private final LayoutToggle toggle;
    private final OverlayRenderer renderer;
    private final float uiScale;
    private final float[] scale = new float[1];
    private final float[] threshold = new float[1];
    /** Each label's colour as imgui takes it, made when the labels change rather than every frame. */
    private float[][] labelRgba;
    private long labelRgbaVersion = -1;
    private LabelEditor labelEditor;
    private NeighborPanel neighbors;

    /** Shown in the panel; set by the window each frame. */
    private float frameMs;
    private float sceneMs;
    private boolean lastFrameRedrewScene;
    private java.util.function.DoubleSupplier clock = () -> 0;
    private final SelectionPanel selection;
    private final SearchBox search;
    private final ColourControls colour;
    private final Exporter exporter;
    /** The control panel, or only a slim bar (key H). */
    private boolean open = true;
    /** Where the control panel and the hover panel were drawn (the hover panel's bottom: 0 until it is), for {@link #places}. */
    private final float[] controlRect = new float[4];
    /** The control panel's bottom were it as tall as its content, and the lowest {@link PanelPlaces} let it reach in this frame. */
    private float controlNatural, controlLimit = PanelPlaces.UNKNOWN;
    /** The display the control panel was last drawn in (its width and height). */
    private final float[] panelDisplay = new float[2];
    /** Where the control panel's top left was while it was last in the window, not put there by a resize (null: not yet). */
    private float[] panelHome;
    /** Where a resize last put the control panel's top left (not the user's place), until it is moved from there; else null. */
    private float[] resizePlaced;
    private float hoverBottom;
    /** The hover panel's height but its image's, the tallest it has been (0: never drawn): {@link #hoverBottom} follows from it. */
    private float hoverAroundTallest;
    /** The hover panel's left edge, the furthest left it has been (with {@link #hoverBottom}: the space it keeps). */
    private float hoverLeft = Float.NaN;
    private final PanelPlaces places;
    /** The selection outline being drawn (framebuffer pixels), empty when none. */
    private float[] outline = new float[0];
    private boolean outlineClosed;

    /**
     * Creates the ImGui context and its renderer; {@code uiScale} scales fonts and spacing (HiDPI); the
     * exports go into {@code exports} (the window: the working folder).
     */
    public Overlay(SceneRenderer scene, LayoutToggle toggle, float uiScale, java.nio.file.Path exports) {
        this.scene = scene;
        this.toggle = toggle;
        this.uiScale = uiScale;
        exporter = new Exporter(scene.bundle(), exports);
        selection = new SelectionPanel(scene, uiScale, this::labelRgba, exporter);
        neighbors = new NeighborPanel(scene, uiScale);
        places = new PanelPlaces(uiScale);
        search = new SearchBox(scene.state(), this::columns, exporter);
        colour = new ColourControls(scene, uiScale, this::columns);
        ImGui.createContext();
        ImGuiIO io = ImGui.getIO();
        io.setIniFilename(null);
        PanelFont.install(io.getFonts());
        io.setFontGlobalScale(uiScale);
        ImGui.styleColorsDark();
        ImGui.getStyle().setWindowRounding(4f);
        ImGui.getStyle().scaleAllSizes(uiScale);
        renderer = new OverlayRenderer();
    }

    /**
     * Loads imgui's native library on a background thread (75 ms here), so that the first frame with the
     * overlay does not wait for it: called at start, while the bundle loads and the GL context comes up.
     */
    public static void preload() {
        Thread t = new Thread(() -> {
            try {
                ImguiLibrary.install();
                Class.forName("imgui.ImGui");
            } catch (ClassNotFoundException | LinkageError e) {
                // reported when the overlay is made, on the GL thread
            }
        }, "imgui-preload");
        t.setDaemon(true);
        t.start();
    }

    /** Pixels at the left the open control panel covers, margins included: the fitted view leaves them free. */
    public static float insetPx(float uiScale) { return (PANEL_WIDTH + 2 * MARGIN) * uiScale; }

    /** What the fitted view leaves free now: the panel's width when it is open, nothing when it is a bar. */
    public float insetPx() { return open ? insetPx(uiScale) : 0f; }

    /** True when the control panel is open, false when it is collapsed to a slim bar. */
    public boolean isOpen() { return open; }

    public void setOpen(boolean on) { open = on; }

    /** Opens or collapses the control panel (key H). */
    public void toggleOpen() { open = !open; }

    /** Label editing in the control panel and the legend (the window's; none when rendering headless). */
    public void setLabelEditor(LabelEditor editor) {
        this.labelEditor = editor;
        colour.setLabelEditor(editor);
        exporter.setEdits(editor == null ? null : editor.session().annotations());
    }

    /** The pinned item's neighbours panel. */
    public NeighborPanel neighbors() { return neighbors; }

    /** The columns the search reads: with the user's corrections when labels are edited here. */
    private org.embedscope.query.ColumnTable columns() {
        return labelEditor != null ? labelEditor.session().table() : scene.columns();
    }

    /** Label {@code l}'s colour as imgui takes it. */
    private float[] labelRgba(int l) {
        ViewState st = scene.state();
        if (labelRgbaVersion != st.labelsVersion()) {
            labelRgba = new float[st.labelCount()][];
            for (int k = 0; k < labelRgba.length; k++) labelRgba[k] = PackedColor.rgba(st.labelColor(k), 1f);
            labelRgbaVersion = st.labelsVersion();
        }
        return labelRgba[l];
    }

    /**
     * {@code wake} runs, from any thread, when something the panels show changes without input (an
     * export's progress, its end): a window that sleeps until events then draws it.
     */
    public void setWake(Runnable wake) { exporter.setOnChange(wake); }

    /** Where the transition clock comes from (seconds). */
    public void setClock(java.util.function.DoubleSupplier clock) { this.clock = clock; }

    /**
     * How often the timings shown change: a number rewritten every frame cannot be read, and would make
     * the panel new in every frame, which OverlayRenderer then has to draw again instead of reusing.
     */
    static final long STATS_EVERY_NS = 250_000_000L;
    private long statsShownAt = Long.MIN_VALUE;
    private final CountText selectedText = new CountText(v -> String.format("%,d selected", v));
    /** The timings' lines as shown (remade when the timings are taken, not in every frame). */
    private String barText, framesText, redrawText;
    /** The control panel's scroll bar's width while it has one, else 0 (window pixels). */
    private float panelScrollbar;
    private float redrawPx = Float.NaN;
    private int redrawLevel = Integer.MIN_VALUE;

    /**
     * The panel's line of the item count and the frame's time, as long at every frame time up to 100 s: a million items' line grew by a character and wrapped as frames crossed 100 ms (often, on a
     * software rasteriser) or went under 1 ms (a cached redraw, 1160 FPS), moving every row below it up
     * and down by a line under the pointer.
     */
    static String framesLine(int count, float frameMs) {
        String ms = String.format(frameMs >= 100 ? "%.0f" : "%.1f", frameMs);
        float rate = frameMs > 0 ? 1000f / frameMs : 0f;
        // Frames under 0.1 ms (render's last one, which only redraws the panel: 16989 FPS) in thousands,
        // so that the line does not wrap there either.
        String fps = rate < 9999.5f ? String.format("%.0f", rate) : Math.min(999, Math.round(rate / 1000)) + "k";
        // The two numbers take up to 6 digits ("4.6", "217"); where they take 7 (a cached redraw's "0.9" and
        // "1111", or "10.0" and "100") one space goes before the time, not two.
        String gap = ms.length() + fps.length() > 6 ? " " : "  ";
        return String.format("%,d item%s%s%s ms (%s FPS)", count, count == 1 ? "" : "s", gap, ms, fps);
    }

    /**
     * Timings to show: the last frame, and the last full scene redraw; taken at most every
     * {@link #STATS_EVERY_NS} of {@code now}, the caller's clock in nanoseconds (the window's is the wall clock;
     * offscreen frames count 1/60 s each, so what they show does not follow how busy the machine is).
     */
    public void setStats(float frameMs, float sceneMs, boolean redrew, long now) {
        // Until a frame has been timed (the first frame's time is 0) the next is taken at once: a window at
        // rest draws no more frames to take it from.
        if (statsShownAt != Long.MIN_VALUE && now - statsShownAt < STATS_EVERY_NS && this.frameMs > 0) return;
        statsShownAt = now;
        barText = framesText = redrawText = null;
        this.frameMs = frameMs;
        this.sceneMs = sceneMs;
        this.lastFrameRedrewScene = redrew;
    }

    /** For headless frames: display size and pointer, as the GLFW backend would set them. */
    public static void setDisplay(int width, int height, float mouseX, float mouseY) {
        ImGuiIO io = ImGui.getIO();
        io.setDisplaySize(width, height);
        io.setDisplayFramebufferScale(1, 1);
        io.setDeltaTime(1f / 60f);
        io.setMousePos(mouseX, mouseY);
    }

    /** Starts a frame: the caller's platform backend, then ImGui. */
    public void newFrame(Runnable platformNewFrame) {
        if (platformNewFrame != null) platformNewFrame.run();
        ImGui.newFrame();
    }

    /** True when imgui wants the mouse (the pointer is over a panel). */
    public static boolean wantsMouse() { return ImGui.getIO().getWantCaptureMouse(); }

    /** True when imgui wants the keyboard (a text field has focus). */
    public static boolean wantsKeyboard() { return ImGui.getIO().getWantCaptureKeyboard(); }

    /** Whether a popup (a combo's list) was open when the last frame was built. */
    private boolean popupOpen;
    /** Esc asked for the open popups to close, in the next frame. */
    private boolean closePopups;

    /**
     * Esc: closes the open popup (a combo's list) in the next frame and returns true, or returns false
     * when none is open (the scene then takes the key). imgui leaves Esc to the application while its
     * keyboard navigation is off, and does not want the keyboard while only a combo is open.
     */
    public boolean escapeClosesPopup() {
        if (!popupOpen) return false;
        closePopups = true;
        return true;
    }

    /** The box or lasso being drawn, in framebuffer pixels (empty: none); a box is drawn closed. */
    public void setOutline(float[] outline, boolean closed) {
        this.outline = outline;
        this.outlineClosed = closed;
    }

    /**
     * Lays out the panels for this frame: the control panel and the hovered item's first, then the
     * neighbours and the selection panels where {@link PanelPlaces} puts them, clear of those.
     */
    public void build(int hovered) {
        hoverRemeasured = false;
        controlPanel();
        if (hovered >= 0) hoverPanel(hovered);
        ImGuiIO io = ImGui.getIO();
        // The space kept for the hover panel: its height in this window with the tallest lines it has had
        // (the tallest it had been drawn kept a larger window's height, or its height before its image shrank).
        if (hoverAroundTallest > 0) {
            // (whole pixels, as imgui sizes the panel; as wide as its place lets it: its image shrinks in a
            // narrow strip beside the control panel)
            hoverBottom = MARGIN * uiScale + Math.round(places.hoverHeight(hoverWindow()[0], io.getDisplaySizeY(),
                    2 * ImGui.getStyle().getWindowPaddingX(), hoverAroundTallest));
        }
        places.update(io.getDisplaySizeX(), io.getDisplaySizeY(), open ? controlRect : null, controlNatural, hoverBottom, neighbors.lastRect(),
                neighbors.wantedHeight());
        places.wantSelection(selection.wantedHeight(places.selectionWidth()), selection.foldedHeight());
        // Drawn where the last frame's places put it: where this frame's put it elsewhere, a frame more.
        if (hovered >= 0 && !java.util.Arrays.equals(hoverPlaced, places.hoverArea())) hoverRemeasured = true;
        // The control panel yields to the panels below it from the next frame on (it was drawn first).
        float limit = places.controlBottomLimit();
        controlRemeasured = open && Math.abs(Math.min(limit, io.getDisplaySizeY()) - Math.min(controlLimit, io.getDisplaySizeY())) > 0.5f;
        controlLimit = limit;
        neighbors.build(places);
        selection.build(places);
        drawOutline();
        popupOpen = ImGui.isPopupOpen("", imgui.flag.ImGuiPopupFlags.AnyPopup);
        closePopups = false;   // (asked while the panel was a slim bar, where no popup opens)
    }

    /**
     * The largest part of the window that the panels of the last frame leave clear (window pixels,
     * {x0, y0, x1, y1}): the control panel when open, the hover panel's space once it has been shown
     * (a flight's item is then shown hovered), the selection and the neighbours panels when shown.
     */
    public float[] clearArea() {
        ImGuiIO io = ImGui.getIO();
        java.util.List<float[]> panels = new java.util.ArrayList<>();
        if (open) panels.add(controlRect.clone());
        if (!Float.isNaN(hoverLeft)) {
            float[] at = hoverPlace();
            float top = at[1], right = Math.min(io.getDisplaySizeX(), at[0] + MARGIN * uiScale), m = MARGIN * uiScale;
            panels.add(top <= m ? new float[] {hoverLeft, 0, right, hoverBottom}
                    : new float[] {hoverLeft, top, right, top + hoverBottom - m});
        }
        if (selection.lastRect() != null) panels.add(selection.lastRect());
        if (neighbors.lastRect() != null) panels.add(neighbors.lastRect());
        return PanelPlaces.clearArea(io.getDisplaySizeX(), io.getDisplaySizeY(), panels);
    }

    /**
     * Whether the last frame's panels were placed from sizes that its layout then measured otherwise (a
     * new selection's lines, a new pin's neighbours, a selection panel folded or opened, a hovered item's
     * lines that leave its image another size in a small window): the next frame places them again, as they are.
     */
    public boolean needsAnotherFrame() { return selection.remeasured() || neighbors.remeasured() || hoverRemeasured || controlRemeasured; }

    private boolean controlRemeasured;

    /** The rectangle of the imgui window being built, {x0, y0, x1, y1} in window pixels. */
    static float[] currentWindowRect() {
        float x = ImGui.getWindowPosX(), y = ImGui.getWindowPosY();
        return new float[] {x, y, x + ImGui.getWindowWidth(), y + ImGui.getWindowHeight()};
    }

    /** Puts the keyboard in the search box ({@code /}). */
    public void focusSearch() { search.focus(); }

    /** What is wrong with the query in the search box ("at 7: expected …"), or null. */
    public String searchError() {
        return search.error() == null ? null : search.error().getMessage();
    }

    /** Colours the items by column {@code name} (its usual reading) and tints them; returns why it cannot, or null. */
    public String colourBy(String name) { return colour.colourBy(name, null); }

    /** The query in the search box, as typed. */
    public String searchText() { return search.text(); }

    /** Types {@code query} into the search box and runs it (scripted sessions). */
    public void search(String query) { search.setText(query); }

    /** The item whose thumbnail in the selection panel the pointer is over, or -1 (the scene marks it). */
    public int thumbnailHovered() { return selection.hovered(); }

    /** Where the selection panel was drawn in the last frame (window pixels), or null when it was not. */
    public float[] selectionRect() { return selection.lastRect(); }

    /**
     * What the last frame's panels showed that {@code render --overlay} cannot: it draws the selection
     * panel open and its thumbnails from the first row. In words, for the screenshot key's command.
     */
    java.util.List<String> notRendered() {
        java.util.List<String> notes = new java.util.ArrayList<>();
        if (selection.drawnFolded()) notes.add("the selection panel folded: render draws it open");
        if (selection.drawnScrolled()) notes.add("the selection's thumbnails scrolled: render shows them from the first row");
        return notes;
    }

    /** Where the {@code k}-th thumbnail of the selection panel was drawn (window pixels), or null. */
    public float[] thumbnailCentre(int k) { return selection.thumbnailCentre(k); }

    /** The item whose thumbnail was clicked since the last call, or -1 (the view flies to it). */
    public int takeThumbnailClicked() { return selection.takeClicked(); }

    /** The selection outline over everything: a dark line under a bright one, so it reads on any image. */
    private void drawOutline() {
        int n = outline.length / 2;
        if (n < 2) return;
        ImGuiIO io = ImGui.getIO();
        float kx = 1f / Math.max(1e-3f, io.getDisplayFramebufferScaleX()), ky = 1f / Math.max(1e-3f, io.getDisplayFramebufferScaleY());
        ImDrawList dl = ImGui.getForegroundDrawList();
        float[] ring = PackedColor.rgb(SceneRenderer.SELECTION_COLOR);
        int dark = ImGui.getColorU32(0f, 0f, 0f, 0.85f), bright = ImGui.getColorU32(ring[0], ring[1], ring[2], 1f);
        for (int pass = 0; pass < 2; pass++) {
            int colour = pass == 0 ? dark : bright;
            float width = (pass == 0 ? 3.5f : 1.5f) * uiScale;
            int segments = outlineClosed ? n : n - 1;
            for (int k = 0; k < segments; k++) {
                int j = (k + 1) % n;
                dl.addLine(outline[2 * k] * kx, outline[2 * k + 1] * ky, outline[2 * j] * kx, outline[2 * j + 1] * ky, colour, width);
            }
        }
    }

    /** The collapsed panel: one line at the top left, out of the data's way. */
    private void slimBar() {
        ImGui.setNextWindowPos(MARGIN * uiScale, MARGIN * uiScale, ImGuiCond.Always);
        ImGui.setNextWindowBgAlpha(PANEL_ALPHA);
        ImGui.begin("##bar", ImGuiWindowFlags.AlwaysAutoResize | ImGuiWindowFlags.NoTitleBar | ImGuiWindowFlags.NoMove
                | ImGuiWindowFlags.NoSavedSettings | ImGuiWindowFlags.NoFocusOnAppearing);
        if (ImGui.smallButton(">")) open = true;
        ImGui.sameLine();
        if (barText == null) barText = String.format("%s   %.1f ms   H: panel", scene.bundle().manifest().name(), frameMs);
        PlainText.disabled(barText);
        ImGui.end();
    }

    private void controlPanel() {
        ViewState st = scene.state();
        Bundle b = scene.bundle();
        Manifest m = b.manifest();
        if (!open) {
            slimBar();
            return;
        }
        // A panel taller than the window scrolls; it is then wider by the scroll bar (from the next frame
        // on), so that its rows keep their 250 px rather than being cut on the right.
        // In a window narrower than that it is as wide as the window leaves, and its rows scroll sideways;
        // in one shorter than it, as tall (at 200x150 its lower part, scroll bar and all, ran off the window).
        ImGuiIO io = ImGui.getIO();
        float margin = MARGIN * uiScale;
        float room = Math.max(1f, io.getDisplaySizeX() - 2 * margin), tallest = Math.max(1f, io.getDisplaySizeY() - 2 * margin);
        float width = Math.min(PANEL_WIDTH * uiScale + panelScrollbar, room);
        boolean narrow = width < PANEL_WIDTH * uiScale + panelScrollbar;
        // Where the user drags it, it stays; but a window made smaller than it pushes it past its edges (a
        // few pixels past imgui's padding: past the top left, its title bar out of reach once the window is
        // large again): then it comes back inside, as near as it can to where it was while it was inside
        // the window (its home: where the user left it), and a window made large again takes it back there
        // (imgui had moved it in the tiny window, and where that left it inside it stayed, off its margin).
        boolean resized = io.getDisplaySizeX() != panelDisplay[0] || io.getDisplaySizeY() != panelDisplay[1];
        boolean drawn = controlRect[2] > controlRect[0];
        // (the last frame's rectangle, in the last frame's window: its title bar's start inside it, where a
        // drag can leave it; imgui's clamping in a window smaller than the panel leaves it outside)
        boolean wasInside = drawn && controlRect[0] >= 0 && controlRect[1] >= 0 && controlRect[0] < panelDisplay[0] && controlRect[1] < panelDisplay[1];
        // (a place a resize chose is not the user's, until they drag it from there)
        if (wasInside && (resizePlaced == null || resizePlaced[0] != controlRect[0] || resizePlaced[1] != controlRect[1])) {
            panelHome = new float[] {controlRect[0], controlRect[1]};
            resizePlaced = null;
        }
        panelDisplay[0] = io.getDisplaySizeX();
        panelDisplay[1] = io.getDisplaySizeY();
        boolean outside = controlRect[0] < 0 || controlRect[1] < 0 || controlRect[2] > io.getDisplaySizeX() || controlRect[3] > io.getDisplaySizeY();
        float top = drawn ? controlRect[1] : margin;
        if (resized && drawn && (outside || panelHome != null && (panelHome[0] != controlRect[0] || panelHome[1] != controlRect[1]))) {
            float[] home = panelHome != null ? panelHome : new float[] {controlRect[0], controlRect[1]};
            float h = Math.min(controlRect[3] - controlRect[1], tallest);
            float x = Math.max(margin, Math.min(home[0], io.getDisplaySizeX() - margin - width));
            float y = Math.max(margin, Math.min(home[1], io.getDisplaySizeY() - margin - h));
            ImGui.setNextWindowPos(x, y, ImGuiCond.Always);
            resizePlaced = new float[] {x, y};
            top = y;
        } else {
            ImGui.setNextWindowPos(margin, margin, ImGuiCond.FirstUseEver);
        }
        // In a window too narrow for the neighbours and selection panels beside it, it ends above them and
        // scrolls (they covered its widgets), keeping a few rows however low it was dragged.
        float yielded = Math.min(tallest, Math.max(controlLimit - top, 4 * ImGui.getFrameHeightWithSpacing()));
        ImGui.setNextWindowSizeConstraints(width, 0, width, yielded);
        ImGui.setNextWindowBgAlpha(PANEL_ALPHA);
        ImGui.begin("embedscope", ImGuiWindowFlags.AlwaysAutoResize | (narrow ? ImGuiWindowFlags.HorizontalScrollbar : 0));
        panelScrollbar = ImGui.getScrollMaxY() > 0 ? ImGui.getStyle().getScrollbarSize() : 0f;
        System.arraycopy(currentWindowRect(), 0, controlRect, 0, 4);
        controlNatural = controlRect[3] + ImGui.getScrollMaxY();
        WidgetSpots.noteContent("control-panel");
        WidgetSpots.noteWindow("control-window");
        if (closePopups) {
            // Focusing the panel closes the popups opened over it (its combos'), as a click on it would.
            ImGui.setWindowFocus();
            closePopups = false;
        }
        if (ImGui.smallButton("hide (H)")) open = false;
        ImGui.sameLine();
        // Cut to the row (whole in a tooltip): a folder's long name ran past the panel's edge.
        String name = FittedText.fit(m.name(), ImGui.getContentRegionAvailX());
        PlainText.text(name);
        WidgetSpots.note("bundle-name");
        FittedText.tooltipIfCut(m.name(), name, "bundle-name-tooltip");
        if (framesText == null) framesText = framesLine(b.count(), frameMs);
        FittedText.line(framesText);   // wraps where the count is too long for the panel
        if (redrawText == null || st.spritePixels() != redrawPx || scene.currentLevel() != redrawLevel) {
            redrawPx = st.spritePixels();
            redrawLevel = scene.currentLevel();
            redrawText = String.format("redraw %.1f ms%s\nsprites %.1f px, %s", sceneMs, lastFrameRedrewScene ? "" : " (cached)", redrawPx,
                    redrawLevel < 0 ? "flat" : "level " + redrawLevel);
        }
        FittedText.hint(redrawText);

        ImGui.separator();
        List<Manifest.Layout> layouts = m.layouts();
        int target = st.transition().target();
        // Titles are cut to the panel's width (whole in a tooltip): a long one pushed the buttons past its edge.
        String moving = st.transition().isRunning() ? "  (moving)" : "";
        String title = layouts.get(target).title();
        String shown = FittedText.fit(title, ImGui.getContentRegionAvailX() - ImGui.calcTextSizeX("Layout: " + moving));
        PlainText.text("Layout: " + shown + moving);
        WidgetSpots.note("layout-title");
        FittedText.tooltipIfCut(title, shown, "layout-title-tooltip");
        if (layouts.size() > 1) {
            float pad = 2 * ImGui.getStyle().getFramePaddingX();
            int next = target != toggle.chosen() ? toggle.chosen() : -1;
            String to = next >= 0 ? layouts.get(next).title() : null;
            String before = to != null ? "Transition to " : "Transition back", after = " (T)";
            float buttonWidth = ImGui.calcTextSizeX(before + (to != null ? to : "") + after) + pad;
            if (layouts.size() > 2) {
                float comboWidth = 140 * uiScale;
                ImGui.setNextItemWidth(comboWidth);
                String chosen = layouts.get(toggle.chosen()).title();
                // The combo's preview leaves room for its arrow.
                String preview = FittedText.fit(chosen, comboWidth - ImGui.getFrameHeight() - pad);
                boolean open = ImGui.beginCombo("##target", preview);
                WidgetSpots.note("layout-target");
                if (open) {
                    for (int l = 0; l < layouts.size(); l++) {
                        if (ImGui.selectable(layouts.get(l).title(), l == toggle.chosen())) toggle.choose(l);
                    }
                    ImGui.endCombo();
                } else {
                    FittedText.tooltipIfCut(chosen, preview, "layout-target-tooltip");
                }
                // The button goes beside the combo where it fits whole, else on the next row.
                FittedText.sameLineIfFits(buttonWidth);
            }
            String toShown = to == null ? "" : FittedText.fit(to, ImGui.getContentRegionAvailX() - ImGui.calcTextSizeX(before + after) - pad);
            // Greyed where it has nowhere to go (the combo picked the layout shown, before any transition).
            boolean nowhere = toggle.destination() < 0;
            ImGui.beginDisabled(nowhere);
            boolean pressed = ImGui.button(before + toShown + after);
            ImGui.endDisabled();
            WidgetSpots.note("transition");
            if (to != null) FittedText.tooltipIfCut(to, toShown, "transition-tooltip");
            if (pressed) toggle.toggle((float) clock.getAsDouble());
        }

        if (ImGui.collapsingHeader("Display", ImGuiTreeNodeFlags.DefaultOpen)) {
            scale[0] = st.userScale();
            ImGui.setNextItemWidth(100 * uiScale);
            if (ImGui.sliderFloat("sprite scale", scale, 0.25f, 4f, "%.2f", ImGuiSliderFlags.Logarithmic)) st.setUserScale(scale[0]);
            threshold[0] = st.threshold();
            ImGui.setNextItemWidth(100 * uiScale);
            if (ImGui.sliderFloat("alpha threshold", threshold, 0f, 1f, "%.2f")) st.setThreshold(threshold[0]);
            if (ImGui.checkbox("smooth alpha", st.smoothAlpha())) st.setSmoothAlpha(!st.smoothAlpha());
            if (ImGui.checkbox("camera follows transitions", st.followsTransitions())) st.setFollowTransitions(!st.followsTransitions());
        }

        if (ImGui.collapsingHeader("Search", ImGuiTreeNodeFlags.DefaultOpen)) search.build();
        selectionControls(st);
        if (labelEditor != null) labelEditor.section();
        neighbors.section();

        colour.build();

        ImGui.separator();
        FittedText.hint("drag: pan   wheel, +/-: zoom");
        FittedText.hint("arrows: move   F, dbl-click: fit");
        FittedText.hint("T: transition  H: panel  P: shot");
        FittedText.hint("click: select  shift-click: +/-");
        FittedText.hint("shift-drag: box");
        FittedText.hint("ctrl-drag: lasso  (+alt: add)");
        FittedText.hint("Esc: clear  I: invert  D: dim");
        FittedText.hint("M: select matches  /: search");
        FittedText.hint("ctrl-click or N: pin neighbours");
        if (labelEditor != null) FittedText.hint(labelEditor.session().keysAreDigits() ? "0-9: label  Ctrl-Z/Ctrl-Shift-Z" : "1-9: label  Ctrl-Z/Ctrl-Shift-Z");
        WidgetSpots.note("control-panel-end");
        ImGui.end();
    }

    private void selectionControls(ViewState st) {
        if (!ImGui.collapsingHeader("Selection", ImGuiTreeNodeFlags.DefaultOpen)) return;
        int n = st.selectedCount();
        PlainText.text(n == 0 ? "nothing selected" : st.selectedShownCount() == n ? selectedText.of(n) : st.selectedText());
        if (ImGui.smallButton("clear (Esc)")) st.clearSelection();
        ImGui.sameLine();
        if (ImGui.smallButton("invert (I)")) st.invertSelection();
        if (st.matches() != null) {
            String select = "select matches (M)";
            FittedText.sameLineIfFits(LabelEditor.smallButtonWidth(select));
            if (ImGui.smallButton(select)) st.selectMatches();
            WidgetSpots.note("select-matches");
        }
        if (ImGui.checkbox("dim the rest (D)", st.dimUnselected())) st.setDimUnselected(!st.dimUnselected());
    }

    /**
     * Where the hover panel goes, {right, top, widest, tallest}: where the places put it in the last frame
     * (beside the control panel, or below it in a narrow window), the window's top right before that.
     */
    private float[] hoverPlace() {
        float[] a = places.hoverArea();
        if (a != null) return a;
        ImGuiIO io = ImGui.getIO();
        float m = MARGIN * uiScale;
        return new float[] {io.getDisplaySizeX() - m, m, Math.max(1f, io.getDisplaySizeX() - 2 * m), Math.max(1f, io.getDisplaySizeY() - 2 * m)};
    }

    /** The window the hover panel's sizes are worked out in, {width, height}: its place and the margins around it. */
    private float[] hoverWindow() {
        float[] a = hoverPlace();
        return new float[] {a[2] + 2 * MARGIN * uiScale, a[3] + 2 * MARGIN * uiScale};
    }

    private void hoverPanel(int item) {
        Bundle b = scene.bundle();
        float[] place = hoverPlace(), area = hoverWindow();
        hoverPlaced = place;
        // Its place's size stands for the window's below: the sizes that fit it in the window fit it there.
        float windowWidth = area[0], windowHeight = area[1];
        // No larger than the window: in a small one its lines ran off it, and it takes no input to be scrolled.
        float[] most = places.hoverLargest(windowWidth, windowHeight);
        ImGui.setNextWindowPos(place[0], place[1], ImGuiCond.Always, 1f, 0f);
        ImGui.setNextWindowSizeConstraints(0f, 0f, most[0], most[1]);
        ImGui.setNextWindowBgAlpha(PANEL_ALPHA);
        ImGui.begin("Hovered item", ImGuiWindowFlags.AlwaysAutoResize | ImGuiWindowFlags.NoFocusOnAppearing
                | ImGuiWindowFlags.NoNav | ImGuiWindowFlags.NoInputs);
        WidgetSpots.noteWindow("hover-panel");
        // Where the selection or neighbours panel has taken the hover panel's space (a small window), the hovered item's
        // panel is in front while it shows: behind, its lines could not be read. Only the order of drawing
        // changes, not the keyboard's focus (a search being typed keeps it); not over an open combo's list.
        float[] mine = currentWindowRect();
        for (float[] other : new float[][] {selection.lastRect(), neighbors.lastRect()}) {
            if (other != null && !popupOpen && other[0] < mine[2] && other[2] > mine[0] && other[1] < mine[3] && other[3] > mine[1]) {
                imgui.internal.ImGui.bringWindowToDisplayFront(imgui.internal.ImGui.getCurrentWindow());
                break;
            }
        }
        hoverLeft = Float.isNaN(hoverLeft) ? ImGui.getWindowPosX() : Math.min(hoverLeft, ImGui.getWindowPosX());
        float padX = ImGui.getStyle().getWindowPaddingX(), padY = ImGui.getStyle().getWindowPaddingY();
        // The image shrinks in a window too small for it and its lines (as tall as they were last drawn).
        int px = Math.round(places.hoverImageSide(windowWidth, windowHeight, 2 * padX, hoverAround));
        int tex = scene.thumbnail(item, px);
        // The thumbnail's rows run bottom-up: flip v.
        ImGui.image(tex, px, px, 0, 1, 1, 0);
        WidgetSpots.note("hover-image");
        java.util.List<HoverLine> lines = new java.util.ArrayList<>();
        lines.add(new HoverLine("index  " + item, null));
        ViewState st = scene.state();
        if (b.hasLabels() || st.labelCount() > 1) {
            int l = st.labelOfItem()[item];
            String column = labelEditor != null ? labelEditor.session().labelColumn()
                    : b.hasLabels() ? b.manifest().label().column() : "label";
            lines.add(new HoverLine(column + "  " + st.labelNames().get(l), labelRgba(l)));
        }
        if (labelEditor != null) labelEditor.hoverLines(item, lines);
        for (int c = 0; c < b.metaColumns().size(); c++) lines.add(new HoverLine(b.metaColumns().get(c) + "  " + b.meta(c, item), null));
        // Lines wider than the window are cut with "..." (their ends ran off it); lines taller than it show
        // those that fit whole, the last of them saying how many more there are (they were cut at its edge).
        float lineWidth = most[0] - 2 * padX, pitch = ImGui.getTextLineHeightWithSpacing();
        int shown = places.hoverLinesShown(windowHeight, ImGui.getCursorPosY(), ImGui.getTextLineHeight(), pitch, padY, lines.size());
        for (int k = 0; k < shown; k++) {
            HoverLine line = k == shown - 1 && shown < lines.size()
                    ? new HoverLine("... " + (lines.size() - k) + " more lines", HoverLine.GREY) : lines.get(k);
            float[] c = line.rgba();
            String text = FittedText.fit(line.text(), lineWidth);
            if (c == HoverLine.GREY) PlainText.disabled(text);
            else if (c != null) PlainText.colored(c[0], c[1], c[2], c[3], text);
            else PlainText.text(text);
            WidgetSpots.note("hover-line:" + k);
            if (k == lines.size() - 1) WidgetSpots.note("hover-last-line");
        }
        // All of it but the image: the panel's height with every line, those not shown too, less the image's side.
        float around = ImGui.getCursorPosY() + (lines.size() - shown) * pitch - ImGui.getStyle().getItemSpacingY() + padY - px;
        hoverRemeasured = Math.abs(around - hoverAround) > 0.5f;
        hoverAround = around;
        // The tallest lines it has had: items' lines differ in length, and the selection panel below should not jump.
        hoverAroundTallest = Math.max(hoverAroundTallest, around);
        ImGui.end();
    }

    /** A line of the hovered item's panel, in colour {@code rgba} (null: the text's; {@link #GREY}: greyed). */
    record HoverLine(String text, float[] rgba) {
        static final float[] GREY = new float[0];
    }

    /** The hover panel's height but its image's, as last drawn (0: not yet), and whether the last frame measured it anew. */
    private float hoverAround;
    private boolean hoverRemeasured;
    /** Where the hover panel was last drawn, as {@link PanelPlaces#hoverArea}. */
    private float[] hoverPlaced;

    /** What draws the overlay (for tests). */
    OverlayRenderer renderer() { return renderer; }

    /** Ends the frame and draws it into the bound framebuffer. */
    public void render() {
        ImGui.render();
        renderer.render(ImGui.getDrawData());
    }

    /** Ends the frame and decides how it is drawn ({@link OverlayRenderer#prepare}); {@link #drawPrepared} draws it. */
    void endFrame() {
        ImGui.render();
        renderer.prepare(ImGui.getDrawData());
    }

    /** Draws the frame {@link #endFrame} ended into the bound framebuffer, within {@code box} only unless null. */
    void drawPrepared(int[] box) {
        renderer.drawPrepared(ImGui.getDrawData(), box);
    }

    /** Draws the frame {@link #render} ended once more, into the bound framebuffer (for a screenshot). */
    public void renderAgain() {
        renderer.renderAgain(ImGui.getDrawData());
    }

    /** What the last export from the window did (for tests): its status line, and the file it wrote or null. */
    public String exportStatus() { return exporter.status(); }

    public java.nio.file.Path lastExport() { return exporter.running() ? null : exporter.last(); }

    @Override
    public void close() {
        exporter.close();
        renderer.close();
        ImGui.destroyContext();
    }
}
