package org.embedscope.source;

import static org.embedscope.TestData.argb;
import static org.embedscope.TestData.grey;
import static org.embedscope.TestData.save;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.embedscope.atlas.CellBuilder;
import org.embedscope.atlas.ImageSurvey;
import org.embedscope.atlas.LevelsOfDetail;
import org.embedscope.atlas.PixelFormat;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.BundleException;
import org.embedscope.progress.Progress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of mixed sizes and formats, grey and colour, with a corrupt file among them. */
class FolderSourceTest {
    @TempDir Path dir;

    @BeforeEach
    void images() throws Exception {
        save(argb(100, 50, false, (x, y) -> 0xff000000 | (x * 2) << 16 | (y * 4) << 8 | 0x40), "jpg", dir.resolve("cats/a.jpg"));
        save(grey(20, 30, (x, y) -> x < 10 ? 100 : 200), "png", dir.resolve("cats/b.png"));
        save(argb(16, 16, false, (x, y) -> (x + y) % 2 == 0 ? 0xffff0000 : 0xff0000ff), "gif", dir.resolve("dogs/c.gif"));
        save(argb(40, 40, false, (x, y) -> 0xff00ff00), "bmp", dir.resolve("dogs/d.bmp"));
        save(argb(8, 8, true, (x, y) -> x < 4 ? 0x80ffffff : 0xffffffff), "png", dir.resolve("e.png"));
        byte[] png = Files.readAllBytes(save(grey(32, 32, (x, y) -> x * y), "png", dir.resolve("tmp.png")));
        Files.delete(dir.resolve("tmp.png"));
        Files.write(dir.resolve("dogs/corrupt.png"), Arrays.copyOf(png, png.length / 2));
        save(grey(4, 4, (x, y) -> 0), "png", dir.resolve(".hidden/x.png"));
        Files.writeString(dir.resolve("cats/notes.txt"), "not an image");
    }

    @Test
    void listsImagesSortedByRelativePathWithFolderLabels() throws Exception {
        FolderSource s = FolderSource.open(dir);
        String[] paths = s.metadata().get("path");
        assertArrayEquals(new String[] {"cats/a.jpg", "cats/b.png", "dogs/c.gif", "dogs/corrupt.png", "dogs/d.bmp", "e.png"}, paths);
        assertArrayEquals(new String[] {"cats", "cats", "dogs", "dogs", "dogs", FolderSource.ROOT_LABEL}, s.labels());
    }

