package org.embedscope.atlas;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.embedscope.bundle.BundleException;

/**
 * Runs numbered tasks on a few threads. When tasks fail, the failure of the lowest-numbered one is
 * thrown — the same one on every run, whatever the scheduling — and tasks numbered after a known
 * failure are not started.
 */
final class Parallel {
    private Parallel() {}

    /** A task that may fail with bad input. */
    interface Task {
        void run(int index) throws BundleException;
    }

    static int threads() { return Math.max(1, Runtime.getRuntime().availableProcessors()); }

    static void run(int tasks, Task task) throws BundleException {
        int threads = Math.min(threads(), tasks);
        if (threads <= 1) {
            for (int i = 0; i < tasks; i++) task.run(i);
            return;
        }
        AtomicInteger firstFailure = new AtomicInteger(Integer.MAX_VALUE);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "embedscope-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<?>[] futures = new Future<?>[tasks];
            for (int i = 0; i < tasks; i++) {
                int index = i;
                futures[i] = pool.submit(() -> {
                    if (index > firstFailure.get()) return null;
                    try {
                        task.run(index);
                    } catch (Throwable t) {
                        firstFailure.accumulateAndGet(index, Math::min);
                        throw t;
                    }
                    return null;
                });
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof BundleException b) throw b;
                    if (c instanceof RuntimeException r) throw r;
                    if (c instanceof Error err) throw err;
                    throw new IllegalStateException(c);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new org.embedscope.progress.CancelledException();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
