package org.embedscope.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The data a layout is computed on, as {@code layout} and {@code quality} take it: IDX pairs, IDX images, or vectors. */
public final class LayoutInputOptions {
    @Option(names = "--idx", arity = "2", paramLabel = "FILE",
            description = "IDX images file and its labels file, raw or .gz (as for prepare), e.g. MNIST's train-images-idx3-ubyte "
                    + "train-labels-idx1-ubyte. Repeat to concatenate pairs in order; pixels are scaled to [0, 1].")
    List<Path> idx;

    @Option(names = "--images", split = ",", paramLabel = "IDX",
            description = "IDX image files (raw or .gz), comma-separated, concatenated in order; pixels scaled to [0, 1].")
    List<Path> images;

    @Option(names = "--vectors", paramLabel = "FILE[:ARRAY]",
            description = "Feature vectors instead of images: .npy (n, d), an .npz archive's array (FILE.npz:ARRAY, or its only one), "
                    + "or CSV/text.")
    String vectors;

    /** Checks that exactly one input is given; throws picocli's usage error otherwise. */
    void check(CommandLine.Model.CommandSpec spec) {
        check(spec, "");
    }

    /** As {@link #check(CommandLine.Model.CommandSpec)}, the message ending in {@code note} (when none is given). */
    void check(CommandLine.Model.CommandSpec spec, String note) {
        int inputs = count();
        if (inputs != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give one of --idx IMAGES LABELS, --images IDX[,IDX...] or --vectors FILE"
                    + (inputs == 0 ? note : ""));
        }
    }

    /** True when no input is given at all. */
    boolean none() { return count() == 0; }

    private int count() {
        return (idx != null ? 1 : 0) + (images != null && !images.isEmpty() ? 1 : 0) + (vectors != null ? 1 : 0);
    }

    /** The image files: those of --images, or the first of each --idx pair; null with --vectors. */
    List<Path> imageFiles() {
        if (idx == null) return images;
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < idx.size(); i += 2) out.add(idx.get(i));
        return out;
    }

    /** The label files of the --idx pairs; empty without them. */
    List<Path> labelFiles() {
        List<Path> out = new ArrayList<>();
        if (idx != null) for (int i = 1; i < idx.size(); i += 2) out.add(idx.get(i));
        return out;
    }

    /** The --vectors argument as an input; null without it. */
    org.embedscope.source.MatrixInput vectors(CommandLine.Model.CommandSpec spec) {
        if (vectors == null) return null;
        try {
            return org.embedscope.source.VectorFiles.parse(vectors);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--vectors: " + e.getMessage());
        }
    }

    /** Refuses {@code out} when it is one of the input files, which writing it would destroy. */
    void checkNotInput(java.nio.file.Path out, CommandLine.Model.CommandSpec spec) throws org.embedscope.bundle.BundleException {
        List<Path> files = new ArrayList<>();
        if (idx != null) files.addAll(idx);
        if (images != null) files.addAll(images);
        org.embedscope.source.MatrixInput v = vectors(spec);
        if (v != null) files.add(v.file());
        for (Path f : files) org.embedscope.bundle.AtomicFile.checkNotInput(out, f, "the input " + f);
    }
}
