package org.embedscope.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.embedscope.bench.SyntheticBundleWriter;

/**
 * The bundle a benchmark reads: the one named by its {@code bundle} parameter (say {@code assets/mnist},
 * for real digits and their compression), or, when that is empty, a synthetic 70,000-item bundle made by
 * {@link SyntheticBundleWriter} (MNIST-sized atlas: 28-px cells on 2048² pages) in a temporary folder.
 */
public final class BenchBundle implements AutoCloseable {
    public final Path dir;
    private final boolean temporary;

    public BenchBundle(String bundle) throws IOException, BundleException {
        temporary = bundle == null || bundle.isEmpty();
        dir = temporary ? SyntheticBundleWriter.write(Files.createTempDirectory("embedscope-bench"), 70_000, 42) : Path.of(bundle);
    }

    @Override
    public void close() throws IOException {
        if (!temporary) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
