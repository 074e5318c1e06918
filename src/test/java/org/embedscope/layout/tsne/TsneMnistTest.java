package org.embedscope.layout.tsne;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.embedscope.layout.quality.LayoutQuality;
import org.embedscope.layout.MnistDigits;
import org.embedscope.progress.Progress;
import org.junit.jupiter.api.Test;

/**
 * The 5,000-digit MNIST subset (src/test/resources/mnist-5k) with the default parameters: the layout
 * must keep local structure as well as the full-data targets ask (knn15 ≥ 0.33, trust15 ≥ 0.96).
 * Measured on this subset: knn15 0.415, trust15 0.966, acc2d 0.904 (10-NN, 4,000 fitted / 1,000 scored);
 * scikit-learn 1.2's Barnes-Hut t-SNE (perplexity 30, init pca): 0.414, 0.965, 0.908.
 */
class TsneMnistTest {

    @Test
    void mnistSubsetKeepsItsNeighbourhoods() throws Exception {
        MnistDigits digits = MnistDigits.load();
        int n = digits.n(), dim = digits.dim();
        float[] x = digits.pixels();
        float[] y = new Tsne(Tsne.Params.defaults().withThreads(2)).fit(x, n, dim, Progress.NONE);
        LayoutQuality.Scores q = LayoutQuality.measure(x, n, dim, y, 2, digits.labels(),
                LayoutQuality.Settings.defaults().withTrainCount(4000).withThreads(2), Progress.NONE);
        System.out.printf("t-SNE on MNIST-5k: knn15 %.4f, trust15 %.4f, acc2d (4,000 / 1,000) %.4f%n",
                q.knn(), q.trustworthiness(), q.accuracy());
        assertTrue(q.knn() >= 0.33, "knn15 " + q.knn());
        assertTrue(q.trustworthiness() >= 0.96, "trust15 " + q.trustworthiness());
        assertTrue(q.accuracy() >= 0.88, "acc2d " + q.accuracy());
    }
}
