package org.embedscope.atlas;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.embedscope.bundle.Manifest;
import org.embedscope.source.IdxSource;
import org.embedscope.source.ImageSource;
import java.util.List;

/**
 * Benchmark (not a test): encodes one full MNIST atlas page (2044², grey) with this encoder at several
 * Deflater levels and with javax.imageio, and prints median times, sizes and ratios.
 * Run: {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.embedscope.atlas.PngEncoderBench IMAGES LABELS}
 */
public final class PngEncoderBench {
    public static void main(String[] args) throws Exception {
        ImageSource src = IdxSource.open(List.of(new IdxSource.Pair(Path.of(args[0]), Path.of(args[1]))), null);
        AtlasGrid g = AtlasGrid.plan(src.count(), 28, 2048);
        Manifest.Level grid = new Manifest.Level(g.cell(), g.columns(), g.rows(), List.of("page"));
        int w = g.columns() * g.cell(), h = g.rows() * g.cell();
        byte[] page = new byte[w * h];
        for (int k = 0; k < Math.min(src.count(), grid.cellsPerPage()); k++) {
            PageWriter.place(CellBuilder.build(src.decode(k), new int[] {28}).levels()[0], 1, page, grid, k, PixelFormat.GREY);
        }
        System.out.printf(Locale.ROOT, "page %d×%d grey, %d cells%n", w, h, grid.cellsPerPage());
        int reps = 9;
        for (int warm = 0; warm < 3; warm++) { // JIT warm-up of both encoders
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            PngEncoder.write(o, page, w, h, PixelFormat.GREY, 6);
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            img.getRaster().setDataElements(0, 0, w, h, page);
            ImageIO.write(img, "png", new ByteArrayOutputStream());
        }
        double imageio = time(reps, () -> {
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            img.getRaster().setDataElements(0, 0, w, h, page);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.size();
        });
        System.out.printf(Locale.ROOT, "  javax.imageio: %.0f ms median, %d bytes%n", imageio, lastSize);
        for (int level : new int[] {1, 4, 6, 9}) {
            double t = time(reps, () -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                PngEncoder.write(out, page, w, h, PixelFormat.GREY, level);
                return out.size();
            });
            System.out.printf(Locale.ROOT, "  embedscope level %d: %.0f ms median, %d bytes; %.1f× faster than ImageIO%n", level, t, lastSize, imageio / t);
        }
    }

    interface Job { int run() throws Exception; }

    static int lastSize;

    static double time(int reps, Job job) throws Exception {
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            lastSize = job.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[reps / 2];
    }
}
