package org.embedscope.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.embedscope.progress.CancelledException;

/**
 * A fixed pool of worker threads for data-parallel loops over index ranges (the layout engines) and
 * numbered tasks (the atlas). Work is handed out in chunks of a given grain from a shared counter
 * (dynamic scheduling), so uneven chunks balance. With one thread everything runs on the caller's
 * thread, in order. Close it when done.
 *
 * <p>Failures are deterministic: when chunks fail, the failure of the lowest-numbered one is thrown,
 * whatever the scheduling, and no chunk is started after a failure. (Chunks are handed out in
 * increasing order, so every chunk below a failed one has been started and runs to its end.)
 */
public final class Parallel implements AutoCloseable {

    /** The body of a loop over {@code [from, to)}, run by worker {@code worker} (0 ≤ worker < threads). */
    @FunctionalInterface
    public interface Body {
        void run(int worker, int from, int to);
    }

    /** A numbered task that may fail with a checked exception of type {@code E}. */
    @FunctionalInterface
    public interface Task<E extends Exception> {
        void run(int index) throws E;
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
                Thread t = new Thread(r, "embedscope-worker-" + id + "-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            pool = Executors.newFixedThreadPool(this.threads, factory);
        }
    }

    /** One thread per available core. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return threads;
    }

    /**
     * Runs {@code body} over {@code [0, n)} in chunks of {@code grain} indices and waits for all of
     * them. A failure is rethrown here (the lowest chunk's, see above); a {@link CancelledException}
     * thus reaches the caller, and so does an interruption of the waiting caller, as one.
     */
    public void forRange(int n, int grain, Body body) {
        if (n <= 0) return;
        int g = Math.max(1, grain);
        if (pool == null || n <= g) {
            for (int from = 0; from < n; from += g) body.run(0, from, Math.min(n, from + g));
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Failure failure = new Failure();
        int workers = (int) Math.min(threads, ((long) n + g - 1) / g);
        List<Future<?>> futures = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            int worker = w;
            futures.add(pool.submit(() -> {
                while (!failure.happened) {
                    int from = next.getAndAdd(g);
                    if (from >= n || from < 0) break;
                    try {
                        body.run(worker, from, Math.min(n, from + g));
                    } catch (Throwable t) {
                        failure.record(from, t);
                        break;
                    }
                }
            }));
        }
        boolean interrupted = false;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                // Stop handing out chunks, and wait for the running ones: they write into the caller's arrays.
                interrupted = true;
                failure.record(Integer.MAX_VALUE, new CancelledException());
                try {
                    f.get();
                } catch (InterruptedException | ExecutionException again) {
                    // Already stopping.
                }
            } catch (ExecutionException e) {
                failure.record(Integer.MAX_VALUE, e.getCause());
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        Throwable t = failure.first;
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        if (t != null) throw new IllegalStateException(t);
    }

    /**
     * Runs {@code task} for each index in {@code [0, tasks)}, one index a chunk, and waits for all of
     * them; rethrows the lowest-numbered task's failure, checked ones as they were.
     */
    public <E extends Exception> void forEach(int tasks, Task<E> task) throws E {
        try {
            forRange(tasks, 1, (w, from, to) -> {
                for (int i = from; i < to; i++) {
                    try {
                        task.run(i);
                    } catch (RuntimeException | Error e) {
                        throw e;
                    } catch (Exception e) {
                        throw new Checked(e);
                    }
                }
            });
        } catch (Checked c) {
            @SuppressWarnings("unchecked") E e = (E) c.getCause();
            throw e;
        }
    }

    /** {@link #forEach} on a pool of every core, made for this call and closed after it. */
    public static <E extends Exception> void run(int tasks, Task<E> task) throws E {
        try (Parallel par = new Parallel(0)) {
            par.forEach(tasks, task);
        }
    }

    /** A checked exception of a {@link Task}, carried through {@link #forRange}. */
    private static final class Checked extends RuntimeException {
        Checked(Exception cause) { super(cause); }
    }

    /** The failure of the lowest-numbered chunk so far. */
    private static final class Failure {
        volatile boolean happened;
        private int at = Integer.MAX_VALUE;
        private Throwable first;

        synchronized void record(int chunk, Throwable t) {
            happened = true;
            if (first == null || chunk < at) {
                at = chunk;
                first = t;
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
