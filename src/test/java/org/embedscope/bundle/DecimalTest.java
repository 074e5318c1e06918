package org.embedscope.bundle;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class DecimalTest {

    @Test
    void acceptsWhatCsvWritersPrint() {
        for (String ok : new String[] {"0", "-1.5", "+2", "3.", ".5", "-.5", "1e5", "1.2345678e-05", "6E+2", " 4.25 ", "007"}) {
            assertNull(Decimal.invalidReason(ok), ok);
        }
    }

    @Test
    void refusesJavaOnlySyntaxAndMalformedText() {
        // Float.parseFloat takes the first three
        for (String bad : new String[] {"1f", "2d", "0x1p3", "1e", "e5", ".", "-", "1.2.3", "1,5", "١"}) {
            assertEquals("is not a number", Decimal.invalidReason(bad), bad);
        }
    }

    @Test
    void namesMissingAndNonFiniteValues() {
        assertEquals("is empty (a missing value?)", Decimal.invalidReason("  "));
        for (String s : new String[] {"nan", "NaN", "-inf", "Infinity", "+INF"}) assertEquals("is not finite", Decimal.invalidReason(s), s);
    }
}
