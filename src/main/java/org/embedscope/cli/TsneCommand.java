package org.embedscope.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.embedscope.bundle.BundleException;
import org.embedscope.layout.tsne.Tsne;
import org.embedscope.progress.Progress;
import org.embedscope.source.IdxFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code embedscope tsne}: a t-SNE layout of IDX images (pixels scaled to [0, 1]) written as a CSV of
 * {@code tsne_x,tsne_y}, one row per image, in input order.
 */
@Command(name = "tsne", mixinStandardHelpOptions = true,
        description = "Compute a t-SNE layout of IDX images and write it as CSV (tsne_x,tsne_y).")
public final class TsneCommand implements Callable<Integer> {

    @Option(names = "--idx", paramLabel = "DIR", description = "A folder in MNIST's layout: train-images-idx3-ubyte[.gz], then t10k-images-idx3-ubyte[.gz] if present.")
    Path idxDir;

    @Option(names = "--images", paramLabel = "FILE", description = "IDX image files (raw or .gz), concatenated in the order given.")
    List<Path> images = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", description = "Use only the first N images.")
    int limit = -1;

    @Option(names = "--init-layout", paramLabel = "FILE[:NAME]", description = "Start from a layout in a CSV with a header: "
            + "columns NAME_x and NAME_y, or the first two columns (rescaled to std 1e-4).")
    String initLayout;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The CSV to write.")
    Path out;

    @Option(names = "--quiet", description = "Print no progress.")
    boolean quiet;

    @Mixin
    TsneOptions options = new TsneOptions();

    @Override
    public Integer call() throws BundleException, IOException {
        Tsne.Params params;
        try {
            params = options.toParams();
        } catch (IllegalArgumentException e) {
            throw new BundleException(null, null, e.getMessage());
        }
        List<Path> files = inputFiles();
        long t0 = System.nanoTime();
        List<IdxFile.Images> parts = new ArrayList<>();
        long total = 0;
        int size = -1;
        for (Path f : files) {
            IdxFile.Images im = IdxFile.readImages(f);
            if (size >= 0 && im.size() != size) {
                throw new BundleException(f, "header", "images are " + im.rows() + "×" + im.cols() + "; expected " + size + " pixels like the files before");
            }
            size = im.size();
            parts.add(im);
            total += im.count();
        }
        int n = (int) Math.min(total, limit >= 0 ? limit : Long.MAX_VALUE);
        if ((long) n * size > Integer.MAX_VALUE - 8) throw new BundleException(files.get(0), null, "too many pixels for one array: " + (long) n * size);
        float[] x = new float[n * size];
        int at = 0;
        for (IdxFile.Images im : parts) {
            byte[] px = im.pixels();
            int take = Math.min(px.length, n * size - at);
            for (int i = 0; i < take; i++) x[at + i] = (px[i] & 0xff) / 255f;
            at += take;
        }
        if (initLayout != null) params = params.withInitialLayout(readLayout(initLayout, n));
        PrintStream err = System.err;
        Progress progress = quiet ? Progress.NONE : new LineProgress(err, t0);
        float[] y = new Tsne(params).fit(x, n, size, progress);
        writeCsv(y, n, out);
        if (!quiet) err.printf(Locale.ROOT, "wrote %s: %d points in %.1f s%n", out, n, (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    private List<Path> inputFiles() throws BundleException {
        List<Path> files = new ArrayList<>(images);
        if (idxDir != null) {
            Path train = existing(idxDir, "train-images-idx3-ubyte"), test = existing(idxDir, "t10k-images-idx3-ubyte");
            if (train == null && test == null) {
                throw new BundleException(idxDir, null, "no train-images-idx3-ubyte[.gz] or t10k-images-idx3-ubyte[.gz] in this folder");
            }
            if (train != null) files.add(train);
            if (test != null) files.add(test);
        }
        if (files.isEmpty()) throw new BundleException(null, null, "give --idx DIR or --images FILE");
        return files;
    }

    private static Path existing(Path dir, String name) {
        Path raw = dir.resolve(name), gz = dir.resolve(name + ".gz");
        return Files.exists(raw) ? raw : Files.exists(gz) ? gz : null;
    }

    /** Reads {@code n} (x, y) pairs from FILE[:NAME]. */
    static float[] readLayout(String spec, int n) throws BundleException, IOException {
        int colon = spec.lastIndexOf(':');
        Path file = Path.of(colon > 1 ? spec.substring(0, colon) : spec);
        String name = colon > 1 ? spec.substring(colon + 1) : null;
        if (!Files.exists(file)) throw new BundleException(file, null, "no such file");
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            List<String> header = csv.getHeaderNames();
            int cx, cy;
            if (name != null) {
                cx = header.indexOf(name + "_x");
                cy = header.indexOf(name + "_y");
                if (cx < 0 || cy < 0) throw new BundleException(file, "header", "no columns " + name + "_x and " + name + "_y");
            } else {
                if (header.size() < 2) throw new BundleException(file, "header", "expected at least two columns (x, y)");
                cx = 0;
                cy = 1;
            }
            float[] y = new float[2 * n];
            int i = 0;
            for (CSVRecord rec : csv) {
                if (i == n) throw new BundleException(file, "line " + (rec.getRecordNumber() + 1), "more rows than the " + n + " images");
                y[2 * i] = number(file, rec, cx, header);
                y[2 * i + 1] = number(file, rec, cy, header);
                i++;
            }
            if (i != n) throw new BundleException(file, null, i + " rows; expected one per image (" + n + ")");
            return y;
        }
    }

    private static float number(Path file, CSVRecord rec, int col, List<String> header) throws BundleException {
        String where = "line " + (rec.getRecordNumber() + 1) + ", column " + header.get(col);
        if (col >= rec.size()) throw new BundleException(file, where, "missing value");
        try {
            float v = Float.parseFloat(rec.get(col).trim());
            if (!Float.isFinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new BundleException(file, where, "'" + rec.get(col) + "' is not a finite number");
        }
    }

    /** Writes the layout next to its destination, then moves it into place: never a half-written file. */
    static void writeCsv(float[] y, int n, Path out) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".tsne-", ".csv.part");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("tsne_x,tsne_y\r\n");
                for (int i = 0; i < n; i++) {
                    w.write(Float.toString(y[2 * i]));
                    w.write(',');
                    w.write(Float.toString(y[2 * i + 1]));
                    w.write("\r\n");
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Progress as log lines on a stream: each stage as it starts, and every information line. */
    static final class LineProgress implements Progress {
        private final PrintStream out;
        private final long t0;

        LineProgress(PrintStream out, long t0) {
            this.out = out;
            this.t0 = t0;
        }

        @Override public void stage(String name, long total) {
            out.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - t0) / 1e9, name);
        }

        @Override public void advance(long done) {}

        @Override public void info(String message) {
            out.printf(Locale.ROOT, "[%6.1f s]   %s%n", (System.nanoTime() - t0) / 1e9, message);
        }
    }
}
