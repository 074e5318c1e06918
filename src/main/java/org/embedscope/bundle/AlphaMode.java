package org.embedscope.bundle;

import java.util.Locale;

/** How a sprite's coverage (alpha) is read from its atlas texels. */
public enum AlphaMode {
    /** Alpha is the texel's grey level: white-on-black images such as MNIST. */
    LUMINANCE,
    /** Alpha is the PNG's alpha channel. */
    CHANNEL,
    /** Every texel is fully covered: photographs without transparency. */
    OPAQUE;

    /** The name used in {@code bundle.json}. */
    public String jsonName() { return name().toLowerCase(Locale.ROOT); }

    /** Parses a manifest value; null when it names no mode. */
    public static AlphaMode fromJson(String value) {
        for (AlphaMode m : values()) if (m.jsonName().equals(value)) return m;
        return null;
    }
}
