package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.embedscope.bundle.BundleReader;
import org.embedscope.render.SpriteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The panels draw letters beyond Latin-1 (a city "Tōkyō" in the hover panel, typed into the search,
 * was "T?ky?"): the font the overlay draws with has them, merged from the system's DejaVu Sans (.ci/run
 * installs fonts-dejavu-core).
 */
class PanelFontTest {
    @TempDir Path dir;

    @Test
    void thePanelsFontHasLettersBeyondLatin1() throws Exception {
        try (OffscreenExplorer x = new OffscreenExplorer(BundleReader.load(SpriteFixture.write(dir.resolve("b"))), 320, 200)) {
            x.frame(-1, -1, true);
            imgui.ImFont font = imgui.ImGui.getFont();
            for (char c : new char[] {'ō', 'Ł', 'ş', 'Ж', 'λ', '…', '→'}) {
                assertNotNull(font.findGlyphNoFallback(c), "the panels' font draws " + c + " (U+" + Integer.toHexString(c) + ")");
            }
            assertNotNull(font.findGlyphNoFallback('é'), "Latin-1 as before");
        }
    }
}
