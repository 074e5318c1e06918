package org.embedscope.progress;

import java.util.function.LongSupplier;

/**
 * Shows on another progress only the stages that take a while: a stage is passed on once it has run
 * {@code delayNs} (its start then, its advances from then on), so that opening a small bundle prints
 * nothing while a first opening of a million items (the CSV parsed before its cache exists) shows a
 * bar with its ETA (the time its end line gives counts from when it was shown). Thread-safe.
 */
public final class SlowStages implements Progress {
    /** How long a stage runs before it is shown, for commands that open a bundle to look at it. */
    public static final long DEFAULT_DELAY_NS = 1_000_000_000L;

    private final TerminalProgress shown;
    private final long delayNs;
    private final LongSupplier clock;
    private String name;
    private long total, startNs;
    private boolean passedOn;

    public SlowStages(TerminalProgress shown, long delayNs, LongSupplier clock) {
        this.shown = shown;
        this.delayNs = delayNs;
        this.clock = clock;
    }

    /** On standard error, stages of at least {@link #DEFAULT_DELAY_NS}. */
    public static SlowStages onStderr() {
        return new SlowStages(TerminalProgress.onStderr(), DEFAULT_DELAY_NS, System::nanoTime);
    }

    @Override
    public synchronized void stage(String stageName, long stageTotal) {
        finish();
        name = stageName;
        total = stageTotal;
        startNs = clock.getAsLong();
    }

    @Override
    public synchronized void advance(long done) {
        if (name == null) return;
        if (!passedOn && clock.getAsLong() - startNs >= delayNs) {
            shown.stage(name, total);
            passedOn = true;
        }
        if (passedOn) shown.advance(done);
    }

    @Override
    public synchronized void info(String message) {
        if (passedOn) shown.info(message);
    }

    @Override
    public boolean isCancelled() { return shown.isCancelled(); }

    /** Ends the current stage: one that was shown prints its time (the next {@link #stage} calls this too). */
    public synchronized void finish() {
        if (passedOn) shown.finish();
        passedOn = false;
        name = null;
    }
}
