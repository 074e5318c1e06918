package org.embedscope.cli;

import static org.embedscope.cli.RenderShot.count;
import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.embedscope.render.Palette;
import org.embedscope.render.SpriteFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render} draws a user's label corrections as the window does: an item the annotations
 * relabel is tinted in its corrected label's colour, and {@code --where} and {@code --color-by} read
 * the corrected labels. The bundle: {@link SpriteFixture}'s five items, labelled "even" (0, 2, 4,
 * palette colour 0) and "odd" (1, 3, colour 1); item 4 lies in the middle of the fitted view.
 */
class RenderAnnotationsTest {
    @TempDir Path dir;
    private Path bundle;

    @BeforeEach
    void writeBundle() throws Exception {
        bundle = SpriteFixture.write(dir.resolve("sprites"));
    }

    private BufferedImage render(String... extra) throws Exception {
        return RenderShot.render(bundle, dir, extra);
    }

    /** The colour in the middle of the image: item 4's core. */
    private static int middle(BufferedImage img) {
        return img.getRGB(img.getWidth() / 2, img.getHeight() / 2) & 0xffffff;
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    private static void assertNear(int expected, int actual, String what) {
        for (int s = 0; s <= 16; s += 8) {
            assertTrue(Math.abs(((expected >> s) & 255) - ((actual >> s) & 255)) <= 3,
                    String.format("%s: expected #%06x, got #%06x", what, expected, actual));
        }
    }

    private static void writeSidecar(Path file) throws Exception {
        // Item 4 corrected from "even" to "odd"; item 2 given a label of the user's own, and a tag.
        Files.writeString(file, "index,label,tags,edited\n4,odd,,2026-01-31T12:00:00Z\n2,smudge,checked,\n");
    }

    @Test
    void aRelabelledItemIsTintedInItsCorrectedLabelsColour() throws Exception {
        BufferedImage before = render("--tint");
        assertNear(Palette.rgb(0), middle(before), "item 4 as the bundle labels it: even");

        writeSidecar(bundle.resolve("annotations.csv"));
        BufferedImage after = render("--tint");
        assertNear(Palette.rgb(1), middle(after), "item 4 in its corrected label's colour: odd");
        int turned = count(after, Palette.rgb(1)) - count(before, Palette.rgb(1));
        assertTrue(turned > 400, "a whole sprite turned odd: " + turned + " pixels");
        int even = count(before, Palette.rgb(0)) - count(after, Palette.rgb(0)) - count(after, Palette.rgb(2));
        assertEquals(turned, even, "and the pixels that turned are the ones no longer even (or item 2's own label)");

        BufferedImage byColumn = render("--color-by", "label");
        assertArrayEquals(pixels(after), pixels(byColumn), "--color-by label: the corrected labels, in the tint's colours");
    }

    @Test
    void whereReadsTheCorrectedLabelsTheBundlesOwnAndTheTags() throws Exception {
        writeSidecar(bundle.resolve("annotations.csv"));
        BufferedImage smudge = render("--tint", "--where", "label = 'smudge'", "--only");
        assertTrue(count(smudge, Palette.rgb(2)) > 100, "item 2 in its new label's colour");
        assertArrayEquals(pixels(render("--tint", "--where", "index = 2", "--only")), pixels(smudge),
                "the corrected label matches item 2 alone");
        assertArrayEquals(pixels(smudge), pixels(render("--tint", "--where", "label_original = 'even' and tags = 'checked'", "--only")),
                "the bundle's label and the tags are columns too");
        assertArrayEquals(pixels(render("--tint", "--where", "index in (1, 3, 4)", "--only")),
                pixels(render("--tint", "--where", "label = 'odd'", "--only")), "odd: items 1, 3 and, corrected, 4");
    }

    @Test
    void anAnnotationsFileElsewhereIsReadAndABadOneRefusedInOneLine() throws Exception {
        Path elsewhere = dir.resolve("mine.csv");
        writeSidecar(elsewhere);
        assertNear(Palette.rgb(1), middle(render("--tint", "--annotations", elsewhere.toString())),
                "--annotations FILE: item 4 corrected to odd");
        assertNear(Palette.rgb(0), middle(render("--tint")), "the bundle has no sidecar of its own");

        Path bad = Files.writeString(dir.resolve("bad.csv"), "index,label\n0,odd\n9,even\n");
        Path png = dir.resolve("never.png");
        CliRun r = CliRun.of("render", bundle.toString(), "--tint", "--annotations", bad.toString(), "--out", png.toString());
        assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains("bad.csv") && r.err().contains("line 3"), r.err());
        assertFalse(Files.exists(png), "nothing written");
    }
}
