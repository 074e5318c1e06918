package org.embedscope.bundle;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Loading a bundle: {@link BundleReader#load} (manifest, page headers, points.csv), and decoding every
 * page of the finest level on one thread ({@link PageImage#read}: chunks, CRCs, stb_image).
 * {@code scripts/bench-jmh.sh LoadBenchmark [-p bundle=assets/mnist]}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LoadBenchmark {
    /** A bundle folder; empty for a synthetic 70,000-item one. */
    @Param("")
    public String bundle;

    private BenchBundle source;
    private Bundle loaded;

    @Setup(Level.Trial)
    public void setUp() throws IOException, BundleException {
        source = new BenchBundle(bundle);
        loaded = BundleReader.load(source.dir);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        source.close();
    }

    @Benchmark
    public Bundle load() throws BundleException {
        return BundleReader.load(source.dir);
    }

    @Benchmark
    public void decodeFinestPages(Blackhole sink) throws BundleException {
        for (int p = 0; p < loaded.manifest().atlas().finest().pages().size(); p++) {
            try (PageImage img = loaded.readPage(0, p)) {
                sink.consume(img.pixels().get(0));
            }
        }
    }
}
