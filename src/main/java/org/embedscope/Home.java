package org.embedscope;

import java.nio.file.Path;

/**
 * Where embedscope is installed: the {@code embedscope.home} system property (set by the
 * {@code ./embedscope} launcher), else the working folder. Defaults such as the shipped MNIST
 * bundle are found there, whatever folder the user runs the launcher from.
 */
public final class Home {
    private Home() {}

    public static Path dir() {
        String home = System.getProperty("embedscope.home");
        return Path.of(home != null && !home.isEmpty() ? home : "");
    }

    /** {@code relative} inside the installation. */
    public static Path resolve(String relative) {
        return dir().resolve(relative);
    }
}
