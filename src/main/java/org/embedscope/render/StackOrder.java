package org.embedscope.render;

/**
 * The order in which the scene stacks items, bottom first, as the sprite passes draw them: the dimmed
 * items where they go behind the others ({@link ViewState#dimmedBehind}), the rest, then the selection on
 * top; item order within each. Picking draws its candidates in this order, so that the item it finds under
 * the cursor is the one on top there. GL-free.
 */
final class StackOrder {
    private StackOrder() { }

    /** {@code items} (ascending) stacked by their {@code states}: {@code items} itself when that is its order already. */
    static int[] of(int[] items, ItemStates states, boolean dimmedBehind) {
        int low = 0, top = 0;
        for (int i : items) {
            if (states.has(i, ItemStates.SELECTED)) top++;
            else if (dimmedBehind && states.has(i, ItemStates.DIMMED)) low++;
        }
        if (top == 0 && (low == 0 || low == items.length)) return items;
        int[] out = new int[items.length];
        int a = 0, b = low, c = items.length - top;
        for (int i : items) {
            if (states.has(i, ItemStates.SELECTED)) out[c++] = i;
            else if (dimmedBehind && states.has(i, ItemStates.DIMMED)) out[a++] = i;
            else out[b++] = i;
        }
        return out;
    }

    /** Every one of {@code count} items, stacked. */
    static int[] all(int count, ItemStates states, boolean dimmedBehind) {
        int[] items = new int[count];
        for (int i = 0; i < count; i++) items[i] = i;
        return of(items, states, dimmedBehind);
    }
}
