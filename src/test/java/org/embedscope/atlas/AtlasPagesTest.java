package org.embedscope.atlas;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.embedscope.bundle.AlphaMode;
import org.embedscope.bundle.Manifest;
import org.embedscope.progress.Progress;
import org.embedscope.source.DecodedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes atlases with several pages per level, decodes the PNG files with javax.imageio and checks
 * that cell i of page p of every level holds image i, and that each coarser cell is the box-filtered
 * finer cell of the same item.
 */
class AtlasPagesTest {
    @TempDir Path dir;

    private final Map<String, Raster> decoded = new HashMap<>();

    private Raster page(String name) throws Exception {
        Raster r = decoded.get(name);
        if (r == null) {
            BufferedImage img = ImageIO.read(dir.resolve(name).toFile());
            assertNotNull(img, name);
            r = img.getRaster();
            decoded.put(name, r);
        }
        return r;
    }

    /** Cell of item i at a level, as decoded from its page: [y][x][channel]. */
    private int[][][] cell(Manifest.Level l, int i) throws Exception {
        Raster r = page(l.pages().get(l.page(i)));
        assertEquals(l.columns() * l.cell(), r.getWidth());
        assertEquals(l.rows() * l.cell(), r.getHeight());
        int ch = r.getNumBands();
        int[][][] out = new int[l.cell()][l.cell()][ch];
        int x0 = l.column(i) * l.cell(), y0 = l.row(i) * l.cell();
        for (int y = 0; y < l.cell(); y++) for (int x = 0; x < l.cell(); x++) r.getPixel(x0 + x, y0 + y, out[y][x]);
        return out;
    }

    /** Surveys the images and writes their atlas as prepare does. */
    private Manifest.Atlas atlas(ArraySource src, int cell, AlphaMode alpha, int page) throws Exception {
        ImageSurvey survey = ImageSurvey.read(src, false, Progress.NONE);
        PageWriter.Spec spec = new PageWriter.Spec(cell, 16, page, survey.pageFormat(alpha), alpha, 6, 0);
        return PageWriter.write(src, survey.kept(), spec, dir, Progress.NONE).atlas();
    }

    /** A grey 16×16 image unique to item i, with detail at every scale. */
    private static DecodedImage greyItem(int i) {
        byte[] px = new byte[256];
        for (int y = 0; y < 16; y++) for (int x = 0; x < 16; x++) px[y * 16 + x] = (byte) ((i * 23 + x * 7 + y * 13 + x * y) % 256);
        return new DecodedImage(16, 16, 1, px);
    }

