package org.embedscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.embedscope.TestData;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleReader;
import org.embedscope.bundle.Manifest;
import org.embedscope.source.ProjectorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export-projector}, and reading the export back with {@code prepare --projector}. */
class ProjectorExportTest {
    @TempDir Path dir;

    @Test
    void exportThenReimportGivesTheSameImagesLabelsMetadataAndGeometry() throws Exception {
        Path[] digits = TestData.mnistSubset(dir, "t10k", 0, 300);
        StringBuilder xy = new StringBuilder("x,y\n");
        for (int i = 0; i < 300; i++) xy.append(i % 17).append(',').append(i / 17 * 0.5).append('\n');
        Path given = Files.writeString(dir.resolve("given.csv"), xy);
        Path bundle = dir.resolve("digits");
        assertEquals(0, CliRun.of("prepare", "--neighbors", "0", "--idx", digits[0].toString(), digits[1].toString(), "--label-names", "mnist",
                "--import-layout", "given=" + given, "--layout", "pca", "-o", bundle.toString()).code());

        Path export = dir.resolve("export");
        CliRun r = CliRun.of("export-projector", bundle.toString(), export.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("300 points, 2 embeddings, sprite 504×476 (28-px cells)"), r.out());

        ProjectorConfig config = ProjectorConfig.read(export.resolve(ProjectorConfig.FILE_NAME));
        assertEquals(List.of("given", "pca"), config.embeddings().stream().map(ProjectorConfig.Embedding::name).toList());
        List<String> meta = Files.readAllLines(export.resolve("metadata.tsv"));
        assertEquals("label\tlabel_name\tsplit", meta.get(0));
        assertEquals(301, meta.size());
        Bundle original = BundleReader.load(bundle);
        List<String> tensor = Files.readAllLines(export.resolve("layout-given.tsv"));
        for (int i = 0; i < 300; i++) {
            assertEquals(original.coords(0)[2 * i] + "\t" + original.coords(0)[2 * i + 1], tensor.get(i));
        }

        Path back = dir.resolve("back");
        r = CliRun.of("prepare", "--neighbors", "0", "--projector", export.toString(), "--tensor", "given", "--layout", "pca", "-o", back.toString());
        assertEquals(0, r.code(), r.err());
        Manifest om = original.manifest(), bm = Manifest.read(back);
        assertEquals(28, bm.atlas().finest().cell());
        for (int i = 0; i < 300; i++) {
            assertArrayEquals(ProjectorImportTest.cell(bundle, om, i), ProjectorImportTest.cell(back, bm, i), "image " + i);
        }
        List<CSVRecord> a = ProjectorImportTest.points(bundle), b = ProjectorImportTest.points(back);
        assertEquals(List.of("pca_x", "pca_y", "label", "split"), b.get(0).getParser().getHeaderNames(), "the names are the label's again");
        for (int i = 0; i < 300; i++) {
            assertEquals(a.get(i).get("label"), b.get(i).get("label"));
            assertEquals(a.get(i).get("split"), b.get(i).get("split"));
            assertEquals(om.label().displayName(a.get(i).get("label")), bm.label().displayName(b.get(i).get("label")));
        }
        // PCA of the exported 2-D coordinates only turns them: distances between points are kept
        float[] g = original.coords(0), p = BundleReader.load(back).coords(0);
        for (int i = 0; i < 300; i += 7) {
            int j = (i * 31 + 11) % 300;
            double dg = Math.hypot(g[2 * i] - g[2 * j], g[2 * i + 1] - g[2 * j + 1]);
            double dp = Math.hypot(p[2 * i] - p[2 * j], p[2 * i + 1] - p[2 * j + 1]);
            assertEquals(dg, dp, 1e-3 * (1 + dg), "distance " + i + "–" + j);
        }
    }

