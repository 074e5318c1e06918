package org.embedscope.ui;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.BundleReader;
import org.embedscope.bundle.Manifest;
import org.embedscope.render.PageDecoder;
import org.embedscope.render.SceneRenderer;

/**
 * A bundle opening while its GL context comes up (the window's and the offscreen explorer's start):
 * on worker threads, the manifest read and the atlas pages decoding, the points loading, and imgui's
 * library loading, so that none of it waits for the context nor the context for it; the finest resident atlas
 * level comes in behind the first frame ({@link PageDecoder}'s finestLast). A bad bundle's error
 * comes from {@link #manifest} or {@link #bundle}, before the window is shown. The scene renderer
 * takes the decoder over; until then {@link #close} releases it.
 */
final class BundleOpening implements AutoCloseable {
    private record Opened(Manifest manifest, PageDecoder pages) {}

    private final CompletableFuture<Opened> opened;
    private final CompletableFuture<Bundle> loading;
    private volatile double loadMs;

    /** Starts opening the bundle in {@code dir} for a GPU memory budget of {@code gpuBudget} bytes; returns at once. */
    BundleOpening(Path dir, long gpuBudget) {
        Overlay.preload();
        long t0 = System.nanoTime();
        opened = CompletableFuture.supplyAsync(() -> {
            try {
                Manifest m = Manifest.read(dir);
                // The finest resident level decodes after the first frame, which samples a coarser one (unless it samples it or a finer one: then it waits).
                return new Opened(m, new PageDecoder(dir, m, SceneRenderer.DECODE_AHEAD, gpuBudget, true));
            } catch (BundleException e) {
                throw new CompletionException(e);
            }
        });
        loading = CompletableFuture.supplyAsync(() -> {
            try {
                // A first opening of a large bundle parses its CSV for seconds: a bar on the terminal then.
                org.embedscope.progress.SlowStages shown = org.embedscope.progress.SlowStages.onStderr();
                Bundle b = BundleReader.loadForViewing(dir, shown);
                shown.finish();
                loadMs = (System.nanoTime() - t0) / 1e6;
                return b;
            } catch (BundleException e) {
                throw new CompletionException(e);
            }
        });
    }

    /** The bundle's manifest, waiting for it; its error as thrown by the reader. */
    Manifest manifest() throws BundleException {
        return join(opened).manifest();
    }

    /** The atlas page decoder, started as soon as the manifest was read. */
    PageDecoder pages() throws BundleException {
        return join(opened).pages();
    }

    /** The loaded bundle, waiting for it; its error (the manifest's first) as thrown by the reader. */
    Bundle bundle() throws BundleException {
        manifest();
        return join(loading);
    }

    private static <T> T join(CompletableFuture<T> f) throws BundleException {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof BundleException be) throw be;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw e;
        }
    }

    /** How long the points took to load, once {@link #bundle} returned. */
    double loadMs() { return loadMs; }

    /** Stops the page decoding (when opening fails before the scene renderer took it over), now or once it has started. */
    @Override
    public void close() {
        opened.thenAccept(o -> o.pages().close());
    }
}
