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
 * A bundle opening while its GL context comes up (the window's and the offscreen explorer's start): the
 * manifest read at once, then the atlas pages decoding and the points loading on worker threads, and
 * imgui's library loading, so that none of it waits for the context; the finest atlas level comes
 * in behind the first frame ({@link PageDecoder}'s finestLast). The scene renderer takes the
 * decoder over; until then {@link #close} releases it.
 */
final class BundleOpening implements AutoCloseable {
    final Manifest manifest;
    final PageDecoder pages;
    private final CompletableFuture<Bundle> loading;
    private volatile double loadMs;

    /** Starts opening the bundle in {@code dir} for a GPU memory budget of {@code gpuBudget} bytes. */
    BundleOpening(Path dir, long gpuBudget) throws BundleException {
        Overlay.preload();
        manifest = Manifest.read(dir);
        // The finest level decodes after the first frame, which samples a coarser one (unless it samples it: then it waits).
        pages = new PageDecoder(dir, manifest, SceneRenderer.DECODE_AHEAD, gpuBudget, true);
        long t0 = System.nanoTime();
        loading = CompletableFuture.supplyAsync(() -> {
            try {
                Bundle b = BundleReader.loadForViewing(dir, org.embedscope.progress.Progress.NONE);
                loadMs = (System.nanoTime() - t0) / 1e6;
                return b;
            } catch (BundleException e) {
                throw new CompletionException(e);
            }
        });
    }

    /** The loaded bundle, waiting for it; its error as thrown by the reader. */
    Bundle bundle() throws BundleException {
        try {
            return loading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof BundleException be) throw be;
            throw e;
        }
    }

    /** How long the points took to load, once {@link #bundle} returned. */
    double loadMs() { return loadMs; }

    /** Stops the page decoding (when opening fails before the scene renderer took it over). */
    @Override
    public void close() {
        pages.close();
    }
}
