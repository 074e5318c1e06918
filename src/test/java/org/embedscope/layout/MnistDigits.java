package org.embedscope.layout;

import org.embedscope.TestData;
import org.embedscope.source.IdxFile;

/** The 5,000-digit MNIST fixture as the layout engines take it: {@code n × dim} pixels scaled to [0, 1], and the labels. */
public record MnistDigits(int n, int dim, float[] pixels, int[] labels) {

    public static MnistDigits load() throws Exception {
        IdxFile.Images im = IdxFile.readImages(TestData.MNIST_IMAGES);
        float[] x = new float[im.pixels().length];
        for (int i = 0; i < x.length; i++) x[i] = (im.pixels()[i] & 0xff) / 255f;
        return new MnistDigits(im.count(), im.size(), x, IdxFile.readLabels(TestData.MNIST_LABELS));
    }
}
