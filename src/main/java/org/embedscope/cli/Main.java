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
            String message = ex.getMessage();
            // A mistyped option left a required one unset: picocli names the missing one only, which hides the typo.
            java.util.List<String> unknown = c.getUnmatchedArguments();
            if (ex instanceof CommandLine.MissingParameterException && !unknown.isEmpty()) {
                message = (unknown.size() == 1 ? "Unknown option: '" : "Unknown options: '") + String.join("', '", unknown) + "'; " + message;
            }
            c.getErr().println("embedscope: " + ErrorLines.clean(ErrorLines.option(message))
                    + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // Whatever failed once Ctrl-C had come (a hook's removal, a temporary file deleted under it) is the interruption.
            if (INTERRUPTED.get()) {
                sayInterrupted(commandLine.getErr());
                return EXIT_CANCELLED;
            }
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
                sayInterrupted(commandLine.getErr());
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

    /** Counted down when the command has returned: Ctrl-C before that interrupted it. */
    private static final java.util.concurrent.CountDownLatch COMMAND_DONE = new java.util.concurrent.CountDownLatch(1);
    private static final java.util.concurrent.atomic.AtomicBoolean INTERRUPTION_SAID = new java.util.concurrent.atomic.AtomicBoolean();
    /** Set by the Ctrl-C hook at once (a command's own hooks run at the same time). */
    private static final java.util.concurrent.atomic.AtomicBoolean INTERRUPTED = new java.util.concurrent.atomic.AtomicBoolean();
    /** How long Ctrl-C waits for the command to stop by itself (and say so) before it is said here. */
    private static final long INTERRUPT_WAIT_MS = 1500;

    /** Says once that the command was interrupted: by the command stopping at a check, or by the Ctrl-C hook. */
    private static void sayInterrupted(java.io.PrintWriter err) {
        if (!INTERRUPTION_SAID.compareAndSet(false, true)) return;
        err.println("embedscope: interrupted; nothing was written");
        err.flush();
    }

    /**
     * On Ctrl-C, a command that writes files is told it was interrupted even where its work did not stop
     * at a check of its own (the JVM ends with the hooks): its partial outputs are deleted by theirs
     * ({@link org.embedscope.bundle.AtomicFile}, {@link org.embedscope.bundle.BundleWriter}). Not the
     * window: what it writes (a user's edits) is saved as it goes.
     */
    private static void sayWhenInterrupted(String[] args) {
        boolean window = args.length == 0 || "explore".equals(args[0]);
        if (window) return;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (COMMAND_DONE.getCount() == 0) return;   // System.exit after the command: no interruption
            INTERRUPTED.set(true);
            try {
                if (COMMAND_DONE.await(INTERRUPT_WAIT_MS, java.util.concurrent.TimeUnit.MILLISECONDS)) return;
            } catch (InterruptedException ignored) {
                // going down either way
            }
            sayInterrupted(new java.io.PrintWriter(System.err, true));
        }, "embedscope-interrupted"));
    }

    public static void main(String[] args) {
        int code;
        sayWhenInterrupted(args);
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
        } finally {
            COMMAND_DONE.countDown();
        }
        System.exit(code);
    }
}
