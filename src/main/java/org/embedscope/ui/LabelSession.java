package org.embedscope.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.embedscope.annotate.AnnotatedColumns;
import org.embedscope.annotate.AnnotationStore;
import org.embedscope.annotate.Annotations;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.UserCache;
import org.embedscope.query.ColumnTable;
import org.embedscope.render.Palette;
import org.embedscope.render.ViewState;

/**
 * Label editing in the explorer, free of GL and imgui: the selection's labels and tags changed through
 * {@link Annotations}, each change (undo and redo included) shown at once — the view's labels,
 * colours and legend through {@link ViewState#setLabels}, the columns the search reads through
 * {@link #table()} — and saved by an {@link AnnotationStore} (the sidecar beside the bundle, or
 * {@code --annotations FILE}, or the user's cache when the bundle's folder is read-only).
 *
 * <p>The view's labels are the annotations' codes that the legend lists: the bundle's values first, in
 * their display order and colours (even when no item has one any more), then each new value in the
 * order it was first typed while some item has it (one whose edit was undone leaves the legend, and
 * comes back, in its colour, with a redo). Items without a label (a bundle without labels, or an empty
 * label in the file) share one more label at the end, {@link #NONE}.
 */
public final class LabelSession implements AutoCloseable {
    /** The legend's name for items without a label. */
    public static final String NONE = "(no label)";
    /** Their colour, a neutral grey, once the bundle has labels to tell them from. */
    public static final int NONE_COLOR = 0x8a9099;

    private final Bundle bundle;
    private final ViewState state;
    private final Annotations annotations;
    private final AnnotationStore store;
    private final String notice;
    private final AnnotatedColumns columns;
    private int noneLabel = -1;
    private java.util.function.Supplier<ColumnTable> plainTable;
    private ColumnTable plain;
    private ColumnTable table;
    private long tableVersion = -1;
    private Map<String, Integer> selectionTags = Map.of();
    private long tagsVersion = -1, tagsSelection = -1;
    private String problem;

    private LabelSession(Bundle bundle, ViewState state, Annotations annotations, AnnotationStore store, String notice) {
        this.bundle = bundle;
        this.state = state;
        this.annotations = annotations;
        this.store = store;
        this.notice = notice;
        this.columns = AnnotatedColumns.of(bundle);
        show();
    }

    /**
     * Opens the edits of {@code bundle} shown in {@code state}: from {@code file} when given, else where
     * {@link AnnotationStore#locate} puts them. A sidecar that cannot be read is refused in one line.
     */
    public static LabelSession open(Bundle bundle, ViewState state, Path file) throws BundleException {
        return open(bundle, state, file, UserCache.root());
    }

    /** As {@link #open(Bundle, ViewState, Path)}, with the user's cache folder at {@code cacheDir}. */
    static LabelSession open(Bundle bundle, ViewState state, Path file, Path cacheDir) throws BundleException {
        AnnotationStore.Location at = AnnotationStore.locate(bundle.dir(), file, cacheDir);
        Annotations a = new Annotations(bundle.count(), bundle.labels(), bundle.labelValues());
        AnnotationStore store = AnnotationStore.open(a, at);
        return new LabelSession(bundle, state, a, store, at.notice());
    }

    public Annotations annotations() { return annotations; }

    /** Where the edits are saved. */
    public Path file() { return store.file(); }

    /** A sentence for the user when the edits go elsewhere than beside the bundle, else null. */
    public String notice() { return notice; }

    /**
     * A sentence when saves found the edits file changed elsewhere (another window on this bundle, or a
     * hand edit): those edits are kept in the file, not shown here; or that an unreadable file was set
     * aside rather than written over. Else null.
     */
    public String elsewhereNotice() {
        String name = store.file().getFileName().toString();
        if (store.setAside() != null) {
            return name + " was changed elsewhere into a file that cannot be read: it is kept as "
                    + store.setAside() + ", and this window's edits are saved in its place";
        }
        int n = store.editedElsewhere();
        if (n == 0) return null;
        return String.format("%,d edit%s made to %s elsewhere (another window?) since it was opened: kept, and shown here",
                n, n == 1 ? "" : "s", name);
    }

    /**
     * Shows the edits that saves found made elsewhere (another window on this bundle), on the thread
     * that edits: each frame, cheap when there are none. {@code wake} runs on the saving thread when
     * there are some, for a window that waits for input.
     */
    public void showEditedElsewhere() {
        if (store.applyEditedElsewhere()) {
            show();
            store.changed();
        }
    }

