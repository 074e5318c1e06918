package org.embedscope.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.embedscope.bundle.BundleException;
import org.embedscope.digits.DigitTransform;
import org.embedscope.digits.MillionDigits;
import org.embedscope.progress.TerminalProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code embedscope million-digits}: a large IDX set of real digits, for trying the tool at scale. */
@Command(name = "million-digits", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a large IDX set made of real digits: each of MNIST's 70,000 images drawn --copies times "
                + "(default 15: 1,050,000 images).",
                "",
                "Each copy goes through its own small random affine transform (shift up to 2 px, rotation up to "
                + "12 degrees, scale 0.9 to 1.1; bilinear resampling). OUT gets MNIST's four file names (training copies, then test copies) and " + MillionDigits.TRANSFORMS_FILE + " (per item: its source "
                + "digit's index in MNIST, training then test, and its transform). The same inputs and --seed give the same "
                + "files, byte for byte.",
                "",
                "Then:",
                "  embedscope prepare \\",
                "      --idx OUT/train-images-idx3-ubyte OUT/train-labels-idx1-ubyte \\",
                "      --idx OUT/t10k-images-idx3-ubyte OUT/t10k-labels-idx1-ubyte \\",
                "      --metadata OUT/" + MillionDigits.TRANSFORMS_FILE + " --label-names mnist --layout umap -o BUNDLE"})
public final class MillionDigitsCommand implements Callable<Integer> {
    @Option(names = "--mnist", required = true, paramLabel = "DIR",
            description = "Folder holding MNIST's IDX files (raw or .gz), e.g. from scripts/fetch-mnist.sh DIR; or a bundle "
                    + "of its digits, e.g. the shipped assets/mnist (grey 28-px cells, numeric labels; its split column "
                    + "says which are training digits), whose finest cells are MNIST's pixels exactly.")
    Path mnist;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT", description = "Folder to write the set into.")
    Path out;

    @Option(names = "--copies", paramLabel = "N", defaultValue = "" + MillionDigits.DEFAULT_COPIES,
            description = "Transformed copies of each digit (default: ${DEFAULT-VALUE}).")
    int copies;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the transforms (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws BundleException {
        TerminalProgress progress = TerminalProgress.onStderr();
        long start = System.nanoTime();
        MillionDigits.Result r = MillionDigits.write(mnist, out, copies, seed, progress, progress::cancel);
        progress.finish();
        System.out.printf(Locale.ROOT, "wrote %s: %,d images in %.1f s (transforms within ±%.0f px, ±%.0f°, scale ±%.0f%%)%n",
                r.dir(), r.count(), (System.nanoTime() - start) / 1e9, DigitTransform.MAX_SHIFT, DigitTransform.MAX_DEGREES,
                DigitTransform.MAX_SCALE_CHANGE * 100);
        return 0;
    }
}
