package org.embedscope.source;

import static org.embedscope.TestData.idx;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.embedscope.TestData;
import org.embedscope.bundle.BundleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {
    @TempDir Path dir;

    /** {@code n} data bytes, byte {@code i} being {@code i * 7}. */
    private static byte[] data(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i * 7);
        return b;
    }

    private Path write(String name, byte[] content, boolean gzip) throws Exception {
        return TestData.write(dir.resolve(name), content, gzip);
    }

    @Test
    void readsRawAndGzipImagesAlike() throws Exception {
        byte[] content = idx(0x803, new int[] {3, 2, 4}, data(24));
        IdxFile.Images raw = IdxFile.readImages(write("a", content, false));
        IdxFile.Images gz = IdxFile.readImages(write("b.gz", content, true));
        assertEquals(3, raw.count());
        assertEquals(2, raw.rows());
        assertEquals(4, raw.cols());
        // image 2, x=1, y=1 is byte 2*8 + 1*4 + 1 = 21 of the data, written as (21*7) & 0xff
        assertEquals((21 * 7) & 0xff, raw.pixel(2, 1, 1));
        assertArrayEquals(raw.pixels(), gz.pixels());
    }

    @Test
    void readsLabels() throws Exception {
        int[] labels = IdxFile.readLabels(write("l", idx(0x801, new int[] {5}, data(5)), false));
        assertArrayEquals(new int[] {0, 7, 14, 21, 28}, labels);
    }

    @Test
    void wrongMagicIsNamed() throws Exception {
        Path p = write("labels-as-images", idx(0x801, new int[] {5}, data(5)), false);
        BundleException e = assertThrows(BundleException.class, () -> IdxFile.readImages(p));
        assertTrue(e.getMessage().contains("labels-as-images") && e.getMessage().contains("wrong magic number 0x00000801"), e.getMessage());
    }

    @Test
    void truncatedDataNamesTheItem() throws Exception {
        Path p = write("short.gz", idx(0x803, new int[] {3, 2, 4}, data(20)), true);
        BundleException e = assertThrows(BundleException.class, () -> IdxFile.readImages(p));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("image 2"), e.getMessage());
    }

    @Test
    void realMnistSubsetHasDigitsAndLabels() throws Exception {
        IdxFile.Images images = IdxFile.readImages(TestData.MNIST_IMAGES);
        int[] labels = IdxFile.readLabels(TestData.MNIST_LABELS);
        assertEquals(5000, images.count());
        assertEquals(28, images.rows());
        assertEquals(5000, labels.length);
        assertEquals(7, labels[0]); // the first test digit of MNIST is a 7
        int ink = 0;
        for (int y = 0; y < 28; y++) for (int x = 0; x < 28; x++) if (images.pixel(0, x, y) > 128) ink++;
        assertTrue(ink > 40 && ink < 300, "a digit covers part of its cell: " + ink);
    }

    @Test
    void aFolderGivenAsAnIdxFileIsRefusedAsAFolder() {
        assertEquals(dir + ": is a folder; expected an IDX file",
                assertThrows(BundleException.class, () -> IdxFile.readLabels(dir)).getMessage());
        assertEquals(dir + ": is a folder; expected an IDX file",
                assertThrows(BundleException.class, () -> IdxFile.openImages(dir)).getMessage());
    }
}
