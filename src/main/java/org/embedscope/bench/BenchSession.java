package org.embedscope.bench;

import org.embedscope.util.Bounds;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleException;
import org.embedscope.progress.Progress;
import org.embedscope.render.Camera;
import org.embedscope.render.LayoutNormalizer;
import org.embedscope.render.LevelCache;
import org.embedscope.render.SpriteSizing;
import org.embedscope.render.ViewState;
import org.embedscope.ui.OffscreenExplorer;

/**
 * The scripted session of {@code embedscope bench}, the same every run:
 * <ol>
 *   <li><b>fit</b>: 30 frames of the fitted view, each redrawn after a change of colours (what a
 *       selection, a search or a colouring costs there): the first two draw every sprite, the rest
 *       recolour the scene's record ({@code render/SceneRecord});</li>
 *   <li><b>zoom-in</b>: 40 frames zooming about the densest region from 1× to 8×;</li>
 *   <li><b>zoomed</b>: 30 redraws at 8×, as at fit;</li>
 *   <li><b>pan</b>: 40 frames panning at 8× across a quarter of the view width and back, 16 px a
 *       frame (whole pixels: each frame shifts the scene and draws the strip it uncovers);</li>
 *   <li><b>zoom-out</b>: 40 frames back to the fitted view;</li>
 *   <li><b>transition</b>: a full transition from the first layout to the second in 30 frames;</li>
 *   <li><b>hover</b>: 100 frames of a hover sweep at fit view, one cursor move per frame (the scene
 *       is cached: a scissored id pass, a copy and the enlarged sprite);</li>
 *   <li><b>lasso</b>: 20 frames at fit view, each selecting with a new 100-vertex lasso over the
 *       densest region (the selection by drawn position, then the frame that shows it ringed);</li>
 *   <li><b>search</b>: 20 frames, each running a query that matches about a tenth of the items
 *       ({@code index < N/10}, then one more) and drawing the rest dimmed;</li>
 *   <li><b>selected</b>: 30 redraws with 10,000 items selected (spread over the data) and the rest dimmed.</li>
 * </ol>
 * then <b>fit-full</b> and <b>zoomed-full</b>: 10 redraws each of those views drawing every sprite
 * (what a change of the view's geometry costs), and <b>zoomed-flat</b>: 10 more of the zoomed view
 * with every sprite a flat square (what its sprites cost without their images). The last six come
 * after the others, which therefore run exactly as before they existed; the lasso's selection and the
 * search's query are also timed on their own.
 * Every frame draws the overlay too, as the window does, and ends with {@code glFinish}, so its time
 * includes all the GPU work it caused. Frame times are reported as median and 95th percentile.
 *
 * <p>With {@code matchDemo} the session draws what the 2019 three.js demo draws, for a side-by-side
 * run with {@code ../shared/demo-bench/run.sh}: the demo's sprite sizes
 * ({@link SpriteSizing#matchingDemo}: 14 px at the fitted view, 28 px from 4× zoom) and its phases,
 * in its order: <b>fit</b> (30 redraws), <b>hover</b> (the sweep above), <b>zoomed</b> (8× about the
 * view's centre, 30 redraws), <b>transition</b> (first layout to second, at the fitted view), then
 * <b>fit-full</b> and <b>zoomed-full</b> as above.
 */
public final class BenchSession {
    private final Map<String, FrameStats> phases = new LinkedHashMap<>();
    private final FrameStats pickReadback = new FrameStats();
    private final FrameStats lassoSelect = new FrameStats();
    private final FrameStats query = new FrameStats();
    private int lassoSelected, searchMatched, selectedShown;
    private double loadMs;
    private double firstFrameMs;
    private double startToFirstFrameMs;
    private long heapUsed;
    /** VmRSS after the phases, the session still open; {@link #peakRssKb} the most it was. */
    private long rssKb;
    private long peakRssKb;
    private int items;
    private String name;
    /** The GL driver's name for what draws (llvmpipe, or a GPU's). */
    private String renderer;
    private int width, height;
    private boolean matchDemo;
    private int motionFrames;
    private final Map<String, Float> spritePx = new LinkedHashMap<>();
    /** Per phase, the most items a frame of it drew (levels of detail and culling, {@code SceneRenderer#drawnCount}). */
    private final Map<String, Integer> drawn = new LinkedHashMap<>();
    private String currentName;
    private OffscreenExplorer session;
    private long gpuBudget, texAllocated, texHighWater, texUploads, texEvictions;
    private boolean texStreams;
    private String atlasNote = "";

