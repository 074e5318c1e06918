package org.embedscope.atlas;

import java.util.ArrayList;
import java.util.List;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.BundleException;
import org.embedscope.progress.Progress;
import org.embedscope.source.DecodedImage;
import org.embedscope.source.ImageSource;

/**
 * What the atlas must know of the images before its first page is written: their sizes (for the
 * default cell and for padding), which ones cannot be read, whether all are grey, whether any has
 * alpha, and how bright their borders are (for the alpha mode). {@link #read} decodes every image
 * once for it; {@link #measure} only asks for sizes, for sources whose images are known to be grey and
 * opaque (IDX files) and whose alpha mode is already decided.
 */
public final class ImageSurvey {
    /** An image that could not be read, and why. */
    public record Skipped(int index, String name, String reason) {}

    private final int[] width, height;
    private final int[] kept;
    private final List<Skipped> skipped;
    private final boolean allGrey, ownAlpha;
    private final double meanBorderLuma;

    private ImageSurvey(int[] width, int[] height, int[] kept, List<Skipped> skipped, boolean allGrey, boolean ownAlpha, double meanBorderLuma) {
        this.width = width;
        this.height = height;
        this.kept = kept;
        this.skipped = skipped;
        this.allGrey = allGrey;
        this.ownAlpha = ownAlpha;
        this.meanBorderLuma = meanBorderLuma;
    }

    /** Sizes only, from {@link ImageSource#size}; every image counts as grey and opaque. */
    public static ImageSurvey measure(ImageSource source, Progress progress) throws BundleException {
        if (!source.knownGreyOpaque()) throw new IllegalArgumentException("measure needs a source of grey opaque images");
        int n = source.count();
        int[] w = new int[n], h = new int[n];
        CellBuilder.forEachItem(n, "measuring images", progress, (i, chunk) -> {
            int[] s = source.size(i);
            w[i] = s[0];
            h[i] = s[1];
        });
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        return new ImageSurvey(w, h, all, List.of(), true, false, Double.NaN);
    }

    /** Decodes every image once; a bad image stops the run, or with {@code skipBad} is left out and listed. */
    public static ImageSurvey read(ImageSource source, boolean skipBad, Progress progress) throws BundleException {
        int n = source.count();
        int[] w = new int[n], h = new int[n];
        byte[] traits = new byte[n]; // bit 0: grey, bit 1: own alpha
        double[] border = new double[n];
        String[] bad = new String[n];
        CellBuilder.forEachItem(n, "reading images", progress, (i, chunk) -> {
            DecodedImage img;
            try {
                img = source.decode(i);
            } catch (BundleException e) {
                if (!skipBad) throw e;
                bad[i] = e.getMessage();
                return;
            }
            w[i] = img.width();
            h[i] = img.height();
            traits[i] = (byte) ((img.isGrey() ? 1 : 0) | (img.hasAlpha() ? 2 : 0));
            border[i] = img.borderLuma();
        });
        List<Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < n; i++) if (bad[i] != null) skipped.add(new Skipped(i, source.itemName(i), bad[i]));
        int m = n - skipped.size();
        if (m == 0) throw new BundleException(null, null, "none of the " + n + " images could be read (first: " + skipped.get(0).reason() + ")");
        int[] kept = new int[m];
        boolean grey = true, alpha = false;
        double borderSum = 0; // summed in item order: the same total on any number of threads
        for (int i = 0, k = 0; i < n; i++) {
            if (bad[i] != null) continue;
            kept[k++] = i;
            grey &= (traits[i] & 1) != 0;
            alpha |= (traits[i] & 2) != 0;
            borderSum += border[i];
        }
        return new ImageSurvey(w, h, kept, List.copyOf(skipped), grey, alpha, borderSum / m);
    }

    /** For each item of the atlas, the index of its image in the source (ascending). */
    public int[] kept() { return kept; }

    /** The images left out (only with {@code skipBad}). */
    public List<Skipped> skipped() { return skipped; }

    /** The largest side of any readable image, or 0 when none. */
    public int largestSide() {
        int max = 0;
        for (int i : kept) max = Math.max(max, Math.max(width[i], height[i]));
        return max;
    }

    /** Default cell size: the largest image side when at most {@code maxNative} pixels, else {@code maxNative}. */
    public int defaultCell(int maxNative) {
        int max = largestSide();
        return max == 0 ? maxNative : Math.min(max, maxNative);
    }

    public boolean allGrey() { return allGrey; }

    /** True when some cell of {@code cell} pixels has transparent pixels: the image's own alpha, or padding ({@link CellFitter}). */
    public boolean anyAlpha(int cell) {
        if (ownAlpha) return true;
        for (int i : kept) if (CellFitter.padded(width[i], height[i], cell)) return true;
        return false;
    }

    /**
     * The alpha mode these images call for: {@code luminance} for grey images on a dark background
     * (white-on-black sets such as MNIST), else {@code channel} when some pixels are transparent,
     * else {@code opaque}. Grey images with transparency of their own take {@code channel}: their
     * transparent border reads as dark, and luminance dropped their alpha, so dark ink on a transparent
     * background (icons, glyphs) was drawn as nothing.
     */
    public AlphaMode suggestedAlpha(int cell) {
        if (allGrey && !ownAlpha && meanBorderLuma < 48) return AlphaMode.LUMINANCE;
        return anyAlpha(cell) ? AlphaMode.CHANNEL : AlphaMode.OPAQUE;
    }

    /** Page format for an alpha mode: grey when every item is grey; an alpha channel only for {@code channel}. */
    public PixelFormat pageFormat(AlphaMode alpha) {
        return PixelFormat.of(allGrey, alpha == AlphaMode.CHANNEL);
    }
}
