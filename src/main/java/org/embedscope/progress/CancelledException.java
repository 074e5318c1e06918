package org.embedscope.progress;

/** Thrown from a safe point when the user cancelled long work (Ctrl-C, a Cancel button). */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled", null, false, false);
    }
}
