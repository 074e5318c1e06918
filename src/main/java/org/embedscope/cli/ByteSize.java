package org.embedscope.cli;

import java.util.Locale;
import picocli.CommandLine;

/** An amount of memory such as {@code 1G}, {@code 512M}, {@code 1.5GiB} or {@code 65536} (bytes); K, M, G, T are powers of 1024. */
public record ByteSize(long bytes) {
    public static ByteSize parse(String s) {
        String t = s.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        if (t.endsWith("IB")) t = t.substring(0, t.length() - 2);
        else if (t.endsWith("B")) t = t.substring(0, t.length() - 1);
        long unit = 1;
        if (!t.isEmpty()) {
            int shift = "KMGT".indexOf(t.charAt(t.length() - 1));
            if (shift >= 0) {
                unit = 1L << (10 * (shift + 1));
                t = t.substring(0, t.length() - 1);
            }
        }
        try {
            double v = Double.parseDouble(t);
            if (t.matches("[0-9]+(\\.[0-9]+)?") && v > 0 && v * unit < 0x1p62) {
                long bytes = Math.round(v * unit);
                if (bytes > 0) return new ByteSize(bytes);
            }
        } catch (NumberFormatException ignored) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("'" + s + "' is not a memory size like 1G, 512M or 65536 (bytes)");
    }

    /** As a person reads it: {@code 1 GiB}, {@code 512 MiB}, {@code 1.5 GiB}. */
    @Override
    public String toString() {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (v == Math.rint(v) ? String.format(Locale.ROOT, "%d", (long) v) : String.format(Locale.ROOT, "%.2f", v)) + " " + units[u];
    }

    /** picocli converter. */
    public static final class Converter implements CommandLine.ITypeConverter<ByteSize> {
        @Override public ByteSize convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
