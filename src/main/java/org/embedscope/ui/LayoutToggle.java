package org.embedscope.ui;

import org.embedscope.render.ViewState;

/**
 * What {@code T} and the overlay's transition button do: move to the layout chosen in the overlay
 * (by default the second one), and from there back to where the view came from. With two layouts
 * this is a plain UMAP ↔ t-SNE toggle; pressed mid-way it turns the sprites back.
 */
public final class LayoutToggle {
    private final ViewState state;
    private int chosen;
    private int previous;

    public LayoutToggle(ViewState state) {
        this.state = state;
        int current = state.transition().target();
        this.previous = current;
        this.chosen = state.layoutCount() > 1 ? (current + 1) % state.layoutCount() : current;
    }

    /** The layout the next toggle moves to (the overlay's combo). */
    public int chosen() { return chosen; }

    public void choose(int layout) { chosen = layout; }

    /**
     * The layout the next toggle moves to, or -1 when there is none: the combo picked the layout the
     * view is on, before any transition gave it one to go back to.
     */
    public int destination() {
        int current = state.transition().target();
        int to = current != chosen ? chosen : previous;
        return to == current ? -1 : to;
    }

    /** Starts the transition at time {@code now} seconds. */
    public void toggle(float now) {
        int current = state.transition().target();
        int to = destination();
        if (to < 0) return;
        previous = current;
        state.moveTo(to, now);
    }

    /** Moves straight to {@code layout}, remembering where it came from. */
    public void goTo(int layout, float now) {
        int current = state.transition().target();
        if (layout == current) return;
        previous = current;
        state.moveTo(layout, now);
    }
}
