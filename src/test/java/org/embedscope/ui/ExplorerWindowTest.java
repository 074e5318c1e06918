package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import static org.embedscope.ui.WindowDriver.await;
import static org.embedscope.ui.WindowDriver.xdotool;

import java.nio.file.Path;
import org.embedscope.render.Camera;
import org.embedscope.render.ViewState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real window under an X server, driven by real pointer and key events from xdotool: hover picks
 * the sprite under the pointer, the wheel zooms, T starts the transition, and input over the overlay
 * stays with the overlay. Runs where DISPLAY is set and xdotool is installed (CI: under Xvfb).
 */
class ExplorerWindowTest {
    @TempDir Path dir;
    private WindowDriver driver;

    @AfterEach
    void close() throws Exception {
        if (driver != null) driver.close();
    }

    @Test
    void pointerAndKeysDriveTheScene() throws Exception {
        assumeTrue(WindowDriver.available(), "needs an X display and xdotool (CI runs it under Xvfb)");
        driver = WindowDriver.open(org.embedscope.render.SpriteFixture.write(dir.resolve("b")), 800, 600);
        ExplorerWindow window = driver.window;
        // Five items get sprites half the window wide, which leave no room to zoom: make them small.
        driver.onLoop(() -> window.scene().state().setWorldSizes(new float[] {0.1f, 0.1f}));
        ViewState st = window.scene().state();
        Camera cam = st.camera();
        int[] pos = driver.origin();

        // Hover: item 3 sits at (1, 1), the top-right corner of the data.
        int hx = pos[0] + Math.round(cam.screenX(1f)), hy = pos[1] + Math.round(cam.screenY(1f));
        xdotool("mousemove", String.valueOf(hx), String.valueOf(hy));
        await("item 3 is hovered (pointer at " + hx + "," + hy + ", sprite " + st.spritePixels() + " px)",
                () -> window.hovered() == 3);

        // Wheel up three notches over the scene zooms in.
        float zoom0 = cam.zoom();
        xdotool("click", "--repeat", "3", "--delay", "30", "4");
        await("the wheel zooms in", () -> cam.zoom() > zoom0 * 1.5f);

        // T starts the transition to the second layout.
        xdotool("key", "t");
        await("T moves to layout b", () -> st.transition().target() == 1);

        // Over the overlay panel (top left) the pointer hovers no sprite and the wheel does not zoom.
        xdotool("mousemove", String.valueOf(pos[0] + 40), String.valueOf(pos[1] + 30));
        // imgui learns where the pointer is in the frame after it moved, as in any imgui application.
        await("the panel has the pointer and no sprite is hovered", () -> window.overlayHasPointer() && window.hovered() == -1);
        float zoom1 = cam.zoom();
        xdotool("click", "4");
        Thread.sleep(300);
        assertEquals(zoom1, cam.zoom(), 1e-6, "the wheel over the overlay does not zoom the scene");

        // Resizing the window resizes the framebuffer the scene is drawn for.
        xdotool("windowsize", driver.id, "640", "420");
        await("the view follows the new size", () -> cam.width() == 640 && cam.height() == 420);
    }
}
