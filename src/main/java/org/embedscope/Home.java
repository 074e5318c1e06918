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

    /**
     * What a user types to run embedscope, for command lines printed for pasting into a shell: the
     * launcher that started this run ({@code embedscope.command}, set by {@code ./embedscope} to its
     * absolute path; {@code jpackage.app-path} in the app image), else {@code embedscope} on the PATH.
     */
    public static String command() {
        for (String property : new String[] {"embedscope.command", "jpackage.app-path"}) {
            String launcher = System.getProperty(property);
            if (launcher != null && !launcher.isEmpty()) return launcher;
        }
        return "embedscope";
    }

    /** {@code relative} inside the installation. */
    public static Path resolve(String relative) {
        return dir().resolve(relative);
    }
}
