package org.embedscope.cli;

import java.nio.file.Path;
import java.util.List;
import org.embedscope.bundle.BundleException;
import org.embedscope.source.IdxFile;
import org.embedscope.source.Matrix;
import org.embedscope.source.VectorFiles;

/** Inputs of the layout tools: IDX image files (concatenated, pixels scaled to [0, 1]) or a vectors file, and IDX labels. */
final class LayoutInputs {
    private LayoutInputs() {}

    /** The rows of all image files in order, one row per image, {@code pixel / 255}. */
    static Matrix images(List<Path> files) throws BundleException {
        IdxFile.Images[] parts = new IdxFile.Images[files.size()];
        long total = 0;
        for (int f = 0; f < parts.length; f++) {
            parts[f] = IdxFile.readImages(files.get(f));
            if (f > 0 && parts[f].size() != parts[0].size()) {
                throw new BundleException(files.get(f), "header", "images are " + parts[f].rows() + "×" + parts[f].cols() + "; expected "
                        + parts[0].rows() + "×" + parts[0].cols() + " like " + files.get(0));
            }
            total += parts[f].pixels().length;
        }
        if (total > Integer.MAX_VALUE - 8) throw new BundleException(files.get(0), null, "too many pixels in all for one array: " + total);
        int dim = parts[0].size(), rows = 0;
        float[] x = new float[(int) total];
        int o = 0;
        for (IdxFile.Images p : parts) {
            byte[] px = p.pixels();
            for (int i = 0; i < px.length; i++) x[o + i] = (px[i] & 0xff) / 255f;
            o += px.length;
            rows += p.count();
        }
        return new Matrix(rows, dim, x, null);
    }

    /** The data: the images when given, else the rows of the vectors file ({@code .npy} or text), all finite. */
    static Matrix data(List<Path> images, org.embedscope.source.MatrixInput vectors) throws BundleException {
        if (images != null && !images.isEmpty()) return images(images);
        return VectorFiles.readVectors(vectors);
    }

    /** The labels of all label files in order. */
    static int[] labels(List<Path> files) throws BundleException {
        int[][] parts = new int[files.size()][];
        int total = 0;
        for (int f = 0; f < parts.length; f++) {
            parts[f] = IdxFile.readLabels(files.get(f));
            total += parts[f].length;
        }
        int[] out = new int[total];
        int o = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }
}