    /** Runs the session on {@code bundleDir} at {@code width × height}. */
    public static BenchSession run(Path bundleDir, int width, int height, boolean overlay) throws BundleException {
        return run(bundleDir, width, height, overlay, false);
    }

    /** Runs the session, or with {@code matchDemo} the demo's phases at the demo's sprite sizes. */
    public static BenchSession run(Path bundleDir, int width, int height, boolean overlay, boolean matchDemo) throws BundleException {
        return run(bundleDir, width, height, overlay, matchDemo, org.embedscope.render.AtlasTextures.DEFAULT_BUDGET);
    }

    /** As above, within a GPU memory budget for the atlas of {@code gpuBudget} bytes. */
    public static BenchSession run(Path bundleDir, int width, int height, boolean overlay, boolean matchDemo, long gpuBudget)
            throws BundleException {
        return run(bundleDir, width, height, overlay, matchDemo, gpuBudget, Progress.NONE);
    }

    /** The phases of the session and of the demo's ({@link #PHASES_STAGE}'s total). */
    static final int PHASES = 14, DEMO_PHASES = 7;
    /** The stage {@code progress} is shown the phases in, one unit each (a run at a million takes minutes). */
    public static final String PHASES_STAGE = "bench phases";

    /** As above, the phases shown on {@code progress} as they are run (a bar with ETA). */
    public static BenchSession run(Path bundleDir, int width, int height, boolean overlay, boolean matchDemo, long gpuBudget,
                                   Progress progress) throws BundleException {
        BenchSession b = new BenchSession();
        b.progress = progress;
        b.width = width;
        b.height = height;
        b.matchDemo = matchDemo;
        long t0 = System.nanoTime();
        double[] loadMs = new double[1];
        // The bundle loads while the GL context comes up, as in the window (OffscreenExplorer.open).
        try (OffscreenExplorer x = OffscreenExplorer.open(bundleDir, width, height, gpuBudget, loadMs)) {
            Bundle bundle = x.scene().bundle();
            b.loadMs = loadMs[0];
            b.items = bundle.count();
            b.name = bundle.manifest().name();
            b.renderer = org.lwjgl.opengl.GL11.glGetString(org.lwjgl.opengl.GL11.GL_RENDERER);
            ViewState st = x.scene().state();
            if (matchDemo) st.setSizing(SpriteSizing.matchingDemo(st.sizing().maxPx(), x.scene().pointLimit()));
            x.frame(-1, -1, overlay);
            x.finish();
            b.firstFrameMs = (System.nanoTime() - t0) / 1e6;
            b.startToFirstFrameMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            var atlas = x.scene().atlas();
            b.atlasNote = atlas.levelsMadeNow() ? "levels made at load" : atlas.levelsFromCache() ? "levels from the cache" : "the bundle's levels";
            // Levels made at load go into the cache on a background thread: not during the phases.
            LevelCache.awaitWrites();
            // The columns are typed in the background from the start, and the finest atlas level comes in
            // behind the first frame: not during the phases either.
            x.scene().columns();
            x.scene().finishLoading();
            b.session = x;
            b.gpuBudget = gpuBudget;
            progress.stage(PHASES_STAGE, matchDemo ? DEMO_PHASES : PHASES);
            if (matchDemo) b.demoScript(x, overlay);
            else b.script(x, overlay);
            b.closePhase();
            progress.advance(b.phases.size());
            b.texAllocated = atlas.allocatedBytes();
            b.texHighWater = atlas.highWaterBytes();
            b.texUploads = atlas.uploads();
            b.texEvictions = atlas.evictions();
            b.texStreams = atlas.streams();
            b.session = null;
            // With the session still open, as while a user explores (its GL context, on a software
            // rasteriser the textures too, are let go when it closes).
            Runtime rt = Runtime.getRuntime();
            b.heapUsed = rt.totalMemory() - rt.freeMemory();
            b.rssKb = procStatus("VmRSS");
        }
        // The kernel brings VmHWM up to date lazily: it may lag the VmRSS read just before.
        b.peakRssKb = Math.max(procStatus("VmHWM"), b.rssKb);
        return b;
    }

