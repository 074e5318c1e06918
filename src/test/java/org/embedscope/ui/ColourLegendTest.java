package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleFixture;
import org.embedscope.render.ColourBy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Colour section draws for columns out of the ordinary, read back from the frame's pixels. */
class ColourLegendTest {
    @TempDir Path dir;

    private static float[] spot(String name) { return DrawnSpots.spot(name); }

    /** The brightest of the pixels in {@code r} right of {@code fromX}, as the mean of its channels (0–255). */
    private static int brightest(OffscreenExplorer x, float[] r, float fromX) {
        int[] px = FramePixels.of(x);
        int best = 0;
        for (int y = Math.round(r[1]); y < Math.round(r[3]); y++) {
            for (int px0 = Math.round(fromX); px0 < Math.round(r[2]); px0++) {
                int p = px[y * x.width() + px0];
                best = Math.max(best, ((p & 255) + ((p >>> 8) & 255) + ((p >>> 16) & 255)) / 3);
            }
        }
        return best;
    }

    /** A bundle whose column "city" has one value more than categories show. */
    private Bundle cities() throws Exception {
        int n = ColourBy.MAX_CATEGORIES + 1;
        String[] city = new String[n];
        for (int i = 0; i < n; i++) city[i] = "city " + i;
        return BundleFixture.items(n).layout("a", "A", BundleFixture.gaussian(n, 1)).metadata("city", city)
                .level(4, 33, 32, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255).write(dir.resolve("b")).load();
    }

    /** Opens the colour list with a click, once the columns are typed. */
    private static void openColourList(OffscreenExplorer x) throws InterruptedException {
        x.frame(-1, -1, true);
        for (int wait = 0; wait < 500 && !x.scene().columnsReady(); wait++) Thread.sleep(10);
        x.frame(-1, -1, true);
        float[] list = spot("colour-by");
        int cx = Math.round((list[0] + list[2]) / 2), cy = Math.round((list[1] + list[3]) / 2);
        // A click on the list, one change of the button a frame as imgui takes them.
        x.frame(cx, cy, true);
        imgui.ImGui.getIO().addMouseButtonEvent(0, true);
        x.frame(cx, cy, true);
        imgui.ImGui.getIO().addMouseButtonEvent(0, false);
        for (int f = 0; f < 3; f++) x.frame(cx, cy, true);
    }

    /**
     * In the colour list, a column of too many values for categories is greyed (the disabled text's
     * colour): it read as one to pick like the others.
     */
    @Test
    void aColumnOfTooManyValuesIsGreyedInTheList() throws Exception {
        Bundle b = cities();
        WidgetSpots.enable(true);
        try (OffscreenExplorer x = new OffscreenExplorer(b, 1280, 1000)) {
            openColourList(x);
            float[] cityRow = spot("colour-by:city"), indexRow = spot("colour-by:index");
            assertTrue(brightest(x, indexRow, indexRow[0]) > 200, "a column to colour by reads in the text's colour");
            int grey = brightest(x, cityRow, cityRow[0]);
            assertTrue(grey > 80 && grey < 170, "the column of too many values is greyed: " + grey);
        } finally {
            WidgetSpots.enable(false);
        }
    }

    /** Hovered in the colour list, a column of too many values for categories says why in a tooltip. */
    @Test
    void aColumnOfTooManyValuesSaysWhyWhenHovered() throws Exception {
        Bundle b = cities();
        WidgetSpots.enable(true);
        try (OffscreenExplorer x = new OffscreenExplorer(b, 1280, 1000)) {
            openColourList(x);
            float[] indexRow = spot("colour-by:index");
            x.frame(Math.round(indexRow[0] + 20), Math.round((indexRow[1] + indexRow[3]) / 2), true);
            assertNull(WidgetSpots.rect("colour-by-why"), "a column to colour by has no tooltip");
            float[] cityRow = spot("colour-by:city");
            int cx = Math.round(cityRow[0] + 20), cy = Math.round((cityRow[1] + cityRow[3]) / 2);
            for (int f = 0; f < 3; f++) x.frame(cx, cy, true);
            float[] why = spot("colour-by-why");
            String reason = ColourControls.tooManyValues(x.scene().columns().column("city"));
            // The panel's font is monospaced, 7 px a character at UI scale 1.
            assertEquals(reason.length() * 7f, why[2] - why[0], 7f, "the tooltip is the reason's one line: " + reason);
            assertTrue(brightest(x, why, why[0]) > 200, "the reason is drawn");
        } finally {
            WidgetSpots.enable(false);
        }
    }

    /**
     * The empty value of a text column is named "(empty)" in the legend, greyed (the disabled text's
     * colour) so that it reads apart from the column's values: its row had a blank name.
     */
    @Test
    void theEmptyValueIsNamedAndGreyed() throws Exception {
        int n = 12;
        String[] city = new String[n];
        for (int i = 0; i < n; i++) city[i] = i % 3 == 0 ? "" : i % 3 == 1 ? "Oslo" : "Lima";
        Bundle b = BundleFixture.items(n).layout("a", "A", BundleFixture.gaussian(n, 1)).metadata("city", city)
                .level(16, 4, 4, org.embedscope.atlas.PixelFormat.GREY, (i, x, y) -> 255).write(dir.resolve("b")).load();
        WidgetSpots.enable(true);
        try (OffscreenExplorer x = new OffscreenExplorer(b, 1280, 1000)) {
            x.frame(-1, -1, true);
            for (int wait = 0; wait < 500 && !x.scene().columnsReady(); wait++) Thread.sleep(10);
            assertNull(x.overlay().colourBy("city"));
            for (int f = 0; f < 3; f++) x.frame(-1, -1, true);
            ColourBy c = x.scene().state().colourBy();
            int empty = c.categoryNames().indexOf(""), oslo = c.categoryNames().indexOf("Oslo");
            assertTrue(empty >= 0 && oslo >= 0, "the legend has the empty value and Oslo: " + c.categoryNames());
            // The names start after the checkbox's box.
            float box = 13f + 2 * 3f + 4f;
            float[] emptyRow = spot("legend-name:" + empty), osloRow = spot("legend-name:" + oslo);
            int emptyText = brightest(x, emptyRow, emptyRow[0] + box), osloText = brightest(x, osloRow, osloRow[0] + box);
            assertTrue(emptyRow[2] - emptyRow[0] - box > 30, "the empty value's name takes some width: " + (emptyRow[2] - emptyRow[0] - box) + " px");
            assertTrue(osloText > 200, "a value's name is drawn in the text's colour: " + osloText);
            assertTrue(emptyText > 80 && emptyText < 170, "the empty value's name is drawn, greyed: " + emptyText);
        } finally {
            WidgetSpots.enable(false);
        }
    }
}
