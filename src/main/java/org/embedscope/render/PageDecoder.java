package org.embedscope.render;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.BundlePaths;
import org.embedscope.bundle.Manifest;
import org.embedscope.bundle.PageImage;
import org.embedscope.bundle.PngHeader;
import org.lwjgl.system.MemoryUtil;

/**
 * Decodes the atlas pages to upload on worker threads, in upload order (level by level, page by
 * page), a bounded number ahead of the consumer. It needs only the manifest, so the explorer starts
 * it before the window and the GL context exist, and decoding overlaps their set-up.
 *
 * <p>What it decodes is the bundle's own levels, with two additions for bundles written by other
 * tools: RGB(A) pages whose pixels are grey come out as one channel (two with varying alpha; see
 * {@link GreyPixels}); and a bundle with only one level gets coarser ones ({@link DerivedLevels}),
 * filtered on the same threads as its pages are decoded, then kept in the user's cache
 * ({@link LevelCache}) with grey copies of its pages, which later loads decode instead.
 *
 * <p>Within a GPU memory budget ({@link TexturePlan}) it decodes only the levels that stay on the
 * GPU for good; the others are streamed in later, page by page, as the view needs them
 * ({@link AtlasTextures}), except the one level of a bundle that gets coarser ones made now (they
 * are filtered from every one of its pages).
 *
 * <p>With {@code finestLast} (the explorer's start) the finest level that stays on the GPU, when it has
 * coarser ones from files that stay too, comes last and is held back: a fitted view of many items
 * samples a coarser level, and that one is most of the resident atlas's pixels. {@link #heldFrom} says where the held pages start in the
 * order; {@link #release} lets them decode (after the first frame, so that they do not take the cores
 * it is drawn with).
 */
public final class PageDecoder implements AutoCloseable {
    /** A level to upload: its grid and the files of its pages (null for pages made in memory at this load). */
    public record Planned(Manifest.Level grid, List<Path> files) {}

    /** Stands in the queue for a page made in memory. */
    private static final CompletableFuture<PageImage> IN_MEMORY = CompletableFuture.completedFuture(null);
    private final int ahead;
    private final ExecutorService pool;
    private final List<Planned> plan = new ArrayList<>();
    private final ArrayDeque<CompletableFuture<PageImage>> queue = new ArrayDeque<>();
    /** The pages decoded here, in upload order: {level, page}. */
    private final List<int[]> order = new ArrayList<>();
    private final TexturePlan texturePlan;
    private final long budget;
    private int handedOut;
    /** Made at this load (cache miss): coarser levels, and what the cache entry needs. */
    private final DerivedLevels derived;
    private final String cacheKey;
    private final byte[][] greyBase;
    private final int[] greyBaseChannels;
    private volatile int basePageW, basePageH;
    private final boolean fromCache;

    /** Starts decoding up to {@code ahead} pages at once, for the default GPU memory budget. */
    public PageDecoder(Path dir, Manifest manifest, int ahead) throws BundleException {
        this(dir, manifest, ahead, AtlasTextures.DEFAULT_BUDGET);
    }

    /** Starts decoding up to {@code ahead} pages at once, the ones a GPU memory budget of {@code budget} bytes keeps. */
    public PageDecoder(Path dir, Manifest manifest, int ahead, long budget) throws BundleException {
        this(dir, manifest, ahead, budget, false);
    }

