package org.embedscope.render;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.Manifest;
import org.embedscope.bundle.PageImage;

/**
 * Decodes a bundle's atlas pages on worker threads, in upload order (level by level, page by page),
 * a bounded number ahead of the consumer. It needs only the manifest, so the explorer starts it
 * before the window and the GL context exist, and decoding overlaps their set-up.
 */
public final class PageDecoder implements AutoCloseable {
    private final Path dir;
    private final Manifest manifest;
    private final int ahead;
    private final ExecutorService pool;
    private final ArrayDeque<CompletableFuture<PageImage>> queue = new ArrayDeque<>();
    private int nextLevel, nextPage;

    /** Starts decoding up to {@code ahead} pages at once. */
    public PageDecoder(Path dir, Manifest manifest, int ahead) {
        this.dir = dir;
        this.manifest = manifest;
        this.ahead = Math.max(1, ahead);
        int threads = Math.max(1, Math.min(this.ahead, Runtime.getRuntime().availableProcessors()));
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "atlas-decode");
            t.setDaemon(true);
            return t;
        });
        fill();
    }

    private void fill() {
        while (queue.size() < ahead && nextLevel < manifest.atlas().levels().size()) {
            final int level = nextLevel, page = nextPage;
            if (++nextPage == manifest.atlas().levels().get(level).pages().size()) {
                nextLevel++;
                nextPage = 0;
            }
            queue.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return Bundle.readPage(dir, manifest, level, page);
                } catch (BundleException e) {
                    throw new CompletionException(e);
                }
            }, pool));
        }
    }

    /** The next page in upload order; the caller closes it. */
    public PageImage next() throws BundleException {
        CompletableFuture<PageImage> f = queue.poll();
        if (f == null) throw new IllegalStateException("every page was already taken");
        fill();
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof BundleException be) throw be;
            throw e;
        }
    }

    /** Stops decoding; pages decoded but not taken are freed. */
    @Override
    public void close() {
        pool.shutdownNow();
        for (CompletableFuture<PageImage> f : queue) f.thenAccept(PageImage::close);
        queue.clear();
    }
}
