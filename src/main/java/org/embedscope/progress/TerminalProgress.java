package org.embedscope.progress;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shows progress stage by stage: on a terminal, one bar redrawn in place with count, percentage,
 * rate and ETA; otherwise (output piped or redirected) plain log lines, one when a stage starts, one
 * every few seconds and one when it ends. Each finished stage prints its time and peak heap, and is
 * kept in {@link #stages()}. Thread-safe: {@link #advance} may be called from any thread, often.
 */
public final class TerminalProgress implements Progress {
    /**
     * A finished stage: its name, units of work, seconds taken, the process's CPU seconds in that time
     * (steadier than wall time on a shared machine; -1 when unknown), its peak heap and the process's
     * peak resident memory so far, in bytes (-1 when unknown).
     */
    public record Stage(String name, long total, double seconds, double cpuSeconds, long peakHeap, long peakRss) {}

    private static final long REDRAW_NS = 100_000_000L;     // terminal: ten redraws a second at most
    private static final long LOG_EVERY_NS = 5_000_000_000L; // log lines: one every five seconds
    private static final int BAR = 28;

    private final PrintStream out;
    private final boolean terminal;
    private final List<Stage> stages = new ArrayList<>();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong nextDraw = new AtomicLong();
    private volatile boolean cancelled;
    private String name;
    private long total;
    private long startNs;
    private long startCpuNs;
    private boolean barShown;

    /** @param terminal true to redraw a bar in place; false for plain log lines */
    public TerminalProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /**
     * A progress on standard error, so that a command's results on standard output stay clean: a bar
     * when the process runs in a terminal ({@link #inTerminal()}), else log lines.
     */
    public static TerminalProgress onStderr() {
        return new TerminalProgress(System.err, inTerminal());
    }

    /**
     * True when the process is attached to an interactive terminal. Up to JDK 21 that is
     * {@code System.console() != null}; from JDK 22 {@code System.console()} returns a console even
     * when input and output are redirected, and {@code Console.isTerminal()} (JDK 22+, called
     * reflectively since the project compiles for 17) says whether it is one.
     */
    public static boolean inTerminal() {
        return isTerminal(System.console());
    }

    static boolean isTerminal(java.io.Console console) {
        if (console == null) return false;
        try {
            java.lang.reflect.Method m = java.io.Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(m.invoke(console));
        } catch (NoSuchMethodException e) {
            return true; // JDK 17-21: a console exists only for a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public synchronized void stage(String stageName, long stageTotal) {
        finish();
        name = stageName;
        total = stageTotal;
        done.set(0);
        startNs = System.nanoTime();
        startCpuNs = processCpuNs();
        resetPeaks();
        nextDraw.set(startNs + (terminal ? 0 : LOG_EVERY_NS));
        if (terminal) draw(startNs);
        else out.println(stageName + (stageTotal > 0 ? " (" + stageTotal + ")" : "") + " ...");
    }

    @Override
    public void advance(long count) {
        done.set(count);
        long now = System.nanoTime();
        long due = nextDraw.get();
        if (now >= due && nextDraw.compareAndSet(due, now + (terminal ? REDRAW_NS : LOG_EVERY_NS))) {
            synchronized (this) {
                if (name == null) return;
                if (terminal) draw(now);
                else out.println("  " + name + ": " + status(now));
            }
        }
    }

    @Override
    public synchronized void info(String message) {
        clearBar();
        out.println("  " + message);
        if (terminal && name != null) draw(System.nanoTime());
    }

    /** Ends the current stage, printing its time and peak heap. Called by the next {@link #stage} too. */
    public synchronized void finish() {
        if (name == null) return;
        long now = System.nanoTime();
        double secs = (now - startNs) / 1e9;
        long cpuNs = processCpuNs();
        double cpu = cpuNs < 0 || startCpuNs < 0 ? -1 : (cpuNs - startCpuNs) / 1e9;
        long peak = peakHeap();
        long rss = peakRss();
        Stage s = new Stage(name, total, secs, cpu, peak, rss);
        stages.add(s);
        clearBar();
        long d = done.get();
        String count = total > 0 ? d + "/" + total + " " : "";
        out.printf(Locale.ROOT, "%-22s %sin %.1f s%s, peak heap %d MB%s%n", name, count, secs,
                cpu >= 0 ? String.format(Locale.ROOT, " (CPU %.1f s)", cpu) : "", peak >> 20,
                rss > 0 ? ", peak RSS so far " + (rss >> 20) + " MB" : "");
        name = null;
    }

    /** Asks the work to stop at its next safe point. */
    public void cancel() { cancelled = true; }

    @Override public boolean isCancelled() { return cancelled; }

    /** The finished stages, in order. */
    public synchronized List<Stage> stages() { return List.copyOf(stages); }

    private String status(long now) {
        long d = done.get();
        double secs = (now - startNs) / 1e9;
        StringBuilder sb = new StringBuilder();
        if (total > 0) {
            sb.append(d).append('/').append(total).append(String.format(Locale.ROOT, " (%d%%)", d * 100 / total));
            if (d > 0 && d < total && secs > 0.5) sb.append(", ETA ").append(clock(secs * (total - d) / d));
        } else if (d > 0) {
            sb.append(d);
        }
        if (sb.length() > 0) sb.append(", ");
        sb.append(clock(secs)).append(" elapsed");
        return sb.toString();
    }

    private void draw(long now) {
        long d = done.get();
        StringBuilder sb = new StringBuilder("\r");
        sb.append(String.format(Locale.ROOT, "%-22s ", name));
        if (total > 0) {
            int fill = (int) Math.min(BAR, d * BAR / total);
            sb.append('[').append("#".repeat(fill)).append(" ".repeat(BAR - fill)).append("] ");
        }
        sb.append(status(now)).append("\u001b[K");
        out.print(sb);
        out.flush();
        barShown = true;
    }

    private void clearBar() {
        if (barShown) {
            out.print("\r\u001b[K");
            barShown = false;
        }
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.isValid()) p.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peak use since the stage began: an upper bound on the stage's peak heap. */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.isValid() && p.getPeakUsage() != null) sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }

    /** CPU time of all the process's threads in nanoseconds, or -1 when the JVM cannot tell. */
    private static long processCpuNs() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** The process's peak resident memory in bytes (Linux {@code VmHWM}), or -1 when unknown. */
    public static long peakRss() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return -1;
    }
}