    /**
     * Exported and prepared back with its layouts imported (as the README says), a bundle lost its name, its
     * layouts' titles and its label names (the user had to give --label-names again; the names came back as a
     * metadata column label_name). They are kept beside the config, in a file TensorBoard does not read, and
     * taken back; a log without that file is read as before.
     */
    @Test
    void anExportPreparedBackKeepsTheNameTitlesAndLabelNames() throws Exception {
        Path[] digits = TestData.mnistSubset(dir, "t10k", 0, 60);
        Path bundle = dir.resolve("digits");
        assertEquals(0, CliRun.of("prepare", "--neighbors", "0", "--idx", digits[0].toString(), digits[1].toString(), "--label-names", "mnist",
                "--name", "Sixty digits", "--layout", "pca,tsne", "--tsne-iter", "10", "--tsne-early-iter", "10", "-o", bundle.toString()).code());
        Manifest om = Manifest.read(bundle);
        Path export = dir.resolve("export");
        assertEquals(0, CliRun.of("export-projector", bundle.toString(), export.toString()).code());

        Path extras = export.resolve("embedscope.json");
        String kept = Files.readString(extras);
        Files.writeString(extras, "{\"format\": \"embedscope-projector-extras\", \"name\": 3}");
        CliRun bad = CliRun.of("prepare", "--neighbors", "0", "--projector", export.toString(), "--tensor", "pca", "-o", dir.resolve("bad").toString());
        assertEquals(2, bad.code(), bad.err());
        assertEquals("embedscope: " + extras + ": field name: expected a string", bad.err().strip());
        Files.writeString(extras, kept);
        for (boolean withExtras : new boolean[] {true, false}) {
            if (!withExtras) Files.delete(extras);
            Path back = dir.resolve("back-" + withExtras);
            CliRun r = CliRun.of("prepare", "--neighbors", "0", "--projector", export.toString(), "--tensor", "pca",
                    "--import-layout", "pca=" + export.resolve("layout-pca.tsv"), "--import-layout", "tsne=" + export.resolve("layout-tsne.tsv"),
                    "-o", back.toString());
            assertEquals(0, r.code(), r.err());
            Manifest bm = Manifest.read(back);
            List<String> header = ProjectorImportTest.points(back).get(0).getParser().getHeaderNames();
            if (withExtras) {
                assertEquals("Sixty digits", bm.name());
                assertEquals(List.of("PCA", "t-SNE"), bm.layouts().stream().map(Manifest.Layout::title).toList());
                assertEquals(om.label().names(), bm.label().names());
                assertFalse(header.contains("label_name"), "the names are the label's, not a column: " + header);
            } else {
                assertEquals("back-false", bm.name(), "a log of TensorBoard's alone: the folder's name");
                assertEquals(List.of("pca", "tsne"), bm.layouts().stream().map(Manifest.Layout::title).toList());
                assertTrue(bm.label().names() == null || bm.label().names().isEmpty(), "no names: " + bm.label().names());
                assertTrue(header.contains("label_name"), "the names as TensorBoard showed them: " + header);
            }
        }
    }

    /**
     * A user's corrections go out with the export, as select's CSV carries them: they had been left out
     * (metadata.tsv held the bundle's labels only), so TensorBoard showed the digits as they were before
     * the user fixed them. Given with --annotations, and by default the bundle's own annotations.csv.
     */
    @Test
    void theUsersLabelsAndTagsAreExported() throws Exception {
        Path[] digits = TestData.mnistSubset(dir, "t10k", 0, 50);
        Path bundle = dir.resolve("digits");
        assertEquals(0, CliRun.of("prepare", "--neighbors", "0", "--idx", digits[0].toString(), digits[1].toString(), "--label-names", "mnist",
                "--layout", "pca", "-o", bundle.toString()).code());
        List<String> before = Files.readAllLines(bundle.resolve("points.csv"));
        int labelAt = List.of(before.get(0).split(",")).indexOf("label");
        String label3 = before.get(1 + 3).split(",")[labelAt], label7 = before.get(1 + 7).split(",")[labelAt];
        Path edits = Files.writeString(dir.resolve("edits.csv"), "index,label,tags,edited\n3,9,,2026-01-01T00:00:00Z\n7,smudge,blurry;check,\n");
        for (boolean byDefault : new boolean[] {false, true}) {
            if (byDefault) Files.copy(edits, bundle.resolve("annotations.csv"));
            Path export = dir.resolve("export-" + byDefault);
            CliRun r = byDefault ? CliRun.of("export-projector", bundle.toString(), export.toString())
                    : CliRun.of("export-projector", bundle.toString(), export.toString(), "--annotations", edits.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("with the labels and tags edited in "), r.out());
            List<String> meta = Files.readAllLines(export.resolve("metadata.tsv"));
            assertEquals("label\tlabel_name\tlabel_original\tsplit\ttags", meta.get(0));
            assertEquals("9\tnine\t" + label3 + "\ttest\t", meta.get(1 + 3));
            assertEquals("smudge\tsmudge\t" + label7 + "\ttest\tblurry;check", meta.get(1 + 7));
            String unedited = before.get(1).split(",")[labelAt];
            assertTrue(meta.get(1).startsWith(unedited + "\t"), meta.get(1));
            assertTrue(meta.get(1).endsWith("\t" + unedited + "\ttest\t"), meta.get(1));
        }
    }

