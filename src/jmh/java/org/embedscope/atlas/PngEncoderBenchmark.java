package org.embedscope.atlas;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.embedscope.bundle.BenchBundle;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.BundleReader;
import org.embedscope.bundle.PageImage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding one grey atlas page (the first of the bundle's finest level: 2044² for MNIST) with
 * {@link PngEncoder} at several Deflater levels, and with javax.imageio for comparison; both in the
 * same run, so their ratio means something. {@code scripts/bench-jmh.sh PngEncoderBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PngEncoderBenchmark {
    /** A bundle folder whose first page is encoded (grey pages); empty for a synthetic one. */
    @Param("")
    public String bundle;

    @Param({"1", "6", "9"})
    public int level;

    private byte[] page;
    private int width, height;

    @Setup
    public void setUp() throws IOException, BundleException {
        try (BenchBundle source = new BenchBundle(bundle)) {
            Bundle b = BundleReader.load(source.dir);
            try (PageImage img = b.readPage(0, 0)) {
                if (img.channels() != 1) throw new IllegalArgumentException("the benchmark encodes grey pages; this one has " + img.channels() + " channels");
                width = img.width();
                height = img.height();
                ByteBuffer px = img.pixels();
                page = new byte[px.remaining()];
                px.get(page);
            }
        }
    }

    @Benchmark
    public int embedscope() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngEncoder.write(out, page, width, height, PixelFormat.GREY, level);
        return out.size();
    }

    @Benchmark
    public int imageIo() throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setDataElements(0, 0, width, height, page);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.size();
    }
}
