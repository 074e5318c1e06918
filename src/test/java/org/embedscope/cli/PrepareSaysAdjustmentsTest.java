package org.embedscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.embedscope.TestData;
import org.embedscope.bundle.BundleReader;
import org.embedscope.bundle.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * prepare says what it does otherwise than asked, on real MNIST digits: options it had adjusted or
 * ignored without a word (UMAP's neighbour count and the kept neighbours on a few items, label names
 * that name none of the labels).
 */
class PrepareSaysAdjustmentsTest {
    @TempDir Path dir;

    private CliRun prepare(Path[] idx, String out, String... args) {
        String[] head = {"prepare", "--idx", idx[0].toString(), idx[1].toString(), "-o", dir.resolve(out).toString()};
        String[] all = java.util.Arrays.copyOf(head, head.length + args.length);
        System.arraycopy(args, 0, all, head.length, args.length);
        CliRun r = CliRun.of(all);
        assertEquals(0, r.code(), r.err());
        return r;
    }

    /** UMAP on 8 digits ran with 8 neighbours and kept 7 per item where 15 were asked, and said neither. */
    @Test
    void neighbourCountsLoweredForFewItemsAreSaidAndRecorded() throws Exception {
        Path[] few = TestData.mnistSubset(dir, "few", 0, 8);
        CliRun r = prepare(few, "few-bundle", "--layout", "umap", "--neighbors", "15");
        assertTrue(r.err().contains("layout umap: UMAP: 8 neighbours used, not 15: 8 items allow at most 8"), r.err());
        assertTrue(r.err().contains("neighbours: 7 kept per item, not 15: 8 items have 7 others each"), r.err());
        Manifest m = BundleReader.load(dir.resolve("few-bundle")).manifest();
        Map<String, Object> params = m.layouts().get(0).params();
        assertEquals(8, ((Number) params.get("neighbors")).intValue(), "the manifest records the count that ran: " + params);
        assertEquals(15, ((Number) params.get("neighbors_asked")).intValue(), "and the one asked for: " + params);

        Path[] more = TestData.mnistSubset(dir, "more", 0, 40);
        CliRun usual = prepare(more, "more-bundle", "--layout", "umap", "--neighbors", "15");
        assertFalse(usual.err().contains("neighbours used") || usual.err().contains("kept per item"), "15 fit 40 items: " + usual.err());
        Map<String, Object> asked = BundleReader.load(dir.resolve("more-bundle")).manifest().layouts().get(0).params();
        assertEquals(15, ((Number) asked.get("neighbors")).intValue(), asked.toString());
        assertFalse(asked.containsKey("neighbors_asked"), asked.toString());
    }

    /** Label names that name some of the labels, or none, had no effect on the others without a word. */
    @Test
    void labelNamesThatMissLabelsAreSaid() throws Exception {
        Path[] digits = TestData.mnistSubset(dir, "digits", 0, 200);
        Path some = Files.writeString(dir.resolve("some.txt"), "0=zero\n1=one\n");
        CliRun r = prepare(digits, "some", "--layout", "pca", "--neighbors", "0", "--label-names", some.toString());
        assertTrue(r.err().contains("note: --label-names names 2 of the 10 label values; '2', '3', '4' and 5 more shown as they are"), r.err());

        Path words = Files.writeString(dir.resolve("words.txt"), "cat=Cat\ndog=Dog\n");
        r = prepare(digits, "none", "--layout", "pca", "--neighbors", "0", "--label-names", words.toString());
        assertTrue(r.err().contains("note: --label-names names none of the 10 label values"), r.err());

        r = prepare(digits, "all", "--layout", "pca", "--neighbors", "0", "--label-names", "mnist");
        assertFalse(r.err().contains("--label-names"), "mnist names every digit: " + r.err());
        assertEquals("seven", BundleReader.load(dir.resolve("all")).manifest().label().names().get("7"));
    }
}
