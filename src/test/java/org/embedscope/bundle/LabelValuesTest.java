package org.embedscope.bundle;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelValuesTest {

    private static List<String> ordered(String... values) {
        List<String> v = List.of(values);
        return LabelValues.sorted(v, LabelValues.rank(v));
    }

    @Test
    void numbersInNumericOrder() {
        assertEquals(List.of("-1", "0.5", "2", "10", "1e3"), ordered("10", "2", "1e3", "-1", "0.5"));
    }

    @Test
    void equalNumbersStayDistinctCategoriesOrderedByText() {
        assertEquals(List.of("07.00", "7", "7.0"), ordered("7.0", "07.00", "7"));
    }

    @Test
    void anyTextMakesTheOrderLexicographic() {
        assertEquals(List.of("10", "2", "bag", "sneaker"), ordered("sneaker", "10", "bag", "2"));
        // "nan" and "inf" are not finite numbers, so they make the column text
        assertEquals(List.of("1", "10", "2", "inf"), ordered("2", "inf", "10", "1"));
    }

    @Test
    void rankMapsFirstSeenIndexToDisplayPosition() {
        assertArrayEquals(new int[] {2, 0, 1}, LabelValues.rank(List.of("9", "1", "5")));
    }
}
