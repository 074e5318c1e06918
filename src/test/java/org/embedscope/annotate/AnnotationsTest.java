package org.embedscope.annotate;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnnotationsTest {
    private static Annotations digits() {
        // six items labelled 0,0,1,1,2,2 among the values "0", "1", "2"
        return new Annotations(6, new int[] {0, 0, 1, 1, 2, 2}, List.of("0", "1", "2"));
    }

    @Test
    void assigningALabelChangesLabelsAndCounts() {
        Annotations a = digits();
        long v0 = a.version();
        assertTrue(a.assignLabel(new int[] {0, 2}, "2"));
        assertArrayEquals(new int[] {2, 0, 2, 1, 2, 2}, a.labels());
        assertArrayEquals(new int[] {1, 1, 4}, a.labelCounts());
        assertTrue(a.isEdited(0));
        assertFalse(a.isEdited(1));
        assertEquals(0, a.originalLabel(0));
        assertTrue(a.version() > v0);
        assertTrue(a.editedAt(0) > 0);
    }

    @Test
    void aNewLabelIsAddedAfterTheBundlesOnes() {
        Annotations a = digits();
        a.assignLabel(new int[] {5}, "  seven ");
        assertEquals(List.of("0", "1", "2", "seven"), a.labelValues());
        assertEquals("seven", a.labelValue(5));
        assertArrayEquals(new int[] {2, 2, 1, 1}, a.labelCounts());
    }

    @Test
    void undoAndRedoWalkTheEdits() {
        Annotations a = digits();
        a.assignLabel(new int[] {0}, "1");
        a.addTag(new int[] {0, 1}, "blurry");
        a.assignLabel(new int[] {1}, "2");
        assertTrue(a.undo());
        assertEquals(0, a.label(1));
        assertEquals(List.of("blurry"), a.tags(1));
        assertTrue(a.undo());
        assertEquals(List.of(), a.tags(0));
        assertEquals(1, a.label(0));
        assertTrue(a.redo());
        assertEquals(List.of("blurry"), a.tags(0));
        assertTrue(a.undo());
        assertTrue(a.undo());
        assertFalse(a.undo());
        for (int i = 0; i < 6; i++) assertFalse(a.isEdited(i), "item " + i);
        assertEquals(0, a.editedAt(0));
        // a new edit after undo drops what could be redone
        a.assignLabel(new int[] {3}, "0");
        assertFalse(a.canRedo());
    }

    @Test
    void tagsAreSortedSetsAndRemovable() {
        Annotations a = digits();
        a.addTag(new int[] {2}, "zebra");
        a.addTag(new int[] {2}, "apple");
        assertFalse(a.addTag(new int[] {2}, "apple"), "adding a tag twice changes nothing");
        assertEquals(List.of("apple", "zebra"), a.tags(2));
        assertTrue(a.removeTag(new int[] {2, 3}, "apple"));
        assertEquals(List.of("zebra"), a.tags(2));
        assertFalse(a.removeTag(new int[] {3}, "apple"));
    }

    @Test
    void noOpEditsAreNotRecorded() {
        Annotations a = digits();
        assertFalse(a.assignLabel(new int[] {0, 1}, "0"));
        assertFalse(a.canUndo());
    }

    @Test
    void badLabelsAndTagsAreRefused() {
        Annotations a = digits();
        assertThrows(IllegalArgumentException.class, () -> a.assignLabel(new int[] {0}, "  "));
        assertThrows(IllegalArgumentException.class, () -> a.addTag(new int[] {0}, "a;b"));
        assertThrows(IllegalArgumentException.class, () -> a.addTag(new int[] {0}, "two\nlines"));
        assertFalse(a.isEdited(0));
    }

    @Test
    void aBundleWithoutLabelsCanBeLabelled() {
        Annotations a = new Annotations(3, null, List.of());
        assertEquals(-1, a.label(0));
        a.assignLabel(new int[] {1}, "cat");
        assertEquals("cat", a.labelValue(1));
        assertNull(a.labelValue(0));
        assertTrue(a.isEdited(1));
    }
}
