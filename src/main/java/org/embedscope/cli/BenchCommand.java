package org.embedscope.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.embedscope.bench.BenchSession;
import org.embedscope.bench.SyntheticBundleWriter;
import org.embedscope.progress.TerminalProgress;
import org.embedscope.util.FileTrees;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code embedscope bench}: a fixed scripted session, timed frame by frame. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Drive a fixed scripted session offscreen and report frame times per phase.",
                "",
                "The phases: fit view; zoom into the densest region to 8x; redraws at 8x; pan; zoom out; a full transition "
                        + "to the second layout; a hover sweep of one cursor move per frame; a 100-vertex lasso over the densest "
                        + "region; a search matching a tenth of the items; redraws with 10,000 items selected and the rest "
                        + "dimmed; the fit and zoomed views drawn in full (every sprite); the zoomed view with every sprite a "
                        + "flat square (zoomed-flat: the sprites without their images). Redraws at an unchanged view recolour "
                        + "the recorded scene from the third on; the -full phases draw every sprite each frame.",
                "",
                "Each frame includes the overlay and ends with glFinish (GPU work completed). Also: picking read-back time, "
                        + "bundle load time, time to the first complete frame, heap and RSS."})
public final class BenchCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin GlDebugOption glDebug;

    @Parameters(index = "0", arity = "0..1", paramLabel = "BUNDLE", description = "Bundle folder (not with --synthetic).")
    Path bundle;

    @Option(names = "--synthetic", paramLabel = "N",
            description = "Generate a synthetic bundle of N items (1 to 100,000,000; 28-px glyphs, ten clusters, two layouts) in a temporary folder and bench it.")
    Integer synthetic;

    @Option(names = "--cell", paramLabel = "PX", defaultValue = "" + SyntheticBundleWriter.CELL,
            description = "With --synthetic: cell size of the glyphs in pixels, 4 to 2048 (default: ${DEFAULT-VALUE}).")
    int cell;

    @Option(names = "--colour", description = "With --synthetic: colour glyphs on coloured grounds (RGB pages, opaque) instead of grey on black.")
    boolean colour;

    @Option(names = "--gpu-memory", paramLabel = "SIZE", defaultValue = "1G", converter = ByteSize.Converter.class,
            description = "Budget for the atlas on the GPU, such as 1G or 512M: coarse levels stay, finer pages stream in as the view needs them (default: ${DEFAULT-VALUE}).")
    ByteSize gpuMemory;

    @Option(names = "--keep", paramLabel = "DIR",
            description = "With --synthetic: write the bundle to DIR and keep it. The start-up and memory figures of a "
                    + "--synthetic run include generating the bundle; bench DIR afterwards for clean ones.")
    Path keep;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1280x800", converter = Size.Converter.class,
            description = "Framebuffer size, 16 or more a side and at most the OpenGL driver's largest framebuffer"
                    + " less the scene's margin (16128 on llvmpipe) (default: ${DEFAULT-VALUE}).")
    Size size;

    @Option(names = "--no-overlay", description = "Leave the imgui overlay out of the frames.")
    boolean noOverlay;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--match-demo", description = "Draw what the 2019 three.js demo draws, for a side-by-side run with "
            + "../shared/demo-bench/run.sh: its sprite sizes (14 px at the fitted view, linear in camera distance to "
            + "28 px at 4x zoom, 28 px beyond) and its phases: fit, hover, zoomed (8x about the centre), transition.")
    boolean matchDemo;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((bundle == null) == (synthetic == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either a BUNDLE folder or --synthetic N");
        }
        if (synthetic != null) {
            try {
                SyntheticBundleWriter.check(synthetic, cell);
            } catch (org.embedscope.bundle.BundleException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        } else if (colour || cell != SyntheticBundleWriter.CELL || keep != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cell, --colour and --keep go with --synthetic");
        }
        if (synthetic == null) {
            bench(bundle);
            return 0;
        }
        // Without --keep the synthetic bundle (gigabytes at a million 64-px cells) goes however the run ends.
        try (FileTrees.TemporaryFolder tmp = keep == null ? FileTrees.temporaryFolder("embedscope-synthetic") : null) {
            long t = System.nanoTime();
            TerminalProgress progress = new TerminalProgress(System.err, System.console() != null);
            Path dir = SyntheticBundleWriter.write(keep != null ? keep : tmp.path().resolve("bundle"), synthetic, 42, cell, colour, progress);
            progress.finish();
            spec.commandLine().getErr().printf("synthetic bundle of %,d items written in %.1f s%n", synthetic, (System.nanoTime() - t) / 1e9);
            bench(dir);
        }
        return 0;
    }

    private void bench(Path dir) throws Exception {
        TerminalProgress progress = new TerminalProgress(System.err, System.console() != null);
        BenchSession s = BenchSession.run(dir, size.width(), size.height(), !noOverlay, matchDemo, gpuMemory.bytes(), progress);
        progress.finish();
        spec.commandLine().getOut().print(json ? s.json() : s.text());
        spec.commandLine().getOut().flush();
    }
}
