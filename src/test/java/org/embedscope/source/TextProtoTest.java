package org.embedscope.source;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.embedscope.bundle.BundleException;
import org.junit.jupiter.api.Test;

/** The protobuf text format as protobuf's printers and people write it. */
class TextProtoTest {
    static final Path F = Path.of("config.pbtxt");

    @Test
    void readsFieldsMessagesListsAndStrings() throws Exception {
        TextProto.Message m = TextProto.parse("""
                # a comment
                name: "caf\\303\\251 \\"q\\"" ; count: 3, flag: true
                shape: [4, 5]
                shape: 6
                inner { a: 'x\\ty' b: -1.5e3 } inner: < a: "two" "parts" >
                [some.extension] { v: 1 }
                items: [{ k: 1 }, { k: 2 }]
                """, F);
        assertEquals("café \"q\"", m.string("name"));
        assertEquals("3", m.string("count"));
        assertEquals("true", m.string("flag"));
        assertEquals(List.of("4", "5", "6"), m.strings("shape"));
        assertEquals(2, m.messages("inner").size());
        assertEquals("x\ty", m.messages("inner").get(0).string("a"));
        assertEquals("-1.5e3", m.messages("inner").get(0).string("b"));
        assertEquals("twoparts", m.message("inner").string("a"));
        assertEquals("1", m.message("[some.extension]").string("v"));
        assertEquals(List.of("1", "2"), m.messages("items").stream().map(x -> x.string("k")).toList());
        assertNull(m.string("missing"));
    }

    @Test
    void errorsNameTheLine() {
        BundleException e = assertThrows(BundleException.class, () -> TextProto.parse("a: 1\nb {\n c: 2\n", F));
        assertEquals("config.pbtxt: line 4: the text ends inside a message; expected '}'", e.getMessage());
        e = assertThrows(BundleException.class, () -> TextProto.parse("a: 1\nb 2\n", F));
        assertEquals("config.pbtxt: line 2: expected ':' or '{' after field 'b'", e.getMessage());
        e = assertThrows(BundleException.class, () -> TextProto.parse("a: \"open\nb: 1", F));
        assertEquals("config.pbtxt: line 1: unclosed string", e.getMessage());
    }
}
