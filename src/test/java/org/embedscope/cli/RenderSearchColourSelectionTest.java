package org.embedscope.cli;

import static org.embedscope.cli.RenderShot.count;
import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.embedscope.render.SceneRenderer;
import org.embedscope.render.SpriteFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render --where [--only]}, {@code --color-by}, {@code --selection}: what the image shows, and
 * bad input refused in one line with exit 2 and nothing written. The bundle: five items at the
 * corners and the middle, each cell's core in its own colour (item 4 magenta, in the middle).
 */
class RenderSearchColourSelectionTest {
    @TempDir static Path shared;
    static Path bundle;

    @TempDir Path dir;

    @BeforeAll
    static void writeBundle() throws Exception {
        bundle = SpriteFixture.write(shared.resolve("sprites"));
    }

    private BufferedImage render(String... extra) throws Exception {
        return RenderShot.render(bundle, dir, extra);
    }

    private static int notBackground(BufferedImage img) {
        return img.getWidth() * img.getHeight() - count(img, SceneRenderer.BACKGROUND);
    }

    @Test
    void whereDimsTheRestAndOnlyLeavesTheMatchesAlone() throws Exception {
        BufferedImage all = render(), where = render("--where", "index = 4"), only = render("--where", "index = 4", "--only");
        int magenta = SpriteFixture.color(4), red = SpriteFixture.color(0);
        assertTrue(count(all, red) > 20 && count(all, magenta) > 20, "every item in its colour");
        assertEquals(count(all, magenta), count(where, magenta), "the match as it was");
        assertEquals(0, count(where, red), "the rest dimmed: no longer their colour");
        assertTrue(notBackground(where) > count(where, magenta) + 40, "but still drawn");
        assertEquals(count(all, magenta), count(only, magenta));
        assertEquals(count(only, magenta), notBackground(only), "with --only nothing else is drawn");
    }

    @Test
    void colorByPaintsANumericColumnsExtremesWithTheMapsEnds() throws Exception {
        // a_x: -1 for items 0 and 2 (viridis' start), 1 for items 1 and 3 (its end).
        BufferedImage img = render("--color-by", "a_x");
        assertTrue(count(img, 0xfde725) > 40, "the maximum in the map's end colour");
        assertTrue(count(img, 0x440154) > 40, "the minimum in its start colour");
        assertEquals(0, count(render(), 0xfde725), "not without --color-by");
    }

    /**
     * What the window's colour section can set, render takes: the legend's hidden categories, the colour
     * map's range, the column read as categories, the tint off (a screenshot's command could say none).
     */
    @Test
    void hiddenCategoriesRangeAndTintAsTheWindowSetsThem() throws Exception {
        BufferedImage all = render(), hidden = render("--hide", "even");
        for (int i = 0; i < 5; i++) {
            boolean even = i % 2 == 0;
            assertEquals(even, count(all, SpriteFixture.color(i)) > 20 && count(hidden, SpriteFixture.color(i)) == 0,
                    "item " + i + (even ? " hidden with even" : " drawn"));
        }
        // a_x -1 .. 1 over a range of -3 .. 1: the minimum half-way along the map, not at its start.
        BufferedImage ranged = render("--color-by", "a_x", "--color-range", "-3,1");
        assertTrue(count(ranged, 0xfde725) > 40, "the maximum at the map's end");
        assertEquals(0, count(ranged, 0x440154), "nothing at the map's start");
        BufferedImage untinted = render("--color-by", "a_x", "--no-tint");
        assertEquals(0, count(untinted, 0xfde725), "--no-tint: the images in their own colours");
        assertEquals(count(all, SpriteFixture.color(4)), count(untinted, SpriteFixture.color(4)));
        // A number column of few values read as categories, one of them hidden.
        Path sized = SpriteFixture.builder(SpriteFixture.A, SpriteFixture.B, false).metadata("size", "-1", "2", "3", "-1", "2")
                .write(dir.resolve("sized")).dir;
        BufferedImage cats = RenderShot.render(sized, dir, "--color-by", "size", "--color-as", "categories", "--hide", "-1", "--no-tint");
        for (int i = 0; i < 5; i++) {
            boolean minusOne = i == 0 || i == 3;
            assertEquals(minusOne, count(cats, SpriteFixture.color(i)) == 0, "item " + i + (minusOne ? " (size -1) hidden" : " drawn"));
        }
    }

    @Test
    void aSelectionFileIsDrawnSelected() throws Exception {
        Path sel = Files.writeString(dir.resolve("sel.csv"), "index,note\n4,middle\n");
        BufferedImage img = render("--selection", sel.toString(), "--dim");
        assertTrue(count(img, SceneRenderer.SELECTION_COLOR) > 10, "the selected item's ring");
        assertEquals(0, count(img, SpriteFixture.color(0)), "--dim: the rest dimmed");
        assertEquals(0, count(render(), SceneRenderer.SELECTION_COLOR), "no ring without a selection");
    }

