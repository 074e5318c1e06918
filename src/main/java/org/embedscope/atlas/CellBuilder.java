package org.embedscope.atlas;

import java.util.concurrent.atomic.AtomicLong;
import org.embedscope.bundle.BundleException;
import org.embedscope.progress.Progress;
import org.embedscope.util.Parallel;
import org.embedscope.source.DecodedImage;

/**
 * Fits one image into its cell at every level of detail, and runs such work over many items in
 * parallel with progress and cancellation.
 */
public final class CellBuilder {
    private CellBuilder() {}

    /** Images per parallel task: large enough to amortise scheduling, small enough to balance. */
    private static final int CHUNK = 256;

    /** One image's cells, finest level first, {@code sizes[l]²} pixels each of {@code format} (premultiplied when it has alpha). */
    public record Cells(PixelFormat format, byte[][] levels) {}

    /** Work on one item; {@code chunk} numbers the run of {@link #CHUNK} items it belongs to. */
    interface ItemTask {
        void run(int item, int chunk) throws BundleException;
    }

    /**
     * Runs {@code task} on every item of {@code n}, in chunks on several threads, as stage {@code stage}:
     * cancellation is checked before each item and progress reported after it.
     */
    static void forEachItem(int n, String stage, Progress progress, ItemTask task) throws BundleException {
        progress.stage(stage, n);
        forEachItem(0, n, progress, new AtomicLong(), task);
    }

    /** Runs {@code task} on items {@code [from, to)} within the current stage; {@code done} counts the stage's items. */
    static void forEachItem(int from, int to, Progress progress, AtomicLong done, ItemTask task) throws BundleException {
        int chunks = (to - from + CHUNK - 1) / CHUNK;
        Parallel.run(chunks, chunk -> {
            for (int i = from + chunk * CHUNK, end = Math.min(to, i + CHUNK); i < end; i++) {
                progress.checkCancelled();
                task.run(i, chunk);
                progress.advance(done.incrementAndGet());
            }
        });
    }

    /** {@code img} fitted into cells of {@code sizes[0]} pixels, each coarser level filtered from the one before. */
    public static Cells build(DecodedImage img, int[] sizes) {
        CellFitter.Fitted f = CellFitter.fit(img, sizes[0]);
        int ch = f.format().channels;
        byte[][] levels = new byte[sizes.length][];
        levels[0] = f.pixels();
        for (int l = 1; l < sizes.length; l++) levels[l] = LevelsOfDetail.reduce(levels[l - 1], sizes[l - 1], ch, sizes[l]);
        return new Cells(f.format(), levels);
    }
}
