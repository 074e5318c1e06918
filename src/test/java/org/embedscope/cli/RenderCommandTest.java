package org.embedscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.embedscope.render.GlContext;
import org.embedscope.render.SceneRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** render's options that are refused before anything is drawn, as a user types them. */
class RenderCommandTest {
    @TempDir Path dir;

    private CliRun render(String... options) {
        String[] args = new String[3 + options.length];
        args[0] = "render";
        args[1] = "assets/mnist";
        args[2] = "--out=" + dir.resolve("shot.png");
        System.arraycopy(options, 0, args, 3, options.length);
        return CliRun.of(args);
    }

    private void refused(String expectedLine, String... options) {
        CliRun r = render(options);
        assertEquals(2, r.code(), r.err());
        assertEquals("embedscope: " + expectedLine, r.err().strip());
        assertFalse(Files.exists(dir.resolve("shot.png")));
    }

    /**
     * --view pin frames the pinned item where it is drawn: with --transition 1 --to tsne it framed it at its
     * UMAP position while the sprites were at t-SNE's, and neither the item nor its lines were in the picture.
     */
    @Test
    void viewPinFramesThePinnedItemWhereTheTransitionDrawsIt() {
        CliRun moved = render("--pin", "3828", "--view", "pin", "--transition", "1", "--to", "tsne", "--json", "--size", "320x200");
        assertEquals(0, moved.code(), moved.err());
        CliRun atRest = render("--pin", "3828", "--view", "pin", "--layout", "tsne", "--json", "--size", "320x200");
        assertEquals(0, atRest.code(), atRest.err());
        String view = atRest.out().replaceAll("(?s).*(\\{\"cx\"[^}]*\\}).*", "$1");
        assertTrue(view.startsWith("{\"cx\""), atRest.out());
        assertTrue(moved.out().contains(view), moved.out() + " vs " + view);
    }

    /**
     * --json's "layout" named the transition's target whatever T was: at --transition 0 it said "tsne" over
     * a picture of the UMAP layout. It names the layout drawn: the picture is that layout's at rest.
     */
    @Test
    void theJsonLayoutIsTheOneDrawn() throws Exception {
        for (String t : new String[] {"0", "1"}) {
            CliRun moving = render("--transition", t, "--to", "tsne", "--json", "--size", "160x100");
            assertEquals(0, moving.code(), moving.err());
            String drawn = t.equals("0") ? "umap" : "tsne";
            assertTrue(moving.out().contains("\"layout\": \"" + drawn + "\""), moving.out());
            java.awt.image.BufferedImage during = ImageIO.read(dir.resolve("shot.png").toFile());
            CliRun atRest = render("--layout", drawn, "--size", "160x100");
            assertEquals(0, atRest.code(), atRest.err());
            java.awt.image.BufferedImage still = ImageIO.read(dir.resolve("shot.png").toFile());
            int differ = 0;
            for (int y = 0; y < 100; y++) for (int x = 0; x < 160; x++) if (during.getRGB(x, y) != still.getRGB(x, y)) differ++;
            assertEquals(0, differ, "--transition " + t + " draws " + drawn + " as it is at rest");
        }
    }

