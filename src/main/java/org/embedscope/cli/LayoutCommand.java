package org.embedscope.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.embedscope.bundle.AtomicFile;
import org.embedscope.bundle.BundleException;
import org.embedscope.layout.LayoutAlgorithm;
import org.embedscope.layout.LayoutOptions;
import org.embedscope.layout.LayoutRegistry;
import org.embedscope.progress.TerminalProgress;
import org.embedscope.source.Matrix;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code embedscope layout}: compute one 2-D layout of IDX images or feature vectors and write its coordinates. */
@Command(name = "layout", mixinStandardHelpOptions = true,
        description = {"Compute a 2-D layout of IDX images (pixels scaled to [0, 1], files concatenated in order) or of "
                + "feature vectors, and write x,y coordinates as CSV, one row per item.",
                "",
                "Prints each stage's time.",
                "",
                "Example (all 70,000 MNIST digits, train then test):",
                "  embedscope layout --idx train-images-idx3-ubyte train-labels-idx1-ubyte \\",
                "      --idx t10k-images-idx3-ubyte t10k-labels-idx1-ubyte \\",
                "      --algo umap -o umap.csv"})
public final class LayoutCommand implements Callable<Integer> {

    @Option(names = "--algo", paramLabel = "NAME", defaultValue = "umap",
            description = "Layout engine: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).", completionCandidates = PrepareCommand.LayoutNames.class)
    String algo;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE.csv", description = "Where to write the coordinates (columns x,y).")
    Path out;

    @CommandLine.Mixin LayoutEngineOptions engines = new LayoutEngineOptions();

    @Option(names = "--umap-epochs", paramLabel = "N", defaultValue = "0", description = "UMAP: epochs, 0 for 500 up to 10,000 points and 200 above (default: ${DEFAULT-VALUE}).")
    int umapEpochs;

    @Option(names = "--pca-first", paramLabel = "DIMS", description = "UMAP: reduce the input to DIMS principal components first (off by default).")
    Integer pcaFirst;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Worker threads of the engines, 0 for one per core (default: ${DEFAULT-VALUE}). One thread and a seed give bit-for-bit the same layout "
                    + "(t-SNE, PCA: on any number of threads).")
    int threads;

    @CommandLine.Mixin LayoutInputOptions input = new LayoutInputOptions();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws BundleException {
        input.check(spec);
        if (!LayoutRegistry.names().contains(algo)) throw usage("--algo: unknown layout '" + algo + "'; known: " + String.join(", ", LayoutRegistry.names()));
        if (threads < 0) throw usage("--threads must be 0 or more");
        AtomicFile.checkTarget(out);
        input.checkNotInput(out, spec);
        LayoutAlgorithm engine;
        try {
            LayoutOptions options = engines.options(threads);
            options = options.withUmap(options.umap().withEpochs(umapEpochs).withPca(pcaFirst != null, pcaFirst != null ? pcaFirst : 50));
            engine = LayoutRegistry.create(algo, options).algorithm();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        TerminalProgress progress = TerminalProgress.onStderr();
        Thread hook = new Thread(progress::cancel);
        Runtime.getRuntime().addShutdownHook(hook);
        long start = System.nanoTime();
        progress.stage("reading input", 0);
        Matrix data = LayoutInputs.data(input.imageFiles(), input.vectors(spec));
        long computeStart = System.nanoTime();
        float[] xy = engine.fit(data.data(), data.rows(), data.cols(), progress);
        // Said once the layout is there, so that an input refused on the way stays the only line.
        String adjusted = engine.adjustedFor(data.rows());
        if (adjusted != null) {
            spec.commandLine().getErr().println("embedscope: " + adjusted);
            spec.commandLine().getErr().flush();
        }
        double computeSecs = (System.nanoTime() - computeStart) / 1e9;
        progress.stage("writing " + out.getFileName(), 0);
        write(xy, data.rows(), out);
        progress.finish();
        Runtime.getRuntime().removeShutdownHook(hook);
        long rss = TerminalProgress.peakRss();
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d × %d → %s; layout %.1f s, total %.1f s%s%n", algo, data.rows(), data.cols(), out, computeSecs,
                (System.nanoTime() - start) / 1e9, rss > 0 ? String.format(Locale.ROOT, ", peak RSS %d MB", rss >> 20) : "");
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Writes x,y rows atomically (see {@link AtomicFile}). */
    static void write(float[] xy, int n, Path file) throws BundleException {
        try {
            AtomicFile.write(file, tmp -> {
                try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
                    w.write("x,y\n");
                    StringBuilder sb = new StringBuilder(32);
                    for (int i = 0; i < n; i++) {
                        sb.setLength(0);
                        sb.append(xy[2 * i]).append(',').append(xy[2 * i + 1]).append('\n');
                        w.write(sb.toString());
                    }
                }
            });
        } catch (IOException e) {
            throw AtomicFile.cannotWrite(file, e);
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