    private void script(OffscreenExplorer x, boolean overlay) {
        ViewState st = x.scene().state();
        Camera cam = st.camera();
        float[] dense = densest(x.scene().layouts()[0]);

        FrameStats fit = phase("fit", st);
        for (int f = 0; f < 30; f++) {
            st.invalidate();
            timed(fit, () -> x.frame(-1, -1, overlay), x);
        }
        FrameStats in = phase("zoom-in", st);
        for (int f = 1; f <= 40; f++) {
            float z = (float) Math.pow(8, f / 40.0);
            float k = (f / 40f);
            st.setView(cam.centerX() + (dense[0] - cam.centerX()) * k, cam.centerY() + (dense[1] - cam.centerY()) * k, z);
            timed(in, () -> x.frame(-1, -1, overlay), x);
        }
        FrameStats zoomed = phase("zoomed", st);
        for (int f = 0; f < 30; f++) {
            st.invalidate();
            timed(zoomed, () -> x.frame(-1, -1, overlay), x);
        }
        FrameStats pan = phase("pan", st);
        for (int f = 0; f < 40; f++) {
            float dx = (f < 20 ? 1 : -1) * cam.width() / 4f / 20f;
            st.pan(dx, 0);
            timed(pan, () -> x.frame(-1, -1, overlay), x);
        }
        FrameStats out = phase("zoom-out", st);
        float z0 = cam.zoom();
        for (int f = 1; f <= 40; f++) {
            st.setView(cam.centerX(), cam.centerY(), (float) (z0 * Math.pow(1 / z0, f / 40.0)));
            timed(out, () -> x.frame(-1, -1, overlay), x);
        }
        st.fit();
        transition(x, overlay);
        x.frame(-1, -1, overlay);
        hoverSweep(x, overlay, dense);
        exploring(x, overlay, dense);
        fullRedraws(x, overlay, dense, 8f, true);
        closePhase();
    }

    /**
     * {@code fit-full} and {@code zoomed-full}: 10 redraws each of the fitted view and of the zoomed
     * one ({@code zoom}× about {@code about}), every sprite drawn each time (the scene's record off):
     * what any change of the view's geometry costs there, where {@code fit} and {@code zoomed} are
     * redraws after a change of colours, recoloured from the record from the third on. With {@code flat}
     * also {@code zoomed-flat}: the zoomed view's redraws with every sprite a flat square of its colour,
     * the same items at the same size: what drawing them costs without reading their images (on a
     * software rasteriser, the floor of any redraw there).
     */
    private void fullRedraws(OffscreenExplorer x, boolean overlay, float[] about, float zoom, boolean flat) {
        closePhase();
        ViewState st = x.scene().state();
        x.scene().setRecording(false);
        st.fit();
        x.frame(-1, -1, overlay);
        redraws("fit-full", 10, x, overlay);
        st.setView(about[0], about[1], zoom);
        x.frame(-1, -1, overlay);
        redraws("zoomed-full", 10, x, overlay);
        if (flat) {
            st.setFlatBelowPx(Float.POSITIVE_INFINITY);
            redraws("zoomed-flat", 10, x, overlay);
            st.setFlatBelowPx(ViewState.DEFAULT_FLAT_BELOW_PX);
        }
        x.scene().setRecording(true);
        st.fit();
    }

    /** The lasso, search and selection phases (issue: select, search, see the selection). */
    private void exploring(OffscreenExplorer x, boolean overlay, float[] dense) {
        // The set-up below (a redraw at the fitted view) is no phase's: the last phase's CPU time ends here.
        closePhase();
        ViewState st = x.scene().state();
        Camera cam = st.camera();
        st.fit();
        x.frame(-1, -1, overlay);
        org.embedscope.ui.SceneSelector selector = new org.embedscope.ui.SceneSelector(x.scene());
        FrameStats lasso = phase("lasso", st);
        float r = 0.12f * Math.min(cam.width(), cam.height());
        for (int f = 0; f < 20; f++) {
            float[] outline = lasso(cam.screenX(dense[0]) + f, cam.screenY(dense[1]), r);
            timed(lasso, () -> {
                long t0 = System.nanoTime();
                selector.selectInside(outline, false, false);
                lassoSelect.add((System.nanoTime() - t0) / 1e6);
                x.frame(-1, -1, overlay);
            }, x);
        }
        lassoSelected = st.selectedCount();
        st.clearSelection();

        FrameStats search = phase("search", st);
        org.embedscope.query.ColumnTable table = x.scene().columns();
        int tenth = Math.max(1, st.itemCount() / 10);
        for (int f = 0; f < 20; f++) {
            String q = "index < " + (tenth + f % 2);
            timed(search, () -> {
                long t0 = System.nanoTime();
                try {
                    st.setMatches(org.embedscope.query.Query.select(q, table));
                } catch (org.embedscope.query.QueryException e) {
                    throw new IllegalStateException(e);
                }
                query.add((System.nanoTime() - t0) / 1e6);
                x.frame(-1, -1, overlay);
            }, x);
        }
        searchMatched = st.matches().cardinality();
        st.setMatches(null);

        org.embedscope.select.ItemSet chosen = new org.embedscope.select.ItemSet(st.itemCount());
        int want = Math.min(10_000, st.itemCount());
        for (int k = 0; k < want; k++) chosen.add((int) ((long) k * st.itemCount() / want));
        st.setSelection(chosen);
        st.setDimUnselected(true);
        FrameStats selected = phase("selected", st);
        for (int f = 0; f < 30; f++) {
            st.invalidate();
            timed(selected, () -> x.frame(-1, -1, overlay), x);
        }
        selectedShown = st.selectedCount();
        st.clearSelection();
        st.setDimUnselected(false);
    }

