package org.embedscope.source;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.embedscope.bundle.BundleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .npy and text readers against files written by NumPy itself (src/test/resources/vectors). */
class VectorFilesTest {
    static final Path DIR = Path.of("src/test/resources/vectors");
    static final float[] XY = {0.5f, -1.25f, 2f, 3.5f, -4.75f, 0.125f, 1e-3f, 6e4f, 7f, -8f};

    @TempDir Path tmp;

    private static BundleException coordsFail(String file, int rows) {
        return assertThrows(BundleException.class, () -> VectorFiles.readCoordinates(DIR.resolve(file), rows, "umap"));
    }

    private static void assertMessage(BundleException e, String... parts) {
        for (String p : parts) assertTrue(e.getMessage().contains(p), "'" + p + "' in: " + e.getMessage());
    }

    @Test
    void readsNpyCoordinatesInEveryFloatDtypeAndVersion() throws Exception {
        for (String f : new String[] {"xy-f4.npy", "xy-f8.npy", "xy-f4-big-endian.npy", "xy-v2.npy"}) {
            assertArrayEquals(XY, VectorFiles.readCoordinates(DIR.resolve(f), 5, "umap"), f);
        }
    }

    @Test
    void readsTextCoordinatesAsNumpyWritesThem() throws Exception {
        for (String f : new String[] {"xy-savetxt.txt", "xy-header.csv", "xy-hash-header.csv"}) {
            assertArrayEquals(XY, VectorFiles.readCoordinates(DIR.resolve(f), 5, "umap"), f);
        }
    }

    @Test
    void findsXAndYColumnsByName() throws Exception {
        Path f = tmp.resolve("named.csv");
        Files.writeString(f, "id,y,x,label\n1,10,20,7\n2,11,21,8\n");
        assertArrayEquals(new float[] {20, 10, 21, 11}, VectorFiles.readCoordinates(f, 2, "umap"));
        Path g = tmp.resolve("prefixed.csv");
        Files.writeString(g, "tsne_x,tsne_y,umap_x,umap_y\n1,2,3,4\n");
        assertArrayEquals(new float[] {3, 4}, VectorFiles.readCoordinates(g, 1, "umap"));
    }

    /** A file named .npy or .npz that is not one had been read as text: "holds no rows of numbers". */
    @Test
    void aFileNamedAsNumpysButNotOneSaysSo() throws Exception {
        Path npy = Files.writeString(tmp.resolve("v.npy"), "not numpy at all\n");
        BundleException e = assertThrows(BundleException.class, () -> VectorFiles.file(npy).read());
        assertEquals(npy + ": is not a NumPy .npy file (it does not start with \\x93NUMPY); expected one written by np.save", e.getMessage());
        Path npz = Files.writeString(tmp.resolve("v.NPZ"), "1,2\n3,4\n");
        e = assertThrows(BundleException.class, () -> VectorFiles.file(npz).read());
        assertEquals(npz + ": is not a NumPy .npz archive (not a zip file); expected one written by np.savez", e.getMessage());
    }

    @Test
    void textThatIsNotUtf8IsRefusedWithItsLine() throws Exception {
        Path f = tmp.resolve("bad.csv");
        Files.write(f, new byte[] {'1', ',', '2', '\n', '3', ',', (byte) 0xff, '\n'});
        String expected = f + ": line 2: holds bytes that are not UTF-8 text; expected UTF-8 text, rows of numbers";
        // --vectors, layout --vectors; --import-layout, --tsne-init and quality's COORDS read coordinates
        assertEquals(expected, assertThrows(BundleException.class, () -> VectorFiles.readVectors(f)).getMessage());
        assertEquals(expected, assertThrows(BundleException.class, () -> VectorFiles.readCoordinates(f, 2, "umap")).getMessage());
    }

    @Test
    void aFolderGivenAsVectorsIsRefusedAsAFolder() {
        assertEquals(tmp + ": is a folder; expected a text file of numbers",
                assertThrows(BundleException.class, () -> VectorFiles.readVectors(tmp)).getMessage());
    }

    @Test
    void readsVectors() throws Exception {
        Matrix m = VectorFiles.readVectors(DIR.resolve("vectors-4x6-f4.npy"), 4);
        assertEquals(4, m.rows());
        assertEquals(6, m.cols());
        assertEquals(23 / 7f, m.get(3, 5), 1e-7);
        assertEquals(8 / 7f, m.get(1, 2), 1e-7);
    }

