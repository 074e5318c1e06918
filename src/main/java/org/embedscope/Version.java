package org.embedscope;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The project's version, as the pom gives it: Maven writes it into {@code version.properties} at build time. */
public final class Version {
    private Version() {}

    private static final String VERSION = load();

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v; // an unfiltered copy (not built by Maven)
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** E.g. {@code 0.1.0-SNAPSHOT}. */
    public static String get() { return VERSION; }
}
