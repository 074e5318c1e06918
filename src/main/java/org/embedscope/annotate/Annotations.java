package org.embedscope.annotate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A user's corrections to a bundle: per item, a label that replaces the bundle's and free-text tags,
 * with undo and redo. GL-free; the explorer shows it, {@link AnnotationStore} keeps it on disk.
 *
 * <p>Labels are kept as codes into {@link #labelValues()}: the bundle's values first, in their display
 * order, then each new value in the order a user first typed it, so colours and legend rows of the
 * bundle's labels never move when one is added. Every edit bumps {@link #version()}.
 */
public final class Annotations {
    /** Separates tags in one CSV cell; a tag may not contain it. */
    public static final char TAG_SEPARATOR = ';';
    private static final String[] NO_TAGS = {};

    private final int count;
    private final int[] original;       // per item, the bundle's label code, -1 without labels
    private final int[] label;          // per item, the current label code, -1 for none
    private final String[][] tags;      // per item, sorted, NO_TAGS when none
    private final long[] editedAt;      // per item, epoch milliseconds of the last edit, 0 if never
    private final List<String> values;
    private final Map<String, Integer> codeOf = new HashMap<>();
    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();
    private long version;

    /**
     * @param originalLabels per item, an index into {@code labelValues}; null when the bundle has no labels
     * @param labelValues    the bundle's label values in display order
     */
    public Annotations(int count, int[] originalLabels, List<String> labelValues) {
        this.count = count;
        this.original = new int[count];
        if (originalLabels != null) System.arraycopy(originalLabels, 0, original, 0, count);
        else Arrays.fill(original, -1);
        this.label = original.clone();
        this.tags = new String[count][];
        Arrays.fill(tags, NO_TAGS);
        this.editedAt = new long[count];
        this.values = new ArrayList<>(labelValues);
        for (int i = 0; i < values.size(); i++) codeOf.put(values.get(i), i);
    }

    public int count() { return count; }

    /** The same items with none of the edits: the bundle's labels, and the label values known so far. */
    Annotations blank() {
        return new Annotations(count, original, values);
    }

    /** Increases with every change, undo and redo included. */
    public long version() { return version; }

    /** Every label value in code order: the bundle's, then the ones users added. */
    public List<String> labelValues() { return List.copyOf(values); }

    /** The code of {@code value}, adding it as a new label when it is new. */
    public int codeOf(String value) {
        Integer c = codeOf.get(value);
        if (c != null) return c;
        values.add(value);
        codeOf.put(value, values.size() - 1);
        return values.size() - 1;
    }

    /** Per item, the current label code; -1 for none. Do not modify. */
    public int[] labels() { return label; }

    public int label(int item) { return label[item]; }

    public int originalLabel(int item) { return original[item]; }

    /** The current label value of {@code item}, or null. */
    public String labelValue(int item) { return label[item] < 0 ? null : values.get(label[item]); }

    public List<String> tags(int item) { return List.of(tags[item]); }

    /** How many tags item {@code item} has (no copy). */
    public int tagCount(int item) { return tags[item].length; }

    /** Epoch milliseconds of the item's last edit, 0 when it has none. */
    public long editedAt(int item) { return editedAt[item]; }

    /** True when the item's label differs from the bundle's or it has tags. */
    public boolean isEdited(int item) { return label[item] != original[item] || tags[item].length > 0; }

    /** Items per label code (the legend's counts), over {@link #labelValues()}. */
    public int[] labelCounts() {
        int[] counts = new int[values.size()];
        for (int l : label) if (l >= 0) counts[l]++;
        return counts;
    }

    /** Gives {@code items} the label {@code value} (a bundle value or a new one). No-op items are skipped. */
    public boolean assignLabel(int[] items, String value) {
        String v = checkLabel(value);
        int code = codeOf(v);
        return apply(items, i -> code, i -> tags[i]);
    }

    /** Adds {@code tag} to each of {@code items}. */
    public boolean addTag(int[] items, String tag) {
        String t = checkTag(tag);
        return apply(items, i -> label[i], i -> {
            if (Arrays.binarySearch(tags[i], t) >= 0) return tags[i];
            TreeSet<String> s = new TreeSet<>(Arrays.asList(tags[i]));
            s.add(t);
            return s.toArray(NO_TAGS);
        });
    }

    /** Removes {@code tag} from each of {@code items} that has it. */
    public boolean removeTag(int[] items, String tag) {
        String t = checkTag(tag);
        return apply(items, i -> label[i], i -> {
            if (Arrays.binarySearch(tags[i], t) < 0) return tags[i];
            TreeSet<String> s = new TreeSet<>(Arrays.asList(tags[i]));
            s.remove(t);
            return s.toArray(NO_TAGS);
        });
    }

    /** Puts an item in the state a saved file gives it (loading; not an undoable edit). */
    void restore(int item, int labelCode, String[] itemTags, long at) {
        label[item] = labelCode;
        String[] sorted = itemTags.length == 0 ? NO_TAGS : new TreeSet<>(Arrays.asList(itemTags)).toArray(NO_TAGS);
        tags[item] = sorted;
        editedAt[item] = at;
        version++;
    }

    public boolean canUndo() { return !undo.isEmpty(); }

    public boolean canRedo() { return !redo.isEmpty(); }

    /** Takes back the last edit; false when there is none. */
    public boolean undo() {
        Edit e = undo.poll();
        if (e == null) return false;
        e.put(this, true);
        redo.push(e);
        version++;
        return true;
    }

    /** Does again the last edit taken back; false when there is none. */
    public boolean redo() {
        Edit e = redo.poll();
        if (e == null) return false;
        e.put(this, false);
        undo.push(e);
        version++;
        return true;
    }

    /** A label as typed: trimmed, not empty, one line. */
    public static String checkLabel(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) throw new IllegalArgumentException("a label cannot be empty");
        if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) throw new IllegalArgumentException("a label is one line");
        return v;
    }

    /** A tag as typed: trimmed, not empty, one line, without the separator. */
    public static String checkTag(String tag) {
        String t = tag == null ? "" : tag.strip();
        if (t.isEmpty()) throw new IllegalArgumentException("a tag cannot be empty");
        if (t.indexOf(TAG_SEPARATOR) >= 0) throw new IllegalArgumentException("a tag cannot contain '" + TAG_SEPARATOR + "'");
        if (t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) throw new IllegalArgumentException("a tag is one line");
        return t;
    }

    private interface LabelRule { int of(int item); }
    private interface TagRule { String[] of(int item); }

    private boolean apply(int[] items, LabelRule newLabel, TagRule newTags) {
        int[] changed = new int[items.length];
        int[] beforeLabel = new int[items.length], afterLabel = new int[items.length];
        String[][] beforeTags = new String[items.length][], afterTags = new String[items.length][];
        long[] beforeAt = new long[items.length];
        int m = 0;
        boolean[] seen = new boolean[count];
        for (int i : items) {
            if (i < 0 || i >= count) throw new IndexOutOfBoundsException("item " + i + " of " + count);
            if (seen[i]) continue;
            seen[i] = true;
            int l = newLabel.of(i);
            String[] t = newTags.of(i);
            if (l == label[i] && Arrays.equals(t, tags[i])) continue;
            changed[m] = i;
            beforeLabel[m] = label[i]; afterLabel[m] = l;
            beforeTags[m] = tags[i]; afterTags[m] = t;
            beforeAt[m] = editedAt[i];
            m++;
        }
        if (m == 0) return false;
        Edit e = new Edit(Arrays.copyOf(changed, m), Arrays.copyOf(beforeLabel, m), Arrays.copyOf(afterLabel, m),
                Arrays.copyOf(beforeTags, m), Arrays.copyOf(afterTags, m), Arrays.copyOf(beforeAt, m),
                System.currentTimeMillis());
        e.put(this, false);
        undo.push(e);
        redo.clear();
        version++;
        return true;
    }

    /** One edit, with what each changed item was before and became after. */
    private record Edit(int[] items, int[] beforeLabel, int[] afterLabel, String[][] beforeTags, String[][] afterTags,
                        long[] beforeAt, long at) {
        void put(Annotations a, boolean back) {
            for (int k = 0; k < items.length; k++) {
                int i = items[k];
                a.label[i] = back ? beforeLabel[k] : afterLabel[k];
                a.tags[i] = back ? beforeTags[k] : afterTags[k];
                a.editedAt[i] = back ? beforeAt[k] : at;
            }
        }
    }
}
