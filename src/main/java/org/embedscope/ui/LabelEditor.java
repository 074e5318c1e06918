package org.embedscope.ui;

import imgui.ImGui;
import imgui.flag.ImGuiCol;
import imgui.flag.ImGuiKey;
import imgui.flag.ImGuiTreeNodeFlags;
import imgui.type.ImString;
import java.util.Map;
import org.embedscope.render.ViewState;

/**
 * The overlay's label editing (imgui), over a {@link LabelSession}: a section of the control panel
 * that gives the selection a new label or a tag, lists the selection's tags to remove, undoes and
 * redoes, and says where the edits are saved (and when that is not beside the bundle, or a save
 * failed); and, on each legend row, the key that gives the selection that label and a button that does.
 */
public final class LabelEditor {
    /** Legend rows that keys 1–9 label with. */
    public static final int KEYED_LABELS = 9;

    private final LabelSession session;
    private final ViewState state;
    private final float uiScale;
    private final ImString newLabel = new ImString(128);
    private final ImString tag = new ImString(128);
    private long editedVersion = -1;
    private int edited;

    public LabelEditor(LabelSession session, ViewState state, float uiScale) {
        this.session = session;
        this.state = state;
        this.uiScale = uiScale;
    }

    public LabelSession session() { return session; }

    /**
     * A text field whose text is always what it shows (so that a button beside it reads what was typed;
     * with EnterReturnsTrue the text reached the field's buffer only on Enter); returns whether Enter
     * was pressed in it this frame.
     */
    private static boolean field(String id, String hint, ImString text) {
        ImGui.inputTextWithHint(id, hint, text);
        return ImGui.isItemDeactivated() && (ImGui.isKeyPressed(ImGuiKey.Enter)
                || ImGui.isKeyPressed(ImGuiKey.KeypadEnter));
    }

    /** The width a text field leaves for the small buttons {@code buttons} after it on its row. */
    private static float fieldWidth(String... buttons) {
        float taken = 0;
        for (String b : buttons) taken += ImGui.getStyle().getItemSpacingX() + smallButtonWidth(b);
        return Math.max(40f, ImGui.getContentRegionAvailX() - taken);
    }

    /** A small button's width: its text plus the frame's padding on each side (imgui's SmallButton). */
    static float smallButtonWidth(String text) {
        return ImGui.calcTextSizeX(text) + 2 * ImGui.getStyle().getFramePaddingX();
    }

