package org.embedscope.progress;

/**
 * Progress of long work, stage by stage, and the way to cancel it.
 *
 * <p>Work calls {@link #stage} when it starts a stage, {@link #advance} as it goes (absolute count,
 * cheap enough to call often), and {@link #checkCancelled()} at safe points. Implementations decide
 * how to show it: a terminal bar with ETA, log lines, or nothing.
 */
public interface Progress {

    /** Starts a stage of {@code total} units of work; {@code total <= 0} when unknown. */
    void stage(String name, long total);

    /** Reports {@code done} units of the current stage finished (absolute, not a delta). */
    void advance(long done);

    /** A line of information, such as a KL divergence, shown beside the bar. */
    default void info(String message) {}

    /** True once the user asked to stop. */
    default boolean isCancelled() { return false; }

    /** Throws {@link CancelledException} when the user asked to stop. */
    default void checkCancelled() {
        if (isCancelled()) throw new CancelledException();
    }

    /** Reports nothing and never cancels. */
    Progress NONE = new Progress() {
        @Override public void stage(String name, long total) {}
        @Override public void advance(long done) {}
    };
}
