package org.embedscope.cli;

import java.util.Locale;
import org.embedscope.layout.Metric;
import org.embedscope.layout.tsne.Tsne;
import picocli.CommandLine.Option;

/** The t-SNE parameters as command-line options, for any command that computes a t-SNE layout. */
public final class TsneOptions {

    @Option(names = "--perplexity", paramLabel = "P", description = "Effective number of neighbours (default: ${DEFAULT-VALUE}).")
    double perplexity = 30;

    @Option(names = "--n-iter", paramLabel = "N", description = "Iterations after early exaggeration (default: ${DEFAULT-VALUE}).")
    int iterations = 750;

    @Option(names = "--early-iter", paramLabel = "N", description = "Iterations of early exaggeration (default: ${DEFAULT-VALUE}).")
    int earlyIterations = 250;

    @Option(names = "--exaggeration", paramLabel = "A", description = "Early exaggeration factor (default: ${DEFAULT-VALUE}).")
    double exaggeration = 12;

    @Option(names = "--learning-rate", paramLabel = "R", description = "Learning rate; 'auto' is max(200, n/12) (default: ${DEFAULT-VALUE}).")
    String learningRate = "auto";

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--init", paramLabel = "pca|random", description = "Initial layout (default: ${DEFAULT-VALUE}).")
    String init = "pca";

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads; 0 = all cores (default: ${DEFAULT-VALUE}). "
            + "With a fixed seed the layout is the same on any number of threads.")
    int threads = 0;

    @Option(names = "--repulsion", paramLabel = "auto|fft|barnes-hut|exact",
            description = "Repulsive forces: FFT-accelerated interpolation, Barnes-Hut (θ 0.5) or exact; auto = exact below 2,000 points, "
                    + "else fft or barnes-hut, whichever is cheaper at each iteration (default: ${DEFAULT-VALUE}).")
    String repulsion = "auto";

    @Option(names = "--metric", paramLabel = "euclidean|cosine", description = "Distance between input rows (default: ${DEFAULT-VALUE}).")
    String metric = "euclidean";

    @Option(names = "--pca-dims", paramLabel = "D", description = "Search neighbours among a PCA projection to D dimensions, "
            + "then re-rank them on the original rows; 0 = search the original rows (default: ${DEFAULT-VALUE}).")
    int pcaDims = 50;

    /** The parameters these options describe; {@code IllegalArgumentException} names a bad value. */
    public Tsne.Params toParams() {
        double lr;
        if (learningRate.equalsIgnoreCase("auto")) {
            lr = 0;
        } else {
            try {
                lr = Double.parseDouble(learningRate);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--learning-rate: expected a number or 'auto', got '" + learningRate + "'");
            }
            if (!(lr > 0)) throw new IllegalArgumentException("--learning-rate: expected a positive number, got " + learningRate);
        }
        Tsne.Init in = switch (init.toLowerCase(Locale.ROOT)) {
            case "pca" -> Tsne.Init.PCA;
            case "random" -> Tsne.Init.RANDOM;
            default -> throw new IllegalArgumentException("--init: expected pca or random, got '" + init + "'");
        };
        Tsne.Repulsion rep = switch (repulsion.toLowerCase(Locale.ROOT)) {
            case "auto" -> Tsne.Repulsion.AUTO;
            case "fft" -> Tsne.Repulsion.FFT;
            case "barnes-hut", "bh" -> Tsne.Repulsion.BARNES_HUT;
            case "exact" -> Tsne.Repulsion.EXACT;
            default -> throw new IllegalArgumentException("--repulsion: expected auto, fft, barnes-hut or exact, got '" + repulsion + "'");
        };
        Metric m;
        try {
            m = Metric.parse(metric);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--metric: expected euclidean or cosine, got '" + metric + "'");
        }
        return new Tsne.Params(perplexity, earlyIterations, exaggeration, iterations, lr, seed, in, null, threads, rep, m, pcaDims);
    }
}
