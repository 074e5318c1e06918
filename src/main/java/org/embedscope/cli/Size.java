package org.embedscope.cli;

import picocli.CommandLine;

/** A size such as {@code 1280x800}. */
public record Size(int width, int height) {
    public static Size parse(String s) {
        String[] p = s.trim().toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (p.length == 2) {
                int w = Integer.parseInt(p[0]), h = Integer.parseInt(p[1]);
                if (w >= 16 && h >= 16 && w <= 16384 && h <= 16384) return new Size(w, h);
            }
        } catch (NumberFormatException ignored) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("'" + s + "' is not a size like 1280x800 (16 to 16384 pixels a side, and within the OpenGL driver's limits)");
    }

    /** picocli converter. */
    public static final class Converter implements CommandLine.ITypeConverter<Size> {
        @Override public Size convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
