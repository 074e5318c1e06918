package org.embedscope.source;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.embedscope.bundle.BundleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --label-names FILE}: a file of names read as UTF-8 text. */
class LabelNamesTest {
    @TempDir Path tmp;

    @Test
    void readsPlainNamesAndPairs() throws Exception {
        Path plain = Files.writeString(tmp.resolve("plain.txt"), "zéro\none\n");
        assertEquals(Map.of("0", "zéro", "1", "one"), LabelNames.parse(plain.toString()));
        Path pairs = Files.writeString(tmp.resolve("pairs.txt"), "7=seven\n");
        assertEquals(Map.of("7", "seven"), LabelNames.parse(pairs.toString()));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithTheirLine() throws Exception {
        Path file = Files.write(tmp.resolve("names.txt"), new byte[] {'a', '\n', (byte) 0xff, (byte) 0xfe, '\n'});
        String m = assertThrows(BundleException.class, () -> LabelNames.parse(file.toString())).getMessage();
        assertEquals(file + ": line 2: holds bytes that are not UTF-8 text; expected UTF-8 text, one name (or VALUE=NAME) a line", m);
    }

    @Test
    void aFolderIsRefusedAsAFolder() {
        String m = assertThrows(BundleException.class, () -> LabelNames.parse(tmp.toString())).getMessage();
        assertEquals(tmp + ": is a folder; expected a file of label names", m);
    }
}
