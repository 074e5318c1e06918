package org.embedscope.atlas;

import java.util.ArrayList;
import java.util.List;

/**
 * Levels of detail (mipmaps per cell): each coarser level halves the cell size, down to about
 * {@value #MIN_CELL} pixels, and each coarser cell is box-filtered from the same item's finer cell only,
 * so nothing bleeds in from a neighbouring cell. An exact halving averages each 2×2 block; an odd size
 * (7 → 3) uses the area-averaging filter of {@link Resampler}.
 */
public final class LevelsOfDetail {
    private LevelsOfDetail() {}

    /** Smallest cell of a coarser level. */
    public static final int MIN_CELL = 4;

    /** Cell sizes, finest first: {@code cell, cell/2, …} while at least {@value #MIN_CELL}, at most {@code maxLevels}. */
    public static int[] cellSizes(int cell, int maxLevels) {
        List<Integer> sizes = new ArrayList<>();
        sizes.add(cell);
        for (int c = cell / 2; c >= MIN_CELL && sizes.size() < maxLevels; c /= 2) sizes.add(c);
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Box-filters a {@code c × c} cell of {@code ch} channels (premultiplied) to {@code c2 × c2}. */
    public static byte[] reduce(byte[] cell, int c, int ch, int c2) {
        byte[] out = new byte[c2 * c2 * ch];
        if (c == 2 * c2) {
            int row = c * ch;
            for (int y = 0; y < c2; y++) {
                for (int x = 0; x < c2; x++) {
                    int s = (2 * y) * row + (2 * x) * ch, d = (y * c2 + x) * ch;
                    for (int k = 0; k < ch; k++) {
                        int sum = (cell[s + k] & 0xff) + (cell[s + ch + k] & 0xff) + (cell[s + row + k] & 0xff) + (cell[s + row + ch + k] & 0xff);
                        out[d + k] = (byte) ((sum + 2) >> 2);
                    }
                }
            }
            return out;
        }
        float[] src = new float[cell.length];
        for (int i = 0; i < cell.length; i++) src[i] = cell[i] & 0xff;
        float[] r = Resampler.resample(src, c, c, ch, c2, c2);
        for (int i = 0; i < out.length; i++) out[i] = (byte) CellFitter.quantize(r[i]);
        return out;
    }
}