    /** Waits for saves in flight; true when every edit so far is on disk. */
    public boolean flush(long timeoutMillis) { return store.flush(timeoutMillis); }

    /**
     * Runs {@code wake} when a save, or a look at the file every {@code everyMillis}, finds edits made
     * elsewhere, for {@link #showEditedElsewhere}.
     */
    public void onEditedElsewhere(Runnable wake, long everyMillis) { store.onEditedElsewhere(wake, everyMillis); }

    /** The last save's failure in words, else null. */
    public String saveError() { return store.lastError(); }

    /** Why the last edit asked for was refused (an empty label, a tag with the separator), else null. */
    public String problem() { return problem; }

    /** The label column's name (the manifest's, or {@code label}). */
    public String labelColumn() { return columns.label(); }

    /** The labels the legend lists, which a user can give: the bundle's and those typed that some item has, in legend order. */
    public List<String> labelValues() { return keyedValues(); }

    /** The name of label {@code label} (an index into {@link #labelValues()}): the manifest's name for the bundle's values. */
    public String labelName(int label) {
        return label < bundleValues(bundle) ? bundle.labelName(label) : labelValues().get(label);
    }

    private static int bundleValues(Bundle bundle) { return bundle.hasLabels() ? bundle.labelValues().size() : 0; }

    /**
     * Per code of {@code annotations}, its label in the view (its legend row), or -1 for a value a user
     * added that no item has any more.
     */
    private static int[] rowOfCode(Bundle bundle, Annotations annotations) {
        int[] counts = annotations.labelCounts();
        int[] row = new int[counts.length];
        int rows = 0, kept = bundleValues(bundle);
        for (int code = 0; code < counts.length; code++) row[code] = code < kept || counts[code] > 0 ? rows++ : -1;
        return row;
    }

    /** Items with a label or tags that differ from the bundle's. */
    public int editedCount() {
        int c = 0;
        for (int i = 0; i < annotations.count(); i++) if (annotations.isEdited(i)) c++;
        return c;
    }

    /**
     * Whether column {@code name} is one of the edits' own ({@code LABEL_original}, {@code tags}) and
     * holds nothing yet: the original labels while none was changed, the tags while no item has one.
     * The colour list leaves those out (colouring by them would show one colour, or the labels again);
     * the search still reads them, so a query over tags works before the first tag. Worked out once per edit.
     */
    public boolean isEmptyEditColumn(String name) {
        if (!name.equals(columns.original()) && !name.equals(columns.tags())) return false;
        if (emptyVersion != annotations.version()) {
            relabelled = tagged = false;
            for (int i = 0, n = annotations.count(); i < n && !(relabelled && tagged); i++) {
                if (annotations.label(i) != annotations.originalLabel(i)) relabelled = true;
                if (annotations.tagCount(i) > 0) tagged = true;
            }
            emptyVersion = annotations.version();
        }
        return name.equals(columns.tags()) ? !tagged : !relabelled;
    }

    private boolean relabelled, tagged;
    private long emptyVersion = Long.MIN_VALUE;

    // ---------------------------------------------------------------- edits of the selection

    /**
     * Gives the selection the label {@code value}: one of {@link #labelValues()}, the name the legend
     * shows for one of the bundle's values ("Dress" for Fashion-MNIST's 3: the same label, not a new one
     * beside it), or a new one.
     */
    public boolean assign(String value) {
        String v = valueNamed(value);
        return edit(() -> annotations.assignLabel(state.selectedItems(), v));
    }

    /**
     * The label value the user means by {@code typed}: itself when it is a value, else the bundle's value
     * shown under that name, else the one value or name it is in another case, else itself (new).
     */
    String valueNamed(String typed) {
        List<String> values = keyedValues();
        if (values.contains(typed)) return typed;
        int named = bundle.hasLabels() ? bundle.labelValues().size() : 0;
        for (int l = 0; l < named; l++) {
            if (bundle.labelName(l).equals(typed)) return bundle.labelValues().get(l);
        }
        // Typed in another case ("coat" for Fashion-MNIST's "Coat"): the one label it names, not a second
        // category of the same word; where two differ only in case, neither is guessed.
        String match = null;
        for (String value : values) {
            if (!value.equalsIgnoreCase(typed)) continue;
            if (match != null && !match.equals(value)) return typed;
            match = value;
        }
        for (int l = 0; l < named; l++) {
            if (!bundle.labelName(l).equalsIgnoreCase(typed)) continue;
            String value = bundle.labelValues().get(l);
            if (match != null && !match.equals(value)) return typed;
            match = value;
        }
        return match != null ? match : typed;
    }

