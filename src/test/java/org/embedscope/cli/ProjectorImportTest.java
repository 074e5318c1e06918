package org.embedscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.embedscope.bundle.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prepare --projector}: a TensorBoard projector log written by the test becomes a bundle. */
class ProjectorImportTest {
    static final int N = 10, DIM = 3, PER_ROW = 4;

    @TempDir Path dir;

    static List<CSVRecord> points(Path bundle) throws Exception {
        try (Reader r = Files.newBufferedReader(bundle.resolve("points.csv"));
             CSVParser p = CSVParser.parse(r, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }

    /** Image {@code i} of the bundle, from its finest atlas page, as ARGB. */
    static int[] cell(Path bundle, Manifest m, int i) throws Exception {
        Manifest.Level l = m.atlas().finest();
        BufferedImage page = ImageIO.read(bundle.resolve(l.pages().get(l.page(i))).toFile());
        int c = l.cell();
        return page.getRGB(l.column(i) * c, l.row(i) * c, c, c, null, 0, c);
    }

    @Test
    void spriteCellsTensorAndMetadataBecomeTheBundle() throws Exception {
        Path log = ProjectorLog.write(dir.resolve("logs"), N, DIM, PER_ROW);
        Path text = dir.resolve("text"), bytes = dir.resolve("bytes");
        CliRun r = CliRun.of("prepare", "--neighbors", "0", "--projector", log.toString(), "--tensor", "as_text", "--layout", "pca", "-o", text.toString());
        assertEquals(0, r.code(), r.err());
        r = CliRun.of("prepare", "--neighbors", "0", "--projector", log.resolve("projector_config.pbtxt").toString(), "--tensor", "as_bytes:0",
                "--layout", "pca", "-o", bytes.toString());
        assertEquals(0, r.code(), r.err());

        Manifest m = Manifest.read(text);
        assertEquals(N, m.count());
        assertEquals(ProjectorLog.CELL, m.atlas().finest().cell());
        assertEquals("vectors tensors.tsv (3 values per item)", m.layout("pca").params().get("input"));
        assertEquals("vectors tensors.bytes (3 values per item)", Manifest.read(bytes).layout("pca").params().get("input"));
        for (Path b : new Path[] {text, bytes}) {
            Manifest mb = Manifest.read(b);
            for (int i = 0; i < N; i++) {
                int[] px = cell(b, mb, i);
                for (int y = 0; y < ProjectorLog.CELL; y++) {
                    for (int x = 0; x < ProjectorLog.CELL; x++) {
                        assertEquals(Integer.toHexString(ProjectorLog.colour(i, x, y)), Integer.toHexString(px[y * ProjectorLog.CELL + x]),
                                b.getFileName() + ": image " + i + " at " + x + "," + y);
                    }
                }
            }
        }

        List<CSVRecord> withHeader = points(text), noHeader = points(bytes);
        assertEquals(List.of("pca_x", "pca_y", "label", "caption"), withHeader.get(0).getParser().getHeaderNames());
        assertEquals(List.of("pca_x", "pca_y", "label"), noHeader.get(0).getParser().getHeaderNames(),
                "one metadata column has no header: it is all labels");
        for (int i = 0; i < N; i++) {
            assertEquals(ProjectorLog.CLASSES[i % 3], withHeader.get(i).get("label"));
            assertEquals("image number " + i, withHeader.get(i).get("caption"));
            assertEquals(ProjectorLog.CLASSES[i % 3], noHeader.get(i).get("label"));
            // the same vectors, as text and as bytes, give the same layout
            assertEquals(withHeader.get(i).get("pca_x"), noHeader.get(i).get("pca_x"));
            assertEquals(withHeader.get(i).get("pca_y"), noHeader.get(i).get("pca_y"));
        }
        double spread = 0;
        for (CSVRecord rec : withHeader) spread += Math.abs(Double.parseDouble(rec.get("pca_x")));
        assertTrue(spread > 0.1, "the layout is computed on the tensor: " + spread);
    }

    @Test
    void anotherMetadataColumnCanBeTheLabel() throws Exception {
        Path log = ProjectorLog.write(dir.resolve("logs"), N, DIM, PER_ROW);
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("prepare", "--neighbors", "0", "--projector", log.toString(), "--tensor", "as_text", "--label-column", "caption", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        List<CSVRecord> rows = points(out);
        assertEquals(List.of("pca_x", "pca_y", "label", "class"), rows.get(0).getParser().getHeaderNames());
        assertEquals("image number 7", rows.get(7).get("label"));
        assertEquals("dog", rows.get(7).get("class"));
    }

    @Test
    void absolutePathsOfAnotherMachineAreFoundBesideTheConfig() throws Exception {
        Path log = ProjectorLog.write(dir.resolve("copied"), N, DIM, PER_ROW);
        String elsewhere = dir.resolve("gone/run-1").toAbsolutePath().toString();
        Files.writeString(log.resolve("projector_config.pbtxt"), "embeddings {\n  tensor_path: \"" + elsewhere + "/tensors.tsv\"\n"
                + "  metadata_path: \"" + elsewhere + "/metadata.tsv\"\n  sprite { image_path: \"" + elsewhere + "/sprite.png\" "
                + "single_image_dim: 8 single_image_dim: 8 }\n}\n");
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("prepare", "--projector", log.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(N, Manifest.read(out).count());
        assertEquals("image number 3", points(out).get(3).get("caption"));
    }

    @Test
    void badLogsAreOneLineNamingTheFile() throws Exception {
        Path log = ProjectorLog.write(dir.resolve("logs"), N, DIM, PER_ROW);
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("prepare", "--neighbors", "0", "--projector", log.toString(), "-o", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("lists 2 embeddings (as_text, as_bytes); pick one with --tensor NAME"), r.err());
        r = CliRun.of("prepare", "--neighbors", "0", "--projector", log.toString(), "--tensor", "nope", "-o", out.toString());
        assertTrue(r.err().contains("has no embedding 'nope'"), r.err());

        Files.writeString(log.resolve("metadata.tsv"), "class\tcaption\ncat\tone\n");
        r = CliRun.of("prepare", "--neighbors", "0", "--projector", log.toString(), "--tensor", "as_text", "-o", out.toString());
        assertTrue(r.err().contains("metadata.tsv: holds 1 rows of metadata after its header; expected 10"), r.err());

        Files.write(log.resolve("tensors.bytes"), new byte[] {1, 2, 3, 4, (byte) 0xff});
        r = CliRun.of("prepare", "--neighbors", "0", "--projector", log.toString(), "--tensor", "as_bytes", "-o", out.toString());
        assertTrue(r.err().contains("tensors.bytes: holds 5 bytes; tensor_shape 10 × 3 of float32 needs 120"), r.err());

        Files.writeString(log.resolve("projector_config.pbtxt"), "embeddings {\n  tensor_path: \"tensors.tsv\"\n  sprite { image_path: \"sprite.png\" "
                + "single_image_dim: 16 single_image_dim: 16 }\n}\n");
        r = CliRun.of("prepare", "--neighbors", "0", "--projector", log.toString(), "-o", out.toString());
        assertTrue(r.err().contains("sprite.png: is 32×24 pixels: too small for 10 images of 16×16"), r.err());

        Files.writeString(log.resolve("projector_config.pbtxt"), "embeddings {\n  tensor_path: \"tensors.tsv\"\n  sprite { image_path: \"x\" \n");
        r = CliRun.of("prepare", "--neighbors", "0", "--projector", log.toString(), "-o", out.toString());
        assertTrue(r.err().contains("projector_config.pbtxt: line 4: the text ends inside a message; expected '}'"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out));
    }
}
