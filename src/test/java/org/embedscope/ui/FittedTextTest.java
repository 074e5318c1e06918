package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** A text is cut at the end to the width given, with "..." after what is kept; one that fits stays whole. */
class FittedTextTest {
    /** Seven pixels a character, as a monospaced font. */
    private static final ToDoubleFunction<String> MONO = s -> 7.0 * s.length();

    @Test
    void aTextThatFitsStaysWhole() {
        assertEquals("T-shirt/top", FittedText.fit("T-shirt/top", 77, MONO));
        assertEquals("", FittedText.fit("", 0, MONO));
    }

    @Test
    void aLongTextKeepsTheLongestStartThatFitsWithTheEllipsis() {
        String name = "a very long category name that would push the buttons out";
        String shown = FittedText.fit(name, 70, MONO);
        assertEquals("a very ...", shown);
        assertTrue(MONO.applyAsDouble(shown) <= 70);
        assertTrue(MONO.applyAsDouble(name.substring(0, 8) + FittedText.ELLIPSIS) > 70, "one character more would not fit");
        assertEquals("...", FittedText.fit(name, 10, MONO), "only the ellipsis where no character fits");
    }

    @Test
    void aSurrogatePairIsNotSplit() {
        String text = "ab\uD83D\uDE00cdefgh";   // an emoji, two chars, after "ab"
        String shown = FittedText.fit(text, 7 * 6, MONO);   // room for "ab" + 1 char + "..."
        assertEquals("ab...", shown);
    }

    @Test
    void aLetterKeepsTheAccentCombinedWithIt() {
        String text = "Cafe\u0301 au lait";   // e and a combining acute: one character, two chars
        // Room for four chars and "...": "Cafe" would be another word, the e without its accent.
        assertEquals("Caf...", FittedText.fit(text, 7 * 7, MONO));
        assertEquals("Cafe\u0301...", FittedText.fit(text, 7 * 8, MONO), "with room for both");
    }
}
