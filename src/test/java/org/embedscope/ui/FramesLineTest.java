package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * The control panel's count-and-time line keeps its length as the frame time changes: at a million items
 * it wrapped from 100 ms on (llvmpipe's frames there are 50-150 ms) and under 1 ms (a cached redraw's
 * "0.9 ms (1160 FPS)"), and the rows below jumped a line. Under 0.1 ms (render's last frame, which
 * only redraws the panel: "0.1 ms (16989 FPS)") it wrapped too, and render --overlay drew every row of
 * the panel a line lower than the window's screenshot key did.
 */
class FramesLineTest {
    @Test
    void aMillionItemsLineIsNoLongerAtSlowFramesThanAtFastOnes() {
        int longest = Overlay.framesLine(1_050_000, 4.6f).length();
        assertEquals("1,050,000 items  4.6 ms (217 FPS)", Overlay.framesLine(1_050_000, 4.6f));
        for (float ms = 0.0001f; ms < 100_000; ms *= 1.07f) {
            String line = Overlay.framesLine(1_050_000, ms);
            assertTrue(line.length() <= longest, "\"" + line + "\" is no longer than at 4.6 ms (" + longest + " characters)");
        }
        assertEquals("1,050,000 items  102 ms (10 FPS)", Overlay.framesLine(1_050_000, 101.5f));
        assertEquals("1,050,000 items 0.9 ms (1111 FPS)", Overlay.framesLine(1_050_000, 0.9f));
        assertEquals("1,050,000 items 10.0 ms (100 FPS)", Overlay.framesLine(1_050_000, 10.01f));
        assertEquals("1 item  16.7 ms (60 FPS)", Overlay.framesLine(1, 16.7f));
        assertEquals("1,050,000 items  0.1 ms (17k FPS)", Overlay.framesLine(1_050_000, 0.0589f));
        assertEquals("1,050,000 items 0.1 ms (9524 FPS)", Overlay.framesLine(1_050_000, 0.105f));
    }
}
