package org.embedscope.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleReader;
import org.embedscope.render.ViewState;
import org.embedscope.ui.OffscreenExplorer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code embedscope render}: one frame of the explorer, headless, to a PNG. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Write exactly what the explorer window would show to a PNG, without a window.",
                "Runs without a display (GLFW's null platform with Mesa's EGL) when none is set."})
public final class RenderCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin GlDebugOption glDebug;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "Bundle folder, or a folder of images (prepared once into your cache folder).")
    Path bundle;

    @CommandLine.Mixin BundleOrFolder folder = new BundleOrFolder();

    @Option(names = "--layout", paramLabel = "NAME", description = "Layout to show (default: the bundle's first).")
    String layout;

    @Option(names = "--view", paramLabel = "fit|CX,CY,ZOOM", defaultValue = "fit",
            description = {"'fit' (default) shows everything; CX,CY,ZOOM centres on display coordinates",
                    "(each layout is normalised so its longer side spans -1..1) at a zoom (1 = fit)."})
    String view;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1280x800", converter = Size.Converter.class,
            description = "Image size in pixels (default: ${DEFAULT-VALUE}).")
    Size size;

    @Option(names = "--hover", paramLabel = "X,Y", description = "Cursor position in pixels (origin top left): the item under it is enlarged.")
    String hover;

    @Option(names = "--transition", paramLabel = "T",
            description = {"Freeze a transition from --layout to the next layout at elapsed fraction T in [0,1]",
                    "(eased, as the window animates it)."})
    Float transition;

    @Option(names = "--to", paramLabel = "NAME", description = "Target layout of --transition (default: the next one).")
    String to;

    @Option(names = "--overlay", description = "Draw the control overlay too.")
    boolean overlay;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "1", description = "Sprite scale (default: ${DEFAULT-VALUE}).")
    float scale;

    @Option(names = "--threshold", paramLabel = "A", defaultValue = "0.5", description = "Alpha threshold (default: ${DEFAULT-VALUE}).")
    float threshold;

    @Option(names = "--tint", description = "Colour each image's shape by its label.")
    boolean tint;

    @Option(names = "--json", description = {"Also print what was drawn, as JSON: sprite_px (on-screen sprite side), level",
            "(atlas level sampled, -1 for flat squares), view (centre and zoom), items_drawn (items whose sprite",
            "reaches into the view), layout, size and the output file."})
    boolean json;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "Output PNG (written atomically).")
    Path out;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    private int layoutIndex(Bundle b, String name, String option) {
        int i = b.manifest().layoutIndex(name);
        if (i < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": the bundle has no layout '" + name + "'; it has "
                    + b.manifest().layouts().stream().map(l -> l.name()).toList());
        }
        return i;
    }

    @Override
    public Integer call() throws Exception {
        Bundle b = BundleReader.load(folder.resolve(bundle, spec));
        int from = layout == null ? 0 : layoutIndex(b, layout, "--layout");
        int target = to == null ? (from + 1) % b.manifest().layouts().size() : layoutIndex(b, to, "--to");
        int[] cursor = {-1, -1};
        if (hover != null) cursor = parseInts(hover, 2, "--hover");
        if (transition != null && !(transition >= 0 && transition <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--transition: expected a fraction from 0 to 1, got " + transition);
        }
        try (OffscreenExplorer x = new OffscreenExplorer(b, size.width(), size.height())) {
            ViewState st = x.scene().state();
            st.jumpTo(from);
            if (transition != null) {
                st.moveTo(target, 0f);
                st.update(transition * org.embedscope.render.Transition.DURATION);
            }
            st.setUserScale(scale);
            st.setThreshold(threshold);
            st.setTintByLabel(tint);
            if (!view.equals("fit")) {
                float[] v = parseFloats(view, 3, "--view");
                st.setView(v[0], v[1], v[2]);
            }
            x.frame(cursor[0], cursor[1], overlay);
            x.writePng(out);
            if (json) spec.commandLine().getOut().println(drawnJson(x, b, out));
        }
        // Atlas levels made at this load finish going into the cache before the process ends.
        org.embedscope.render.LevelCache.awaitWrites();
        return 0;
    }

    /** What the frame drew, as one JSON object. */
    static String drawnJson(OffscreenExplorer x, Bundle b, Path out) {
        ViewState st = x.scene().state();
        org.embedscope.render.Camera cam = st.camera();
        float px = st.spritePixels();
        int[] labels = b.hasLabels() ? b.labels() : new int[b.count()];
        int drawn = org.embedscope.render.VisibleItems.mark(x.scene().layouts(), st.transition(), cam, labels,
                st.shownLabels(), px / 2, null);
        String layout = b.manifest().layouts().get(st.transition().target()).name();
        return String.format(java.util.Locale.ROOT,
                "{\"sprite_px\": %.2f, \"level\": %d, \"view\": {\"cx\": %.6f, \"cy\": %.6f, \"zoom\": %.4f}, "
                        + "\"items_drawn\": %d, \"items\": %d, \"layout\": \"%s\", \"size\": [%d, %d], \"out\": \"%s\"}",
                px, x.scene().currentLevel(), cam.centerX(), cam.centerY(), cam.zoom(), drawn, b.count(), layout,
                cam.width(), cam.height(), out.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\""));
    }

    private float[] parseFloats(String s, int n, String option) {
        String[] p = s.split(",");
        float[] v = new float[n];
        try {
            if (p.length != n) throw new NumberFormatException();
            for (int i = 0; i < n; i++) {
                v[i] = Float.parseFloat(p[i].trim());
                if (!Float.isFinite(v[i])) throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": expected " + n + " numbers separated by commas, got '" + s + "'");
        }
        return v;
    }

    private int[] parseInts(String s, int n, String option) {
        float[] f = parseFloats(s, n, option);
        int[] v = new int[n];
        for (int i = 0; i < n; i++) v[i] = Math.round(f[i]);
        return v;
    }
}
