package org.embedscope.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.embedscope.bundle.BundleException;
import org.embedscope.layout.LayoutAlgorithm;
import org.embedscope.layout.Metric;
import org.embedscope.layout.tsne.Tsne;
import org.embedscope.source.VectorFiles;
import picocli.CommandLine.Option;

/**
 * t-SNE's own parameters as {@code --tsne-*} options, for any command that computes layouts (the
 * perplexity, seed, metric and thread count are the command's shared options).
 */
public final class TsneOptions {

    @Option(names = "--tsne-iter", paramLabel = "N", defaultValue = "750", description = "t-SNE: iterations after early exaggeration (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--tsne-early-iter", paramLabel = "N", defaultValue = "250", description = "t-SNE: iterations of early exaggeration (default: ${DEFAULT-VALUE}).")
    int earlyIterations;

    @Option(names = "--tsne-exaggeration", paramLabel = "A", defaultValue = "12", description = "t-SNE: early exaggeration factor (default: ${DEFAULT-VALUE}).")
    double exaggeration;

    @Option(names = "--tsne-learning-rate", paramLabel = "R", defaultValue = "auto",
            description = "t-SNE: learning rate, or auto for max(200, n/12) (default: ${DEFAULT-VALUE}).")
    String learningRate;

    @Option(names = "--tsne-init", paramLabel = "pca|random|FILE", defaultValue = "pca",
            description = {"t-SNE: initial layout: PCA, random, or coordinates from a file (.npy (n, 2), or CSV with columns x,y or",
                    "tsne_x,tsne_y), e.g. a UMAP layout; any start is scaled to standard deviation 1e-4 (default: ${DEFAULT-VALUE})."})
    String init;

    @Option(names = "--tsne-repulsion", paramLabel = "NAME", defaultValue = "auto",
            description = {"t-SNE: repulsive forces by fft (interpolation on a grid), barnes-hut (θ 0.5) or exact; auto = exact below",
                    "2,000 points, else fft or barnes-hut, whichever is cheaper at each iteration (default: ${DEFAULT-VALUE})."})
    String repulsion;

    @Option(names = "--tsne-pca-dims", paramLabel = "D", defaultValue = "50",
            description = {"t-SNE: search neighbour candidates among a PCA projection to D dimensions, then re-rank them on the",
                    "original rows; 0 searches the original rows (default: ${DEFAULT-VALUE})."})
    int pcaDims;

    /**
     * The parameters, with the command's shared ones; {@code IllegalArgumentException} names a bad value.
     * A file given to {@code --tsne-init} is read by {@link #engine} once the number of items is known.
     */
    Tsne.Params toParams(double perplexity, long seed, Metric metric, int threads) {
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
        Tsne.Init in = switch (init.toLowerCase(Locale.ROOT)) {
            case "pca" -> Tsne.Init.PCA;
            case "random" -> Tsne.Init.RANDOM;
            default -> Tsne.Init.PCA;  // a file: replaced by the given layout in engine()
        };
        Tsne.Repulsion rep = switch (repulsion.toLowerCase(Locale.ROOT)) {
            case "auto" -> Tsne.Repulsion.AUTO;
            case "fft" -> Tsne.Repulsion.FFT;
            case "barnes-hut", "bh" -> Tsne.Repulsion.BARNES_HUT;
            case "exact" -> Tsne.Repulsion.EXACT;
            default -> throw new IllegalArgumentException("--tsne-repulsion: expected auto, fft, barnes-hut or exact, got '" + repulsion + "'");
        };
        if (iterations < 0 || earlyIterations < 0) throw new IllegalArgumentException("--tsne-iter and --tsne-early-iter must be 0 or more");
        if (!(exaggeration >= 1)) throw new IllegalArgumentException("--tsne-exaggeration must be at least 1, got " + exaggeration);
        if (!(perplexity > 0)) throw new IllegalArgumentException("--tsne-perplexity must be positive, got " + perplexity);
        return new Tsne.Params(perplexity, earlyIterations, exaggeration, iterations, lr, seed, in, null, threads, rep, metric, pcaDims);
    }

    /** The parameters as a bundle's manifest records them. */
    public java.util.Map<String, Object> params(double perplexity, long seed, Metric metric) {
        Tsne.Params p = toParams(perplexity, seed, metric, 0);
        return org.embedscope.layout.LayoutRegistry.params("perplexity", p.perplexity(), "early_exaggeration", p.exaggeration(),
                "early_iterations", p.earlyIterations(), "iterations", p.iterations(), "learning_rate", p.learningRate() > 0 ? p.learningRate() : "auto",
                "init", init, "repulsion", repulsion.toLowerCase(Locale.ROOT), "pca_dims", p.pcaDims(),
                "metric", metric.name().toLowerCase(Locale.ROOT), "seed", seed);
    }

    /** The engine; with a file for {@code --tsne-init}, it reads the file when it learns the number of items. */
    public LayoutAlgorithm engine(double perplexity, long seed, Metric metric, int threads) {
        Tsne.Params params = toParams(perplexity, seed, metric, threads);
        String lower = init.toLowerCase(Locale.ROOT);
        if (lower.equals("pca") || lower.equals("random")) return new Tsne(params);
        Path file = Path.of(init);
        return (data, n, dim, progress) -> {
            float[] start;
            try {
                start = VectorFiles.readCoordinates(file, n, "tsne");
            } catch (BundleException e) {
                throw new IllegalStateException(e.getMessage(), e);  // the command line reports the cause as bad input
            }
            return new Tsne(params.withInitialLayout(start)).fit(data, n, dim, progress);
        };
    }
}
