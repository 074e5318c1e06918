package org.embedscope.layout;

import org.embedscope.TestData;
import org.embedscope.layout.knn.ExactNearestNeighbors;
import org.embedscope.layout.knn.KnnGraph;
import org.embedscope.layout.knn.Metric;
import org.embedscope.progress.Progress;
import org.embedscope.source.IdxFile;

/** The 5,000-digit MNIST fixture as the layout engines take it: {@code n × dim} pixels scaled to [0, 1], and the labels. */
public record MnistDigits(int n, int dim, float[] pixels, int[] labels) {

    public static MnistDigits load() throws Exception {
        IdxFile.Images im = IdxFile.readImages(TestData.MNIST_IMAGES);
        float[] x = new float[im.pixels().length];
        for (int i = 0; i < x.length; i++) x[i] = (im.pixels()[i] & 0xff) / 255f;
        return new MnistDigits(im.count(), im.size(), x, IdxFile.readLabels(TestData.MNIST_LABELS));
    }

    private static KnnGraph exact15;

    /** The exact 15 nearest neighbours (Euclidean) of every digit, searched once per test run (brute force, ~10 s). */
    public static synchronized KnnGraph exact15() throws Exception {
        if (exact15 == null) {
            MnistDigits d = load();
            exact15 = new ExactNearestNeighbors().build(d.pixels(), d.n(), d.dim(), 15, Metric.EUCLIDEAN, Progress.NONE);
        }
        return exact15;
    }
}
