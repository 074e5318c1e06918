package org.embedscope.render;

import static org.lwjgl.opengl.GL11.*;
import static org.lwjgl.opengl.GL30.*;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Items' images in a grid in one texture, drawn from the atlas already on the GPU (no file is
 * decoded), for the overlay's panels: the hovered item's image, the selection's grid. Redrawn only
 * when the items, the cell size, the grid or the tint change. Rows run bottom-up (GL order): row 0
 * of the grid is at the top of the image, so panels flip v.
 */
public final class ThumbnailSheet implements AutoCloseable {
    private final HoverPass pass;
    private final IntFunction<HoverPass.Item> itemOf;
    private final ViewState state;
    private final RenderTarget target = new RenderTarget(RenderTarget.Kind.COLOR, true);
    private int[] drawn = new int[0];
    private int drawnCell = -1, drawnColumns = -1;
    private boolean drawnTint;
    private long drawnColours = -1, drawnAtlas = -1;

    ThumbnailSheet(HoverPass pass, IntFunction<HoverPass.Item> itemOf, ViewState state) {
        this.pass = pass;
        this.itemOf = itemOf;
        this.state = state;
    }

    /**
     * The texture holding {@code items} (read from index {@code from}, {@code count} of them) in a grid
     * of {@code columns} cells of {@code cellPx} pixels, left to right and top to bottom. Leaves
     * framebuffer 0 bound.
     */
    public int draw(int[] items, int from, int count, int columns, int cellPx) {
        int[] want = Arrays.copyOfRange(items, from, from + count);
        int rows = Math.max(1, (count + columns - 1) / columns);
        boolean resized = target.ensureSize(columns * cellPx, rows * cellPx);
        boolean tint = state.tintByLabel();
        if (!resized && Arrays.equals(want, drawn) && cellPx == drawnCell && columns == drawnColumns && tint == drawnTint
                && drawnColours == state.coloursVersion() && drawnAtlas == pass.atlasVersion()) {
            return target.texture();
        }
        int w = target.width(), h = target.height();
        glBindFramebuffer(GL_FRAMEBUFFER, target.fbo());
        glViewport(0, 0, w, h);
        float[] bg = PackedColor.rgb(SceneRenderer.BACKGROUND);
        glClearColor(bg[0], bg[1], bg[2], 1f);
        glClear(GL_COLOR_BUFFER_BIT);
        for (int k = 0; k < count; k++) {
            int col = k % columns, row = k / columns;
            float x0 = 2f * col * cellPx / w - 1f, x1 = 2f * (col + 1) * cellPx / w - 1f;
            float y1 = 1f - 2f * row * cellPx / h, y0 = 1f - 2f * (row + 1) * cellPx / h;
            pass.drawImage(itemOf.apply(want[k]), tint, x0, y0, x1, y1);
        }
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        drawn = want;
        drawnCell = cellPx;
        drawnColumns = columns;
        drawnTint = tint;
        drawnColours = state.coloursVersion();
        drawnAtlas = pass.atlasVersion();
        return target.texture();
    }

    /** The items the sheet holds, as last drawn (not a copy: do not change it). */
    int[] shown() { return drawn; }

    /** The sheet's size in pixels {width, height}, as last drawn. */
    public int[] size() { return new int[] {target.width(), target.height()}; }

    @Override
    public void close() { target.close(); }
}
