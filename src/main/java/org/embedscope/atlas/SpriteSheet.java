package org.embedscope.atlas;

import java.io.IOException;
import java.io.OutputStream;
import org.embedscope.source.DecodedImage;

/**
 * One sprite sheet holding every item's image, as TensorBoard's projector takes it: square cells in a
 * grid of ⌈√n⌉ columns, filled row-major from the top-left, the whole at most {@code maxSide} pixels a
 * side. When the items' cells do not fit, every cell is shrunk alike (area averaging, {@link CellFitter}).
 * Pixels are straight (not premultiplied), as PNG stores them. Cells may be put from several threads.
 */
public final class SpriteSheet {
    private final int columns, rows, cell, sourceCell;
    private final PixelFormat format;
    private final byte[] pixels;

    private SpriteSheet(int columns, int rows, int cell, int sourceCell, PixelFormat format) {
        this.columns = columns;
        this.rows = rows;
        this.cell = cell;
        this.sourceCell = sourceCell;
        this.format = format;
        this.pixels = new byte[columns * cell * rows * cell * format.channels];
    }

    /**
     * A sheet for {@code n} cells of {@code sourceCell} pixels in {@code format}.
     *
     * @throws IllegalArgumentException when not even one-pixel cells fit in {@code maxSide}
     */
    public static SpriteSheet plan(int n, int sourceCell, PixelFormat format, int maxSide) {
        int columns = (int) Math.ceil(Math.sqrt(n));
        while ((long) columns * columns < n) columns++;
        int cell = Math.min(sourceCell, maxSide / columns);
        if (cell < 1) {
            throw new IllegalArgumentException(n + " images do not fit in one sprite of at most " + maxSide + "×" + maxSide
                    + " pixels, even at one pixel each");
        }
        int rows = (n + columns - 1) / columns;
        return new SpriteSheet(columns, rows, cell, sourceCell, format);
    }

    public int columns() { return columns; }

    public int cell() { return cell; }

    public int width() { return columns * cell; }

    public int height() { return rows * cell; }

    /** Places item {@code i}'s cell: {@code sourceCell²} straight pixels of the sheet's format, shrunk to {@link #cell()} if need be. */
    public void put(int i, byte[] straight) {
        int ch = format.channels;
        byte[] px = straight;
        if (cell != sourceCell) {
            CellFitter.Fitted f = CellFitter.fit(new DecodedImage(sourceCell, sourceCell, ch, straight), cell);
            px = f.pixels();
            if (f.format().hasAlpha()) {
                byte[] s = new byte[px.length];
                for (int y = 0; y < cell; y++) PageWriter.unpremultiplyRow(px, y * cell * ch, s, y * cell * ch, cell, ch);
                px = s;
            }
        }
        int rowBytes = columns * cell * ch;
        int x0 = (i % columns) * cell, y0 = (i / columns) * cell;
        for (int y = 0; y < cell; y++) System.arraycopy(px, y * cell * ch, pixels, (y0 + y) * rowBytes + x0 * ch, cell * ch);
    }

    /** Writes the sheet as a PNG. */
    public void writePng(OutputStream out, int level) throws IOException {
        PngEncoder.write(out, pixels, width(), height(), format, level);
    }

    /** Writes the sheet as a PNG, telling {@code rowsDone} how many of its {@link #height()} rows are written. */
    public void writePng(OutputStream out, int level, java.util.function.IntConsumer rowsDone) throws IOException {
        PngEncoder.write(out, pixels, width(), height(), format, level, rowsDone);
    }
}
