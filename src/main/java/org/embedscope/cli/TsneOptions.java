package org.embedscope.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.embedscope.bundle.BundleException;
import org.embedscope.layout.LayoutOptions;
import org.embedscope.layout.knn.Metric;
import org.embedscope.layout.tsne.Tsne;
import org.embedscope.source.VectorFiles;
import picocli.CommandLine.Option;

/**
 * t-SNE's own parameters as {@code --tsne-*} options, a part of {@link LayoutEngineOptions} (which holds
 * the perplexity, seed and metric t-SNE shares with the other engines).
 */
public final class TsneOptions {

    @Option(names = "--tsne-iter", paramLabel = "N", defaultValue = "650", description = "t-SNE: iterations after early exaggeration (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--tsne-early-iter", paramLabel = "N", defaultValue = "250", description = "t-SNE: iterations of early exaggeration (default: ${DEFAULT-VALUE}).")
    int earlyIterations;

    @Option(names = "--tsne-exaggeration", paramLabel = "A", defaultValue = "12", description = "t-SNE: early exaggeration factor (default: ${DEFAULT-VALUE}).")
    double exaggeration;

    @Option(names = "--tsne-learning-rate", paramLabel = "R", defaultValue = "auto",
            description = "t-SNE: learning rate, or auto for max(200, n/12) (default: ${DEFAULT-VALUE}).")
    String learningRate;

    @Option(names = "--tsne-init", paramLabel = "pca|random|FILE", defaultValue = "pca",
            description = "t-SNE: initial layout: PCA, random, or coordinates from a file (.npy (n, 2), or CSV with columns x,y or "
                    + "tsne_x,tsne_y), e.g. a UMAP layout; any start is scaled to standard deviation 1e-4 (default: ${DEFAULT-VALUE}).")
    String init;

    @Option(names = "--tsne-repulsion", paramLabel = "NAME", defaultValue = "auto",
            description = "t-SNE: repulsive forces by fft (interpolation on a grid), barnes-hut (θ 0.5) or exact; auto = exact below "
                    + "2,000 points, else fft or barnes-hut, whichever is cheaper at each iteration (default: ${DEFAULT-VALUE}).")
    String repulsion;

    @Option(names = "--tsne-pca-dims", paramLabel = "D", defaultValue = "50",
            description = "t-SNE: search neighbour candidates among a PCA projection to D dimensions, then re-rank them on the "
                    + "original rows; 0 searches the original rows (default: ${DEFAULT-VALUE}).")
    int pcaDims;

    /**
     * The parameters, with the shared ones; {@code IllegalArgumentException} names a bad value. With a
     * file for {@code --tsne-init} the init here is a placeholder: {@link #start} replaces it.
     */
    Tsne.Params params(double perplexity, long seed, Metric metric, int threads) {
        double lr;
        if (learningRate.equalsIgnoreCase("auto")) {
            lr = 0;
        } else {
            try {
                lr = Double.parseDouble(learningRate);
            } catch (NumberFormatException e) {
                lr = Double.NaN;
            }
            if (!(lr > 0)) throw new IllegalArgumentException("--tsne-learning-rate: expected a positive number or auto, got '" + learningRate + "'");
        }
        Tsne.Init in = init.equalsIgnoreCase("random") ? Tsne.Init.RANDOM : Tsne.Init.PCA;
        Tsne.Repulsion rep = switch (repulsion.toLowerCase(Locale.ROOT)) {
            case "auto" -> Tsne.Repulsion.AUTO;
            case "fft" -> Tsne.Repulsion.FFT;
            case "barnes-hut", "bh" -> Tsne.Repulsion.BARNES_HUT;
            case "exact" -> Tsne.Repulsion.EXACT;
            default -> throw new IllegalArgumentException("--tsne-repulsion: expected auto, fft, barnes-hut or exact, got '" + repulsion + "'");
        };
        if (iterations < 0 || earlyIterations < 0) throw new IllegalArgumentException("--tsne-iter and --tsne-early-iter must be 0 or more");
        if (!(exaggeration >= 1)) throw new IllegalArgumentException("--tsne-exaggeration must be at least 1, got " + exaggeration);
        return new Tsne.Params(perplexity, earlyIterations, exaggeration, iterations, lr, seed, in, null, threads, rep, metric, pcaDims);
    }

    /** The start layout of {@code --tsne-init FILE}, read once the number of items is known; null for pca or random. */
    LayoutOptions.StartLayout start() {
        if (init.equalsIgnoreCase("pca") || init.equalsIgnoreCase("random")) return null;
        Path file = Path.of(init);
        return new LayoutOptions.StartLayout(init, n -> {
            try {
                return VectorFiles.readCoordinates(file, n, "tsne");
            } catch (BundleException e) {
                throw new IllegalStateException(e.getMessage(), e);  // the command line reports the cause as bad input
            }
        });
    }
}
