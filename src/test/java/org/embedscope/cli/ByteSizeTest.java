package org.embedscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ByteSizeTest {
    @Test
    void unitsArePowersOf1024() {
        assertEquals(1L << 30, ByteSize.parse("1G").bytes());
        assertEquals(512L << 20, ByteSize.parse("512M").bytes());
        assertEquals(512L << 20, ByteSize.parse("512m").bytes());
        assertEquals(3L << 29, ByteSize.parse("1.5GiB").bytes());
        assertEquals(64L << 10, ByteSize.parse("64 KB").bytes());
        assertEquals(2L << 40, ByteSize.parse("2T").bytes());
        assertEquals(65536, ByteSize.parse("65536").bytes());
    }

    @Test
    void nonsenseIsRefusedWithAnExample() {
        for (String bad : new String[] {"", "G", "0", "0M", "-1G", "1X", "1e9", "1,5G", "lots", "99999999T"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ByteSize.parse(bad), bad);
            assertTrue(e.getMessage().contains("1G") && e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void printsAsAPersonReadsIt() {
        assertEquals("1 GiB", ByteSize.parse("1G").toString());
        assertEquals("1.50 GiB", ByteSize.parse("1536M").toString());
        assertEquals("100 bytes", ByteSize.parse("100").toString());
    }
}
