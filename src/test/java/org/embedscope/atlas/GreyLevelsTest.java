package org.embedscope.atlas;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.Raster;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.Ink;
import org.embedscope.progress.Progress;
import org.embedscope.source.DecodedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ink an atlas's grey levels call for, from real MNIST digits and from shaded images, as prepare writes them. */
class GreyLevelsTest {
    @TempDir Path dir;

    /** The first {@code n} digits of the shipped MNIST bundle, cut from its first finest page. */
    private static DecodedImage[] mnistDigits(int n) throws Exception {
        Raster page = ImageIO.read(Path.of("assets/mnist/atlas/0-00.png").toFile()).getRaster();
        int cell = 28, columns = page.getWidth() / cell;
        DecodedImage[] out = new DecodedImage[n];
        for (int i = 0; i < n; i++) {
            byte[] px = new byte[cell * cell];
            int x0 = (i % columns) * cell, y0 = (i / columns) * cell;
            for (int y = 0; y < cell; y++) for (int x = 0; x < cell; x++) px[y * cell + x] = (byte) page.getSample(x0 + x, y0 + y, 0);
            out[i] = new DecodedImage(cell, cell, 1, px);
        }
        return out;
    }

    /**
     * Garment-like images: an ellipse on black filled with a woven pattern of middle greys (60–190)
     * and a few bright seams, as Fashion-MNIST's are: most of the object is neither black nor white.
     */
    private static DecodedImage[] shadedImages(int n) {
        DecodedImage[] out = new DecodedImage[n];
        for (int i = 0; i < n; i++) {
            byte[] px = new byte[28 * 28];
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    double dx = (x - 13.5) / 11, dy = (y - 13.5) / 13;
                    if (dx * dx + dy * dy > 1) continue;
                    int g = (int) (125 + 65 * Math.sin((x + i) / 2.0) * Math.cos(y / 3.0));
                    if (y == 6 + i % 5) g = 240;
                    px[y * 28 + x] = (byte) g;
                }
            }
            out[i] = new DecodedImage(28, 28, 1, px);
        }
        return out;
    }

    private PageWriter.Result written(DecodedImage[] images, AlphaMode alpha) throws Exception {
        ArraySource src = new ArraySource(images);
        ImageSurvey survey = ImageSurvey.read(src, false, Progress.NONE);
        PageWriter.Spec spec = new PageWriter.Spec(28, 3, 256, survey.pageFormat(alpha), alpha, 6, 0);
        return PageWriter.write(src, survey.kept(), spec, dir, Progress.NONE);
    }

    @Test
    void mnistDigitsAreStrokesDrawnAsFullInk() throws Exception {
        DecodedImage[] digits = mnistDigits(500);
        GreyLevels greys = new GreyLevels();
        for (DecodedImage d : digits) greys.add(d.pixels(), PixelFormat.GREY);
        assertTrue(greys.nearWhiteShare() > 0.4, "MNIST's inked texels are mostly near white: " + greys.nearWhiteShare());
        assertEquals(Ink.FULL, written(digits, AlphaMode.LUMINANCE).suggestedInk());
    }

    @Test
    void shadedImagesAreDrawnInTheirOwnGreys() throws Exception {
        assertEquals(Ink.SHADED, written(shadedImages(40), AlphaMode.LUMINANCE).suggestedInk());
    }

    @Test
    void onlyALuminanceAtlasIsShaded() throws Exception {
        // Opaque and channel atlases always show their texels' own colour: nothing to choose.
        assertEquals(Ink.FULL, written(shadedImages(40), AlphaMode.OPAQUE).suggestedInk());
    }

    @Test
    void anRgbPageIsCountedByItsLuma() {
        GreyLevels greys = new GreyLevels();
        // Two inked texels: pure white and a middle grey; one black one, not counted.
        greys.add(new byte[] {(byte) 255, (byte) 255, (byte) 255, 0, 0, 0, (byte) 128, (byte) 128, (byte) 128}, PixelFormat.RGB);
        assertEquals(0.5, greys.nearWhiteShare(), 1e-9);
    }
}