    /** As above; with {@code finestLast} the finest resident level is decoded last, once {@link #release}d. */
    public PageDecoder(Path dir, Manifest manifest, int ahead, long budget, boolean finestLast) throws BundleException {
        this.ahead = Math.max(1, ahead);
        List<Manifest.Level> levels = manifest.atlas().levels();
        DerivedLevels d = null;
        String key = null;
        boolean cached = false;
        Planned base = own(dir, levels.get(0), 0);
        if (DerivedLevels.applies(levels)) {
            key = LevelCache.key(dir, manifest);
            LevelCache.Entry hit = LevelCache.lookup(key);
            if (hit != null) {
                cached = true;
                plan.add(hit.base() != null ? new Planned(levels.get(0), hit.base().files()) : base);
                for (LevelCache.Level l : hit.derived()) plan.add(new Planned(l.grid(), l.files()));
            } else {
                PngHeader h = PngHeader.read(base.files().get(0));
                d = new DerivedLevels(manifest.count(), levels.get(0), Math.min(h.width(), h.height()));
                plan.add(base);
                for (int l = 0; l < d.levels(); l++) plan.add(new Planned(d.grid(l), null));
            }
        } else {
            for (int l = 0; l < levels.size(); l++) plan.add(own(dir, levels.get(l), l));
        }
        derived = d;
        cacheKey = key;
        fromCache = cached;
        int basePages = levels.get(0).pages().size();
        greyBase = d != null ? new byte[basePages][] : null;
        greyBaseChannels = d != null ? new int[basePages] : null;
        this.budget = budget;
        texturePlan = texturePlan(plan, budget, AtlasTextures.ASSUMED_MAX_LAYERS);
        // The finest level that stays on the GPU is held back when a coarser one stays too: the finest
        // itself, or with finer levels streamed (a million digits: 14-px cells, 206 MB of the 257 MB
        // resident) the next one.
        int finestResident = 0;
        while (finestResident < plan.size() && !texturePlan.resident(finestResident)) finestResident++;
        boolean defer = finestLast && d == null && finestResident + 1 < plan.size() && texturePlan.resident(finestResident + 1);
        heldLevel = defer ? finestResident : -1;
        for (int l = 0; l < plan.size(); l++) {
            if (l == heldLevel || (!texturePlan.resident(l) && !(l == 0 && d != null))) continue;
            for (int p = 0; p < plan.get(l).grid().pages().size(); p++) order.add(new int[] {l, p});
        }
        held = heldFrom = defer ? order.size() : -1;
        if (defer) for (int p = 0; p < plan.get(heldLevel).grid().pages().size(); p++) order.add(new int[] {heldLevel, p});
        int threads = Math.max(1, Math.min(this.ahead, Runtime.getRuntime().availableProcessors()));
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "atlas-decode");
            t.setDaemon(true);
            return t;
        });
        fill();
    }

    private static Planned own(Path dir, Manifest.Level level, int l) throws BundleException {
        List<Path> files = new ArrayList<>();
        for (int p = 0; p < level.pages().size(); p++) {
            files.add(BundlePaths.resolve(dir, level.pages().get(p), "atlas.levels[" + l + "].pages[" + p + "]"));
        }
        return new Planned(level, files);
    }

    /** The levels that will be uploaded, finest first: the bundle's own, or with coarser ones made or cached. */
    public List<Planned> plan() { return plan; }

    /** The GPU memory budget planned for, in bytes. */
    public long budget() { return budget; }

    /** How the budget is spent: which levels are decoded here (resident), which stream. */
    public TexturePlan texturePlan() { return texturePlan; }

    /** The plan for levels {@code planned} within {@code budget} bytes and {@code maxLayers} layers. */
    static TexturePlan texturePlan(List<Planned> planned, long budget, int maxLayers) throws BundleException {
        int n = planned.size();
        int[] pages = new int[n], w = new int[n], h = new int[n], ch = new int[n];
        boolean[] pinned = new boolean[n];
        for (int l = 0; l < n; l++) {
            Planned p = planned.get(l);
            pages[l] = p.grid().pages().size();
            w[l] = p.grid().columns() * p.grid().cell();
            h[l] = p.grid().rows() * p.grid().cell();
            if (p.files() == null) {
                pinned[l] = true; // made in memory: cannot be read again
                ch[l] = ch[0];
                continue;
            }
            for (Path f : p.files()) {
                PngHeader hd = PngHeader.read(f);
                w[l] = Math.max(w[l], hd.width());
                h[l] = Math.max(h[l], hd.height());
                ch[l] = Math.max(ch[l], hd.channels());
            }
        }
        return TexturePlan.of(budget, pages, w, h, ch, maxLayers, pinned);
    }

    /** The {level, page} of each page {@link #next} hands out, in that order. Do not modify. */
    public List<int[]> order() { return order; }

    /** True when the coarser levels were made at this load (no cache entry yet). */
    public boolean derivedNow() { return derived != null; }

    /** True when the pages come from a cache entry. */
    public boolean fromCache() { return fromCache; }

    private int queued;
    /** Pages from this index in the order wait for {@link #release}; -1: none wait. */
    private int held = -1;
    /** Where the held pages start in the order, or -1 (stays after the release). */
    private int heldFrom = -1;

    /**
     * Where the pages held back start in {@link #order} (the finest resident level's), or -1 when none
     * are: before then every coarser level is handed out.
     */
    public int heldFrom() { return heldFrom; }

    private int heldLevel = -1;

    /** The level whose pages are held back ({@link #heldFrom}), or -1. */
    public int heldLevel() { return heldLevel; }

    /** Lets the held pages decode. */
    public synchronized void release() {
        held = -1;
        fill();
    }

    /** True when the next page {@link #next} hands out is decoded (it would not wait). */
    public synchronized boolean nextReady() {
        CompletableFuture<PageImage> f = queue.peek();
        return f != null && f.isDone();
    }

    /** Pages not handed out yet. */
    public synchronized int remaining() { return order.size() - handedOut; }

    private synchronized void fill() {
        int limit = held >= 0 ? held : order.size();
        while (queue.size() < ahead && queued < limit) {
            final int level = order.get(queued)[0], page = order.get(queued)[1];
            queued++;
            List<Path> files = plan.get(level).files();
            if (files == null) {
                queue.add(IN_MEMORY); // made once every finer page went through
                continue;
            }
            queue.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return decode(files.get(page), level, page);
                } catch (BundleException e) {
                    throw new CompletionException(e);
                }
            }, pool));
        }
    }

    /** Decodes one page file: RGB(A) whose pixels are grey comes out grey (see {@link GreyPixels}). Thread-safe. */
    static PageImage decodePage(Path file) throws BundleException {
        PageImage img = PageImage.read(file);
        try {
            if (img.channels() >= 3) {
                ByteBuffer px = img.pixels();
                int need = GreyPixels.channelsNeeded(px, img.channels());
                if (need < img.channels()) {
                    PageImage grey = new MemoryPageImage(img.width(), img.height(), need, GreyPixels.toGrey(px, img.channels(), need), true);
                    img.close();
                    img = grey;
                }
            }
            return img;
        } catch (RuntimeException e) {
            img.close();
            throw e;
        }
    }

    /** Decodes one page on a worker thread: grey RGB(A) becomes grey; base pages feed the coarser levels. */
    private PageImage decode(Path file, int level, int page) throws BundleException {
        PageImage img = decodePage(file);
        try {
            if (level == 0 && derived != null) {
                basePageW = img.width();
                basePageH = img.height();
                derived.accept(page, img.pixels(), img.width(), img.channels());
                if (img instanceof MemoryPageImage) {
                    byte[] copy = new byte[img.pixels().remaining()];
                    img.pixels().get(img.pixels().position(), copy);
                    greyBase[page] = copy;
                    greyBaseChannels[page] = img.channels();
                }
            }
            return img;
        } catch (RuntimeException e) {
            img.close();
            throw e;
        }
    }

    /** The next page in upload order; the caller closes it. */
    public PageImage next() throws BundleException {
        if (queue.isEmpty() && held >= 0) release();
        if (queue.isEmpty()) throw new IllegalStateException("every page was already taken");
        CompletableFuture<PageImage> f = queue.poll();
        int level = order.get(handedOut)[0], page = order.get(handedOut)[1];
        handedOut++;
        fill();
        PageImage img;
        if (f == IN_MEMORY) {
            // Every finer page was taken, so every one was filtered: the coarser page is complete.
            byte[] px = derived.page(level - 1, page);
            ByteBuffer buf = MemoryUtil.memAlloc(px.length);
            buf.put(px).flip();
            img = new MemoryPageImage(derived.pageWidth(level - 1), derived.pageHeight(level - 1), derived.channels(), buf, true);
        } else {
            try {
                img = f.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof BundleException be) throw be;
                throw e;
            }
        }
        if (handedOut == order.size() && derived != null) cache();
        return img;
    }

    /** Hands what this load made to the cache: grey copies only when every base page became the same grey. */
    private void cache() {
        boolean allGrey = true;
        for (int p = 0; p < greyBase.length; p++) {
            if (greyBase[p] == null || greyBaseChannels[p] != greyBaseChannels[0]) allGrey = false;
        }
        LevelCache.write(cacheKey, plan.get(0).grid(), basePageW, basePageH, allGrey ? greyBase : null,
                allGrey ? greyBaseChannels[0] : 0, derived);
    }

    /** Stops decoding; pages decoded but not taken are freed. */
    @Override
    public void close() {
        pool.shutdownNow();
        for (CompletableFuture<PageImage> f : queue) if (f != IN_MEMORY) f.thenAccept(PageImage::close);
        queue.clear();
    }
}
