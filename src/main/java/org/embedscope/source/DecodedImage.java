package org.embedscope.source;

/**
 * One decoded image: 8-bit samples, row by row from the top, not premultiplied.
 * {@code channels} is 1 (grey), 2 (grey, alpha), 3 (red, green, blue) or 4 (red, green, blue, alpha).
 */
public record DecodedImage(int width, int height, int channels, byte[] pixels) {
    public DecodedImage {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("empty image " + width + "×" + height);
        if (channels < 1 || channels > 4) throw new IllegalArgumentException("channels must be 1 to 4: " + channels);
        if (pixels.length != (long) width * height * channels) {
            throw new IllegalArgumentException("expected " + ((long) width * height * channels) + " samples, got " + pixels.length);
        }
    }

    public boolean isGrey() { return channels <= 2; }

    public boolean hasAlpha() { return channels == 2 || channels == 4; }

    /**
     * The smallest equivalent form: colour whose pixels all have red = green = blue becomes grey,
     * and an alpha channel that is 255 everywhere is dropped. Returns {@code this} when nothing changes.
     */
    public DecodedImage compact() {
        int n = width * height;
        boolean colour = channels >= 3;
        boolean alpha = hasAlpha();
        boolean grey = !colour;
        if (colour) {
            grey = true;
            for (int i = 0, o = 0; i < n && grey; i++, o += channels) {
                grey = pixels[o] == pixels[o + 1] && pixels[o] == pixels[o + 2];
            }
        }
        boolean opaque = true;
        if (alpha) {
            for (int o = channels - 1; o < pixels.length && opaque; o += channels) opaque = pixels[o] == (byte) 0xff;
        }
        boolean keepAlpha = alpha && !opaque;
        int outChannels = (grey ? 1 : 3) + (keepAlpha ? 1 : 0);
        if (outChannels == channels) return this;
        byte[] out = new byte[n * outChannels];
        for (int i = 0, s = 0, d = 0; i < n; i++, s += channels, d += outChannels) {
            if (grey) out[d] = pixels[s];
            else { out[d] = pixels[s]; out[d + 1] = pixels[s + 1]; out[d + 2] = pixels[s + 2]; }
            if (keepAlpha) out[d + outChannels - 1] = pixels[s + channels - 1];
        }
        return new DecodedImage(width, height, outChannels, out);
    }

    /**
     * Mean grey level (0–255) of the outermost pixels, with transparent pixels counting as black:
     * low for white-on-black images such as MNIST, high for photographs on white.
     */
    public double borderLuma() {
        double sum = 0;
        long count = 0;
        for (int x = 0; x < width; x++) {
            sum += luma(x, 0);
            if (height > 1) sum += luma(x, height - 1);
            count += height > 1 ? 2 : 1;
        }
        for (int y = 1; y < height - 1; y++) {
            sum += luma(0, y);
            if (width > 1) sum += luma(width - 1, y);
            count += width > 1 ? 2 : 1;
        }
        return sum / count;
    }

    /** Grey level of pixel (x, y), premultiplied by its alpha; Rec. 601 weights for colour. */
    private double luma(int x, int y) {
        int o = (y * width + x) * channels;
        double v = channels <= 2 ? (pixels[o] & 0xff)
                : 0.299 * (pixels[o] & 0xff) + 0.587 * (pixels[o + 1] & 0xff) + 0.114 * (pixels[o + 2] & 0xff);
        if (hasAlpha()) v = v * (pixels[o + channels - 1] & 0xff) / 255.0;
        return v;
    }
}