    /**
     * A --gpu-memory too small for the pages a view draws drew a softer picture without a word (its sprites
     * from coarser levels). It is said once, with the budget that would hold them: at that budget the line
     * is gone and the picture is the one of the default budget.
     */
    @Test
    void aBudgetThatDrawsSpritesCoarserSaysWhatWouldHoldThem() throws Exception {
        String[] view = {"--view", "0,0,20", "--size", "640x400"};
        String small = stderrOf(() -> render(concat(view, "--gpu-memory", "16M")));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("embedscope: --gpu-memory 16 MiB holds (\\d+) of the (\\d+) atlas pages of "
                + "14-px sprites this view draws; the rest are drawn from coarser levels, softer \\(--gpu-memory ([0-9.]+ MiB) would hold them\\)\n")
                .matcher(small);
        assertTrue(m.find(), small);
        assertTrue(Integer.parseInt(m.group(1)) < Integer.parseInt(m.group(2)), small);
        assertEquals(1, small.split("atlas pages of", -1).length - 1, "said once: " + small);
        int[] soft = pixels();
        String enough = stderrOf(() -> render(concat(view, "--gpu-memory", m.group(3).replace(" ", ""))));
        assertFalse(enough.contains("atlas pages of"), enough);
        int[] sharp = pixels();
        assertEquals("", stderrOf(() -> render(view)), "the default budget holds them");
        assertArrayEquals(pixels(), sharp, "the budget named draws the view as the default one does");
        assertFalse(java.util.Arrays.equals(soft, sharp), "the small budget drew it softer");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** What a render wrote to System.err (the atlas says it there, as it draws), after checking it drew. */
    private static String stderrOf(java.util.function.Supplier<CliRun> run) {
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        java.io.PrintStream before = System.err;
        System.setErr(new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8));
        CliRun r;
        try {
            r = run.get();
        } finally {
            System.setErr(before);
        }
        assertEquals(0, r.code(), r.err());
        return said.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private int[] pixels() throws Exception {
        java.awt.image.BufferedImage img = ImageIO.read(dir.resolve("shot.png").toFile());
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    /** A transition to the layout it starts from drew that layout at rest, exit 0, whatever T was. */
    @Test
    void aTransitionToItsOwnLayoutIsRefused() throws Exception {
        refused("--to: 'tsne' is the layout the transition starts from (--layout); expected another", "--layout", "tsne", "--to", "tsne",
                "--transition", "0.5");
        Path one = org.embedscope.bundle.BundleFixture.items(2).layout("a", "A", new float[] {0f, 0f, 1f, 1f})
                .level(16, 4, 4, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255).write(dir.resolve("one-layout")).dir;
        CliRun r = CliRun.of("render", one.toString(), "--transition", "0.5", "--out=" + dir.resolve("shot.png"));
        assertEquals(2, r.code(), r.err());
        assertEquals("embedscope: --transition: the bundle has one layout: there is none to move to", r.err().strip());
        assertFalse(Files.exists(dir.resolve("shot.png")));
    }

    /** --to alone drew --layout's layout, exit 0, as if it were not given. */
    @Test
    void aTransitionTargetWithoutATransitionIsRefused() {
        refused("--to: needs --transition T: it names the layout the transition goes to", "--to", "tsne");
    }

    /** A hidden item cannot be pinned: the still framed it (--view pin) and drew no pin, exit 0. */
    @Test
    void pinningAHiddenItemIsRefused() {
        refused("--pin: item 3828 is hidden by --hide; expected an item that is drawn", "--pin", "3828", "--view", "pin", "--hide", "four");
        refused("--pin: item 3828 does not match --where, and --only hides it; expected an item that is drawn",
                "--pin", "3828", "--where", "label != 4", "--only");
    }

    @Test
    void aScaleThatIsNotAPositiveFiniteNumberIsRefused() {
        refused("--scale: expected a positive finite number, got 0.0", "--scale", "0");
        refused("--scale: expected a positive finite number, got -1.0", "--scale", "-1");
        refused("--scale: expected a positive finite number, got NaN", "--scale", "NaN");
        refused("--scale: expected a positive finite number, got Infinity", "--scale", "Infinity");
    }

    @Test
    void aThresholdOutsideZeroToOneIsRefused() {
        refused("--threshold: expected an alpha from 0 to 1, got NaN", "--threshold", "NaN");
        refused("--threshold: expected an alpha from 0 to 1, got -3.0", "--threshold", "-3");
        refused("--threshold: expected an alpha from 0 to 1, got 2.0", "--threshold", "2");
    }

    /** The largest side this driver draws a scene of, as render checks it: the driver's limits less the scene's margin. */
    private static int largestSide() {
        try (GlContext gl = GlContext.hidden(16, 16)) {
            int side = 16;
            for (int step = 1 << 16; step > 0; step >>= 1) {
                if (SceneRenderer.tooLarge(side + step, 16) == null) side += step;
            }
            return side;
        }
    }

    @Test
    void aSizeLargerThanTheDriverDrawsIsRefusedBeforeDrawing() {
        int most = largestSide();
        String line = "--size: " + (most + 1) + "x16 is more than this OpenGL driver draws; expected at most " + most
                + " pixels a side (its limit of ";
        CliRun r = render("--size", (most + 1) + "x16");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().strip().startsWith("embedscope: " + line), r.err());
        assertTrue(r.err().strip().matches(".*less the scene's margin of \\d+\\)"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("java.") || r.err().contains("incomplete"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(dir.resolve("shot.png")));
    }

    /** The limit is not stricter than the driver: the largest side it lets through is drawn. */
    @Test
    void theLargestSizeTheCheckLetsThroughIsDrawn() throws Exception {
        int most = largestSide();
        CliRun r = render("--size", most + "x16");
        assertEquals(0, r.code(), r.err());
        assertEquals(most, ImageIO.read(dir.resolve("shot.png").toFile()).getWidth());
    }

    /**
     * render --pin on a bundle without neighbours named bundle.json, as if that file were damaged, and
     * not the option that needs them (found by the QA session): the line names --pin, says the bundle
     * has no neighbours file and how to get one. A bundle of one item is told the panel's reason:
     * preparing it again cannot give it a neighbour.
     */
    @Test
    void pinningWithoutNeighboursNamesPinAndWhatIsMissing() throws Exception {
        for (int items : new int[] {1, 2}) {
            Path bundle = org.embedscope.bundle.BundleFixture.items(items)
                    .layout("a", "A", java.util.Arrays.copyOf(new float[] {0f, 0f, 1f, 1f}, 2 * items))
                    .level(16, 4, 4, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255).write(dir.resolve("b" + items)).dir;
            CliRun r = CliRun.of("render", bundle.toString(), "--pin", "0", "--out=" + dir.resolve("shot.png"));
            assertEquals(2, r.code(), r.err());
            String line = r.err().strip();
            assertEquals(1, line.lines().count(), r.err());
            assertFalse(line.contains("bundle.json"), line);
            assertTrue(line.startsWith("embedscope: --pin: needs the bundle's nearest neighbours, and "), line);
            assertTrue(line.endsWith(items == 1 ? org.embedscope.ui.NeighborPanel.noNeighbors(1)
                    : bundle + " has no neighbours file: prepare it again with --neighbors 15 (the default; --neighbors 0 keeps none)"), line);
            assertFalse(Files.exists(dir.resolve("shot.png")));
        }
        assertTrue(org.embedscope.ui.NeighborPanel.noNeighbors(1).contains("one item"), "a bundle of one item is told it has no other");
    }

    /** --scale 1000 drew sprites at the driver's largest point size without a word: a line says so; --scale 1.5 says nothing. */
    @Test
    void aScaleBeyondTheLargestPointIsSaid() throws Exception {
        Path b = org.embedscope.bundle.BundleFixture.items(4)
                .layout("a", "A", new float[] {0f, 0f, 1f, 1f, 0f, 1f, 1f, 0f})
                .level(16, 4, 4, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255).write(dir.resolve("scaled")).dir;
        CliRun big = CliRun.of("render", b.toString(), "--scale", "1000", "--size", "640x480", "--json", "--out=" + dir.resolve("big.png"));
        assertEquals(0, big.code(), big.err());
        java.util.regex.Matcher px = java.util.regex.Pattern.compile("\"sprite_px\": ([0-9.]+)").matcher(big.out());
        assertTrue(px.find(), big.out());
        long drawn = Math.round(Double.parseDouble(px.group(1)));
        assertTrue(big.err().contains("embedscope: --scale 1000: sprites drawn at " + drawn + " px, the OpenGL driver's largest point size, not the "),
                big.err());
        // -o, as every other command that writes a file takes it (render had only --out)
        CliRun two = CliRun.of("render", b.toString(), "--scale", "1.5", "--size", "640x480", "-o", dir.resolve("two.png").toString());
        assertEquals(0, two.code(), two.err());
        assertFalse(two.err().contains("--scale"), two.err());
        assertEquals(640, javax.imageio.ImageIO.read(dir.resolve("two.png").toFile()).getWidth());
    }

    /** A view the camera cannot show had been drawn as the fitted one without a word. */
    @Test
    void aViewBeyondTheDataSaysWhereItWasDrawn() throws Exception {
        CliRun r = render("--view", "100,100,1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("embedscope: --view 100,100,1 is beyond what the view shows (zoom ") && r.err().contains("); drawn at "), r.err());
        assertTrue(Files.exists(dir.resolve("shot.png")));
        r = render("--view", "0.1,-0.2,1e6");
        assertTrue(r.err().contains("--view 0.1,-0.2,1e6 is beyond what the view shows"), r.err());
        // One it can show says nothing.
        r = render("--view", "0.1,-0.2,3");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("--view"), r.err());
    }
}
