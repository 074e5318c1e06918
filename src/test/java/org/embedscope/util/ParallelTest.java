package org.embedscope.util;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.embedscope.bundle.BundleException;
import org.junit.jupiter.api.Test;

class ParallelTest {
    @Test
    void everyIndexRunsOnce() {
        int n = 10_007;
        AtomicIntegerArray runs = new AtomicIntegerArray(n);
        try (Parallel par = new Parallel(3)) {
            par.forRange(n, 64, (w, from, to) -> {
                assertTrue(w >= 0 && w < 3);
                for (int i = from; i < to; i++) runs.incrementAndGet(i);
            });
        }
        for (int i = 0; i < n; i++) assertEquals(1, runs.get(i), "index " + i);
    }

    @Test
    void theLowestFailingTaskIsReportedWhateverTheScheduling() {
        try (Parallel par = new Parallel(4)) {
            for (int run = 0; run < 50; run++) {
                // Task 40 fails at once, task 5 only after a while: 40's failure usually comes first.
                BundleException e = assertThrows(BundleException.class, () -> par.forEach(64, i -> {
                    if (i == 40) throw new BundleException(Path.of("forty"), null, "bad");
                    if (i == 5) {
                        busyWait();
                        throw new BundleException(Path.of("five"), null, "bad");
                    }
                }));
                assertTrue(e.getMessage().contains("five"), e.getMessage());
            }
        }
    }

    @Test
    void uncheckedFailuresComeThroughAsThemselves() {
        try (Parallel par = new Parallel(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> par.forRange(100, 1, (w, from, to) -> { if (from == 17) throw new IllegalStateException("seventeen"); }));
            assertEquals("seventeen", e.getMessage());
        }
    }

    private static void busyWait() {
        long until = System.nanoTime() + 2_000_000;
        while (System.nanoTime() < until) Thread.onSpinWait();
    }
}