    /** Phase {@code name}: {@code frames} redraws of the view as it is, each after {@link ViewState#invalidate}. */
    private void redraws(String name, int frames, OffscreenExplorer x, boolean overlay) {
        ViewState st = x.scene().state();
        FrameStats s = phase(name, st);
        for (int f = 0; f < frames; f++) {
            st.invalidate();
            timed(s, () -> x.frame(-1, -1, overlay), x);
        }
        closePhase();
    }

    /** A wavy 100-vertex lasso of radius about {@code r} pixels around screen point (cx, cy). */
    static float[] lasso(float cx, float cy, float r) {
        float[] o = new float[200];
        for (int k = 0; k < 100; k++) {
            double t = 2 * Math.PI * k / 100, rr = r * (1 + 0.2 * Math.sin(5 * t));
            o[2 * k] = (float) (cx + rr * Math.cos(t));
            o[2 * k + 1] = (float) (cy + rr * Math.sin(t));
        }
        return o;
    }

    /** The demo's phases: fit, hover, zoomed 8× about the centre, transition. */
    private void demoScript(OffscreenExplorer x, boolean overlay) {
        ViewState st = x.scene().state();
        Camera cam = st.camera();
        FrameStats fit = phase("fit", st);
        for (int f = 0; f < 30; f++) {
            st.invalidate();
            timed(fit, () -> x.frame(-1, -1, overlay), x);
        }
        x.frame(-1, -1, overlay);
        hoverSweep(x, overlay, densest(x.scene().layouts()[0]));
        float cx = cam.centerX(), cy = cam.centerY();
        st.setView(cx, cy, 8);
        FrameStats zoomed = phase("zoomed", st);
        for (int f = 0; f < 30; f++) {
            st.invalidate();
            timed(zoomed, () -> x.frame(-1, -1, overlay), x);
        }
        st.fit();
        transition(x, overlay);
        fullRedraws(x, overlay, new float[] {cx, cy}, 8f, false);
        closePhase();
    }

    /**
     * A full transition in 30 frames: the 29 while the sprites move ({@code transition}: motion
     * frames, at half or a third of the resolution where an exact redraw is slow) and the exact frame they come to
     * rest in ({@code settle}).
     */
    private void transition(OffscreenExplorer x, boolean overlay) {
        ViewState st = x.scene().state();
        FrameStats tr = phase("transition", st);
        if (st.layoutCount() > 1) {
            st.jumpTo(0);
            st.moveTo(1, 0f);
            for (int f = 1; f <= 30; f++) {
                float now = f / 30f * org.embedscope.render.Transition.DURATION;
                st.update(now);
                if (f == 30) tr = phase("settle", st);
                FrameStats into = tr;
                timed(into, () -> x.frame(-1, -1, overlay), x);
                if (f < 30 && x.scene().lastFrameWasMotion()) motionFrames++;
            }
            st.jumpTo(0);
        }
    }

    private void hoverSweep(OffscreenExplorer x, boolean overlay, float[] dense) {
        Camera cam = x.scene().state().camera();
        FrameStats hover = phase("hover", x.scene().state());
        int y = Math.round(cam.screenY(dense[1]));
        float x0 = cam.screenX(dense[0]) - 100;
        for (int f = 0; f < 100; f++) {
            int cx = Math.round(x0 + f * 2), cy = y + (f % 7) - 3;
            // The frame's time includes the pick; the pick is also timed on its own.
            timed(hover, () -> {
                long p0 = System.nanoTime();
                x.scene().hoverAt(cx, cy);
                pickReadback.add((System.nanoTime() - p0) / 1e6);
                x.frame(cx, cy, overlay);
            }, x);
        }
    }

