package org.embedscope.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.embedscope.annotate.AnnotatedColumns;
import org.embedscope.annotate.Annotations;
import org.embedscope.annotate.AnnotationsFile;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.BundleException;

/**
 * A user's corrections taken back into {@code prepare}: the rows of an annotations file (as the
 * explorer saves it, {@code index,label,tags,edited}) applied by row index onto a source's items.
 * Each row's label replaces the source's (an empty one leaves the item without a label), and the tags
 * become a metadata column {@code tags} (joined by {@value Annotations#TAG_SEPARATOR}) when any item has some.
 * Rows name the source's items before any is skipped, as the bundle's rows do when none was.
 */
public final class AnnotationsJoin {
    private AnnotationsJoin() {}

    /** {@code source} with the labels and tags of {@code file}; a bad row is refused in one line naming it. */
    public static ImageSource join(ImageSource source, Path file) throws BundleException {
        int n = source.count();
        String[] raw = source.labels();
        List<String> values = new ArrayList<>();
        int[] codes = null;
        if (raw != null) {
            Map<String, Integer> codeOf = new HashMap<>();
            codes = new int[n];
            for (int i = 0; i < n; i++) {
                Integer c = codeOf.get(raw[i]);
                if (c == null) {
                    c = values.size();
                    codeOf.put(raw[i], c);
                    values.add(raw[i]);
                }
                codes[i] = c;
            }
        }
        Annotations a = new Annotations(n, codes, values);
        AnnotationsFile.read(file, a);

        String[] labels = raw;
        if (raw != null || !a.labelValues().isEmpty()) {
            labels = new String[n];
            for (int i = 0; i < n; i++) {
                String v = a.labelValue(i);
                labels[i] = v == null ? "" : v;
            }
        }
        Map<String, String[]> metadata = source.metadata();
        boolean anyTags = false;
        for (int i = 0; i < n && !anyTags; i++) anyTags = !a.tags(i).isEmpty();
        if (anyTags) {
            if (metadata.containsKey("tags")) {
                throw new BundleException(file, null, "has tags, but the source already has a column 'tags'; "
                        + "expected a source without one (rename it, e.g. in the --metadata file)");
            }
            String[] tags = new String[n];
            for (int i = 0; i < n; i++) tags[i] = AnnotatedColumns.tagCell(a, i);
            Map<String, String[]> all = new LinkedHashMap<>(metadata);
            all.put("tags", tags);
            metadata = Collections.unmodifiableMap(all);
        }
        String[] finalLabels = labels;
        Map<String, String[]> finalMetadata = metadata;
        return new ImageSource() {
            @Override public int count() { return n; }

            @Override public DecodedImage decode(int i) throws BundleException { return source.decode(i); }

            @Override public int[] size(int i) throws BundleException { return source.size(i); }

            @Override public String itemName(int i) { return source.itemName(i); }

            @Override public String[] labels() { return finalLabels; }

            @Override public Map<String, String> labelNames() { return source.labelNames(); }

            @Override public Map<String, String[]> metadata() { return finalMetadata; }

            @Override public boolean knownGreyOpaque() { return source.knownGreyOpaque(); }

            @Override public AlphaMode preferredAlpha() { return source.preferredAlpha(); }

            @Override public String description() { return source.description() + " + annotations " + file.getFileName(); }
        };
    }
}
