package org.embedscope.layout.tsne;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.embedscope.layout.LayoutAlgorithm;
import org.embedscope.layout.knn.KnnGraph;
import org.embedscope.layout.knn.NnDescentTest;
import org.embedscope.layout.quality.LayoutQuality;
import org.embedscope.layout.MnistDigits;
import org.embedscope.progress.Progress;
import org.junit.jupiter.api.Test;

/**
 * The 5,000-digit MNIST subset (src/test/resources/mnist-5k) with the default parameters: the layout
 * must keep local structure as well as the full-data targets ask (knn15 ≥ 0.33, trust15 ≥ 0.96).
 * Measured on this subset: knn15 0.415, trust15 0.966, acc2d 0.904 (10-NN, 4,000 fitted / 1,000 scored);
 * scikit-learn 1.2's Barnes-Hut t-SNE (perplexity 30, init pca): 0.414, 0.965, 0.908.
 * The neighbour graph the engine returns (what {@code prepare} keeps): its first 15 of 90 hold 0.95 or
 * more of each digit's exact 15 nearest.
 */
class TsneMnistTest {

    @Test
    void mnistSubsetKeepsItsNeighbourhoods() throws Exception {
        MnistDigits digits = MnistDigits.load();
        int n = digits.n(), dim = digits.dim();
        float[] x = digits.pixels();
        LayoutAlgorithm.Fit fit = new Tsne(Tsne.Params.defaults().withThreads(2)).fitWithNeighbors(x, n, dim, Progress.NONE);
        float[] y = fit.coords();
        KnnGraph graph = fit.neighbors();
        double recall = NnDescentTest.recall(graph, MnistDigits.exact15());
        System.out.printf("t-SNE's neighbour graph on MNIST-5k: %d per digit, recall of the exact 15 nearest %.4f%n", graph.k(), recall);
        assertTrue(recall >= 0.95, "recall " + recall);
        assertTrue(graph.k() >= 15, "k " + graph.k());
        LayoutQuality.Scores q = LayoutQuality.measure(x, n, dim, y, 2, digits.labels(),
                LayoutQuality.Settings.defaults().withTrainCount(4000).withThreads(2), Progress.NONE);
        System.out.printf("t-SNE on MNIST-5k: knn15 %.4f, trust15 %.4f, acc2d (4,000 / 1,000) %.4f%n",
                q.knn(), q.trustworthiness(), q.accuracy());
        assertTrue(q.knn() >= 0.33, "knn15 " + q.knn());
        assertTrue(q.trustworthiness() >= 0.96, "trust15 " + q.trustworthiness());
        assertTrue(q.accuracy() >= 0.88, "acc2d " + q.accuracy());
    }
}
