package org.embedscope.source;

import java.util.Map;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.BundleException;

/**
 * A collection of images to prepare: how many, each one decoded on demand, and what is known about
 * them (labels, other columns). Item {@code i} of the source becomes item {@code i} of the bundle.
 *
 * <p>{@link #decode} may be called from several threads at once.
 */
public interface ImageSource {

    /** Number of items. */
    int count();

    /** Decodes item {@code i}; a corrupt or unreadable image throws with its file and item named. */
    DecodedImage decode(int i) throws BundleException;

    /**
     * Width and height of item {@code i}, cheaper than decoding when the format allows;
     * used to choose the cell size.
     */
    default int[] size(int i) throws BundleException {
        DecodedImage img = decode(i);
        return new int[] {img.width(), img.height()};
    }

    /** How item {@code i} is named in messages: its file, or its index in a file. */
    String itemName(int i);

    /** Raw label value of each item (categories, shown as they are unless named), or null without labels. */
    String[] labels();

    /** Display names of label values that the source knows (may be empty). */
    default Map<String, String> labelNames() { return Map.of(); }

    /** Other per-item columns for {@code points.csv}, name → one value per item, in column order. */
    Map<String, String[]> metadata();

    /** True when every image is known, without decoding it, to be grey without alpha (IDX files). */
    default boolean knownGreyOpaque() { return false; }

    /** The alpha mode the source's images call for, or null to decide from the pixels. */
    default AlphaMode preferredAlpha() { return null; }

    /** A short description for the manifest's provenance, e.g. the files read. */
    String description();

    /** {@code source} with {@code metadata} as its columns instead of its own, described as {@code description}. */
    static ImageSource withMetadata(ImageSource source, Map<String, String[]> metadata, String description) {
        Map<String, String[]> columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
        return new ImageSource() {
            @Override public int count() { return source.count(); }

            @Override public DecodedImage decode(int i) throws BundleException { return source.decode(i); }

            @Override public int[] size(int i) throws BundleException { return source.size(i); }

            @Override public String itemName(int i) { return source.itemName(i); }

            @Override public String[] labels() { return source.labels(); }

            @Override public Map<String, String> labelNames() { return source.labelNames(); }

            @Override public Map<String, String[]> metadata() { return columns; }

            @Override public boolean knownGreyOpaque() { return source.knownGreyOpaque(); }

            @Override public AlphaMode preferredAlpha() { return source.preferredAlpha(); }

            @Override public String description() { return description; }
        };
    }
}
