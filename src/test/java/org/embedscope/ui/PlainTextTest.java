package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;

import imgui.ImGui;
import imgui.flag.ImGuiCond;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * imgui's text calls take a printf format, and the panels' lines hold '%' (an export's "20%", the
 * breakdown's "(25%)", a label typed as "100% sure"): the export's progress line ending in '%' showed
 * a screenful of old text and "?" rows, and a label "100% sure" read "100(null)ure" in the selection panel.
 * Each line is laid out by real imgui (a context without GL: layout needs no drawing) and must be as wide
 * as its text and one line tall.
 */
class PlainTextTest {
    @BeforeEach
    void context() {
        ImguiLibrary.install();
        ImGui.createContext();
        imgui.ImGuiIO io = ImGui.getIO();
        io.setIniFilename(null);
        io.setDisplaySize(2400, 800);
        io.setDeltaTime(1f / 60);
        io.getFonts().addFontDefault();
        assertTrue(io.getFonts().build());
        ImGui.newFrame();
        ImGui.setNextWindowPos(0, 0, ImGuiCond.Always);
        ImGui.setNextWindowSize(2200, 700, ImGuiCond.Always);
        ImGui.begin("lines");
    }

    @AfterEach
    void end() {
        ImGui.end();
        ImGui.endFrame();
        ImGui.destroyContext();
    }

    private static void assertDrawnAsWritten(String text, String how) {
        assertEquals(ImGui.calcTextSizeX(text), ImGui.getItemRectSizeX(), 0.5f, how + ": '" + text + "' as wide as its text");
        assertEquals(ImGui.getTextLineHeight(), ImGui.getItemRectSizeY(), 0.5f, how + ": '" + text + "' one line tall");
    }

    @Test
    void theExportsProgressLineEndingInAPercentSignIsDrawnAsItIs() {
        String status = "Writing selection-20261204-204147.csv  20%";
        FittedText.hint(status);
        assertDrawnAsWritten(status, "the export's progress (FittedText.hint)");
        FittedText.line(status);
        assertDrawnAsWritten(status, "FittedText.line");
    }

    @Test
    void aLabelWithAPercentSignIsDrawnAsItIsByEveryLineOfThePanels() {
        String[] texts = {"100% sure", "100% sure  421,731  (100%)", "50%", "%s %n %d %%"};
        for (String t : texts) {
            PlainText.text(t);
            assertDrawnAsWritten(t, "text");
            PlainText.disabled(t);
            assertDrawnAsWritten(t, "disabled");
            PlainText.colored(1f, 0.5f, 0f, 1f, t);
            assertDrawnAsWritten(t, "colored");
            PlainText.wrapped(t);
            assertDrawnAsWritten(t, "wrapped");
        }
    }

    /** A line drawn straight through imgui's format calls would bring the defect back: none is left. */
    @Test
    void noPanelCallsImguisFormattingTextCallsDirectly() throws java.io.IOException {
        java.util.regex.Pattern raw = java.util.regex.Pattern.compile("ImGui\\.(text|textDisabled|textColored|textWrapped|setTooltip|bulletText|labelText)\\(");
        java.util.List<String> found = new java.util.ArrayList<>();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                if (f.getFileName().toString().equals("PlainText.java")) continue;
                java.util.List<String> lines = java.nio.file.Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) if (raw.matcher(lines.get(i)).find()) found.add(f + ":" + (i + 1));
            }
        }
        assertEquals(java.util.List.of(), found, "lines that pass a text to imgui as a format");
    }
}
