package org.embedscope.digits;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.embedscope.bundle.AtomicFile;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.Manifest;
import org.embedscope.util.Parallel;
import org.embedscope.progress.Progress;
import org.embedscope.source.IdxFile;

/**
 * A large IDX set made of real digits: each of MNIST's images drawn {@code copies} times through its
 * own random {@link DigitTransform}. The output folder gets the same four file names as MNIST (the
 * training digits' copies, then the test digits', so {@code prepare --idx} gives them the same
 * {@code split}), and {@value #TRANSFORMS_FILE}: per item, in the same order, the index of its source
 * digit in MNIST (training then test, as {@code assets/mnist} numbers them) and its transform.
 *
 * <p>Item {@code j = source · copies + copy}; its transform is drawn from a generator seeded by
 * ({@code seed}, {@code j}) alone, so the files depend only on the inputs and the seed, byte for byte,
 * whatever the number of threads. Files are written in a hidden folder inside the output and moved
 * into place only when all are complete; an error or Ctrl-C leaves the folder as it was.
 */
public final class MillionDigits {
    private MillionDigits() {}

    /** MNIST's images and labels files, training pair then test pair (as {@code scripts/fetch-mnist.sh} writes them). */
    public static final String[][] PAIRS = {
            {"train-images-idx3-ubyte", "train-labels-idx1-ubyte"},
            {"t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}};
    public static final String TRANSFORMS_FILE = "transforms.csv";
    public static final String TRANSFORMS_HEADER = "source,dx,dy,rotation,scale";
    public static final int DEFAULT_COPIES = 15;

    /** Source digits per block: drawn in parallel, then written in order. */
    private static final int BLOCK = 2048;

    /** What was written: the folder and the number of items. */
    public record Result(Path dir, long count) {}

    /**
     * Writes the set into {@code out} (created if needed; files of the same names are replaced).
     *
     * @param onInterrupt run first on Ctrl-C (it should cancel {@code progress}); may be null
     */
    public static Result write(Path mnistDir, Path out, int copies, long seed, Progress progress, Runnable onInterrupt)
            throws BundleException {
        if (copies < 1) throw new BundleException(null, null, "--copies must be at least 1, not " + copies);
        IdxFile.Images[] images = new IdxFile.Images[PAIRS.length];
        int[][] labels = new int[PAIRS.length][];
        progress.stage("reading MNIST", 0);
        if (Files.isRegularFile(mnistDir.resolve(Manifest.FILE_NAME))) {
            BundleDigits.Loaded fromBundle = BundleDigits.read(mnistDir);
            images = fromBundle.images();
            labels = fromBundle.labels();
        } else {
            for (int p = 0; p < PAIRS.length; p++) {
                Path im = input(mnistDir, PAIRS[p][0]), lb = input(mnistDir, PAIRS[p][1]);
                // Written over, the digits read would be lost with the set (--mnist DIR -o DIR on raw files).
                AtomicFile.checkNotInput(out.resolve(PAIRS[p][0]), im, "MNIST's " + PAIRS[p][0] + ", which this command reads; expected another -o folder");
                AtomicFile.checkNotInput(out.resolve(PAIRS[p][1]), lb, "MNIST's " + PAIRS[p][1] + ", which this command reads; expected another -o folder");
                images[p] = IdxFile.readImages(im);
                labels[p] = IdxFile.readLabels(lb);
                if (labels[p].length != images[p].count()) {
                    throw new BundleException(lb, null, "holds " + labels[p].length + " labels but " + im.getFileName() + " holds "
                            + images[p].count() + " images; expected one label per image");
                }
                if (images[p].rows() != images[p].cols()) {
                    throw new BundleException(im, "header", "images are " + images[p].cols() + "×" + images[p].rows() + "; expected square images");
                }
            }
        }
        long total = 0;
        for (int p = 0; p < PAIRS.length; p++) {
            long pixels = (long) images[p].count() * copies * images[p].size();
            if (pixels > Integer.MAX_VALUE - 8) {
                throw new BundleException(mnistDir, null, images[p].count() + " images × " + copies + " copies make " + pixels
                        + " pixels in one file; at most " + (Integer.MAX_VALUE - 8) + " can be read back");
            }
            total += (long) images[p].count() * copies;
        }
        try (Staging staging = Staging.create(out, onInterrupt)) {
            progress.stage("drawing digits", total);
            try (Parallel par = new Parallel(0);
                 Writer csv = Files.newBufferedWriter(staging.dir.resolve(TRANSFORMS_FILE), StandardCharsets.UTF_8)) {
                csv.write(TRANSFORMS_HEADER + "\n");
                long done = 0;
                int firstSource = 0;
                for (int p = 0; p < PAIRS.length; p++) {
                    done = writePair(images[p], labels[p], firstSource, copies, seed, staging.dir, PAIRS[p], csv, par, progress, done);
                    firstSource += images[p].count();
                }
            } catch (IOException e) {
                throw new BundleException(staging.dir, null, "cannot write: " + BundleException.describe(e));
            }
            progress.checkCancelled();
            staging.commit();
            return new Result(out, total);
        }
    }

    private static Path input(Path dir, String name) throws BundleException {
        Path raw = dir.resolve(name), gz = dir.resolve(name + ".gz");
        if (Files.isRegularFile(raw)) return raw;
        if (Files.isRegularFile(gz)) return gz;
        throw new BundleException(raw, null, "no such file; expected MNIST's " + name + " (or " + name
                + ".gz) in " + dir + ", as scripts/fetch-mnist.sh writes it");
    }

    /** One images/labels pair: every source digit of {@code im}, {@code copies} times. Returns the items done so far. */
    private static long writePair(IdxFile.Images im, int[] labels, int firstSource, int copies, long seed, Path dir, String[] names,
                                  Writer csv, Parallel par, Progress progress, long done) throws IOException {
        int side = im.rows(), size = im.size(), n = im.count();
        try (OutputStream imgOut = new BufferedOutputStream(Files.newOutputStream(dir.resolve(names[0])), 1 << 16);
             OutputStream lblOut = new BufferedOutputStream(Files.newOutputStream(dir.resolve(names[1])), 1 << 16)) {
            imgOut.write(IdxFile.imagesHeader(n * copies, side, side));
            lblOut.write(IdxFile.labelsHeader(n * copies));
            byte[] px = new byte[BLOCK * copies * size];
            byte[] lb = new byte[BLOCK * copies];
            String[] rows = new String[BLOCK];
            for (int from = 0; from < n; from += BLOCK) {
                progress.checkCancelled();
                int count = Math.min(BLOCK, n - from), start = from;
                par.forRange(count, 64, (w, a, b) -> {
                    StringBuilder sb = new StringBuilder(40 * copies);
                    for (int s = a; s < b; s++) {
                        sb.setLength(0);
                        int source = start + s, global = firstSource + source;
                        for (int c = 0; c < copies; c++) {
                            long item = (long) global * copies + c;
                            DigitTransform t = DigitTransform.random(new SplittableRandom(mix(seed, item)));
                            t.apply(im.pixels(), source * size, side, px, (s * copies + c) * size);
                            lb[s * copies + c] = (byte) labels[source];
                            sb.append(global).append(',');
                            t.csv(sb);
                            sb.append('\n');
                        }
                        rows[s] = sb.toString();
                    }
                });
                imgOut.write(px, 0, count * copies * size);
                lblOut.write(lb, 0, count * copies);
                for (int s = 0; s < count; s++) csv.write(rows[s]);
                done += (long) count * copies;
                progress.advance(done);
            }
        }
        return done;
    }

    /** A well-mixed seed for item {@code item} (SplitMix64's finaliser), so nearby items get unrelated streams. */
    static long mix(long seed, long item) {
        long z = seed * 0x9E3779B97F4A7C15L + (item + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A hidden folder inside the output that receives the files; {@link #commit} moves them into the
     * output, {@link #close} deletes whatever is left, and so does a shutdown hook on Ctrl-C (after
     * {@code onInterrupt} and a short wait for the work to stop).
     */
    private static final class Staging implements AutoCloseable {
        private static final long HOOK_WAIT_MS = 2000;
        final Path out;
        final Path dir;
        private final Thread hook;
        private final CountDownLatch closed = new CountDownLatch(1);

        /** Whether this run made the output folder: one that then received nothing goes with the staging folder. */
        private final boolean madeOut;
        private volatile boolean committed;

        private Staging(Path out, Path dir, boolean madeOut, Runnable onInterrupt) {
            this.out = out;
            this.dir = dir;
            this.madeOut = madeOut;
            hook = new Thread(() -> {
                if (onInterrupt != null) onInterrupt.run();
                try {
                    closed.await(HOOK_WAIT_MS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException ignored) {
                    // going down either way
                }
                clean();
            }, "embedscope-digits-cleanup");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        static Staging create(Path out, Runnable onInterrupt) throws BundleException {
            if (Files.exists(out) && !Files.isDirectory(out)) throw new BundleException(out, null, "is a file; expected a folder to write into");
            try {
                boolean made = !Files.exists(out);
                Files.createDirectories(out);
                return new Staging(out, Files.createTempDirectory(out, ".million-digits.partial-"), made, onInterrupt);
            } catch (IOException e) {
                throw new BundleException(out, null, "cannot create: " + BundleException.describe(e));
            }
        }

        void commit() throws BundleException {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    Files.move(f, out.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                throw new BundleException(out, null, "cannot move the files into place: " + BundleException.describe(e));
            }
            committed = true;
        }

        /** The staging folder, and the output folder when this run made it and it received nothing. */
        private void clean() {
            deleteTree(dir);
            if (madeOut && !committed) {
                try {
                    Files.deleteIfExists(out);   // only when empty
                } catch (IOException ignored) {
                    // not empty, or not ours to remove any more
                }
            }
        }

        @Override
        public void close() {
            clean();
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // shutting down: the hook is running
            }
        }

        private static void deleteTree(Path root) {
            try {
                org.embedscope.util.FileTrees.delete(root);
            } catch (IOException ignored) {
                // best effort: a hidden folder may remain
            }
        }
    }
}
