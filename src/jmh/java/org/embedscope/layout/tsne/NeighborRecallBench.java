package org.embedscope.layout.tsne;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleReader;
import org.embedscope.util.Parallel;
import org.embedscope.layout.knn.KnnGraph;
import org.embedscope.layout.knn.Metric;
import org.embedscope.layout.knn.NearestNeighbors;
import org.embedscope.layout.knn.NnDescent;
import org.embedscope.layout.knn.SquaredDistance;
import org.embedscope.progress.Progress;
import org.embedscope.source.IdxFile;

/**
 * Recall of the neighbour graphs against exact neighbours on a data set too large for an exact graph:
 * the exact 15 nearest of {@code SAMPLE} seeded random items are found by brute force among all items,
 * and each graph is scored on those items. Graphs: a bundle's neighbours file (what prepare kept), and
 * with {@code --engines} the three a prepare run can keep: t-SNE's (PCA-50, re-ranked), UMAP's
 * (NN-descent, k = 14) and prepare's own search (NN-descent, k = 15).
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) org.embedscope.layout.tsne.NeighborRecallBench \
 *     SAMPLE [--bundle DIR] [--engines] IMAGES...
 * </pre>
 * Pixels are scaled to [0, 1], as prepare scales them.
 */
public final class NeighborRecallBench {
    public static void main(String[] args) throws Exception {
        int sample = Integer.parseInt(args[0]);
        Path bundle = null;
        boolean engines = false;
        List<Path> images = new ArrayList<>();
        for (int a = 1; a < args.length; a++) {
            if (args[a].equals("--bundle")) bundle = Path.of(args[++a]);
            else if (args[a].equals("--engines")) engines = true;
            else images.add(Path.of(args[a]));
        }
        List<float[]> parts = new ArrayList<>();
        int n = 0, dim = 0;
        for (Path p : images) {
            IdxFile.Images im = IdxFile.readImages(p);
            float[] x = new float[im.pixels().length];
            for (int i = 0; i < x.length; i++) x[i] = (im.pixels()[i] & 0xff) / 255f;
            parts.add(x);
            n += im.count();
            dim = im.size();
        }
        float[] x = new float[n * dim];
        int o = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, x, o, p.length);
            o += p.length;
        }
        int k = 15;
        int[] queries = sample(n, sample);
        long t0 = System.nanoTime();
        int[] exact = exact(x, n, dim, queries, k);
        System.out.printf(Locale.ROOT, "exact %d nearest of %d sampled items among %d: %.1f s%n", k, sample, n, (System.nanoTime() - t0) / 1e9);
        if (bundle != null) {
            Bundle b = BundleReader.load(bundle);
            KnnGraph g = new KnnGraph(b.count(), b.neighbors().k(), b.neighbors().indices(), b.neighbors().distances());
            report("bundle " + bundle, g, queries, exact, k);
        }
        if (engines) {
            long t = System.nanoTime();
            Tsne tsne = new Tsne(Tsne.Params.defaults());
            KnnGraph g;
            try (Parallel par = new Parallel(0)) {
                g = tsne.neighbourhood(x, n, dim, 90, par, Progress.NONE).graph();
            }
            report(String.format(Locale.ROOT, "t-SNE's graph (90, PCA-50 re-ranked; %.1f s)", (System.nanoTime() - t) / 1e9), g, queries, exact, k);
            t = System.nanoTime();
            g = NearestNeighbors.auto(NnDescent.Params.defaults().withSeed(42)).build(x, n, dim, 14, Metric.EUCLIDEAN, Progress.NONE);
            report(String.format(Locale.ROOT, "UMAP's graph (14, NN-descent; %.1f s)", (System.nanoTime() - t) / 1e9), g, queries, exact, 14);
            t = System.nanoTime();
            g = NearestNeighbors.auto(NnDescent.Params.defaults().withSeed(42)).build(x, n, dim, 15, Metric.EUCLIDEAN, Progress.NONE);
            report(String.format(Locale.ROOT, "prepare's own search (15, NN-descent; %.1f s)", (System.nanoTime() - t) / 1e9), g, queries, exact, k);
        }
    }

    /** Recall of the first {@code kk} of each query's exact neighbours among the graph's first {@code kk}. */
    private static void report(String what, KnnGraph g, int[] queries, int[] exact, int kk) {
        int k = exact.length / queries.length;
        long hit = 0;
        for (int q = 0; q < queries.length; q++) {
            for (int a = 0; a < kk; a++) {
                int j = g.neighbor(queries[q], a);
                for (int b = 0; b < kk; b++) {
                    if (exact[q * k + b] == j) {
                        hit++;
                        break;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s: recall@%d %.4f%n", what, kk, hit / (double) queries.length / kk);
    }

    /** {@code count} distinct items by a seeded partial shuffle. */
    private static int[] sample(int n, int count) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        java.util.Random rnd = new java.util.Random(0);
        for (int i = 0; i < count; i++) {
            int j = i + rnd.nextInt(n - i), t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return java.util.Arrays.copyOf(p, count);
    }

    private static int[] exact(float[] x, int n, int dim, int[] queries, int k) {
        int[] out = new int[queries.length * k];
        try (Parallel par = new Parallel(0)) {
            par.forRange(queries.length, 8, (w, from, to) -> {
                float[] bd = new float[k];
                for (int q = from; q < to; q++) {
                    int i = queries[q];
                    java.util.Arrays.fill(bd, Float.POSITIVE_INFINITY);
                    for (int j = 0; j < n; j++) {
                        if (j == i) continue;
                        float d = SquaredDistance.between(x, i, j, dim);
                        if (d >= bd[k - 1]) continue;
                        int p = k - 1;
                        while (p > 0 && bd[p - 1] > d) {
                            bd[p] = bd[p - 1];
                            out[q * k + p] = out[q * k + p - 1];
                            p--;
                        }
                        bd[p] = d;
                        out[q * k + p] = j;
                    }
                }
            });
        }
        return out;
    }
}
