package org.embedscope.export;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.embedscope.bench.SyntheticBundleWriter;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleReader;
import org.embedscope.bundle.PageImage;
import org.embedscope.progress.Progress;
import org.embedscope.source.DecodedImage;
import org.embedscope.source.ProjectorSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the cells do not fit one sprite they are shrunk alike, and the projector reader finds each one where it belongs. */
class ShrunkSpriteTest {
    @TempDir Path dir;

    @Test
    void shrunkCellsReadBackAsTheAveragedOriginals() throws Exception {
        Bundle b = BundleReader.load(SyntheticBundleWriter.write(dir.resolve("synthetic"), 150, 3));
        int cell = b.manifest().atlas().finest().cell();
        int columns = 13; // ⌈√150⌉
        int max = columns * (cell / 2); // room for cells of half the size
        ProjectorExport.Result r = ProjectorExport.write(b, dir.resolve("export"), max, Progress.NONE, null);
        assertEquals(cell / 2, r.cell());
        assertEquals(max, r.spriteWidth());

        ProjectorSource back = ProjectorSource.open(dir.resolve("export"), b.manifest().layouts().get(0).name(), null);
        assertEquals(150, back.count());
        int ch = b.pageSizes().get(0).maxChannels();
        try (PageImage page = b.readPage(0, 0)) {
            for (int i = 0; i < 150; i += 13) {
                DecodedImage shrunk = back.decode(i);
                assertEquals(cell / 2, shrunk.width());
                var level = b.manifest().atlas().finest();
                // the mean of the first channel over the cell survives area averaging (to rounding)
                double original = 0, got = 0;
                for (int y = 0; y < cell; y++) {
                    for (int x = 0; x < cell; x++) {
                        int o = ((level.row(i) * cell + y) * page.width() + level.column(i) * cell + x) * page.channels();
                        original += page.pixels().get(o) & 0xff;
                    }
                }
                original /= cell * cell;
                for (int k = 0; k < shrunk.width() * shrunk.height(); k++) got += shrunk.pixels()[k * shrunk.channels()] & 0xff;
                got /= shrunk.width() * shrunk.height();
                assertEquals(original, got, 1.5, "item " + i + " (page channels " + ch + ")");
            }
        }
    }
}
