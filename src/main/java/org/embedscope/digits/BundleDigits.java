package org.embedscope.digits;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.BundleReader;
import org.embedscope.bundle.Manifest;
import org.embedscope.bundle.PageImage;
import org.embedscope.source.IdxFile;

/**
 * The digits of a bundle of grey square cells, such as the shipped {@code assets/mnist}, as the IDX
 * pairs MNIST's files hold: each item's finest cell, exactly its pixels (PNG is lossless, and a 28-px
 * digit's finest cell is the digit itself), in bundle order, split by the bundle's {@code split}
 * column into training items and the rest, with its label. So {@code million-digits} needs no download.
 */
final class BundleDigits {
    static final String SPLIT_COLUMN = "split", TRAIN = "train";

    private BundleDigits() {}

    /** {training, test} images and their labels, or the bundle's first problem in one line. */
    static Loaded read(Path bundleDir) throws BundleException {
        Bundle bundle = BundleReader.load(bundleDir);
        Manifest m = bundle.manifest();
        Manifest.Level finest = m.atlas().finest();
        Path json = bundleDir.resolve(Manifest.FILE_NAME);
        if (!bundle.hasLabels()) {
            throw new BundleException(json, "label", "the bundle has no labels; expected digits labelled 0 to 9");
        }
        int n = bundle.count(), side = finest.cell(), size = side * side;
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            String value = bundle.labelValues().get(bundle.labels()[i]);
            try {
                labels[i] = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                labels[i] = -1;
            }
            if (labels[i] < 0 || labels[i] > 255) {
                throw new BundleException(bundleDir.resolve(m.points()), "row " + (i + 2),
                        "label '" + value + "' is not a number from 0 to 255, as IDX labels are");
            }
        }
        int splitColumn = bundle.metaColumns().indexOf(SPLIT_COLUMN);
        boolean[] train = new boolean[n];
        int trainCount = 0;
        for (int i = 0; i < n; i++) {
            train[i] = splitColumn < 0 || TRAIN.equals(bundle.meta(splitColumn, i));
            if (train[i]) trainCount++;
        }
        byte[][] pixels = {new byte[trainCount * size], new byte[(n - trainCount) * size]};
        int[][] split = {new int[trainCount], new int[n - trainCount]};
        int[] next = new int[2];
        for (int p = 0; p < finest.pages().size(); p++) {
            try (PageImage page = bundle.readPage(0, p)) {
                if (page.channels() != 1) {
                    throw new BundleException(bundleDir.resolve(finest.pages().get(p)), null,
                            "has " + page.channels() + " channels; expected grey digits (one channel)");
                }
                ByteBuffer px = page.pixels();
                int first = p * finest.cellsPerPage(), last = Math.min(n, first + finest.cellsPerPage());
                for (int i = first; i < last; i++) {
                    int s = train[i] ? 0 : 1, at = next[s]++;
                    int x0 = finest.column(i) * side, y0 = finest.row(i) * side;
                    for (int y = 0; y < side; y++) {
                        px.get((y0 + y) * page.width() + x0, pixels[s], at * size + y * side, side);
                    }
                    split[s][at] = labels[i];
                }
            }
        }
        return new Loaded(new IdxFile.Images[] {new IdxFile.Images(trainCount, side, side, pixels[0]),
                new IdxFile.Images(n - trainCount, side, side, pixels[1])}, split);
    }

    record Loaded(IdxFile.Images[] images, int[][] labels) {}
}
