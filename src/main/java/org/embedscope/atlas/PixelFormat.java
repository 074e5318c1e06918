package org.embedscope.atlas;

/**
 * 8-bit pixel layouts of cells and pages, and their PNG colour types. In cells, colour with alpha is
 * stored premultiplied (so that filtering never lets a transparent pixel's colour bleed in); pages are
 * written straight (not premultiplied), as PNG requires.
 */
public enum PixelFormat {
    GREY(1, 0), GREY_ALPHA(2, 4), RGB(3, 2), RGBA(4, 6);

    public final int channels;
    /** PNG colour type. */
    public final int pngColourType;

    PixelFormat(int channels, int pngColourType) {
        this.channels = channels;
        this.pngColourType = pngColourType;
    }

    public boolean isGrey() { return channels <= 2; }

    public boolean hasAlpha() { return channels == 2 || channels == 4; }

    public static PixelFormat of(boolean grey, boolean alpha) {
        return grey ? (alpha ? GREY_ALPHA : GREY) : (alpha ? RGBA : RGB);
    }

    public static PixelFormat ofChannels(int channels) { return values()[channels - 1]; }
}
