package org.embedscope.cli;

import org.embedscope.bundle.BundleException;
import org.embedscope.progress.CancelledException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code embedscope}: the command line. Each sub-command is a class of its own in this package.
 *
 * <p>Help texts are one string a paragraph, which picocli wraps at 80 columns (lines broken by hand for
 * another width came out ragged); only examples and lists are lines of their own, each under 80 (HelpTextTest).
 */
@Command(name = "embedscope", mixinStandardHelpOptions = true, versionProvider = Main.PomVersion.class,
        description = "See how an embedding organises your images: every image as a GPU sprite at its 2-D layout.",
        subcommands = {
                CommandLine.HelpCommand.class,
                ExploreCommand.class,
                PrepareCommand.class,
                ExportProjectorCommand.class,
                RenderCommand.class,
                BenchCommand.class,
                LayoutCommand.class,
                QualityCommand.class,
                MillionDigitsCommand.class,
                SelectCommand.class,
                NeighborsCommand.class,
        })
public final class Main implements Runnable {

    /** Exit code for bad input (a clear one-line message was printed). */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code for an unexpected failure (a defect, or the machine ran out of something). */
    public static final int EXIT_UNEXPECTED = 1;
    /** Exit code when the user interrupted long work. */
    public static final int EXIT_CANCELLED = 130;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** {@code --version}: the pom's version (see {@link org.embedscope.Version}). */
    static final class PomVersion implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() { return new String[] {"embedscope " + org.embedscope.Version.get()}; }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try 'embedscope explore'");
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // Every error is printed here, as one line: control characters escaped, no Java class names.
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("embedscope: " + ErrorLines.clean(ex.getMessage())
                    + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // The first cause that says what happened in a line of its own: bad input, Ctrl-C, no window or GL.
            Throwable t = ex;
            while (t.getCause() != null && !(t instanceof BundleException) && !(t instanceof CancelledException)
                    && !(t instanceof org.embedscope.render.GlContext.Unavailable)) {
                t = t.getCause();
            }
            if (t instanceof BundleException) {
                commandLine.getErr().println("embedscope: " + ErrorLines.clean(t.getMessage()));
                return EXIT_BAD_INPUT;
            }
            if (t instanceof CancelledException) {
                commandLine.getErr().println("embedscope: interrupted; nothing was written");
                return EXIT_CANCELLED;
            }
            if (Boolean.getBoolean("embedscope.trace")) throw ex;
            if (t instanceof org.embedscope.render.GlContext.Unavailable) {
                commandLine.getErr().println("embedscope: " + ErrorLines.clean(t.getMessage()));
                return EXIT_UNEXPECTED;
            }
            commandLine.getErr().println("embedscope: unexpected error: " + ErrorLines.clean(ex.getMessage())
                    + " (run with -Dembedscope.trace=true for details)");
            return EXIT_UNEXPECTED;
        });
        return cl;
    }

    public static void main(String[] args) {
        int code;
        try {
            code = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("embedscope: out of memory (" + ErrorLines.clean(e.getMessage())
                    + "); give Java more, e.g. EMBEDSCOPE_JAVA_OPTS=-Xmx8g");
            code = EXIT_UNEXPECTED;
        } catch (LinkageError e) {
            if (Boolean.getBoolean("embedscope.trace")) throw e;
            // a runtime trimmed too far, or a damaged jar: say what is missing in one line
            System.err.println("embedscope: this Java runtime or jar lacks a part embedscope needs (" + org.embedscope.bundle.PrintableText.escape(String.valueOf(e.getMessage()))
                    + "); use a full JDK 17 or later and a freshly built jar");
            code = EXIT_UNEXPECTED;
        }
        System.exit(code);
    }
}
