package org.embedscope.source;

import static org.embedscope.TestData.idx;
import static org.embedscope.TestData.write;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.embedscope.bundle.BundleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxSourceTest {
    @TempDir Path dir;

    private static byte[] ramp(int n, int start) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (start + i);
        return b;
    }

    @Test
    void concatenatesPairsRawAndGzipWithLabelsAndSplit() throws Exception {
        Path trainImages = write(dir.resolve("train-images-idx3-ubyte"), idx(0x803, new int[] {3, 2, 2}, ramp(12, 0)), false);
        Path trainLabels = write(dir.resolve("train-labels-idx1-ubyte"), idx(0x801, new int[] {3}, new byte[] {5, 0, 4}), false);
        Path testImages = write(dir.resolve("t10k-images-idx3-ubyte.gz"), idx(0x803, new int[] {2, 2, 2}, ramp(8, 100)), true);
        Path testLabels = write(dir.resolve("t10k-labels-idx1-ubyte.gz"), idx(0x801, new int[] {2}, new byte[] {7, 2}), true);
        IdxSource s = IdxSource.open(List.of(new IdxSource.Pair(trainImages, trainLabels), new IdxSource.Pair(testImages, testLabels)),
                LabelNames.parse("mnist"));
        assertEquals(5, s.count());
        assertArrayEquals(new String[] {"5", "0", "4", "7", "2"}, s.labels());
        assertArrayEquals(new String[] {"train", "train", "train", "test", "test"}, s.metadata().get("split"));
        assertEquals("seven", s.labelNames().get("7"));
        DecodedImage third = s.decode(2);
        assertEquals(1, third.channels());
        assertArrayEquals(new byte[] {8, 9, 10, 11}, third.pixels());
        DecodedImage fourth = s.decode(3); // first of the gzip pair
        assertArrayEquals(new byte[] {100, 101, 102, 103}, fourth.pixels());
        assertTrue(s.itemName(4).contains("t10k-images-idx3-ubyte.gz") && s.itemName(4).endsWith("image 1"), s.itemName(4));
    }

    @Test
    void countMismatchNamesBothFiles() throws Exception {
        Path im = write(dir.resolve("im"), idx(0x803, new int[] {3, 2, 2}, ramp(12, 0)), false);
        Path lb = write(dir.resolve("lb"), idx(0x801, new int[] {2}, new byte[] {1, 2}), false);
        BundleException e = assertThrows(BundleException.class, () -> IdxSource.open(List.of(new IdxSource.Pair(im, lb)), null));
        assertTrue(e.getMessage().startsWith(lb.toString()) && e.getMessage().contains("holds 2 labels but im holds 3 images"), e.getMessage());
    }

    @Test
    void wrongMagicAndTruncationAreNamed() throws Exception {
        Path lb = write(dir.resolve("lb"), idx(0x801, new int[] {1}, new byte[] {1}), false);
        Path swapped = write(dir.resolve("swapped"), idx(0x801, new int[] {1}, new byte[] {1}), false);
        BundleException e = assertThrows(BundleException.class, () -> IdxSource.open(List.of(new IdxSource.Pair(swapped, lb)), null));
        assertTrue(e.getMessage().contains("swapped") && e.getMessage().contains("wrong magic number"), e.getMessage());
        Path shortFile = write(dir.resolve("short.gz"), idx(0x803, new int[] {2, 2, 2}, ramp(6, 0)), true);
        e = assertThrows(BundleException.class, () -> IdxSource.open(List.of(new IdxSource.Pair(shortFile, lb)), null));
        assertTrue(e.getMessage().contains("short.gz") && e.getMessage().contains("truncated") && e.getMessage().contains("image 1"), e.getMessage());
    }

    @Test
    void labelNamesFromAFile() throws Exception {
        Path plain = write(dir.resolve("names.txt"), "# classes\ncat\ndog\n".getBytes(), false);
        assertEquals(java.util.Map.of("0", "cat", "1", "dog"), LabelNames.parse(plain.toString()));
        Path pairs = write(dir.resolve("pairs.txt"), "7=seven\nx = ex\n".getBytes(), false);
        assertEquals(java.util.Map.of("7", "seven", "x", "ex"), LabelNames.parse(pairs.toString()));
        assertEquals("Ankle boot", LabelNames.parse("fashion-mnist").get("9"));
        Path mixed = write(dir.resolve("mixed.txt"), "cat\n7=seven\n".getBytes(), false);
        BundleException e = assertThrows(BundleException.class, () -> LabelNames.parse(mixed.toString()));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