    private FrameStats phase(String phaseName, ViewState st) {
        FrameStats s = phase(phaseName);
        spritePx.put(phaseName, st.spritePixels());
        return s;
    }

    private FrameStats phase(String phaseName) {
        closePhase();
        progress.advance(phases.size());
        FrameStats s = new FrameStats();
        phases.put(phaseName, s);
        current = s;
        currentName = phaseName;
        phaseCpuStart = processCpuMs();
        return s;
    }

    private FrameStats current;
    private double phaseCpuStart;
    private Progress progress = Progress.NONE;

    private void closePhase() {
        if (current != null) current.setCpuMs(processCpuMs() - phaseCpuStart);
        current = null;
    }

    /** After a frame: the most items a frame of the phase drew. */
    private void noteDrawn() {
        if (currentName != null && session != null) drawn.merge(currentName, session.scene().drawnCount(), Math::max);
    }

    /** User + system CPU time of this process, every thread, from /proc (NaN elsewhere). */
    static double processCpuMs() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // Fields 14 and 15 of stat (utime, stime) are 12 and 13 after the command name.
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private void timed(FrameStats stats, Runnable frame, OffscreenExplorer x) {
        long t = System.nanoTime();
        frame.run();
        x.finish();
        stats.add((System.nanoTime() - t) / 1e6);
        noteDrawn();
    }

    /** Centre of the most crowded cell of a 32×32 grid over a normalised layout (set-up, not per frame). */
    static float[] densest(float[] xy) {
        int g = 32;
        int[] counts = new int[g * g];
        float[] b = Bounds.of(xy);
        float w = Math.max(b[2] - b[0], 1e-6f), h = Math.max(b[3] - b[1], 1e-6f);
        int best = 0;
        for (int i = 0; i + 1 < xy.length; i += 2) {
            int cx = Math.min(g - 1, (int) ((xy[i] - b[0]) / w * g)), cy = Math.min(g - 1, (int) ((xy[i + 1] - b[1]) / h * g));
            int c = ++counts[cy * g + cx];
            if (c > counts[best]) best = cy * g + cx;
        }
        return new float[] {b[0] + (best % g + 0.5f) * w / g, b[1] + (best / g + 0.5f) * h / g};
    }

