package org.embedscope.export;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.embedscope.bench.SyntheticBundleWriter;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleReader;
import org.embedscope.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * export-projector says how far the sprite's PNG is written: at a million digits "writing sprite.png"
 * sat for 4.5 s with no count (a stage of no total), after a composing stage that counted every item.
 */
class SpriteProgressTest {
    @TempDir Path dir;

    @Test
    void writingTheSpriteCountsItsRowsToTheEnd() throws Exception {
        Bundle b = BundleReader.load(SyntheticBundleWriter.write(dir.resolve("synthetic"), 150, 3));
        List<String> stages = new ArrayList<>();
        List<long[]> totals = new ArrayList<>();   // per stage {total, last done, advances}
        Progress recording = new Progress() {
            @Override public void stage(String name, long total) {
                stages.add(name);
                totals.add(new long[] {total, 0, 0});
            }

            @Override public void advance(long done) {
                long[] t = totals.get(totals.size() - 1);
                assertTrue(done >= t[1], "the count only grows");
                t[1] = done;
                t[2]++;
            }
        };
        ProjectorExport.Result r = ProjectorExport.write(b, dir.resolve("export"), 8192, recording, null);
        int k = stages.indexOf("writing " + ProjectorExport.SPRITE_FILE);
        assertTrue(k >= 0, "a stage for the sprite: " + stages);
        long[] t = totals.get(k);
        assertEquals(r.spriteHeight(), t[0], "its total is the sprite's rows");
        assertEquals(t[0], t[1], "counted to the last row");
        assertTrue(t[2] >= t[0] / 2, "counted as it goes, not only at the end: " + t[2] + " counts");
    }
}
