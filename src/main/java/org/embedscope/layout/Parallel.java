package org.embedscope.layout;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed pool of worker threads for data-parallel loops over index ranges. Work is handed out in
 * chunks of a given grain from a shared counter (dynamic scheduling), so uneven chunks balance.
 * With one thread everything runs on the caller's thread, in order. Close it when done.
 */
public final class Parallel implements AutoCloseable {

    /** The body of a loop over {@code [from, to)}, run by worker {@code worker} (0 ≤ worker < threads). */
    @FunctionalInterface
    public interface Body {
        void run(int worker, int from, int to);
    }

    private static final AtomicInteger POOL_IDS = new AtomicInteger();

    private final int threads;
    private final ExecutorService pool;

    /** A pool of {@code threads} workers; {@code threads <= 0} means one per available core. */
    public Parallel(int threads) {
        this.threads = threads > 0 ? threads : defaultThreads();
        if (this.threads == 1) {
            pool = null;
        } else {
            int id = POOL_IDS.incrementAndGet();
            AtomicInteger count = new AtomicInteger();
            ThreadFactory factory = r -> {
                Thread t = new Thread(r, "embedscope-layout-" + id + "-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            pool = Executors.newFixedThreadPool(this.threads, factory);
        }
    }

    /** One thread per available core. */
    private static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return threads;
    }

    /**
     * Runs {@code body} over {@code [0, n)} in chunks of {@code grain} indices and waits for all of
     * them. The first exception thrown by any chunk is rethrown here (after the others stop taking
     * chunks); a {@link org.embedscope.progress.CancelledException} thus reaches the caller.
     */
    public void forRange(int n, int grain, Body body) {
        if (n <= 0) return;
        int g = Math.max(1, grain);
        if (pool == null || n <= g) {
            for (int from = 0; from < n; from += g) body.run(0, from, Math.min(n, from + g));
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int workers = (int) Math.min(threads, ((long) n + g - 1) / g);
        List<Future<?>> futures = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            int worker = w;
            futures.add(pool.submit(() -> {
                try {
                    while (failure.get() == null) {
                        int from = next.getAndAdd(g);
                        if (from >= n || from < 0) break;
                        body.run(worker, from, Math.min(n, from + g));
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, e);
            } catch (java.util.concurrent.ExecutionException e) {
                failure.compareAndSet(null, e.getCause());
            }
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        if (t != null) throw new IllegalStateException(t);
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