    private static long procStatus(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: reported as unknown
        }
        return -1;
    }

    /** Human-readable report. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "bundle %s: %,d items at %dx%d, drawn by %s%n", name, items, width, height, renderer));
        sb.append(String.format(Locale.ROOT, "sprites: %s; atlas: %s%n", matchDemo ? "the 2019 demo's sizes (--match-demo)" : "default sizes", atlasNote));
        sb.append(String.format(Locale.ROOT, "%-11s %7s %9s %11s %11s %14s%n", "phase", "frames", "sprite px", "median ms", "p95 ms", "cpu ms/frame"));
        phases.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%-11s %7d %9.1f %11.1f %11.1f %14.1f%n", k, v.count(),
                spritePx.getOrDefault(k, Float.NaN), v.median(), v.p95(), v.cpuPerFrame())));
        sb.append(String.format(Locale.ROOT, "transition: %d of 29 moving frames at reduced resolution (exact redraws over %.0f ms); settle: the exact frame at rest%n",
                motionFrames, org.embedscope.render.SceneRenderer.MOTION_BUDGET_MS));
        sb.append(String.format(Locale.ROOT, "pick read-back: median %.2f ms, p95 %.2f ms%n", pickReadback.median(), pickReadback.p95()));
        if (lassoSelect.count() > 0) {
            sb.append(String.format(Locale.ROOT, "lasso selection alone: median %.2f ms (%,d items); query alone: median %.2f ms (%,d matches); "
                    + "selected phase: %,d selected%n", lassoSelect.median(), lassoSelected, query.median(), searchMatched, selectedShown));
        }
        sb.append(String.format(Locale.ROOT, "bundle load %.0f ms; load to first complete frame %.0f ms; JVM start to first frame %.0f ms%n",
                loadMs, firstFrameMs, startToFirstFrameMs));
        sb.append(String.format(Locale.ROOT, "heap used %.0f MB; RSS %.0f MB (peak %.0f MB)%n", heapUsed / 1048576.0, rssKb / 1024.0, peakRssKb / 1024.0));
        sb.append(String.format(Locale.ROOT, "textures: budget %.0f MB, allocated %.0f MB, high water %.0f MB; %s, %d pages uploaded, %d evicted%n",
                gpuBudget / 1048576.0, texAllocated / 1048576.0, texHighWater / 1048576.0, texStreams ? "finer levels streamed" : "every page resident",
                texUploads, texEvictions));
        sb.append("items drawn per frame, at most:");
        drawn.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s %,d;", k, v)));
        sb.append(String.format("%n"));
        return sb.toString();
    }

    /** {@code s} inside a JSON string's quotes. */
    private static String jsonText(String s) { return s.replace("\\", "\\\\").replace("\"", "\\\""); }

    /** The same as JSON. */
    public String json() {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append(String.format(Locale.ROOT, "  \"bundle\": \"%s\", \"items\": %d, \"width\": %d, \"height\": %d,%n",
                jsonText(name), items, width, height));
        sb.append(String.format(Locale.ROOT, "  \"renderer\": \"%s\",%n", jsonText(String.valueOf(renderer))));
        sb.append(String.format(Locale.ROOT, "  \"sizes\": \"%s\", \"atlas\": \"%s\",%n", matchDemo ? "demo" : "default", atlasNote));
        sb.append("  \"phases\": {\n");
        int i = 0;
        for (Map.Entry<String, FrameStats> e : phases.entrySet()) {
            sb.append(String.format(Locale.ROOT, "    \"%s\": {\"frames\": %d, \"sprite_px\": %.1f, \"median_ms\": %.2f, \"p95_ms\": %.2f, \"cpu_ms_per_frame\": %.2f}%s%n",
                    e.getKey(), e.getValue().count(), spritePx.getOrDefault(e.getKey(), Float.NaN), e.getValue().median(), e.getValue().p95(), e.getValue().cpuPerFrame(),
                    ++i < phases.size() ? "," : ""));
        }
        sb.append("  },\n");
        sb.append(String.format(Locale.ROOT, "  \"transition_half_resolution_frames\": %d,%n", motionFrames));
        sb.append(String.format(Locale.ROOT, "  \"pick_readback_ms\": {\"median\": %.3f, \"p95\": %.3f},%n", pickReadback.median(), pickReadback.p95()));
        if (lassoSelect.count() > 0) {
            sb.append(String.format(Locale.ROOT, "  \"lasso_select_ms\": {\"median\": %.3f, \"p95\": %.3f, \"items\": %d},%n",
                    lassoSelect.median(), lassoSelect.p95(), lassoSelected));
            sb.append(String.format(Locale.ROOT, "  \"query_ms\": {\"median\": %.3f, \"p95\": %.3f, \"matches\": %d},%n",
                    query.median(), query.p95(), searchMatched));
            sb.append(String.format(Locale.ROOT, "  \"selected_items\": %d,%n", selectedShown));
        }
        sb.append(String.format(Locale.ROOT, "  \"load_ms\": %.1f, \"load_to_first_frame_ms\": %.1f, \"start_to_first_frame_ms\": %.1f,%n",
                loadMs, firstFrameMs, startToFirstFrameMs));
        sb.append(String.format(Locale.ROOT, "  \"heap_used_mb\": %.1f, \"rss_mb\": %.1f, \"peak_rss_mb\": %.1f,%n",
                heapUsed / 1048576.0, rssKb / 1024.0, peakRssKb / 1024.0));
        sb.append(String.format(Locale.ROOT, "  \"texture\": {\"budget_mb\": %.1f, \"allocated_mb\": %.1f, \"high_water_mb\": %.1f, \"streams\": %b, "
                        + "\"pages_uploaded\": %d, \"pages_evicted\": %d},%n", gpuBudget / 1048576.0, texAllocated / 1048576.0,
                texHighWater / 1048576.0, texStreams, texUploads, texEvictions));
        sb.append("  \"items_drawn\": {");
        int j = 0;
        for (Map.Entry<String, Integer> e : drawn.entrySet()) {
            sb.append(String.format(Locale.ROOT, "%s\"%s\": %d", j++ > 0 ? ", " : "", e.getKey(), e.getValue()));
        }
        sb.append("}\n}\n");
        return sb.toString();
    }
}