    @Test
    void greyCellsSitAtTheirPlaceOnEveryLevelAndCoarserCellsAreBoxFiltered() throws Exception {
        int n = 11;
        DecodedImage[] items = new DecodedImage[n];
        for (int i = 0; i < n; i++) items[i] = greyItem(i);
        Manifest.Atlas atlas = atlas(new ArraySource(items), 16, AlphaMode.LUMINANCE, 40);

        assertEquals(3, atlas.levels().size(), "16, 8, 4");
        Manifest.Level l0 = atlas.levels().get(0);
        assertEquals(2, l0.columns());
        assertEquals(3, l0.pages().size(), "4 cells per 40-px page: 11 items on 3 pages");
        assertEquals(1, atlas.levels().get(1).pages().size(), "25 cells per page at 8 px");
        for (int i = 0; i < n; i++) {
            int[][][] c = cell(l0, i);
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    assertEquals(1, c[y][x].length, "grey pages");
                    assertEquals(items[i].pixels()[y * 16 + x] & 0xff, c[y][x][0], "item " + i + " at " + x + "," + y);
                }
            }
            for (int lv = 1; lv < atlas.levels().size(); lv++) {
                Manifest.Level fine = atlas.levels().get(lv - 1), coarse = atlas.levels().get(lv);
                int[][][] f = cell(fine, i), k = cell(coarse, i);
                for (int y = 0; y < coarse.cell(); y++) {
                    for (int x = 0; x < coarse.cell(); x++) {
                        int sum = f[2 * y][2 * x][0] + f[2 * y][2 * x + 1][0] + f[2 * y + 1][2 * x][0] + f[2 * y + 1][2 * x + 1][0];
                        assertEquals((sum + 2) / 4, k[y][x][0], "item " + i + " level " + lv + " at " + x + "," + y);
                    }
                }
            }
        }
        // cells after the last item are empty
        int[][][] spare = cell(l0, n);
        for (int[][] row : spare) for (int[] p : row) assertEquals(0, p[0]);
    }

    @Test
    void colourCellsKeepColourAspectAndTransparency() throws Exception {
        int n = 7;
        DecodedImage[] items = new DecodedImage[n];
        int[][] colours = new int[n][];
        for (int i = 0; i < n; i++) {
            colours[i] = new int[] {i * 35, 255 - i * 30, 60 + i * 20};
            byte[] px = new byte[12 * 6 * 3];
            for (int p = 0; p < 72; p++) for (int c = 0; c < 3; c++) px[p * 3 + c] = (byte) colours[i][c];
            items[i] = new DecodedImage(12, 6, 3, px); // wide: fitted 8×4 in an 8-px cell, rows 2–5
        }
        assertEquals(AlphaMode.CHANNEL, ImageSurvey.read(new ArraySource(items), false, Progress.NONE).suggestedAlpha(8));
        Manifest.Atlas atlas = atlas(new ArraySource(items), 8, AlphaMode.CHANNEL, 16);
        assertEquals(2, atlas.levels().size(), "8, 4");
        Manifest.Level l0 = atlas.levels().get(0);
        assertEquals(2, l0.pages().size(), "4 cells per 16-px page: 7 items on 2 pages");
        assertEquals(3, atlas.levels().get(1).columns(), "7 items fit one page at 4 px: a 3×3 grid");
        for (int i = 0; i < n; i++) {
            int[][][] c = cell(l0, i);
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    boolean inside = y >= 2 && y < 6;
                    assertEquals(4, c[y][x].length, "RGBA pages");
                    assertEquals(inside ? 255 : 0, c[y][x][3], "alpha of item " + i + " at " + x + "," + y);
                    if (inside) for (int k = 0; k < 3; k++) assertEquals(colours[i][k], c[y][x][k]);
                }
            }
            // the coarser cell is the premultiplied box filter of the finer one: 2×2 blocks straddling the edge are half covered
            int[][][] f = c, k = cell(atlas.levels().get(1), i);
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    double a = 0;
                    double[] rgb = new double[3];
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            int[] p = f[2 * y + dy][2 * x + dx];
                            a += p[3] / 4.0;
                            for (int ch = 0; ch < 3; ch++) rgb[ch] += p[ch] * p[3] / 255.0 / 4.0;
                        }
                    }
                    assertEquals(a, k[y][x][3], 1.0, "alpha, item " + i + " at " + x + "," + y);
                    if (a > 0) for (int ch = 0; ch < 3; ch++) assertEquals(rgb[ch] * 255 / a, k[y][x][ch], 2.0);
                }
            }
        }
    }

    @Test
    void darkInkOnTransparencyKeepsItsAlpha() throws Exception {
        // grey+alpha images of black rings on a transparent background: their border is dark once transparency is
        // counted as black, but under luminance their alpha was dropped and the black rings drawn as nothing
        byte[] px = new byte[8 * 8 * 2];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                boolean ring = (x == 2 || x == 5) && y >= 2 && y <= 5 || (y == 2 || y == 5) && x >= 2 && x <= 5;
                px[(y * 8 + x) * 2 + 1] = (byte) (ring ? 255 : 0); // grey 0 everywhere
            }
        }
        ImageSurvey survey = ImageSurvey.read(new ArraySource(new DecodedImage(8, 8, 2, px), new DecodedImage(8, 8, 2, px.clone())), false, Progress.NONE);
        assertTrue(survey.allGrey());
        assertEquals(AlphaMode.CHANNEL, survey.suggestedAlpha(8));
        assertEquals(PixelFormat.of(true, true), survey.pageFormat(survey.suggestedAlpha(8)));
        // grey images without alpha of their own on a dark background stay luminance (MNIST as PNG files)
        byte[] digit = new byte[64];
        digit[27] = (byte) 255;
        assertEquals(AlphaMode.LUMINANCE, ImageSurvey.read(new ArraySource(new DecodedImage(8, 8, 1, digit)), false, Progress.NONE).suggestedAlpha(8));
    }

    @Test
    void greyAndColourMixedGiveColourPagesAndOpaqueWhenNothingIsTransparent() throws Exception {
        byte[] grey = new byte[16];
        java.util.Arrays.fill(grey, (byte) 77);
        byte[] red = new byte[48];
        for (int p = 0; p < 16; p++) red[p * 3] = (byte) 200;
        ArraySource src = new ArraySource(new DecodedImage(4, 4, 1, grey), new DecodedImage(4, 4, 3, red));
        assertEquals(AlphaMode.OPAQUE, ImageSurvey.read(src, false, Progress.NONE).suggestedAlpha(4));
        Manifest.Atlas atlas = atlas(src, 4, AlphaMode.OPAQUE, 64);
        Manifest.Level l0 = atlas.levels().get(0);
        int[] g = cell(l0, 0)[1][1], r = cell(l0, 1)[1][1];
        assertArrayEquals(new int[] {77, 77, 77}, g, "a grey item on an RGB page");
        assertArrayEquals(new int[] {200, 0, 0}, r);
        assertTrue(Files.exists(dir.resolve("atlas/0-00.png")));
    }

    @Test
    void pagesAreWrittenAsTheyFillNotAtTheEnd() throws Exception {
        int n = 12_000; // 4-px cells, 16 to a 16-px page: 750 pages, written in rounds of a few thousand items
        Path first = dir.resolve("atlas/0-00.png");
        boolean[] firstPageOnDiskAtLastItem = new boolean[1];
        ArraySource src = new ArraySource(new DecodedImage[n]) {
            @Override
            public DecodedImage decode(int i) {
                if (i == n - 1) firstPageOnDiskAtLastItem[0] = Files.exists(first);
                byte[] px = new byte[16];
                java.util.Arrays.fill(px, (byte) (i % 251));
                return new DecodedImage(4, 4, 1, px);
            }
        };
        PageWriter.Spec spec = new PageWriter.Spec(4, 16, 16, PixelFormat.GREY, AlphaMode.LUMINANCE, 1, 0);
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        Manifest.Atlas atlas = PageWriter.write(src, all, spec, dir, Progress.NONE).atlas();
        assertEquals(750, atlas.finest().pages().size());
        assertTrue(firstPageOnDiskAtLastItem[0], "the first page was written before the last image was read");
        Manifest.Level l = atlas.finest();
        for (int i : new int[] {0, 15, 16, 4095, 4096, 11_999}) assertEquals(i % 251, cell(l, i)[2][2][0], "item " + i);
    }
}
