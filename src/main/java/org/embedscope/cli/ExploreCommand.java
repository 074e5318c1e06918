package org.embedscope.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.embedscope.Home;
import org.embedscope.select.ItemSet;
import org.embedscope.select.SelectionFile;
import org.embedscope.ui.ExplorerWindow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code embedscope explore [BUNDLE]}: the interactive window. */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = {"Open the explorer window on a bundle, or on a folder of images: every item as a sprite at its layout.",
                "",
                "A folder of images is prepared once (UMAP and PCA layouts of its pixels, progress shown) into your cache "
                        + "folder and opened at once the next time, until its files change.",
                "",
                "Mouse: drag to pan, wheel to zoom about the cursor, double-click to fit, hover to enlarge; click selects, "
                        + "Shift-click adds or removes, Shift-drag selects a box, Ctrl-drag a lasso (with Alt as well: added to "
                        + "the selection).",
                "",
                "Keys: arrows pan, +/- zoom, F fits, T animates to the other layout; Esc clears the selection, I inverts it, "
                        + "D dims the rest, M selects the search's matches.",
                "",
                "Neighbours: Ctrl-click or N pins the item under the pointer (lines to its nearest neighbours in the original "
                        + "space; Esc unpins).",
                "",
                "Labels: the number keys give the selection a label (that digit's where labels are digits, else the legend's "
                        + "first nine; or type one in the panel), tags too; Ctrl-Z undoes, Ctrl-Shift-Z redoes; edits are saved "
                        + "to annotations.csv."})
public final class ExploreCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin GlDebugOption glDebug;

    @Parameters(index = "0", arity = "0..1", paramLabel = "BUNDLE",
            description = "Bundle folder, or a folder of images (prepared once into your cache folder, then opened at once; "
                    + "default: the MNIST bundle shipped in assets/mnist).")
    Path bundle;

    @CommandLine.Mixin BundleOrFolder folder = new BundleOrFolder();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1280x800", converter = Size.Converter.class,
            description = "Initial window size in screen coordinates (default: ${DEFAULT-VALUE}).")
    Size size;

    @Option(names = "--gpu-memory", paramLabel = "SIZE", defaultValue = "1G", converter = ByteSize.Converter.class,
            description = "Budget for the atlas on the GPU, such as 1G or 512M: coarse levels stay, finer pages stream in as the view needs them (default: ${DEFAULT-VALUE}).")
    ByteSize gpuMemory;

    @Option(names = "--selection", paramLabel = "FILE",
            description = "Open with the items a selection file lists selected (CSV with an index column, as select and the window's export write).")
    Path selection;

    @Option(names = "--annotations", paramLabel = "FILE",
            description = "Where label and tag edits are kept: loaded at start, saved after each edit (default: annotations.csv "
                    + "beside the bundle; when its folder is read-only, a file in your cache folder, and the overlay says so).")
    Path annotations;

    @Override
    public Integer call() throws Exception {
        Path dir = bundle != null ? folder.resolve(bundle, spec) : Home.resolve("assets/mnist");
        // A missing or bad bundle and a bad selection file are refused before any window opens.
        int count = org.embedscope.bundle.BundleReader.manifest(dir).count();
        ItemSet selected = selection == null ? null : SelectionFile.read(selection, count);
        try (ExplorerWindow window = new ExplorerWindow(dir, size.width(), size.height(), gpuMemory.bytes(), annotations)) {
            if (selected != null) window.scene().state().setSelection(selected);
            window.run();
        }
        // Atlas levels made at this load finish going into the cache before the process ends.
        org.embedscope.render.LevelCache.awaitWrites();
        return 0;
    }
}
