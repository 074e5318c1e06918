package org.embedscope;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.embedscope.source.IdxFile;

/** Builders of test inputs: IDX files, image files in several formats, the MNIST fixture. */
public final class TestData {
    private TestData() {}

    public static final Path MNIST_IMAGES = Path.of("src/test/resources/mnist-5k/images-idx3-ubyte.gz");
    public static final Path MNIST_LABELS = Path.of("src/test/resources/mnist-5k/labels-idx1-ubyte.gz");

    /** An IDX file: big-endian magic, sizes, then the bytes. */
    public static byte[] idx(int magic, int[] dims, byte[] data) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int d : dims) out.writeInt(d);
        out.write(data);
        return bytes.toByteArray();
    }

    public static Path write(Path file, byte[] content, boolean gzip) throws Exception {
        try (OutputStream o = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            o.write(content);
        }
        return file;
    }

    /** MNIST test digits {@code from … from+n-1} and their labels as raw IDX files in {@code dir}; returns {images, labels}. */
    public static Path[] mnistSubset(Path dir, String prefix, int from, int n) throws Exception {
        IdxFile.Images im = IdxFile.readImages(MNIST_IMAGES);
        int[] lb = IdxFile.readLabels(MNIST_LABELS);
        byte[] px = java.util.Arrays.copyOfRange(im.pixels(), from * im.size(), (from + n) * im.size());
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) labels[i] = (byte) lb[from + i];
        Path images = write(dir.resolve(prefix + "-images-idx3-ubyte"), idx(0x803, new int[] {n, 28, 28}, px), false);
        Path lab = write(dir.resolve(prefix + "-labels-idx1-ubyte"), idx(0x801, new int[] {n}, labels), false);
        return new Path[] {images, lab};
    }

    /** A grey image whose pixel (x, y) is {@code f(x, y)}. */
    public static BufferedImage grey(int w, int h, java.util.function.IntBinaryOperator f) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.getRaster().setSample(x, y, 0, f.applyAsInt(x, y));
        return img;
    }

    /** An RGB(A) image whose pixel (x, y) is the ARGB value {@code f(x, y)}. */
    public static BufferedImage argb(int w, int h, boolean alpha, java.util.function.IntBinaryOperator f) {
        BufferedImage img = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, f.applyAsInt(x, y));
        return img;
    }

    public static Path save(BufferedImage img, String format, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(img, format, file.toFile())) throw new IllegalStateException("no writer for " + format);
        return file;
    }
}
