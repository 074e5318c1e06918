package org.embedscope.ui;

import imgui.ImFontAtlas;
import imgui.ImFontConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The panels' font: imgui's own (ASCII and Latin-1 only), with the letters it lacks merged in from a
 * system font when one is installed, so that names such as "Tōkyō", "Łódź", Greek and Cyrillic labels and
 * the typographic marks read as themselves instead of "?". Without such a font the panels are as before.
 */
final class PanelFont {
    /** Where Linux distributions put fonts that cover these scripts (Debian: fonts-dejavu-core). */
    static final List<Path> FALLBACKS = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/TTF/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"),
            Path.of("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
            Path.of("/System/Library/Fonts/Supplemental/Arial Unicode.ttf"),
            Path.of("C:\\Windows\\Fonts\\arial.ttf"));

    /** Latin Extended A and B, IPA, Greek, Cyrillic, Latin Extended Additional, punctuation, currency, arrows (pairs; 0 ends). */
    private static final short[] RANGES = {
            0x0100, 0x02AF, 0x0370, 0x052F, 0x1E00, 0x1EFF, 0x2000, 0x206F, 0x20A0, 0x20CF, 0x2190, 0x21FF, 0};

    /** imgui's default font size in pixels. */
    private static final float SIZE_PX = 13f;

    private PanelFont() {}

    /** Puts the panels' font into {@code fonts} (before its texture is built); returns the system font merged in, or null. */
    static Path install(ImFontAtlas fonts) {
        fonts.addFontDefault();
        for (Path p : FALLBACKS) {
            if (!Files.isRegularFile(p)) continue;
            ImFontConfig merge = new ImFontConfig();
            try {
                merge.setMergeMode(true);
                merge.setPixelSnapH(true);
                if (fonts.addFontFromFileTTF(p.toString(), SIZE_PX, merge, RANGES) != null) return p;
            } finally {
                merge.destroy();
            }
        }
        return null;
    }
}
