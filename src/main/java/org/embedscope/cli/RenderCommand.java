package org.embedscope.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.embedscope.bundle.AtomicFile;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.BundleReader;
import org.embedscope.query.Column;
import org.embedscope.query.ColumnTable;
import org.embedscope.query.Query;
import org.embedscope.render.ColourBy;
import org.embedscope.select.ItemSet;
import org.embedscope.select.SelectionFile;
import org.embedscope.render.ViewState;
import org.embedscope.ui.LabelSession;
import org.embedscope.ui.OffscreenExplorer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code embedscope render}: one frame of the explorer, headless, to a PNG. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Write exactly what the explorer window would show to a PNG, without a window.",
                "",
                "Runs without a display when none is set: through EGL alone, on the GPU's own EGL device where there is one, else Mesa's."})
public final class RenderCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin GlDebugOption glDebug;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "Bundle folder, or a folder of images (prepared once into your cache folder).")
    Path bundle;

    @CommandLine.Mixin BundleOrFolder folder = new BundleOrFolder();

    @Option(names = "--layout", paramLabel = "NAME", description = "Layout to show (default: the bundle's first).")
    String layout;

    @Option(names = "--view", paramLabel = "fit|pin|CX,CY,ZOOM", defaultValue = "fit",
            description = "'fit' (default) shows everything; 'pin' (with --pin) frames the pinned item and its neighbours; "
                    + "CX,CY,ZOOM centres on display coordinates (each layout is normalised so its longer side spans -1..1) "
                    + "at a zoom (1 = fit).")
    String view;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1280x800", converter = Size.Converter.class,
            description = "Image size in pixels, 16 or more a side and at most the OpenGL driver's largest framebuffer"
                    + " less the scene's margin (16128 on llvmpipe) (default: ${DEFAULT-VALUE}).")
    Size size;

    @Option(names = "--hover", paramLabel = "X,Y", description = "Cursor position in pixels (origin top left): the item under it is enlarged.")
    String hover;

    @Option(names = "--transition", paramLabel = "T",
            description = "Freeze a transition from --layout to the next layout at elapsed fraction T in [0,1] "
                    + "(eased, as the window animates it).")
    Float transition;

    @Option(names = "--to", paramLabel = "NAME", description = "Target layout of --transition (default: the next one).")
    String to;

    @Option(names = "--pin", paramLabel = "INDEX",
            description = "Pin item INDEX (its 0-based row in points.csv): lines to its nearest neighbours in the original "
                    + "space, cyan where the layout kept them near, magenta where it put them far; with --overlay, their list.")
    String pin;

    @Option(names = "--overlay", description = "Draw the control overlay too.")
    boolean overlay;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "1", description = "Sprite scale (default: ${DEFAULT-VALUE}); sprites are at most the OpenGL driver's largest point size (255 px on llvmpipe), and a line says when that cuts them.")
    float scale;

    @Option(names = "--threshold", paramLabel = "A", description = "Alpha threshold (default: the bundle's: 0.5, or 0.1 for shaded grey images, README's atlas.ink).")
    Float threshold;

    @Option(names = "--tint", negatable = true,
            description = "Colour each image's shape by its label (or by --color-by's column); --no-tint leaves the images "
                    + "their own colours (default: tinted with --color-by, not without).")
    Boolean tint;

    @Option(names = {"--color-as", "--colour-as"}, paramLabel = "categories|numbers",
            description = "With --color-by: read the column as categories or as numbers (default: its usual reading; a number "
                    + "column of few values can be either, as the window's 'as categories').")
    String colorAs;

    @Option(names = {"--color-range", "--colour-range"}, paramLabel = "LOW,HIGH",
            description = "With --color-by of numbers: the values at the ends of the colour map (default: the column's 2nd and "
                    + "98th percentile).")
    String colorRange;

    @Option(names = "--hide", paramLabel = "NAME",
            description = "Hide the legend's category NAME, as the legend names it (a label, or a value of --color-by's column): "
                    + "its items are not drawn. Repeat for more.")
    java.util.List<String> hide;

    @Option(names = {"--color-by", "--colour-by"}, paramLabel = "COLUMN",
            description = "Colour by any column, as --tint does by label: categories through the palette, numbers "
                    + "through viridis over their 2nd to 98th percentile (see README, \"Using the explorer\").")
    String colorBy;

    @Option(names = "--where", paramLabel = "EXPR",
            description = "Search: items not matching the query are dimmed (with --only, not drawn). The query "
                    + "language is README's, \"Selecting and searching\".")
    String where;

    @Option(names = "--only", description = "With --where: draw only the matches.")
    boolean only;

    @Option(names = "--selection", paramLabel = "FILE",
            description = "Draw the items a selection file lists (CSV with an index column, as select and the window export) selected.")
    Path selection;

    @Option(names = "--dim", description = "With --selection: draw the other items dimmed (the window's 'dim the rest').")
    boolean dim;

    @Option(names = "--annotations", paramLabel = "FILE",
            description = "A user's corrections, as the explorer saves them (index,label,tags,edited): the tint, legend, "
                    + "--where and --color-by see the corrected labels, as the window does (default: the bundle's "
                    + "annotations.csv when there is one).")
    Path annotations;

    @Option(names = "--smooth-alpha", description = "Blend texels by their alpha instead of the threshold's pass or fail.")
    boolean smoothAlpha;

    @Option(names = "--json", description = "Also print what was drawn, as JSON: sprite_px (on-screen sprite side), level "
            + "(atlas level sampled, -1 for flat squares), view (centre and zoom), items_drawn (items drawn whose "
            + "sprite reaches into the view: beyond 250,000 there, the levels of detail's), layout, size and the output file.")
    boolean json;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE.png", description = "Output PNG (written atomically).")
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

    @Option(names = "--gpu-memory", paramLabel = "SIZE", defaultValue = "1G", converter = ByteSize.Converter.class,
            description = "Budget for the atlas on the GPU, such as 1G or 512M: coarse levels stay, finer pages stream in as the view needs them (default: ${DEFAULT-VALUE}).")
    ByteSize gpuMemory;

    @Override
    public Integer call() throws Exception {
        // What can be checked without the bundle first: nothing is drawn or written before every check passes.
        String outName = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!outName.endsWith(".png")) throw new BundleException(out, "--out", "expected a file name ending in .png (render writes PNG)");
        AtomicFile.checkTarget(out);
        folder.checkNotInside(out, bundle);
        org.embedscope.bundle.BundlePaths.checkNotBundleFile(out, bundle);
        AtomicFile.checkNotInput(out, selection, "the --selection file");
        AtomicFile.checkNotInput(out, annotations, "the --annotations file");
        if (only && where == null) throw new BundleException(null, "--only", "needs --where: it draws only the matches of a query");
        if (to != null && transition == null) throw new BundleException(null, "--to", "needs --transition T: it names the layout the transition goes to");
        if (dim && selection == null) throw new BundleException(null, "--dim", "needs --selection: it dims the items not selected");
        // NaN would pass a plain "> 0" test the wrong way round: it draws nothing and writes "sprite_px": NaN (not JSON).
        if (!(scale > 0 && Float.isFinite(scale))) throw new BundleException(null, "--scale", "expected a positive finite number, got " + scale);
        if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
            throw new BundleException(null, "--threshold", "expected an alpha from 0 to 1, got " + threshold);
        }
        Query query = where == null ? null : OptionText.read("--where", () -> Query.parse(where));
        float[] centreZoom = view.equals("fit") || view.equals("pin") ? null : centreAndZoom(view);
        org.embedscope.progress.SlowStages shown = org.embedscope.progress.SlowStages.onStderr();
        Bundle b = BundleReader.loadForViewing(folder.resolve(bundle, spec), shown);
        shown.finish();
        SavedEdits saved = SavedEdits.read(b, annotations);
        ColumnTable table = query == null && colorBy == null ? null
                : saved != null ? ColumnTable.of(b, saved.annotations()) : ColumnTable.of(b);
        ItemSet matches = query == null ? null : OptionText.read("--where", () -> query.evaluate(table));
        if (colorAs != null && colorBy == null) throw new BundleException(null, "--color-as", "needs --color-by: it says how to read that column");
        if (colorAs != null && !colorAs.equals("categories") && !colorAs.equals("numbers")) {
            throw new BundleException(null, "--color-as", "expected categories or numbers, got '" + colorAs + "'");
        }
        if (colorRange != null && colorBy == null) throw new BundleException(null, "--color-range", "needs --color-by of a number column");
        double[] range = colorRange == null ? null : colourRange(colorRange);
        ColourBy colouring = colorBy == null ? null : colouring(table, colorBy, colorAs == null ? null : colorAs.equals("categories"));
        if (range != null && colouring.isCategories()) {
            throw new BundleException(null, "--color-range", "column '" + colorBy + "' is coloured as categories; a range goes with numbers");
        }
        // The label column in categories is the view's own label colouring, as the window's colour list makes it.
        boolean byLabels = colouring != null && colouring.isCategories() && table.column(colorBy).role() == Column.Role.LABEL;
        ItemSet selected = selection == null ? null : SelectionFile.read(selection, b.count());
        int from = layout == null ? 0 : layoutIndex(b, layout, "--layout");
        int target = to == null ? (from + 1) % b.manifest().layouts().size() : layoutIndex(b, to, "--to");
        // A transition to the layout it starts from draws that layout at rest, whatever T says.
        if (transition != null && target == from) {
            throw to != null ? new BundleException(null, "--to", "'" + to + "' is the layout the transition starts from (--layout); expected another")
                    : new BundleException(null, "--transition", "the bundle has one layout: there is none to move to");
        }
        int[] cursor = {-1, -1};
        if (hover != null) {
            cursor = parseInts(hover, 2, "--hover");
            // Off the picture nothing would be hovered, and the user would not be told why.
            if (cursor[0] < 0 || cursor[1] < 0 || cursor[0] >= size.width() || cursor[1] >= size.height()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--hover: " + hover + " is outside the " + size.width() + "×"
                        + size.height() + " picture; expected X from 0 to " + (size.width() - 1) + " and Y from 0 to " + (size.height() - 1));
            }
        }
        if (transition != null && !(transition >= 0 && transition <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--transition: expected a fraction from 0 to 1, got " + transition);
        }
        int pinned = pin == null ? -1 : pinIndex(b);
        try (OffscreenExplorer x = new OffscreenExplorer(b, size.width(), size.height(), gpuMemory.bytes());
             // With the overlay, the panel has the window's label section, over the same edits (read, never written).
             LabelSession labels = overlay ? LabelSession.open(b, x.scene().state(), annotations) : null) {
            ViewState st = x.scene().state();
            if (labels != null) x.setLabels(labels);
            else if (saved != null) LabelSession.show(b, saved.annotations(), st);
            st.jumpTo(from);
            if (transition != null) {
                st.moveTo(target, 0f);
                st.update(transition * org.embedscope.render.Transition.DURATION);
            }
            st.setUserScale(scale);
            if (threshold != null) st.setThreshold(threshold);
            st.setTintByLabel(tint != null ? tint : colouring != null);
            if (colouring != null) st.setColourBy(byLabels ? st.labelColouring() : colouring);
            if (range != null) st.setColourRange(range[0], range[1]);
            if (hide != null) for (String name : hide) st.setCategoryShown(category(st.colourBy(), name), false);
            if (matches != null) {
                st.setMatches(matches);
                st.setOnlyMatches(only);
                if (overlay) x.setSearch(where);
            }
            if (selected != null) {
                st.setSelection(selected);
                st.setDimUnselected(dim);
            }
            // The window unpins a hidden item; a still would frame it and draw no pin, and not say why.
            if (pinned >= 0 && st.isHidden(pinned)) {
                throw new BundleException(null, "--pin", "item " + pinned + (only && !matches.contains(pinned)
                        ? " does not match --where, and --only hides it" : " is hidden by --hide") + "; expected an item that is drawn");
            }
            st.setSmoothAlpha(smoothAlpha);
            // The view's zoom is relative to the fitted view, which leaves room for the open panel.
            st.setInsetLeft(overlay ? org.embedscope.ui.Overlay.insetPx(1f) : 0f);
            if (view.equals("pin")) {
                if (pinned < 0) throw new CommandLine.ParameterException(spec.commandLine(), "--view pin: goes with --pin INDEX");
                framePinned(st, x.scene().layouts(), b.neighbors(), pinned);
            } else if (!view.equals("fit")) {
                st.setView(centreZoom[0], centreZoom[1], centreZoom[2]);
                sayWhereTheViewWent(st.camera(), centreZoom);
            }
            st.pin(pinned);
            sayScaleCapped(st);
            x.frame(cursor[0], cursor[1], overlay);
            // A still shows the view's own pages: frames go on until the streamed ones have arrived.
            for (long until = System.nanoTime() + 30_000_000_000L; x.scene().busy() && System.nanoTime() < until; ) {
                Thread.sleep(2);
                x.frame(cursor[0], cursor[1], overlay);
            }
            x.frame(cursor[0], cursor[1], overlay);
            try {
                x.writePng(out);
            } catch (java.io.IOException e) {
                throw AtomicFile.cannotWrite(out, e);
            }
            if (json) spec.commandLine().getOut().println(drawnJson(x, b, out));
        }
        // Atlas levels made at this load finish going into the cache before the process ends.
        org.embedscope.render.LevelCache.awaitWrites();
        return 0;
    }

    /**
     * Centres the view on {@code item} and its neighbours where they are drawn ({@code layouts} blended by
     * the transition's weights, as the sprites are), zoomed so they all show with a margin.
     */
    private static void framePinned(ViewState st, float[][] layouts, org.embedscope.bundle.NeighborLists nb, int item) {
        float[] p = new float[2];
        st.transition().position(layouts, item, p);
        float x0 = p[0], x1 = x0, y0 = p[1], y1 = y0;
        for (int r = 0; r < nb.k(); r++) {
            st.transition().position(layouts, nb.neighbor(item, r), p);
            x0 = Math.min(x0, p[0]);
            x1 = Math.max(x1, p[0]);
            y0 = Math.min(y0, p[1]);
            y1 = Math.max(y1, p[1]);
        }
        org.embedscope.render.Camera cam = st.camera();
        // Room for the sprites at the edges: a quarter of the box, at least a few sprite widths.
        float pad = Math.max(0.25f * Math.max(x1 - x0, y1 - y0), 3 * st.worldSize());
        float w = x1 - x0 + 2 * pad, h = y1 - y0 + 2 * pad;
        float ppu = Math.min(cam.width() / w, cam.height() / h);
        st.setView((x0 + x1) / 2, (y0 + y1) / 2, ppu / cam.fitPixelsPerUnit());
    }

    /** A --scale whose sprites would be larger than the GL draws a point: drawn at that size, and said (it had been silent). */
    private void sayScaleCapped(ViewState st) {
        float drawn = st.spritePixels(), asked = st.spritePixelsAt(1f) * scale;
        if (asked <= drawn + 0.5f) return;
        spec.commandLine().getErr().println(String.format(Locale.ROOT,
                "embedscope: --scale %s: sprites drawn at %.0f px, the OpenGL driver's largest point size, not the %.0f px asked",
                scale == Math.rint(scale) ? String.valueOf((long) scale) : String.valueOf(scale), drawn, asked));
    }

    /**
     * A --view the camera cannot show (a zoom out of its range, a centre that would leave the data out of
     * sight) is drawn at the nearest one it can, as the window would; said in a line, as the picture had
     * been the fitted view without a word.
     */
    private void sayWhereTheViewWent(org.embedscope.render.Camera cam, float[] asked) {
        float ppu = cam.pixelsPerUnit();
        boolean moved = Math.abs(cam.centerX() - asked[0]) * ppu > 0.5f || Math.abs(cam.centerY() - asked[1]) * ppu > 0.5f;
        if (!moved && Math.abs(cam.zoom() - asked[2]) <= 1e-4f * asked[2]) return;
        spec.commandLine().getErr().println(String.format(Locale.ROOT,
                "embedscope: --view %s is beyond what the view shows (zoom %.4g to %.4g, the data kept in sight); drawn at %.6f,%.6f,%.4f",
                view, cam.minZoom(), cam.maxZoom(), cam.centerX(), cam.centerY(), cam.zoom()));
    }

    /** --pin's item, refused in one line when it is no item of the bundle or the bundle holds no neighbours. */
    private int pinIndex(Bundle b) throws org.embedscope.bundle.BundleException {
        int i;
        try {
            i = Integer.parseInt(pin.strip());
        } catch (NumberFormatException e) {
            i = -1;
        }
        if (i < 0 || i >= b.count()) {
            throw new org.embedscope.bundle.BundleException(null, "--pin", "expected an item index from 0 to " + (b.count() - 1) + ", got '" + pin + "'");
        }
        if (!b.hasNeighbors()) {
            // Named by the option that needs them: the line had named bundle.json, as if it were damaged.
            throw new org.embedscope.bundle.BundleException(null, "--pin", "needs the bundle's nearest neighbours, and "
                    + (b.count() < 2 ? org.embedscope.ui.NeighborPanel.noNeighbors(b.count())
                            : b.dir() + " has no neighbours file: prepare it again with --neighbors 15 (the default; --neighbors 0 keeps none)"));
        }
        b.neighbors(); // read now, so that a defect in the file is this command's error
        return i;
    }

    /** What the frame drew, as one JSON object. */
    static String drawnJson(OffscreenExplorer x, Bundle b, Path out) {
        ViewState st = x.scene().state();
        org.embedscope.render.Camera cam = st.camera();
        float px = st.spritePixels();
        int drawn = x.scene().drawnInView(px / 2);
        return String.format(java.util.Locale.ROOT,
                "{\"sprite_px\": %.2f, \"level\": %d, \"view\": {\"cx\": %.6f, \"cy\": %.6f, \"zoom\": %.4f}, "
                        + "\"items_drawn\": %d, \"items\": %d, \"layout\": \"%s\", \"size\": [%d, %d], \"out\": \"%s\"}",
                px, x.scene().currentLevel(), cam.centerX(), cam.centerY(), cam.zoom(), drawn, b.count(), drawnLayout(b, st.transition()),
                cam.width(), cam.height(), out.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\""));
    }

    /**
     * The layout the sprites stand on: the one of most weight. The transition's target is not it until the
     * end: at {@code --transition 0} the sprites are still on the layout it starts from.
     */
    static String drawnLayout(Bundle b, org.embedscope.render.Transition t) {
        float[] w = t.weights();
        int most = 0;
        for (int s = 1; s < w.length; s++) if (w[s] > w[most]) most = s;
        return b.manifest().layouts().get(t.slot(most)).name();
    }

    /** LOW,HIGH of --color-range: two numbers, the first below the second. */
    private static double[] colourRange(String s) throws BundleException {
        String[] p = s.split(",", -1);
        try {
            if (p.length == 2) {
                double lo = Double.parseDouble(p[0].strip()), hi = Double.parseDouble(p[1].strip());
                if (Double.isFinite(lo) && Double.isFinite(hi) && lo < hi) return new double[] {lo, hi};
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new BundleException(null, "--color-range", "expected LOW,HIGH, two numbers with LOW below HIGH, got '" + s + "'");
    }

    /** The category of {@code c}'s legend named {@code name}, or one line listing those there are. */
    private static int category(ColourBy c, String name) throws BundleException {
        if (!c.isCategories()) throw new BundleException(null, "--hide", "the colouring by '" + c.column() + "' is numbers; --hide goes with categories");
        // As the legend names them: a text column's empty value is "(empty)".
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int k = 0; k < c.categoryCount(); k++) names.add(c.legendName(k));
        int k = names.indexOf(name);
        if (k >= 0) return k;
        String listed = String.join(", ", names.size() <= 20 ? names : names.subList(0, 20)) + (names.size() > 20 ? ", ..." : "");
        throw new BundleException(null, "--hide", "no category '" + name + "' in the legend; it has " + listed);
    }

    /** The colouring by column {@code name}, as categories or numbers ({@code asCategories}; null: its usual reading). */
    private static ColourBy colouring(ColumnTable table, String name, Boolean asCategories) throws BundleException {
        Column c = table.column(name);
        if (c == null) {
            throw new BundleException(null, "--color-by", "no column '" + name + "'; the columns are " + String.join(", ", table.names()));
        }
        Boolean usual = ColourBy.defaultAsCategories(c);
        if (asCategories == null && usual == null) {
            throw new BundleException(null, "--color-by", "column '" + name + "' has " + c.categories().size()
                    + " distinct texts; at most " + ColourBy.MAX_CATEGORIES + " can be coloured as categories");
        }
        boolean cat = asCategories != null ? asCategories : usual;
        try {
            return ColourBy.of(c, cat);
        } catch (IllegalArgumentException e) {
            throw new BundleException(null, "--color-as", e.getMessage());
        }
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

    /** --view's CX,CY,ZOOM; a zoom of 0 or below has no picture (it was drawn as the fitted view). */
    private float[] centreAndZoom(String s) {
        float[] v = parseFloats(s, 3, "--view");
        if (!(v[2] > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--view: expected a zoom above 0 as the third number"
                    + " (1 = fit, 2 = twice as close), got '" + s + "'");
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
