package org.embedscope.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.BundleReader;
import org.embedscope.export.ProjectorExport;
import org.embedscope.progress.TerminalProgress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code embedscope export-projector}: a bundle as files TensorBoard's projector opens. */
@Command(name = "export-projector", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a bundle as a TensorBoard projector log.",
                "",
                "The log holds an embedding per layout (its 2-D coordinates as a TSV tensor), the label and metadata as metadata.tsv, every image in one sprite sheet of at most "
                + ProjectorExport.MAX_SPRITE + "×" + ProjectorExport.MAX_SPRITE + " pixels (cells shrunk to fit), and "
                + "projector_config.pbtxt, with the bundle's name, label names and layout titles beside it in embedscope.json "
                + "(TensorBoard does not read it).",
                "",
                "Open it with 'tensorboard --logdir OUT_DIR'; 'embedscope prepare --projector OUT_DIR --tensor LAYOUT "
                + "--import-layout LAYOUT=OUT_DIR/layout-LAYOUT.tsv' reads it back, name, label names and titles included.",
                "",
                "OUT_DIR is written whole or not at all; an existing one is replaced only when it is an earlier export."})
public final class ExportProjectorCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BUNDLE", description = "The bundle folder to export.")
    Path bundle;

    @Parameters(index = "1", paramLabel = "OUT_DIR", description = "The folder to write.")
    Path out;

    @CommandLine.Option(names = "--annotations", paramLabel = "FILE",
            description = "A user's label corrections and tags (index,label,tags,edited CSV) to export with the metadata: "
                    + "the label column holds the corrected labels, then LABEL_original and tags follow "
                    + "(default: the edits the explorer saved for the bundle, when there are some).")
    Path annotations;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws BundleException {
        TerminalProgress progress = TerminalProgress.onStderr();
        progress.stage("reading the bundle", 0);
        Bundle b = BundleReader.load(bundle, progress);
        SavedEdits saved = SavedEdits.read(b, annotations);
        ProjectorExport.Result r = ProjectorExport.write(b, saved == null ? null : saved.annotations(), out, progress, progress::cancel);
        progress.finish();
        spec.commandLine().getOut().println("wrote " + r.dir() + ": " + ProjectorExport.describe(r));
        if (saved != null) spec.commandLine().getOut().println("with the labels and tags edited in " + saved.file());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
