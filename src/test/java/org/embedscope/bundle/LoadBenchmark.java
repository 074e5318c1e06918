package org.embedscope.bundle;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.embedscope.source.IdxFile;

/**
 * Measures bundle loading on a synthetic 70,000-item bundle: two layouts, a label, a metadata column,
 * and an MNIST-sized atlas (73 × 73 cells of 28 px per page, 14 pages of 2044 × 2044 grey). Not a test:
 * it prints medians, it asserts nothing.
 *
 * <pre>
 * mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * flock /tmp/embedscope-bench.lock java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     org.embedscope.bundle.LoadBenchmark [MNIST_DIR] [RUNS]
 * </pre>
 *
 * With {@code MNIST_DIR} holding train-images-idx3-ubyte and t10k-images-idx3-ubyte, the pages hold the
 * real digits (realistic compression); otherwise a synthetic pattern.
 */
public final class LoadBenchmark {
    static final int COUNT = 70_000;
    static final int CELL = 28;
    static final int GRID = 73;

    public static void main(String[] args) throws Exception {
        Path mnist = args.length > 0 ? Path.of(args[0]) : Path.of("/work/data/package/data");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 11;
        Path dir = Files.createTempDirectory("embedscope-loadbench");
        try {
            long t0 = System.nanoTime();
            String pageKind = write(dir, mnist);
            System.out.printf(Locale.ROOT, "bundle: %,d items, points.csv %,d bytes, 14 pages (%s), written in %.1f s%n",
                    COUNT, Files.size(dir.resolve("points.csv")), pageKind, (System.nanoTime() - t0) / 1e9);

            double[] load = new double[runs];
            for (int i = -3; i < runs; i++) { // 3 warm-up runs
                long s = System.nanoTime();
                Bundle b = BundleReader.load(dir);
                double ms = (System.nanoTime() - s) / 1e6;
                if (b.count() != COUNT) throw new AssertionError();
                if (i == -3) System.out.printf(Locale.ROOT, "first load in this JVM (cold, as the app loads): %.1f ms%n", ms);
                if (i >= 0) load[i] = ms;
            }
            report("BundleReader.load, warm (manifest + page headers + points.csv)", load);

            System.gc();
            long before = used();
            Bundle kept = BundleReader.load(dir);
            System.gc();
            System.out.printf(Locale.ROOT, "heap held by the loaded bundle: %.1f MB%n", (used() - before) / 1e6);

            double[] decode = new double[Math.max(3, runs / 2)];
            for (int i = -1; i < decode.length; i++) {
                long s = System.nanoTime();
                for (int p = 0; p < kept.manifest().atlas().finest().pages().size(); p++) {
                    try (PageImage img = kept.readPage(0, p)) {
                        if (img.width() != GRID * CELL) throw new AssertionError();
                    }
                }
                if (i >= 0) decode[i] = (System.nanoTime() - s) / 1e6;
            }
            report("decode all 14 pages, one thread (PageImage.read: read file, check chunks + CRCs, stb_image)", decode);

            int threads = Runtime.getRuntime().availableProcessors();
            double[] parallel = new double[decode.length];
            for (int i = -1; i < parallel.length; i++) {
                long s = System.nanoTime();
                java.util.stream.IntStream.range(0, kept.manifest().atlas().finest().pages().size()).parallel().forEach(p -> {
                    try (PageImage img = kept.readPage(0, p)) {
                        if (img.width() != GRID * CELL) throw new AssertionError();
                    } catch (BundleException e) {
                        throw new IllegalStateException(e);
                    }
                });
                if (i >= 0) parallel[i] = (System.nanoTime() - s) / 1e6;
            }
            report("decode all 14 pages, parallel stream on " + threads + " cores", parallel);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void report(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%s: median %.1f ms (min %.1f, max %.1f, %d runs)%n",
                what, s[s.length / 2], s[0], s[s.length - 1], s.length);
    }

    /** Writes the bundle; returns what the pages hold. */
    static String write(Path dir, Path mnist) throws IOException, BundleException {
        int perPage = GRID * GRID;
        int pages = (COUNT + perPage - 1) / perPage;
        StringBuilder pageList = new StringBuilder();
        for (int p = 0; p < pages; p++) pageList.append(p == 0 ? "" : ", ").append(String.format("\"atlas/0-%02d.png\"", p));
        Files.writeString(dir.resolve("bundle.json"), """
                { "format": 1, "name": "load benchmark", "count": %d, "points": "points.csv",
                  "layouts": [ {"name": "umap", "title": "UMAP"}, {"name": "tsne", "title": "t-SNE"} ],
                  "label": { "column": "label" },
                  "atlas": { "alpha": "luminance",
                             "levels": [ {"cell": %d, "columns": %d, "rows": %d, "pages": [%s]} ] } }
                """.formatted(COUNT, CELL, GRID, GRID, pageList));

        // Coordinates printed as numpy prints float32 (up to 9 significant digits), as pandas.to_csv writes them.
        Random rnd = new Random(42);
        try (Writer w = Files.newBufferedWriter(dir.resolve("points.csv"))) {
            w.write(",umap_x,umap_y,tsne_x,tsne_y,label,file\r\n");
            for (int i = 0; i < COUNT; i++) {
                int label = rnd.nextInt(10);
                w.write(Integer.toString(i));
                for (int c = 0; c < 4; c++) {
                    w.write(',');
                    w.write(Float.toString((float) (rnd.nextGaussian() * (c < 2 ? 5 : 40) + label)));
                }
                w.write(',');
                w.write(Integer.toString(label));
                w.write(",mnist/");
                w.write(i < 60_000 ? "train/" : "test/");
                w.write(String.format(Locale.ROOT, "%05d.png\r\n", i));
            }
        }

        byte[] digits = null;
        Path train = mnist.resolve("train-images-idx3-ubyte");
        Path test = mnist.resolve("t10k-images-idx3-ubyte");
        if (Files.exists(train) && Files.exists(test)) {
            byte[] a = IdxFile.readImages(train).pixels();
            byte[] b = IdxFile.readImages(test).pixels();
            digits = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, digits, a.length, b.length);
        }
        int side = GRID * CELL;
        for (int p = 0; p < pages; p++) {
            byte[] px = new byte[side * side];
            for (int k = 0; k < perPage; k++) {
                int i = p * perPage + k;
                if (i >= COUNT) break;
                int ox = (k % GRID) * CELL, oy = (k / GRID) * CELL;
                for (int y = 0; y < CELL; y++) {
                    for (int x = 0; x < CELL; x++) {
                        px[(oy + y) * side + ox + x] = digits != null ? digits[i * CELL * CELL + y * CELL + x]
                                : (byte) (((x - 14) * (x - 14) + (y - 14) * (y - 14) < 100 + i % 60) ? 255 : 0);
                    }
                }
            }
            TestPng.write(dir.resolve(String.format("atlas/0-%02d.png", p)), TestPng.encode(side, side, 0, px));
        }
        return digits != null ? "MNIST digits" : "synthetic discs";
    }
}
