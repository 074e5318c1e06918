package org.embedscope.cli;

import org.embedscope.bundle.BundleException;
import org.embedscope.query.QueryException;

/** Reading a command-line option's text that can be wrong at a position (a query, a box, a lasso). */
final class OptionText {
    private OptionText() {}

    /** Something that reads user text and may say where it is wrong. */
    interface Reading<T> {
        T read() throws QueryException;
    }

    /** Runs {@code r}, turning its error into one line naming the option: "--where: at 7: expected ...". */
    static <T> T read(String option, Reading<T> r) throws BundleException {
        try {
            return r.read();
        } catch (QueryException | IllegalArgumentException e) {
            throw new BundleException(null, option, e.getMessage());
        }
    }
}
