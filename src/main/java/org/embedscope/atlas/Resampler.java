package org.embedscope.atlas;

/**
 * Separable image resampling on float samples ({@code ch} interleaved channels, premultiplied when
 * there is alpha). Minifying uses <b>area averaging</b> (a box filter: each output pixel is the mean of
 * the input area it covers, with fractional weights at the edges); magnifying uses bilinear
 * interpolation. Never nearest-neighbour: every input pixel contributes.
 */
final class Resampler {
    private Resampler() {}

    /** One axis: output {@code o} is the weighted sum of inputs {@code start[o] … start[o]+count[o]-1}. */
    record Kernel(int[] start, int[] count, float[] weights, int stride) {}

    static Kernel kernel(int src, int dst) {
        int[] start = new int[dst], count = new int[dst];
        if (dst <= src) {
            double scale = (double) src / dst;
            int stride = (int) Math.ceil(scale) + 1;
            float[] w = new float[dst * stride];
            for (int o = 0; o < dst; o++) {
                double lo = o * scale, hi = (o + 1) * scale;
                int i0 = (int) Math.floor(lo), i1 = Math.min(src, (int) Math.ceil(hi));
                start[o] = i0;
                count[o] = i1 - i0;
                for (int i = i0; i < i1; i++) {
                    double cover = Math.min(hi, i + 1) - Math.max(lo, i);
                    w[o * stride + i - i0] = (float) (cover / scale);
                }
            }
            return new Kernel(start, count, w, stride);
        }
        float[] w = new float[dst * 2];
        for (int o = 0; o < dst; o++) {
            double centre = (o + 0.5) * src / dst - 0.5;
            int i0 = (int) Math.floor(centre);
            float f = (float) (centre - i0);
            if (i0 < 0) { i0 = 0; f = 0; }
            if (i0 >= src - 1) { i0 = src - 1; f = 0; }
            start[o] = i0;
            count[o] = f == 0 ? 1 : 2;
            w[o * 2] = 1 - f;
            w[o * 2 + 1] = f;
        }
        return new Kernel(start, count, w, 2);
    }

    /** Resamples a {@code sw × sh} image to {@code dw × dh}. */
    static float[] resample(float[] src, int sw, int sh, int ch, int dw, int dh) {
        Kernel kx = kernel(sw, dw), ky = kernel(sh, dh);
        float[] tmp = new float[dw * sh * ch];
        for (int y = 0; y < sh; y++) {
            int srow = y * sw * ch, trow = y * dw * ch;
            for (int o = 0; o < dw; o++) {
                int s = kx.start[o], n = kx.count[o], wo = o * kx.stride;
                for (int c = 0; c < ch; c++) {
                    float acc = 0;
                    for (int k = 0; k < n; k++) acc += kx.weights[wo + k] * src[srow + (s + k) * ch + c];
                    tmp[trow + o * ch + c] = acc;
                }
            }
        }
        float[] out = new float[dw * dh * ch];
        int rowLen = dw * ch;
        for (int o = 0; o < dh; o++) {
            int s = ky.start[o], n = ky.count[o], wo = o * ky.stride, orow = o * rowLen;
            for (int k = 0; k < n; k++) {
                float w = ky.weights[wo + k];
                int trow = (s + k) * rowLen;
                for (int j = 0; j < rowLen; j++) out[orow + j] += w * tmp[trow + j];
            }
        }
        return out;
    }
}