    /** A budget smaller than the coarsest level is said in units that show both ("0 MB of 0 MB" before). */
    @Test
    void aBudgetTooSmallForTheCoarsestLevelIsSaidInReadableUnits() throws Exception {
        Path png = dir.resolve("tiny.png");
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        java.io.PrintStream before = System.err;
        CliRun r;
        System.setErr(new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8));   // the atlas says it there, as it loads
        try {
            r = CliRun.of("render", bundle.toString(), "--gpu-memory", "1K", "--out", png.toString());
        } finally {
            System.setErr(before);
        }
        assertEquals(0, r.code(), r.err());
        String err = said.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(err.matches("(?s).*takes [0-9.]+ (KiB|MiB) of GPU memory, more than the budget of 1 KiB \\(--gpu-memory\\); it is kept anyway.*"), err);
        assertTrue(Files.exists(png));
    }

    /**
     * --hide takes the empty value of a text column as the legend names it, "(empty)": it was refused with
     * "no category '(empty)' in the legend; it has a," (the empty name listed as nothing after the comma).
     */
    @Test
    void theEmptyValueOfATextColumnIsHiddenAsTheLegendNamesIt() throws Exception {
        Path b = org.embedscope.bundle.BundleFixture.items(4).layout("l", "L", 0, 0, 1, 0, 0, 1, 1, 1)
                .metadata("kind", "a", "", "a", "")
                .level(8, 2, 2, org.embedscope.atlas.PixelFormat.GREY, (item, x, y) -> 0xffffffff)
                .write(dir.resolve("kinds")).dir;
        Path png = dir.resolve("k.png");
        CliRun r = CliRun.of("render", b.toString(), "--out", png.toString(), "--size", "64x48", "--color-by", "kind",
                "--hide", "(empty)", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"items_drawn\": 2,"), r.out());
        r = CliRun.of("render", b.toString(), "--out", png.toString(), "--color-by", "kind", "--hide", "b");
        assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("no category 'b' in the legend; it has (empty), a"), r.err());
    }

    /** As the window offers "as categories" for a number column of up to 32 values only, so does render (it took 201). */
    @Test
    void aNumberColumnOfManyValuesIsNotReadAsCategories() throws Exception {
        int n = 40;
        float[] xy = new float[2 * n];
        String[] score = new String[n], few = new String[n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = i % 7;
            xy[2 * i + 1] = i / 7;
            score[i] = String.valueOf(i * 0.5);
            few[i] = String.valueOf(i % 4);
        }
        Path b = org.embedscope.bundle.BundleFixture.items(n).layout("a", "A", xy).metadata("score", score).metadata("few", few)
                .level(2, 8, 8, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255).write(dir.resolve("b")).dir;
        Path png = dir.resolve("x.png");
        CliRun r = CliRun.of("render", b.toString(), "--out", png.toString(), "--color-by", "score", "--color-as", "categories");
        assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.err());
        assertEquals("embedscope: --color-as: column 'score' holds 40 different numbers; a number column is read as categories up to 32"
                + " different values (the window's 'as categories')", r.err().strip());
        assertFalse(Files.exists(png));
        CliRun ok = CliRun.of("render", b.toString(), "--out", png.toString(), "--color-by", "few", "--color-as", "categories");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(Files.exists(png), "four values: categories");
    }

    @Test
    void badInputIsOneLineExitTwoAndNoImage() throws Exception {
        Path png = dir.resolve("x.png");
        Path badSel = Files.writeString(dir.resolve("bad.csv"), "index\n1\n99\n");
        String[][] cases = {
                {"--where", "index <", "--where: at 7:"},
                {"--where", "nope = 1", "nope"},
                {"--where", "note < 3", "note"},
                {"--only", null, "--only"},
                {"--color-by", "nope", "a_x"},
                {"--selection", badSel.toString(), "line 3"},
                {"--dim", null, "--dim"},
                {"--hide", "nope", "no category 'nope' in the legend; it has even, odd"},
                {"--color-range", "1,2", "--color-range: needs --color-by"},
                {"--color-as", "numbers", "--color-as: needs --color-by"},
                {"--hover", "5000,5000", "--hover: 5000,5000 is outside the 1280×800 picture; expected X from 0 to 1279 and Y from 0 to 799"},
                {"--hover", "-1,10", "--hover: -1,10 is outside"},
        };
        for (String[] c : cases) {
            String[] args = c[1] == null
                    ? new String[] {"render", bundle.toString(), "--out", png.toString(), c[0]}
                    : new String[] {"render", bundle.toString(), "--out", png.toString(), c[0], c[1]};
            CliRun r = CliRun.of(args);
            assertEquals(Main.EXIT_BAD_INPUT, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
            assertTrue(r.err().contains(c[2]), c[0] + ": " + r.err());
            assertFalse(Files.exists(png), "nothing written for " + c[0]);
        }
        CliRun r = CliRun.of("explore", bundle.toString(), "--selection", badSel.toString());
        assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("bad.csv") && r.err().contains("line 3"), r.err());
    }
}