    @Test
    void followsLinkedFoldersAndSkipsLinkLoops() throws Exception {
        // a data set of linked class folders (train/cats -> /data/cats), opened through a link to it
        Path set = Files.createDirectories(dir.resolve("set"));
        Files.createSymbolicLink(set.resolve("cats"), dir.resolve("cats"));
        Files.createSymbolicLink(dir.resolve("cats/loop"), dir.resolve("cats")); // back to a folder above
        Path link = Files.createSymbolicLink(dir.resolve("set-link"), set);
        FolderSource s = FolderSource.open(link);
        assertArrayEquals(new String[] {"cats/a.jpg", "cats/b.png"}, s.metadata().get("path"));
        assertArrayEquals(new String[] {"cats", "cats"}, s.labels());
        assertEquals(30, s.decode(1).height());
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aBrokenLinkOrAPipeNamedAsAnImageIsRefusedOrListedNotLostSilently() throws Exception {
        // photos linked in from a drive not mounted, and a pipe left by a tool: both have image names
        Path set = Files.createDirectories(dir.resolve("set/cats"));
        Files.copy(dir.resolve("cats/b.png"), set.resolve("b.png"));
        Files.createSymbolicLink(set.resolve("gone.png"), dir.resolve("unmounted/gone.png"));
        Process fifo = new ProcessBuilder("mkfifo", set.resolve("pipe.jpg").toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(fifo.waitFor() == 0, "mkfifo makes a pipe");
        FolderSource s = FolderSource.open(dir.resolve("set"));
        assertArrayEquals(new String[] {"cats/b.png", "cats/gone.png", "cats/pipe.jpg"}, s.metadata().get("path"));
        BundleException e = assertThrows(BundleException.class, () -> ImageSurvey.read(s, false, Progress.NONE));
        assertTrue(e.getMessage().contains("gone.png") && e.getMessage().contains("is a broken link to '" + dir.resolve("unmounted/gone.png") + "'"),
                e.getMessage());
        ImageSurvey r = ImageSurvey.read(s, true, Progress.NONE);
        assertArrayEquals(new int[] {0}, r.kept());
        assertEquals(2, r.skipped().size());
        assertTrue(r.skipped().get(1).reason().contains("pipe.jpg") && r.skipped().get(1).reason().contains("not a regular file"),
                r.skipped().get(1).reason());
    }

    @Test
    void aNameInAnotherEncodingIsSaidSo() throws Exception {
        // a Latin-1 name (byte 0xff) from an old archive: listed, but not openable by the name Java reads
        Path set = Files.createDirectories(dir.resolve("latin1"));
        Process cp = new ProcessBuilder("sh", "-c", "cp ../cats/b.png \"$(printf 'caf\\351.png')\"").directory(set.toFile()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(cp.waitFor() == 0, "sh makes a file with a byte name");
        FolderSource s = FolderSource.open(set);
        org.junit.jupiter.api.Assumptions.assumeTrue(s.metadata().get("path")[0].indexOf('\uFFFD') >= 0, "file names are read as UTF-8");
        BundleException e = assertThrows(BundleException.class, () -> s.size(0));
        assertTrue(e.getMessage().contains("item 0") && e.getMessage().contains("its name is not valid") && e.getMessage().contains("rename the file"),
                "the file is there; 'no such file' sent the user looking for it: " + e.getMessage());
    }

    @Test
    void decodesGreyExactlyAndColourAsColour() throws Exception {
        FolderSource s = FolderSource.open(dir);
        DecodedImage b = s.decode(1);
        assertEquals(20, b.width());
        assertEquals(30, b.height());
        assertEquals(1, b.channels());
        // grey values come through unchanged (no linear-to-sRGB brightening)
        assertEquals(100, b.pixels()[0] & 0xff);
        assertEquals(200, b.pixels()[15] & 0xff);
        DecodedImage gif = s.decode(2);
        assertEquals(3, gif.channels());
        assertEquals(0xff, gif.pixels()[0] & 0xff); // red
        assertEquals(0xff, gif.pixels()[5] & 0xff); // blue of the second pixel
        DecodedImage e = s.decode(5);
        assertEquals(2, e.channels(), "white with partial alpha is grey + alpha");
        assertEquals(0x80, e.pixels()[1] & 0xff);
        assertArrayEquals(new int[] {100, 50}, s.size(0));
    }

    @Test
    void corruptImageIsNamedAndStopsTheRun() throws Exception {
        FolderSource s = FolderSource.open(dir);
        BundleException e = assertThrows(BundleException.class, () -> s.decode(3));
        assertTrue(e.getMessage().contains("corrupt.png") && e.getMessage().contains("corrupt"), e.getMessage());
        e = assertThrows(BundleException.class, () -> ImageSurvey.read(s, false, Progress.NONE));
        assertTrue(e.getMessage().contains("corrupt.png"), e.getMessage());
    }

    @Test
    void skipBadLeavesTheCorruptImageOutAndListsIt() throws Exception {
        FolderSource s = FolderSource.open(dir);
        ImageSurvey r = ImageSurvey.read(s, true, Progress.NONE);
        assertEquals(64, r.defaultCell(64), "largest side 100 > 64");
        assertArrayEquals(new int[] {0, 1, 2, 4, 5}, r.kept());
        assertEquals(1, r.skipped().size());
        assertEquals(3, r.skipped().get(0).index());
        assertTrue(r.skipped().get(0).name().endsWith("corrupt.png"));
        int[] sizes = LevelsOfDetail.cellSizes(64, 4);
        assertArrayEquals(new int[] {64, 32, 16, 8}, sizes, "levels capped at 4");
        assertEquals(PixelFormat.RGBA, CellBuilder.build(s.decode(0), sizes).format(), "a wide colour image is padded with transparency");
        assertEquals(PixelFormat.GREY_ALPHA, CellBuilder.build(s.decode(1), sizes).format(), "a tall grey image is padded with transparency");
        assertEquals(PixelFormat.RGB, CellBuilder.build(s.decode(4), sizes).format(), "a square opaque colour image needs no alpha");
        assertFalse(r.allGrey());
        assertTrue(r.anyAlpha(64));
        assertEquals(AlphaMode.CHANNEL, r.suggestedAlpha(64));
    }

    @Test
    void truncatedJpegIsRefused() throws Exception {
        byte[] jpg = Files.readAllBytes(dir.resolve("cats/a.jpg"));
        Path t = dir.resolve("t.jpg");
        Files.write(t, Arrays.copyOf(jpg, jpg.length * 2 / 3));
        BundleException e = assertThrows(BundleException.class, () -> ImageFiles.read(t, "item 0"));
        assertTrue(e.getMessage().contains("t.jpg") && e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void emptyFolderAndMissingFolderAreRefused() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty/sub"));
        Files.writeString(empty.resolve("readme.txt"), "x");
        BundleException e = assertThrows(BundleException.class, () -> FolderSource.open(dir.resolve("empty")));
        assertTrue(e.getMessage().contains("holds no images"), e.getMessage());
        e = assertThrows(BundleException.class, () -> FolderSource.open(dir.resolve("missing")));
        assertTrue(e.getMessage().contains("no such folder"), e.getMessage());
    }

    @Test
    void flatFolderHasNoLabelsAndSmallImagesKeepTheirSize() throws Exception {
        Path flat = dir.resolve("flat");
        save(grey(12, 12, (x, y) -> 255), "png", flat.resolve("1.png"));
        save(grey(20, 10, (x, y) -> 0), "png", flat.resolve("2.png"));
        FolderSource s = FolderSource.open(flat);
        assertNull(s.labels());
        assertEquals(List.of("path"), List.copyOf(s.metadata().keySet()));
        assertEquals(20, ImageSurvey.read(s, false, Progress.NONE).defaultCell(64));
    }
}
