package org.embedscope.ui;

import static org.junit.jupiter.api.Assertions.*;

import org.embedscope.render.ViewState;
import org.junit.jupiter.api.Test;

class LayoutToggleTest {
    @Test
    void twoLayoutsToggleBackAndForth() {
        ViewState st = new ViewState(2, 1, 0);
        LayoutToggle t = new LayoutToggle(st);
        assertEquals(1, t.chosen());
        t.toggle(0f);
        assertEquals(1, st.transition().target());
        st.update(5f);
        t.toggle(5f);
        assertEquals(0, st.transition().target());
        st.update(10f);
        t.toggle(10f);
        assertEquals(1, st.transition().target());
    }

    @Test
    void pressedMidwayTurnsBack() {
        ViewState st = new ViewState(2, 1, 0);
        LayoutToggle t = new LayoutToggle(st);
        t.toggle(0f);
        st.update(0.4f);
        assertTrue(st.transition().isRunning());
        t.toggle(0.4f);
        assertEquals(0, st.transition().target());
        assertTrue(st.transition().isRunning());
    }

    @Test
    void withThreeLayoutsTheChosenOneIsTheTargetAndTBringsYouBack() {
        ViewState st = new ViewState(3, 1, 0);
        LayoutToggle t = new LayoutToggle(st);
        t.choose(2);
        t.toggle(0f);
        assertEquals(2, st.transition().target());
        st.update(2f);
        t.toggle(2f);
        assertEquals(0, st.transition().target());
        st.update(4f);
        t.goTo(1, 4f);
        assertEquals(1, st.transition().target());
        st.update(6f);
        t.toggle(6f); // chosen is 2, and we are on 1
        assertEquals(2, st.transition().target());
    }

    @Test
    void choosingTheShownLayoutBeforeAnyTransitionLeavesNowhereToGo() {
        // The overlay's combo offered the layout shown; picked at start, its "Transition back (T)" did nothing.
        ViewState st = new ViewState(3, 1, 0);
        LayoutToggle t = new LayoutToggle(st);
        assertEquals(1, t.destination());
        t.choose(0);
        assertEquals(-1, t.destination());
        t.toggle(0f);
        assertEquals(0, st.transition().target());
        t.choose(2);
        assertEquals(2, t.destination());
        t.toggle(0f);
        st.update(2f);
        t.choose(2);
        assertEquals(0, t.destination(), "after a transition, back is where it came from");
    }
}
