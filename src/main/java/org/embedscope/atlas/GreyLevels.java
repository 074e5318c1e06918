package org.embedscope.atlas;

import org.embedscope.bundle.Ink;

/**
 * How the inked texels of a grey atlas spread over the grey levels, and the {@link Ink} that follows.
 * Strokes (MNIST) are mostly fully inked with soft edges: half of the texels above a faint grey are
 * near white (51% of MNIST's, measured on its test set). Shaded images (Fashion-MNIST) spread over
 * every grey: 12% of Fashion-MNIST's are near white. Drawn as full-strength ink, those turn into white
 * silhouettes, their pattern lost; so below {@link #STROKES_SHARE} they are {@link Ink#SHADED}.
 */
public final class GreyLevels {
    /** Texels at or below this grey level (of 255) are background, not counted. */
    static final int FAINT = 25;
    /** Texels at or above this grey level count as fully inked. */
    static final int NEAR_WHITE = 230;
    /** The share of near-white among inked texels from which the images are strokes. */
    static final double STROKES_SHARE = 0.3;

    private long inked, nearWhite;

    /** Counts the texels of one page of {@code format} (grey levels from the first channel, or luma). */
    public void add(byte[] page, PixelFormat format) {
        int ch = format.channels;
        long in = 0, white = 0;
        for (int i = 0; i + ch <= page.length; i += ch) {
            int g = ch < 3 ? page[i] & 0xFF
                    : (299 * (page[i] & 0xFF) + 587 * (page[i + 1] & 0xFF) + 114 * (page[i + 2] & 0xFF) + 500) / 1000;
            if (g <= FAINT) continue;
            in++;
            if (g >= NEAR_WHITE) white++;
        }
        synchronized (this) {
            inked += in;
            nearWhite += white;
        }
    }

    /** The share of inked texels that are near white; 1 when nothing is inked. */
    public synchronized double nearWhiteShare() { return inked == 0 ? 1 : nearWhite / (double) inked; }

    /** {@link Ink#FULL} for strokes, {@link Ink#SHADED} for shaded images. */
    public Ink suggestedInk() { return nearWhiteShare() >= STROKES_SHARE ? Ink.FULL : Ink.SHADED; }
}
