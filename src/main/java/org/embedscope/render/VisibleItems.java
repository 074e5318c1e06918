package org.embedscope.render;

/**
 * Which items are in view: those shown (label not hidden) whose drawn centre, at the transition's
 * current weights, lies inside the view or within a margin of it. GL-free; one pass over the items.
 */
public final class VisibleItems {
    private VisibleItems() {}

    /**
     * Marks in {@code out} (one flag per item) the items in view and returns how many.
     *
     * @param layouts     every layout's normalised coordinates
     * @param labelOfItem each item's label (index into {@code shown})
     * @param shown       per label, whether it is shown
     * @param marginPx    how far outside the view (pixels) a centre may lie, e.g. half a sprite
     * @param out         receives the flags, or null to count only
     */
    public static int mark(float[][] layouts, Transition tr, Camera cam, int[] labelOfItem, boolean[] shown,
                           float marginPx, boolean[] out) {
        float[] w = tr.weights();
        float[] a = layouts[tr.slot(0)], b = layouts[tr.slot(1)], c = layouts[tr.slot(2)];
        float x0 = cam.worldX(-marginPx), x1 = cam.worldX(cam.width() + marginPx);
        float y0 = cam.worldY(cam.height() + marginPx), y1 = cam.worldY(-marginPx);
        int n = labelOfItem.length, count = 0;
        for (int i = 0; i < n; i++) {
            boolean in = false;
            if (shown[labelOfItem[i]]) {
                float x = w[0] * a[2 * i] + w[1] * b[2 * i] + w[2] * c[2 * i];
                float y = w[0] * a[2 * i + 1] + w[1] * b[2 * i + 1] + w[2] * c[2 * i + 1];
                in = x >= x0 && x <= x1 && y >= y0 && y <= y1;
            }
            if (in) count++;
            if (out != null) out[i] = in;
        }
        return count;
    }
}