    /** The control panel's section. */
    public void section() {
        if (!ImGui.collapsingHeader("Labels and tags", ImGuiTreeNodeFlags.DefaultOpen)) return;
        int n = state.selectedCount();
        // The same rows with nothing selected, greyed: the section grew by three rows with the first
        // selection, and the legend under it moved away from the pointer between two clicks.
        if (n == 0) FittedText.hint("select items to label or tag them");
        else PlainText.text(state.selectedText() + ":");
        ImGui.beginDisabled(n == 0);
        {
            ImGui.setNextItemWidth(fieldWidth("set label"));
            boolean enter = field("##newlabel", "label", newLabel);
            WidgetSpots.note("label-field");
            ImGui.sameLine();
            boolean set = ImGui.smallButton("set label");
            WidgetSpots.note("set-label");
            if ((set || enter) && !newLabel.get().isBlank()) {
                if (session.assign(newLabel.get())) newLabel.set("");
            }
            ImGui.setNextItemWidth(fieldWidth("add tag", "remove tag"));
            boolean tagEnter = field("##tag", "tag", tag);
            WidgetSpots.note("tag-field");
            ImGui.sameLine();
            boolean add = ImGui.smallButton("add tag");
            WidgetSpots.note("add-tag");
            if ((add || tagEnter) && !tag.get().isBlank()) session.addTag(tag.get());
            ImGui.sameLine();
            boolean remove = ImGui.smallButton("remove tag");
            WidgetSpots.note("remove-tag");
            if (remove && !tag.get().isBlank()) session.removeTag(tag.get());
            // A tag's button goes after the one before where it fits, else on the next row, and a tag longer
            // than a row is cut (whole in the tooltip): three to a row ran past the panel's edge.
            Map<String, Integer> tags = session.selectionTags();
            int k = 0;
            for (Map.Entry<String, Integer> e : tags.entrySet()) {
                String count = " (" + e.getValue() + ")";
                String shown = FittedText.fit(e.getKey(), ImGui.getContentRegionAvailX(), t -> smallButtonWidth("x " + t + count));
                String text = "x " + shown + count;
                if (k > 0) FittedText.sameLineIfFits(smallButtonWidth(text));
                boolean removed = ImGui.smallButton(text + "##rmtag" + k);
                WidgetSpots.note("remove-tag:", e.getKey());
                if (removed) session.removeTag(e.getKey());
                if (ImGui.isItemHovered()) PlainText.tooltip("remove '" + e.getKey() + "' from the selection");
                k++;
            }
        }
        ImGui.endDisabled();
        FittedText.hint(session.numberKeysHint());
        ImGui.beginDisabled(!session.canUndo());
        if (ImGui.smallButton("undo")) session.undo();
        ImGui.endDisabled();
        ImGui.sameLine();
        ImGui.beginDisabled(!session.canRedo());
        if (ImGui.smallButton("redo")) session.redo();
        ImGui.endDisabled();
        ImGui.sameLine();
        PlainText.disabled("Ctrl-Z, Ctrl-Shift-Z");
        WidgetSpots.note("undo-keys");
        if (editedVersion != session.version()) {
            edited = session.editedCount();
            editedVersion = session.version();
        }
        FittedText.hint(String.format("%,d item%s edited, saved to %s", edited, edited == 1 ? "" : "s", session.file().getFileName()));
        warning(session.problem(), 0xffb347, "label-problem");
        warning(session.notice(), 0xffd966, "label-notice");
        warning(session.elsewhereNotice(), 0xffd966, "label-elsewhere");
        warning(session.saveError(), 0xff6060, "label-save-error");
    }

    /**
     * A sentence wrapped at the panel's edge (a wrap beyond it had the panel cut off the ends of its lines:
     * "edits" showed as "ed"); a path longer than the panel is cut anywhere, so that all of it shows.
     */
    private static void warning(String text, int rgb, String spot) {
        if (text == null) return;
        ImGui.pushStyleColor(ImGuiCol.Text, ((rgb >> 16) & 255) / 255f, ((rgb >> 8) & 255) / 255f, (rgb & 255) / 255f, 1f);
        PlainText.wrapped(text);
        WidgetSpots.note(spot);
        ImGui.popStyleColor();
    }

    /** The hovered item's panel's lines: its tags, and the bundle's label when the user changed it (greyed), added to {@code lines}. */
    void hoverLines(int item, java.util.List<Overlay.HoverLine> lines) {
        org.embedscope.annotate.Annotations a = session.annotations();
        if (a.label(item) != a.originalLabel(item)) {
            int o = a.originalLabel(item);
            lines.add(new Overlay.HoverLine("was  " + (o < 0 ? LabelSession.NONE : session.labelName(o)), Overlay.HoverLine.GREY));
        }
        java.util.List<String> tags = a.tags(item);
        if (!tags.isEmpty()) lines.add(new Overlay.HoverLine("tags  " + String.join(", ", tags), null));
    }

    /** The text of legend row {@code label}'s set button ("set 3"), or null for a row without one. */
    private String setButton(int label) {
        if (label >= session.labelValues().size()) return null;
        int k = session.keyForLabel(label);
        return k >= 0 ? "set " + k : "set";
    }

    /** The width {@link #legendRow} takes after the row's other widgets, spacing before it included (0: none). */
    float legendRowWidth(int label) {
        String text = setButton(label);
        if (text == null) return 0f;
        return ImGui.getStyle().getItemSpacingX() + smallButtonWidth(text);
    }

    /** On legend row {@code label}: its key and a button giving it to the selection (labels users can give only). */
    public void legendRow(int label) {
        String text = setButton(label);
        if (text == null) return;
        ImGui.sameLine();
        ImGui.beginDisabled(state.selectedCount() == 0);
        boolean set = ImGui.smallButton(text + "##set" + label);
        WidgetSpots.note("legend-set:" + label);
        if (set) session.assign(label);
        ImGui.endDisabled();
    }
}
