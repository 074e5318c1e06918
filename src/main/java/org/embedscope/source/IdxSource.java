package org.embedscope.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.BundleException;

/**
 * Images and labels from IDX file pairs (MNIST, Fashion-MNIST), concatenated in the order given,
 * e.g. train then test. Adds the metadata column {@code split}: {@code train} or {@code test} when the
 * image file's name says so (MNIST's {@code train-…} and {@code t10k-…}), else the file's name.
 * These sets are white on black, so the alpha mode is {@code luminance}.
 */
public final class IdxSource implements ImageSource {

    /** One pair of files: images and their labels. */
    public record Pair(Path images, Path labels) {}

    private final List<Pair> pairs;
    private final List<IdxFile.ImageReader> images = new ArrayList<>();
    private final int[] starts;
    private final String[] labels;
    private final String[] split;
    private final Map<String, String> labelNames;

    private IdxSource(List<Pair> pairs, Map<String, String> labelNames) throws BundleException {
        this.pairs = List.copyOf(pairs);
        this.labelNames = labelNames;
        List<int[]> labelArrays = new ArrayList<>();
        starts = new int[pairs.size() + 1];
        for (int p = 0; p < pairs.size(); p++) {
            Pair pair = pairs.get(p);
            IdxFile.ImageReader im = IdxFile.openImages(pair.images());
            int[] lb = IdxFile.readLabels(pair.labels());
            if (lb.length != im.count()) {
                throw new BundleException(pair.labels(), null, "holds " + lb.length + " labels but " + pair.images().getFileName()
                        + " holds " + im.count() + " images; expected one label per image");
            }
            if ((long) starts[p] + im.count() > Integer.MAX_VALUE - 8) {
                throw new BundleException(pair.images(), null, "too many images in total");
            }
            images.add(im);
            labelArrays.add(lb);
            starts[p + 1] = starts[p] + im.count();
        }
        int n = starts[pairs.size()];
        labels = new String[n];
        split = new String[n];
        String[] values = new String[256];
        for (int v = 0; v < 256; v++) values[v] = Integer.toString(v);
        for (int p = 0; p < pairs.size(); p++) {
            int[] lb = labelArrays.get(p);
            String s = splitName(pairs.get(p).images());
            for (int i = 0; i < lb.length; i++) labels[starts[p] + i] = values[lb[i]];
            Arrays.fill(split, starts[p], starts[p + 1], s);
        }
    }

    /**
     * Opens every pair now: headers and lengths are checked and labels read; the pixels of raw files
     * stay on disk and are read image by image (gzip files are decompressed into memory).
     */
    public static IdxSource open(List<Pair> pairs, Map<String, String> labelNames) throws BundleException {
        if (pairs.isEmpty()) throw new IllegalArgumentException("no IDX files");
        return new IdxSource(pairs, labelNames == null ? Map.of() : labelNames);
    }

    static String splitName(Path imagesFile) {
        String f = imagesFile.getFileName().toString();
        String lower = f.toLowerCase(Locale.ROOT);
        if (lower.startsWith("train")) return "train";
        if (lower.startsWith("t10k") || lower.startsWith("test")) return "test";
        return f;
    }

    private int pairOf(int i) {
        int p = Arrays.binarySearch(starts, i);
        return p >= 0 ? p : -p - 2;
    }

    @Override public int count() { return starts[pairs.size()]; }

    @Override
    public DecodedImage decode(int i) throws BundleException {
        int p = pairOf(i);
        IdxFile.ImageReader im = images.get(p);
        byte[] px = new byte[im.rows() * im.cols()];
        im.read(i - starts[p], px);
        return new DecodedImage(im.cols(), im.rows(), 1, px);
    }

    @Override
    public int[] size(int i) {
        IdxFile.ImageReader im = images.get(pairOf(i));
        return new int[] {im.cols(), im.rows()};
    }

    @Override
    public String itemName(int i) {
        int p = pairOf(i);
        return pairs.get(p).images() + ": image " + (i - starts[p]);
    }

    @Override public String[] labels() { return labels; }

    @Override public Map<String, String> labelNames() { return labelNames; }

    @Override
    public Map<String, String[]> metadata() {
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put("split", split);
        return m;
    }

    @Override public boolean knownGreyOpaque() { return true; }

    @Override public AlphaMode preferredAlpha() { return AlphaMode.LUMINANCE; }

    @Override
    public String description() {
        List<String> parts = new ArrayList<>();
        for (Pair p : pairs) parts.add(p.images().getFileName() + " + " + p.labels().getFileName());
        return "IDX " + String.join(", ", parts);
    }
}
