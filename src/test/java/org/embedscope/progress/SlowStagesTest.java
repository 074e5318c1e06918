package org.embedscope.progress;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Only the stages that take a while are shown (opening a bundle to look at it). */
class SlowStagesTest {

    @Test
    void aQuickStageSaysNothingASlowOneShowsFromItsDelayOnAndEnds() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress terminal = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        AtomicLong now = new AtomicLong();
        SlowStages p = new SlowStages(terminal, 1_000, now::get);

        p.stage("Reading points.csv", 70_000);
        now.addAndGet(400);
        p.advance(70_000);
        p.stage("Reading big.csv", 1_050_000);
        now.addAndGet(999);
        p.advance(100_000);
        assertEquals("", bytes.toString(StandardCharsets.UTF_8), "nothing before a stage has run its delay");
        now.addAndGet(1);
        p.advance(200_000);
        now.addAndGet(5_000);
        p.advance(1_050_000);
        p.finish();
        p.finish(); // a second end prints nothing more

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("Reading big.csv (1050000) ...", lines.get(0), lines.toString());
        assertTrue(lines.get(lines.size() - 1).startsWith("Reading big.csv        1050000/1050000 in "), lines.toString());
        assertEquals(List.of("Reading big.csv"), terminal.stages().stream().map(TerminalProgress.Stage::name).toList(),
                "the quick stage was never passed on");
    }

    @Test
    void aShownStageEndsWhenTheNextBegins() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress terminal = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        AtomicLong now = new AtomicLong();
        SlowStages p = new SlowStages(terminal, 10, now::get);
        p.stage("slow", 2);
        now.addAndGet(20);
        p.advance(1);
        p.stage("quick", 2);
        p.advance(2);
        p.finish();
        assertEquals(List.of("slow"), terminal.stages().stream().map(TerminalProgress.Stage::name).toList());
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("slow                   1/2 in "), bytes.toString(StandardCharsets.UTF_8));
    }
}
