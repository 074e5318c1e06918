package org.embedscope.ui;

import org.embedscope.util.Counted;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleException;
import org.embedscope.progress.CancelledException;
import org.embedscope.progress.Progress;
import org.embedscope.select.ContactSheet;
import org.embedscope.select.ItemSet;
import org.embedscope.select.SelectionCsv;

/**
 * Exports from the window: a set of items (the selection, or the search's matches) as CSV
 * ({@link SelectionCsv}: index, every column of points.csv) or as a contact sheet
 * ({@link ContactSheet}), written atomically into the working folder under a name with the date and
 * time, on a worker thread so the window keeps drawing. One export at a time; it shows its progress
 * ({@link #status()}) and can be cancelled, leaving nothing behind.
 */
final class Exporter implements AutoCloseable {
    private final Bundle bundle;
    private final Path folder;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "export");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running;
    private volatile boolean cancel;
    private volatile String status = "";
    private volatile Path last;
    /** The user's label corrections, which the CSV carries (null: the bundle's own labels). */
    private volatile org.embedscope.annotate.Annotations edits;
    /** Called (on the worker) whenever the status line changes: the window, asleep between events, draws it. */
    private volatile Runnable onChange = () -> { };

    Exporter(Bundle bundle, Path folder) {
        this.bundle = bundle;
        this.folder = folder;
    }

    boolean running() { return running; }

    /**
     * Whether the current or last export is of {@code items} as {@code what}: its progress and result
     * are shown beside that set's buttons only, and not once the set has changed (a line saying a file
     * was written would then be about another selection).
     */
    boolean isOf(ItemSet items, String what) {
        if (!what.equals(exportedWhat)) return false;
        return running || (items != null && items.equals(exportedItems));
    }

    private volatile String exportedWhat;
    private volatile ItemSet exportedItems;

    /** {@code r} runs, on the export's thread, each time {@link #status()} changes, and when an export ends. */
    void setOnChange(Runnable r) { onChange = r; }

    private void setStatus(String s) {
        if (s.equals(status)) return;
        status = s;
        onChange.run();
    }

    /** What the last or current export is doing or did, one line; empty before the first. */
    String status() { return status; }

    /** The file the last export wrote, or null. */
    Path last() { return last; }

    void cancel() { cancel = true; }

    /** Writes {@code items} ({@code what}: "selection" or "matches") as CSV, or as a contact sheet when {@code sheet}. */
    void export(ItemSet items, String what, boolean sheet) {
        if (running || items.isEmpty()) return;
        ItemSet copy = items.copy();
        exportedWhat = what;
        exportedItems = copy;
        running = true;
        cancel = false;
        status = "writing " + what + " ...";
        worker.submit(() -> run(copy, what, sheet));
    }

    /** Exports carry these label corrections and tags from now on (as {@code select} does). */
    void setEdits(org.embedscope.annotate.Annotations a) { edits = a; }

    private void run(ItemSet items, String what, boolean sheet) {
        Path out = fileFor(what, sheet ? ".png" : ".csv");
        Progress progress = new Progress() {
            private String stage = "";
            private long total;

            @Override public void stage(String name, long t) {
                stage = name;
                total = t;
                setStatus(name + " ...");
            }

            @Override public void advance(long done) {
                if (total > 0) setStatus(String.format("%s  %.0f%%", stage, Math.floor(100.0 * done / total)));
            }

            @Override public boolean isCancelled() { return cancel; }
        };
        try {
            if (sheet) {
                ContactSheet s = ContactSheet.render(bundle, items, ContactSheet.DEFAULT_LIMIT, progress);
                s.write(out);
                setStatus(String.format("wrote %s (%,d of %s)", out.getFileName(), s.shown(), Counted.of(items.cardinality(), "image")));
            } else {
                org.embedscope.annotate.Annotations a = edits;
                if (a != null) SelectionCsv.write(bundle, a, items, out, progress);
                else SelectionCsv.write(bundle, items, out, progress);
                setStatus(String.format("wrote %s (%s)", out.getFileName(), Counted.of(items.cardinality(), "row")));
            }
            last = out;
            System.out.println(what + " exported: " + out);
        } catch (CancelledException e) {
            setStatus("cancelled; nothing written");
        } catch (BundleException | RuntimeException e) {
            setStatus("cannot write " + out.getFileName() + ": " + e.getMessage());
        } finally {
            running = false;
            onChange.run();
        }
    }

    /** {@code WHAT-DATE-TIME.EXT} in the folder, numbered when that name is taken. */
    private Path fileFor(String what, String ext) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path file = folder.resolve(what + "-" + stamp + ext).toAbsolutePath();
        for (int k = 2; Files.exists(file); k++) file = folder.resolve(what + "-" + stamp + "-" + k + ext).toAbsolutePath();
        return file;
    }

    @Override
    public void close() {
        onChange = () -> { };   // the window may be gone before the worker ends
        cancel = true;
        worker.shutdownNow();
    }
}