    /** 300 digits prepared with PCA and neighbours (so with pca_trust), exported. */
    private Path exportWithTrust() throws Exception {
        Path[] digits = TestData.mnistSubset(dir, "t10k", 0, 300);
        Path bundle = dir.resolve("digits");
        assertEquals(0, CliRun.of("prepare", "--idx", digits[0].toString(), digits[1].toString(), "--layout", "pca", "-o", bundle.toString()).code());
        Path export = dir.resolve("export");
        assertEquals(0, CliRun.of("export-projector", bundle.toString(), export.toString()).code());
        return export;
    }

    /**
     * A bundle with neighbours carries each layout's trust; exported, its metadata holds them, and prepared
     * back with the same layout (and neighbours, the default) the old trust is left out for the new one
     * (it clashed: "metadata column 'pca_trust' clashes", and no bundle was written).
     */
    @Test
    void anExportWithTrustPreparesBackWithItsLayoutsTrustComputedAgain() throws Exception {
        Path export = exportWithTrust();
        assertTrue(Files.readAllLines(export.resolve("metadata.tsv")).get(0).contains("pca_trust"), "the export carries the trust");

        Path back = dir.resolve("back");
        CliRun r = CliRun.of("prepare", "--projector", export.toString(), "--tensor", "pca", "--layout", "pca", "-o", back.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("left out the metadata column pca_trust"), r.err());
        List<String> header = ProjectorImportTest.points(back).get(0).getParser().getHeaderNames();
        assertEquals(1, header.stream().filter("pca_trust"::equals).count(), "one trust column, the new layout's: " + header);
    }

    /**
     * The same with the exported coordinates imported as they are (--import-layout NAME=layout-NAME.tsv,
     * the way to keep the layouts): it stopped with "metadata column 'pca_trust' clashes with a layout,
     * trust or label column of points.csv" and wrote no bundle.
     */
    @Test
    void anExportWithTrustPreparesBackWithItsLayoutsImported() throws Exception {
        Path export = exportWithTrust();

        Path back = dir.resolve("back");
        CliRun r = CliRun.of("prepare", "--projector", export.toString(), "--tensor", "pca",
                "--import-layout", "pca=" + export.resolve("layout-pca.tsv"), "-o", back.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("left out the metadata column pca_trust"), r.err());
        List<String> header = ProjectorImportTest.points(back).get(0).getParser().getHeaderNames();
        assertEquals(1, header.stream().filter("pca_trust"::equals).count(), "one trust column, the new layout's: " + header);
        assertArrayEquals(BundleReader.load(dir.resolve("digits")).coords(0), BundleReader.load(back).coords(0), "the layout as it was");
    }

    @Test
    void anExportReplacesOnlyAnEarlierExport() throws Exception {
        Path bundle = ProjectorLog.write(dir.resolve("log"), 5, 2, 3);
        Path b = dir.resolve("b");
        assertEquals(0, CliRun.of("prepare", "--neighbors", "0", "--projector", bundle.toString(), "--tensor", "as_text", "-o", b.toString()).code());
        Path out = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(out.resolve("notes.txt"), "precious");
        CliRun r = CliRun.of("export-projector", b.toString(), out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("exists and is not an earlier output (no projector_config.pbtxt)"), r.err());
        assertEquals("precious", Files.readString(out.resolve("notes.txt")));

        Path again = dir.resolve("again");
        assertEquals(0, CliRun.of("export-projector", b.toString(), again.toString()).code());
        assertEquals(0, CliRun.of("export-projector", b.toString(), again.toString()).code(), "an earlier export is replaced");
        try (var s = Files.list(dir)) {
            assertEquals(List.of(), s.map(x -> x.getFileName().toString()).filter(x -> x.startsWith(".")).toList(), "no temporary folders");
        }
        assertEquals("label\tcaption", Files.readAllLines(again.resolve("metadata.tsv")).get(0), "the label first, as prepare named it");
    }
}
