package org.embedscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.junit.jupiter.api.Test;

/** {@code --version} says what the pom says. */
class VersionTest {
    private static String pomVersion() throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile()).getDocumentElement();
        for (Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("version")) return e.getTextContent().strip();
        }
        throw new AssertionError("pom.xml has no project version");
    }

    @Test
    void versionIsThePomsVersion() throws Exception {
        CliRun r = CliRun.of("--version");
        assertEquals(0, r.code(), r.err());
        assertEquals("embedscope " + pomVersion(), r.out().strip());
    }
}
