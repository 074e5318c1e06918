package org.embedscope.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.Raster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleReader;
import org.embedscope.bundle.Manifest;
import org.embedscope.progress.Progress;
import org.embedscope.source.DecodedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticBundleWriterTest {
    @TempDir Path dir;

    @Test
    void colourCellsOfTheGivenSizeSitOnOpaqueRgbPages() throws Exception {
        int n = 1500; // 64-px cells on 2048² pages: 1,024 a page, so two pages at the finest level
        Path b = SyntheticBundleWriter.write(dir.resolve("colour"), n, 5, 64, true, Progress.NONE);
        Bundle bundle = BundleReader.load(b);
        assertEquals(n, bundle.count());
        Manifest.Atlas atlas = bundle.manifest().atlas();
        assertEquals(AlphaMode.OPAQUE, atlas.alpha());
        assertArrayEquals(new int[] {64, 32, 16, 8, 4}, atlas.levels().stream().mapToInt(Manifest.Level::cell).toArray());
        Manifest.Level finest = atlas.finest();
        assertEquals(2, finest.pages().size());
        for (int i : new int[] {0, 1023, 1024, n - 1}) {
            Raster page = ImageIO.read(b.resolve(finest.pages().get(finest.page(i))).toFile()).getRaster();
            assertEquals(3, page.getNumBands(), "RGB");
            DecodedImage want = SyntheticBundleWriter.glyph(new SplittableRandom(5 * 31 + i), 64, true);
            int x0 = finest.column(i) * 64, y0 = finest.row(i) * 64;
            int[] px = new int[3];
            for (int y = 0; y < 64; y += 7) {
                for (int x = 0; x < 64; x += 5) {
                    page.getPixel(x0 + x, y0 + y, px);
                    for (int k = 0; k < 3; k++) assertEquals(want.pixels()[(y * 64 + x) * 3 + k] & 0xff, px[k], "item " + i + " at " + x + "," + y);
                }
            }
        }
        int distinct = (int) java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> java.util.Arrays.toString(SyntheticBundleWriter.glyph(new SplittableRandom(i), 16, true).pixels())).distinct().count();
        assertEquals(50, distinct, "every glyph its own");
    }

    @Test
    void greyGlyphsStayAsTheyWere() throws Exception {
        Path b = SyntheticBundleWriter.write(dir.resolve("grey"), 40, 3);
        Manifest.Atlas atlas = BundleReader.load(b).manifest().atlas();
        assertEquals(AlphaMode.LUMINANCE, atlas.alpha());
        assertArrayEquals(new int[] {28, 14, 7}, atlas.levels().stream().mapToInt(Manifest.Level::cell).toArray());
        DecodedImage g = SyntheticBundleWriter.glyph(new SplittableRandom(3 * 31 + 7), 28, false);
        assertEquals(1, g.channels());
        int ink = 0;
        for (byte v : g.pixels()) ink += v & 0xff;
        assertTrue(ink > 255 * 20 && ink < 255 * 250, "about a digit's worth of ink: " + ink / 255);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary folder left beside it");
        }
    }
}
