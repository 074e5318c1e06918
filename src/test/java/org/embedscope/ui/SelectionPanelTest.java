package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The breakdown's shares: a label present in the selection never reads as 0%, nor a part as 100%. */
class SelectionPanelTest {
    @Test
    void sharesThatRoundAwaySaySo() {
        assertEquals("<1%", SelectionPanel.percent(3, 120_824));
        assertEquals("0%", SelectionPanel.percent(0, 120_824));
        assertEquals("1%", SelectionPanel.percent(1, 100));
        assertEquals("50%", SelectionPanel.percent(60_412, 120_824));
        assertEquals(">99%", SelectionPanel.percent(120_820, 120_824));
        assertEquals("100%", SelectionPanel.percent(7, 7));
    }
}