    @Test
    void readsFortranOrderAsRows() throws Exception {
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, VectorFiles.readCoordinates(DIR.resolve("xy-fortran.npy"), 5, "umap"));
        Matrix c = VectorFiles.readVectors(DIR.resolve("vectors-4x6-f4.npy"), 4);
        Matrix f = VectorFiles.readVectors(DIR.resolve("vectors-4x6-f8-fortran.npy"), 4);
        assertEquals(6, f.cols());
        assertArrayEquals(c.data(), f.data(), "the float64 Fortran copy rounds to the float32 C-order original");
        assertArrayEquals(VectorFiles.readCoordinates(DIR.resolve("xy-f2.npy"), 5, "umap"),
                VectorFiles.readCoordinates(DIR.resolve("xy-f2-fortran.npy"), 5, "umap"));
    }

    @Test
    void readsFloat16AsNumpyConvertsIt() throws Exception {
        float[] f16 = VectorFiles.readCoordinates(DIR.resolve("xy-f2.npy"), 5, "umap");
        assertArrayEquals(VectorFiles.readCoordinates(DIR.resolve("xy-f2-as-f4.npy"), 5, "umap"), f16);
        assertNotEquals(1e-3f, f16[6], "1e-3 is not a float16: read as the nearest one, not as the float32");
        Matrix halves = NpyFile.read(DIR.resolve("halves-f2.npy")), asFloat = NpyFile.read(DIR.resolve("halves-as-f4.npy"));
        assertEquals(1087, halves.rows());
        int nan = 0;
        for (int i = 0; i < halves.rows(); i++) {
            assertEquals(Float.floatToRawIntBits(asFloat.get(i, 0)), Float.floatToRawIntBits(halves.get(i, 0)), "half number " + i);
            if (Float.isNaN(halves.get(i, 0))) nan++;
        }
        assertTrue(nan > 0, "NaN patterns are among them");
        assertMessage(assertThrows(BundleException.class, () -> VectorFiles.readVectors(DIR.resolve("halves-f2.npy"), 1087)),
                "not a finite number");
    }

    @Test
    void readsNpzArraysByNameOrTheOnlyOne() throws Exception {
        Matrix emb = VectorFiles.readVectors(VectorFiles.parse(DIR.resolve("arrays.npz") + ":emb"), 4);
        assertArrayEquals(VectorFiles.readVectors(DIR.resolve("vectors-4x6-f4.npy"), 4).data(), emb.data());
        assertArrayEquals(XY, VectorFiles.readCoordinates(VectorFiles.parse(DIR.resolve("arrays.npz") + ":xy.npy"), 5, "umap"));
        assertArrayEquals(XY, VectorFiles.readCoordinates(VectorFiles.parse(DIR.resolve("xy-only.npz").toString()), 5, "umap"),
                "the only array of a compressed archive");
        assertEquals("arrays.npz:emb", VectorFiles.parse(DIR.resolve("arrays.npz") + ":emb").name());
    }

    @Test
    void refusesAmbiguousOrMissingNpzArraysListingThem() {
        BundleException e = assertThrows(BundleException.class, () -> VectorFiles.readVectors(VectorFiles.parse(DIR.resolve("arrays.npz").toString()), 4));
        assertMessage(e, "arrays.npz", "holds 2 arrays (emb, xy)", "arrays.npz:emb");
        e = assertThrows(BundleException.class, () -> VectorFiles.readVectors(VectorFiles.parse(DIR.resolve("arrays.npz") + ":clip"), 4));
        assertMessage(e, "has no array 'clip'; it holds emb, xy");
        e = assertThrows(BundleException.class, () -> VectorFiles.readVectors(VectorFiles.parse(DIR.resolve("arrays.npz") + ":emb"), 5));
        assertMessage(e, "arrays.npz: array 'emb': holds 4 rows of vectors; expected 5");
    }

    @Test
    void aWindowsDriveLetterIsNotAnArrayName() {
        assertEquals("C:\\data\\v.npy", ((VectorFiles.FileInput) VectorFiles.parse("C:\\data\\v.npy")).file().toString());
        VectorFiles.FileInput in = (VectorFiles.FileInput) VectorFiles.parse("C:\\data\\v.npz:emb");
        assertEquals("emb", in.member());
        assertEquals("C:\\data\\v.npz", in.file().toString());
    }

    @Test
    void aPandasIndexColumnIsNotAFeature() throws Exception {
        // DataFrame.to_csv(path) writes the index first, under an empty name
        Path f = Files.writeString(tmp.resolve("df.csv"), ",0,1,2\n0,0.5,1.5,2.5\n1,3.5,4.5,5.5\n");
        Matrix m = VectorFiles.readVectors(f, 2);
        assertEquals(3, m.cols());
        assertArrayEquals(new float[] {0.5f, 1.5f, 2.5f, 3.5f, 4.5f, 5.5f}, m.data());
        Path g = Files.writeString(tmp.resolve("again.csv"), "Unnamed: 0,x,y\n7,1,2\n9,3,4\n");
        assertArrayEquals(new float[] {1, 2, 3, 4}, VectorFiles.readCoordinates(g, 2, "umap"));
        Path named = Files.writeString(tmp.resolve("named.csv"), "id,x,y\n7,1,2\n9,3,4\n");
        assertEquals(3, VectorFiles.readVectors(named, 2).cols(), "a named first column is data");
    }

    @Test
    void refusesOtherDtypes() {
        assertMessage(coordsFail("xy-int64.npy", 5), "dtype '<i8'", "float32");
    }

    @Test
    void refusesWrongShapes() {
        assertMessage(coordsFail("xy-1d.npy", 5), "shape (5,)", "2-D");
        assertMessage(coordsFail("xyz-f4.npy", 5), "shape (5, 3)", "expected (n, 2)");
    }

    @Test
    void refusesWrongRowCounts() {
        assertMessage(coordsFail("xy-f4.npy", 6), "holds 5 rows", "expected 6");
        BundleException e = assertThrows(BundleException.class, () -> VectorFiles.readVectors(DIR.resolve("vectors-4x6-f4.npy"), 3));
        assertMessage(e, "holds 4 rows", "expected 3");
    }

    @Test
    void refusesNaNNamingRowAndColumn() {
        assertMessage(coordsFail("xy-nan.npy", 5), "row 3, column 1", "not a finite number");
        assertMessage(coordsFail("xy-nan.csv", 5), "line 4, field 2", "not a finite number");
    }

    @Test
    void refusesVectorsWhoseDistancesWouldOverflow() throws Exception {
        Path big = tmp.resolve("big.csv");
        Files.writeString(big, "1,2\n3,4e30\n");
        assertMessage(assertThrows(BundleException.class, () -> VectorFiles.readVectors(big, 2)),
                "big.csv", "row 1, column 1", "too large for distances");
        Files.writeString(big, "1,2\n3,4e14\n");
        assertEquals(4e14f, VectorFiles.readVectors(big, 2).data()[3]);
    }

    /** np.save of an (n, 0) array: it read as vectors, and prepare's PCA then failed with "unexpected error". */
    @Test
    void refusesVectorsOfNoColumns() throws Exception {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 0), }";
        StringBuilder header = new StringBuilder(dict);
        while ((10 + header.length() + 1) % 64 != 0) header.append(' ');
        header.append('\n');
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0});
        bytes.write(header.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Path empty = Files.write(tmp.resolve("empty.npy"), bytes.toByteArray());
        assertMessage(assertThrows(BundleException.class, () -> VectorFiles.readVectors(empty, 3)), "empty.npy", "shape (3, 0)", "one or more columns");
    }

    @Test
    void refusesTruncatedNpy() {
        assertMessage(coordsFail("xy-truncated.npy", 5), "truncated");
    }

    @Test
    void textRowsMustAgreeAndBeNumbers() throws Exception {
        Path ragged = tmp.resolve("ragged.csv");
        Files.writeString(ragged, "1,2\n3,4,5\n");
        BundleException e = assertThrows(BundleException.class, () -> VectorFiles.readVectors(ragged, 2));
        assertMessage(e, "line 2", "has 3 values; expected 2");
        Path word = tmp.resolve("word.csv");
        Files.writeString(word, "1,2\n3,abc\n");
        e = assertThrows(BundleException.class, () -> VectorFiles.readVectors(word, 2));
        assertMessage(e, "line 2, field 2", "'abc' is not a number");
        Path noXy = tmp.resolve("noxy.csv");
        Files.writeString(noXy, "a,b,c\n1,2,3\n");
        e = assertThrows(BundleException.class, () -> VectorFiles.readCoordinates(noXy, 1, "umap"));
        assertMessage(e, "expected columns x and y");
    }
}
