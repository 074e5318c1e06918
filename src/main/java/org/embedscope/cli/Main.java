package org.embedscope.cli;

import org.embedscope.bundle.BundleException;
import org.embedscope.progress.CancelledException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code embedscope}: the command line. Each sub-command is a class of its own in this package. */
@Command(name = "embedscope", mixinStandardHelpOptions = true, version = "embedscope 0.1.0",
        description = "See how an embedding organises your images: every image as a GPU sprite at its 2-D layout.",
        subcommands = {
                CommandLine.HelpCommand.class,
                ExploreCommand.class,
                PrepareCommand.class,
                RenderCommand.class,
                BenchCommand.class,
                LayoutCommand.class,
                QualityCommand.class,
                NeighborsCommand.class,
        })
public final class Main implements Runnable {

    /** Exit code for bad input (a clear one-line message was printed). */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code when the user interrupted long work. */
    public static final int EXIT_CANCELLED = 130;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'embedscope explore' or 'embedscope --help'.");
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable t = ex;
            while (t.getCause() != null && !(t instanceof BundleException) && !(t instanceof CancelledException)) {
                if (t.getCause() instanceof BundleException || t.getCause() instanceof CancelledException) {
                    t = t.getCause();
                    break;
                }
                t = t.getCause();
            }
            if (t instanceof BundleException) {
                commandLine.getErr().println("embedscope: " + t.getMessage());
                return EXIT_BAD_INPUT;
            }
            if (t instanceof CancelledException) {
                commandLine.getErr().println("embedscope: interrupted; nothing was written");
                return EXIT_CANCELLED;
            }
            throw ex;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