    /**
     * The label number key {@code digit} (0–9) gives, or -1. Where labels are named by digits (MNIST's
     * values 0–9) a key gives the label of its own digit, so that 3 labels a digit "3"; otherwise keys
     * 1–9 give the legend's first nine labels (0 none).
     */
    public int labelForKey(int digit) {
        List<String> values = keyedValues();
        if (digitNamed) return values.indexOf(String.valueOf(digit));
        return digit >= 1 && digit <= LabelEditor.KEYED_LABELS && digit - 1 < values.size() ? digit - 1 : -1;
    }

    /** The number key that gives label {@code label} ({@link #labelForKey}), or -1. */
    public int keyForLabel(int label) {
        List<String> values = keyedValues();
        if (label < 0 || label >= values.size()) return -1;
        if (digitNamed) return isDigit(values.get(label)) ? values.get(label).charAt(0) - '0' : -1;
        return label < LabelEditor.KEYED_LABELS ? label + 1 : -1;
    }

    /**
     * The editing panel's line on the number keys. Where the labels are digits named as themselves
     * (MNIST: 3 is "three") a key gives its digit; where they are digits with names (Fashion-MNIST's 3 is "Dress") the
     * line names the labels of the first and last key, as "that digit" said nothing of a dress.
     */
    private static final String[] DIGIT_WORDS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};

    public String numberKeysHint() {
        if (!keysAreDigits()) return "1-9: set the legend's first nine";
        StringBuilder keys = new StringBuilder(), each = new StringBuilder();
        int lo = -1, hi = -1, count = 0;
        boolean named = false;
        for (int d = 0; d <= 9; d++) {
            int l = labelForKey(d);
            if (l < 0) continue;
            if (lo < 0) lo = d;
            hi = d;
            count++;
            named |= !labelName(l).equals(String.valueOf(d)) && !labelName(l).equalsIgnoreCase(DIGIT_WORDS[d]);
            keys.append(keys.length() > 0 ? ", " : "").append(d);
            each.append(each.length() > 0 ? ", " : "").append(d).append(' ').append(labelName(l));
        }
        if (!named) return "0-9: set the label of that digit";
        if (count == hi - lo + 1 && count > 2) {
            return lo + "-" + hi + ": set that label (" + lo + " " + labelName(labelForKey(lo)) + " ... " + hi + " " + labelName(labelForKey(hi)) + ")";
        }
        return keys + ": set that label (" + each + ")";
    }

    /** Whether the number keys follow the labels' own digits: some label is a single digit. */
    public boolean keysAreDigits() {
        keyedValues();
        return digitNamed;
    }

    /**
     * The label values and whether some is a single digit, taken once per edit: the keys are asked per
     * legend row each frame, and {@link Annotations#labelValues()} is a copy.
     */
    private List<String> keyedValues() {
        if (keyedVersion != annotations.version()) {
            List<String> values = annotations.labelValues();
            int[] row = rowOfCode(bundle, annotations);
            keyedValues = new ArrayList<>(values.size());
            for (int code = 0; code < values.size(); code++) if (row[code] >= 0) keyedValues.add(values.get(code));
            digitNamed = false;
            for (String v : keyedValues) if (isDigit(v)) { digitNamed = true; break; }
            keyedVersion = annotations.version();
        }
        return keyedValues;
    }

    private List<String> keyedValues;
    private boolean digitNamed;
    private long keyedVersion = Long.MIN_VALUE;

    private static boolean isDigit(String v) { return v.length() == 1 && v.charAt(0) >= '0' && v.charAt(0) <= '9'; }

    /** Gives the selection label {@code label} of the legend (0-based). */
    public boolean assign(int label) {
        List<String> values = labelValues();
        if (label < 0 || label >= values.size()) return false;
        return assign(values.get(label));
    }

    public boolean addTag(String tag) {
        return edit(() -> annotations.addTag(state.selectedItems(), tag));
    }

    public boolean removeTag(String tag) {
        return edit(() -> annotations.removeTag(state.selectedItems(), tag));
    }

    public boolean canUndo() { return annotations.canUndo(); }

    public boolean canRedo() { return annotations.canRedo(); }

    public boolean undo() { return edit(annotations::undo); }

    public boolean redo() { return edit(annotations::redo); }

    private interface Edit { boolean run(); }

    private boolean edit(Edit e) {
        boolean changed;
        try {
            changed = e.run();
            problem = null;
        } catch (IllegalArgumentException refused) {
            problem = refused.getMessage();
            return false;
        }
        if (changed) {
            show();
            store.changed();
        }
        return changed;
    }

    /** The tags of the selected items, each with how many of them have it, in alphabetical order. */
    public Map<String, Integer> selectionTags() {
        if (tagsVersion != annotations.version() || tagsSelection != state.selectionVersion()) {
            Map<String, Integer> m = new TreeMap<>();
            for (int i : state.selectedItems()) for (String t : annotations.tags(i)) m.merge(t, 1, Integer::sum);
            selectionTags = m;
            tagsVersion = annotations.version();
            tagsSelection = state.selectionVersion();
        }
        return selectionTags;
    }

    // ---------------------------------------------------------------- what the rest of the explorer reads

    /**
     * The bundle's columns as typed elsewhere (the renderer's, shared with colouring), instead of a
     * copy of its own typed on first use.
     */
    public void shareColumns(java.util.function.Supplier<ColumnTable> bundleColumns) { this.plainTable = bundleColumns; }

    /** Every column with the edits (see {@link ColumnTable#of(Bundle, Annotations)}), rebuilt after an edit. */
    public ColumnTable table() {
        if (tableVersion != annotations.version()) {
            if (plain == null) plain = plainTable != null ? plainTable.get() : ColumnTable.of(bundle);
            table = plain.withEdits(bundle, annotations);
            tableVersion = annotations.version();
        }
        return table;
    }

    /** Increases with every edit: what depends on the labels or tags (a search) is out of date when it changed. */
    public long version() { return annotations.version(); }

    /**
     * Puts the annotations' labels into the view, keeping each label's shown state across a change: by
     * its code (a label that leaves the legend moves the rows after it up), and the unlabelled items'
     * when a new label takes their old place. A label new to the legend shows.
     */
    private void show() {
        boolean noneShown = noneLabel < 0 || state.isShown(noneLabel);
        boolean[] shownByCode = new boolean[annotations.labelValues().size()];
        java.util.Arrays.fill(shownByCode, true);
        for (int code = 0; rowOfCode != null && code < rowOfCode.length; code++) {
            if (rowOfCode[code] >= 0) shownByCode[code] = state.isShown(rowOfCode[code]);
        }
        noneLabel = show(bundle, annotations, state);
        rowOfCode = rowOfCode(bundle, annotations);
        for (int code = 0; code < rowOfCode.length; code++) {
            if (rowOfCode[code] >= 0 && state.isShown(rowOfCode[code]) != shownByCode[code]) state.setShown(rowOfCode[code], shownByCode[code]);
        }
        if (noneLabel >= 0 && state.isShown(noneLabel) != noneShown) state.setShown(noneLabel, noneShown);
    }

    /** Per code, its legend row as last shown ({@link #rowOfCode(Bundle, Annotations)}); null before the first. */
    private int[] rowOfCode;

    /**
     * Puts the labels of {@code annotations} (of {@code bundle}) into {@code state} as the explorer shows
     * them: the labels per item, their names and colours, items without a label under {@link #NONE}.
     * For a still that shows saved edits without editing them ({@code render}).
     *
     * @return the label of the items without one, or -1 when every item has one
     */
    public static int show(Bundle bundle, Annotations annotations, ViewState state) {
        List<String> values = annotations.labelValues();
        int[] row = rowOfCode(bundle, annotations);
        List<String> names = new ArrayList<>(values.size() + 1);
        List<Integer> codeColours = new ArrayList<>(values.size() + 1);
        int bundleValues = bundleValues(bundle);
        for (int code = 0; code < values.size(); code++) {
            if (row[code] < 0) continue;
            names.add(code < bundleValues ? bundle.labelName(code) : values.get(code));
            // By code, not row: a label keeps its colour when one added before it leaves the legend.
            codeColours.add(Palette.rgb(code));
        }
        int rows = names.size();
        int[] codes = annotations.labels();
        boolean anyNone = rows == 0;
        for (int c : codes) if (c < 0) { anyNone = true; break; }
        int none = anyNone ? rows : -1;
        int[] labels = new int[codes.length];
        for (int i = 0; i < codes.length; i++) labels[i] = codes[i] < 0 ? none : row[codes[i]];
        // A bundle without labels keeps its one colour until the user gives some.
        if (anyNone) {
            names.add(rows == 0 ? "" : NONE);
            codeColours.add(rows == 0 ? Palette.rgb(0) : NONE_COLOR);
        }
        int[] colors = new int[names.size()];
        for (int l = 0; l < colors.length; l++) colors[l] = codeColours.get(l);
        state.setLabels(labels, names, colors);
        return none;
    }

    /** Waits for the last save (up to ten seconds) and stops the writer. */
    @Override
    public void close() { store.close(); }
}
