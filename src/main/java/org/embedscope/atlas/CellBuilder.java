package org.embedscope.atlas;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.embedscope.bundle.BundleException;
import org.embedscope.progress.Progress;
import org.embedscope.util.Parallel;
import org.embedscope.source.DecodedImage;
import org.embedscope.source.ImageSource;

/**
 * Decodes every image of a source (in parallel) and fits it into its cell at every level of detail.
 * A bad image stops the run with its name, or with {@code skipBad} is left out and listed.
 */
public final class CellBuilder {
    private CellBuilder() {}

    /** Images per parallel task: large enough to amortise scheduling, small enough to balance. */
    private static final int CHUNK = 256;

    /** An image that could not be read, and why. */
    public record Skipped(int index, String name, String reason) {}

    /**
     * @param cells   the fitted cells of the images that were read
     * @param kept    for each cell, the index of its item in the source (ascending)
     * @param skipped the images left out (only with {@code skipBad})
     */
    public record Result(CellSet cells, int[] kept, List<Skipped> skipped) {}

    /** Work on one item; {@code chunk} numbers the run of {@link #CHUNK} items it belongs to. */
    private interface ItemTask {
        void run(int item, int chunk) throws BundleException;
    }

    /**
     * Runs {@code task} on every item of {@code n}, in chunks on several threads, as stage {@code stage}:
     * cancellation is checked before each item and progress reported after it.
     */
    private static void forEachItem(int n, String stage, Progress progress, ItemTask task) throws BundleException {
        progress.stage(stage, n);
        AtomicLong done = new AtomicLong();
        try (Parallel par = new Parallel(0)) {
            par.forEach(chunks(n), chunk -> {
                for (int i = chunk * CHUNK, end = Math.min(n, i + CHUNK); i < end; i++) {
                    progress.checkCancelled();
                    task.run(i, chunk);
                    progress.advance(done.incrementAndGet());
                }
            });
        }
    }

    private static int chunks(int n) { return (n + CHUNK - 1) / CHUNK; }

    /** Default cell size: the largest image side when at most {@code maxNative} pixels, else {@code maxNative}. */
    public static int defaultCell(ImageSource source, int maxNative, boolean skipBad, Progress progress) throws BundleException {
        int n = source.count();
        int[] largest = new int[chunks(n)]; // per chunk: no two threads write one slot
        forEachItem(n, "measuring images", progress, (i, chunk) -> {
            try {
                int[] s = source.size(i);
                largest[chunk] = Math.max(largest[chunk], Math.max(s[0], s[1]));
            } catch (BundleException e) {
                if (!skipBad) throw e;
            }
        });
        int max = 0;
        for (int m : largest) max = Math.max(max, m);
        return max == 0 ? maxNative : Math.min(max, maxNative);
    }

    public static Result build(ImageSource source, int cell, int maxLevels, boolean skipBad, Progress progress) throws BundleException {
        int n = source.count();
        int[] sizes = LevelsOfDetail.cellSizes(cell, maxLevels);
        byte[] formats = new byte[n];
        byte[][][] cells = new byte[n][][];
        double[] border = new double[n];
        String[] bad = new String[n];
        forEachItem(n, "reading images", progress, (i, chunk) -> {
            DecodedImage img;
            try {
                img = source.decode(i);
            } catch (BundleException e) {
                if (!skipBad) throw e;
                bad[i] = e.getMessage();
                return;
            }
            CellFitter.Fitted f = CellFitter.fit(img, cell);
            int ch = f.format().channels;
            byte[][] levels = new byte[sizes.length][];
            levels[0] = f.pixels();
            for (int l = 1; l < sizes.length; l++) levels[l] = LevelsOfDetail.reduce(levels[l - 1], sizes[l - 1], ch, sizes[l]);
            cells[i] = levels;
            formats[i] = (byte) ch;
            border[i] = img.borderLuma();
        });
        List<Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < n; i++) if (bad[i] != null) skipped.add(new Skipped(i, source.itemName(i), bad[i]));
        int m = n - skipped.size();
        if (m == 0) throw new BundleException(null, null, "none of the " + n + " images could be read (first: " + skipped.get(0).reason() + ")");
        int[] kept = new int[m];
        byte[] keptFormats = new byte[m];
        byte[][][] keptCells = new byte[m][][];
        double borderSum = 0;
        for (int i = 0, k = 0; i < n; i++) {
            if (bad[i] != null) continue;
            kept[k] = i;
            keptFormats[k] = formats[i];
            keptCells[k] = cells[i];
            borderSum += border[i];
            k++;
        }
        return new Result(new CellSet(sizes, keptFormats, keptCells, borderSum / m), kept, skipped);
    }
}
