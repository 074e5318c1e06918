package org.embedscope.progress;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    @Test
    void plainLogLinesWhenNotATerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress p = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        p.stage("reading images", 10);
        for (int i = 1; i <= 10; i++) p.advance(i);
        p.stage("writing", 0);
        p.finish();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(out.contains("\r") || out.contains("\u001b"), "no terminal control codes in a log: " + out);
        List<String> lines = out.lines().toList();
        assertEquals("reading images (10) ...", lines.get(0));
        assertTrue(lines.get(1).startsWith("reading images         10/10 in "), lines.get(1));
        assertEquals(List.of("reading images", "writing"), p.stages().stream().map(TerminalProgress.Stage::name).toList());
        assertEquals(10, p.stages().get(0).total());
        assertTrue(p.stages().get(0).peakHeap() > 0);
    }

    @Test
    void aBarRedrawnInPlaceOnATerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress p = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        p.stage("pages", 4);
        p.advance(4);
        p.finish();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("\rpages") && out.contains("[          "), out);
        assertTrue(out.contains("\r\u001b[Kpages                  4/4 in "), out);
    }

    @Test
    void advanceFromManyThreadsAndCancellation() throws Exception {
        TerminalProgress p = new TerminalProgress(new PrintStream(new ByteArrayOutputStream()), true);
        p.stage("work", 100_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) workers.add(pool.submit(() -> { for (int i = 0; i < 25_000; i++) p.advance(done.incrementAndGet()); }));
        pool.shutdown();
        for (Future<?> w : workers) w.get(30, TimeUnit.SECONDS); // rethrows what a worker's advance threw
        assertFalse(p.isCancelled());
        p.checkCancelled();
        p.cancel();
        assertThrows(CancelledException.class, p::checkCancelled);
        p.finish();
        assertEquals(1, p.stages().size());
    }

    @Test
    void clockFormat() {
        assertEquals("0:07", TerminalProgress.clock(7.2));
        assertEquals("2:05", TerminalProgress.clock(125));
        assertEquals("1:01:01", TerminalProgress.clock(3661));
    }

    @Test
    void redirectedOutputIsNotATerminalOnAnyJdk() {
        // The tests run with standard output piped to the build: no terminal, also on JDK 22+ where
        // System.console() is not null then.
        assertFalse(TerminalProgress.inTerminal(), "Java " + Runtime.version() + " with piped output");
        assertFalse(TerminalProgress.isTerminal(null));
    }
}
