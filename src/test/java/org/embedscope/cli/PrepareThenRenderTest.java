package org.embedscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.embedscope.TestData;
import org.embedscope.render.Camera;
import org.embedscope.render.SceneRenderer;
import org.embedscope.render.SpriteSizing;
import org.embedscope.render.ViewState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * End to end: {@code prepare} turns real MNIST digits into a bundle, and {@code render} of that bundle
 * shows each digit's sprite where its coordinates put it, with background between them.
 */
class PrepareThenRenderTest {
    @TempDir Path dir;

    static int run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        assertEquals(0, code, String.join(" ", args) + ": " + err);
        return code;
    }

    @Test
    void preparedDigitsAreDrawnAtTheirImportedPositions() throws Exception {
        int cols = 8, rows = 6, n = cols * rows;
        Path[] digits = TestData.mnistSubset(dir, "d", 0, n);
        // Items on a grid with a pitch of 1 unit: the layout spans 7 × 5 units.
        StringBuilder xy = new StringBuilder("x,y\n");
        for (int i = 0; i < n; i++) xy.append(String.format(Locale.ROOT, "%d,%d%n", i % cols, i / cols));
        Path coords = Files.writeString(dir.resolve("grid.csv"), xy);
        Path bundle = dir.resolve("bundle");
        run("prepare", "--idx", digits[0].toString(), digits[1].toString(), "--import-layout", "grid=" + coords, "-o", bundle.toString());
        Path png = dir.resolve("shot.png");
        int w = 800, h = 600;
        run("render", bundle.toString(), "--size", w + "x" + h, "--out", png.toString());
        BufferedImage img = ImageIO.read(png.toFile());

        // Where the explorer puts the grid: normalised so its longer side spans -1..1, then fitted.
        ViewState view = new ViewState(1, 1, 0);
        float half = 1f / (cols - 1);
        view.setDataBounds(-1, -(rows - 1) * half, 1, (rows - 1) * half);
        view.setViewport(w, h, new SpriteSizing(SpriteSizing.DEFAULT_MIN_PX, 100, 100));
        view.fit();
        Camera cam = view.camera();
        float pitch = 2f / (cols - 1) * cam.pixelsPerUnit();
        int background = SceneRenderer.BACKGROUND;
        for (int i = 0; i < n; i++) {
            float wx = -1 + 2f * (i % cols) / (cols - 1), wy = -(rows - 1) * half + 2f * (i / cols) / (cols - 1);
            int cx = Math.round(cam.screenX(wx)), cy = Math.round(cam.screenY(wy));
            int ink = 0;
            int r = Math.round(pitch * 0.28f);
            assertTrue(cx - r >= 0 && cy - r >= 0 && cx + r < w && cy + r < h, "digit " + i + " at " + cx + "," + cy + " ±" + r + " inside the image");
            for (int y = cy - r; y <= cy + r; y++) {
                for (int x = cx - r; x <= cx + r; x++) if ((img.getRGB(x, y) & 0xffffff) != background) ink++;
            }
            assertTrue(ink > 10, "digit " + i + " is drawn around (" + cx + "," + cy + "): " + ink + " pixels of ink");
            // Halfway to the next column there is only background: sprites keep to their own place.
            int gx = Math.round(cx + pitch / 2);
            if (i % cols < cols - 1) assertEquals(background, img.getRGB(gx, cy) & 0xffffff, "gap right of digit " + i);
        }
    }
}
