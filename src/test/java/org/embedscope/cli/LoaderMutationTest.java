package org.embedscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.embedscope.TestData;
import org.embedscope.bundle.AtlasCheck;
import org.embedscope.bundle.Bundle;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.BundleFixture;
import org.embedscope.bundle.BundleReader;
import org.embedscope.bundle.PageImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutation test of the loaders: hundreds of damaged copies of a small valid bundle and of
 * {@code prepare}'s inputs (IDX, .npy, a CSV list, images). Each copy either loads (a bundle: the
 * points and every page; an input: {@code prepare} writes a bundle that loads) or is refused with one
 * line naming a file — never another exception, a hang, or a partial output folder.
 */
class LoaderMutationTest {
    private static final long SEED = 20240917L;
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir Path tmp;

    /** What went wrong, one line per mutant: every defect is reported at once, not only the first. */
    private final List<String> failures = new ArrayList<>();

    private interface Check {
        void run() throws Throwable;
    }

    private void check(String what, Check c) {
        try {
            c.run();
        } catch (Throwable t) {
            StringBuilder line = new StringBuilder(what + ": " + t);
            for (StackTraceElement e : t.getStackTrace()) {
                if (e.getClassName().startsWith("org.embedscope") && !e.getClassName().contains("LoaderMutationTest")) {
                    line.append(" at ").append(e);
                    break;
                }
            }
            failures.add(line.toString().replace('\n', ' '));
        }
    }

    @org.junit.jupiter.api.AfterEach
    void noFailures() {
        assertTrue(failures.isEmpty(), failures.size() + " mutants misbehaved:\n" + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    // ------------------------------------------------------------------ mutations

    /** Ways to damage the bytes of a file. */
    private static byte[] mutateBytes(byte[] b, Random rnd) {
        byte[] out;
        switch (rnd.nextInt(5)) {
            case 0 -> { // flip a few bits
                out = b.clone();
                for (int k = 1 + rnd.nextInt(4); k > 0 && out.length > 0; k--) out[rnd.nextInt(out.length)] ^= (byte) (1 + rnd.nextInt(255));
            }
            case 1 -> out = java.util.Arrays.copyOf(b, b.length == 0 ? 0 : rnd.nextInt(b.length)); // truncate
            case 2 -> { // insert random bytes
                int at = rnd.nextInt(b.length + 1), len = 1 + rnd.nextInt(16);
                out = new byte[b.length + len];
                System.arraycopy(b, 0, out, 0, at);
                for (int i = 0; i < len; i++) out[at + i] = (byte) rnd.nextInt(256);
                System.arraycopy(b, at, out, at + len, b.length - at);
            }
            case 3 -> { // delete a run
                int at = b.length == 0 ? 0 : rnd.nextInt(b.length), len = Math.min(b.length - at, 1 + rnd.nextInt(16));
                out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + len, out, at, b.length - at - len);
            }
            default -> { // overwrite a 4-byte word with an extreme value (sizes, counts, lengths)
                out = b.clone();
                if (out.length >= 4) {
                    int at = rnd.nextInt(out.length - 3);
                    int v = new int[] {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7fff, 65536}[rnd.nextInt(6)];
                    for (int i = 0; i < 4; i++) out[at + i] = (byte) (v >>> (24 - 8 * i));
                }
            }
        }
        return out;
    }

    private static final String[] CELLS = {"", "nan", "inf", "-1", "1e999", "abc", "\"", "\"\"\"", "0x10", "١٢", "1,2", "\r", "\n",
            "a\"b", "../../etc/passwd", "/etc/passwd", "x".repeat(5000), "-0", "9999999999999999999999", "\u0000", "images/none.png"};

    /** A CSV with one cell replaced, a field added or removed, or a line doubled, dropped or cut. */
    private static String mutateCsv(String csv, Random rnd) {
        List<String> lines = new ArrayList<>(List.of(csv.split("\r?\n", -1)));
        int l = rnd.nextInt(Math.max(1, lines.size() - 1));
        String[] cells = lines.get(l).split(",", -1);
        switch (rnd.nextInt(6)) {
            case 0, 1 -> cells[rnd.nextInt(cells.length)] = CELLS[rnd.nextInt(CELLS.length)];
            case 2 -> {
                String[] more = java.util.Arrays.copyOf(cells, cells.length + 1);
                more[cells.length] = CELLS[rnd.nextInt(CELLS.length)];
                cells = more;
            }
            case 3 -> cells = java.util.Arrays.copyOf(cells, Math.max(0, cells.length - 1));
            case 4 -> lines.add(l, lines.get(l));
            default -> lines.remove(l);
        }
        if (l < lines.size()) lines.set(l, String.join(",", cells));
        return String.join("\n", lines);
    }

    /** bundle.json with one value, anywhere in the tree, swapped for a value of another type (or removed). */
    private static String mutateJson(String json, Random rnd) throws IOException {
        ObjectMapper om = new ObjectMapper();
        JsonNode root = om.readTree(json);
        List<ContainerNode<?>> parents = new ArrayList<>();
        collect(root, parents);
        ContainerNode<?> parent = parents.get(rnd.nextInt(parents.size()));
        JsonNode value = wrongValue(rnd);
        if (parent instanceof ObjectNode o && o.size() > 0) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            String name = names.get(rnd.nextInt(names.size()));
            if (rnd.nextInt(6) == 0) o.remove(name);
            else o.set(name, value);
        } else if (parent instanceof ArrayNode a && a.size() > 0) {
            int i = rnd.nextInt(a.size());
            if (rnd.nextInt(6) == 0) a.remove(i);
            else a.set(i, value);
        }
        return om.writeValueAsString(root);
    }

    private static void collect(JsonNode n, List<ContainerNode<?>> out) {
        if (n instanceof ContainerNode<?> c) out.add(c);
        for (JsonNode child : n) collect(child, out);
    }

    private static JsonNode wrongValue(Random rnd) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (rnd.nextInt(12)) {
            case 0 -> f.nullNode();
            case 1 -> f.booleanNode(true);
            case 2 -> f.numberNode(-1);
            case 3 -> f.numberNode(0);
            case 4 -> f.numberNode(1e300);
            case 5 -> f.numberNode(2.5);
            case 6 -> f.numberNode(Long.MAX_VALUE);
            case 7 -> f.textNode("");
            case 8 -> f.textNode("../x");
            case 9 -> f.arrayNode().add(1).add("a");
            case 10 -> f.objectNode().put("a", 1);
            default -> f.textNode("7");
        };
    }

    // ------------------------------------------------------------------ outcomes

    /** A one-line refusal naming one of {@code names}; never a stack trace or a Java class name. */
    private static void assertOneLineNaming(String message, String what, String... names) {
        assertNotNull(message, what + ": refused without a message");
        String m = message.strip();
        assertFalse(m.contains("\n"), what + ": more than one line: " + m);
        assertFalse(m.matches("(?s).*\\b(java|javax|com|org)\\.[a-z]+\\.[A-Za-z.]*(Exception|Error)\\b.*") || m.contains("\tat "),
                what + ": a Java class or stack trace: " + m);
        boolean named = false;
        for (String n : names) named |= m.contains(n);
        assertTrue(named, what + ": names none of " + List.of(names) + ": " + m);
    }

    /** Loads the bundle in {@code dir} as the explorer does: points, page headers, then every page decoded. */
    private static void loadFully(Path dir) throws BundleException {
        Bundle b = BundleReader.load(dir);
        AtlasCheck.checkPages(b, 16384, 2048);
        for (int l = 0; l < b.manifest().atlas().levels().size(); l++) {
            for (int p = 0; p < b.manifest().atlas().levels().get(l).pages().size(); p++) {
                try (PageImage img = b.readPage(l, p)) {
                    assertTrue(img.pixels().remaining() > 0);
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    // ------------------------------------------------------------------ bundles

    @Test
    void damagedBundlesLoadOrAreRefusedNamingTheFile() throws Exception {
        Path good = BundleFixture.fiveItems().write(tmp.resolve("good")).dir;
        loadFully(good);
        List<String> files = List.of("bundle.json", "points.csv", "atlas/0-00.png", "atlas/0-01.png", "atlas/1-00.png");
        Random rnd = new Random(SEED);
        int loaded = 0, refused = 0;
        for (int m = 0; m < 300; m++) {
            Path dir = tmp.resolve("m" + m);
            copyTree(good, dir);
            String file = files.get(rnd.nextInt(files.size()));
            Path f = dir.resolve(file);
            int kind = rnd.nextInt(3);
            String how;
            if (kind == 0 && file.equals("bundle.json")) {
                Files.writeString(f, mutateJson(Files.readString(f), rnd));
                how = "JSON value swapped";
            } else if (kind == 0 && file.equals("points.csv")) {
                Files.writeString(f, mutateCsv(Files.readString(f), rnd));
                how = "CSV edited";
            } else {
                Files.write(f, mutateBytes(Files.readAllBytes(f), rnd));
                how = "bytes damaged";
            }
            String what = "mutant " + m + " (" + file + ", " + how + ")";
            int[] outcome = new int[1];
            check(what, () -> {
                BundleException e = assertTimeoutPreemptively(LIMIT, () -> {
                    try {
                        loadFully(dir);
                        return null;
                    } catch (BundleException be) {
                        return be;
                    }
                }, what + " hangs");
                outcome[0] = e == null ? 1 : 2;
                // A damaged page may be caught from the manifest's side (its grid, its size): it still names it.
                if (e != null) assertOneLineNaming(e.getMessage(), what, Path.of(file).getFileName().toString(), "bundle.json");
            });
            if (outcome[0] == 1) loaded++;
            if (outcome[0] == 2) refused++;
            deleteTree(dir);
        }
        assertTrue(refused > 100 && loaded > 10, "loaded " + loaded + ", refused " + refused);
    }

    // ------------------------------------------------------------------ prepare's inputs

    /** Runs prepare; asserts it either wrote a bundle that loads or refused naming one of {@code names}, leaving nothing. */
    private void prepareLoadsOrRefuses(String what, String[] names, String... args) throws Exception {
        Path out = tmp.resolve("out");
        check(what, () -> prepareOnce(out, what, names, args));
        deleteTree(out);
    }

    private void prepareOnce(Path out, String what, String[] names, String... args) throws Exception {
        String[] full = new String[args.length + 4];
        full[0] = "prepare";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "--layout";
        full[args.length + 2] = "pca";
        full[args.length + 3] = "-o" + out;
        CliRun r = assertTimeoutPreemptively(LIMIT, () -> CliRun.of(full), what + " hangs");
        try (Stream<Path> s = Files.list(tmp)) {
            List<String> partial = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".out.")).toList();
            assertEquals(List.of(), partial, what + ": left temporary output behind");
        }
        if (r.code() == 0) {
            loadFully(out);
        } else {
            assertEquals(Main.EXIT_BAD_INPUT, r.code(), what + ": exit " + r.code() + ", " + r.err());
            assertFalse(Files.exists(out), what + ": refused but wrote " + out);
            assertTrue(r.err().startsWith("embedscope: "), what + ": " + r.err());
            assertOneLineNaming(r.err(), what, names);
        }
    }

    @Test
    void damagedIdxFilesArePreparedOrRefused() throws Exception {
        byte[] pixels = new byte[12 * 6 * 5];
        new Random(1).nextBytes(pixels);
        byte[] images = TestData.idx(0x803, new int[] {12, 6, 5}, pixels);
        byte[] labels = TestData.idx(0x801, new int[] {12}, new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1});
        Random rnd = new Random(SEED + 1);
        Files.createDirectories(tmp.resolve("in"));
        for (int m = 0; m < 60; m++) {
            boolean gz = m % 3 == 0, damageImages = rnd.nextBoolean();
            Path img = TestData.write(tmp.resolve("in/images" + (gz ? ".gz" : "")), images, gz);
            Path lab = TestData.write(tmp.resolve("in/labels" + (gz ? ".gz" : "")), labels, gz);
            Path f = damageImages ? img : lab;
            Files.write(f, mutateBytes(Files.readAllBytes(f), rnd));
            prepareLoadsOrRefuses("IDX mutant " + m + " (" + f.getFileName() + ")", new String[] {f.getFileName().toString()},
                    "--idx", img.toString(), lab.toString());
        }
    }

    @Test
    void damagedNpyFilesArePreparedOrRefused() throws Exception {
        Path folder = tmp.resolve("in/images");
        for (int i = 0; i < 10; i++) {
            int k = i;
            TestData.save(TestData.grey(6, 6, (x, y) -> (x * 40 + y * 7 + k * 13) & 255), "png", folder.resolve("i" + i + ".png"));
        }
        Random rnd = new Random(SEED + 2);
        byte[] vectors = npy(10, 4, rnd), xy = npy(10, 2, rnd);
        for (int m = 0; m < 60; m++) {
            boolean asVectors = rnd.nextBoolean();
            Path f = tmp.resolve(asVectors ? "in/vectors.npy" : "in/xy.npy");
            Files.write(f, mutateBytes(asVectors ? vectors : xy, rnd));
            String[] args = asVectors ? new String[] {"--images", folder.toString(), "--vectors", f.toString()}
                    : new String[] {"--images", folder.toString(), "--import-layout", "mine=" + f};
            prepareLoadsOrRefuses(".npy mutant " + m + " (" + f.getFileName() + ")", new String[] {f.getFileName().toString()}, args);
        }
    }

    /** A float32 .npy file of shape (rows, cols), as np.save writes it. */
    private static byte[] npy(int rows, int cols, Random rnd) {
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
        int total = 10 + header.length() + 1;
        header += " ".repeat((64 - total % 64) % 64) + "\n";
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(10 + header.length() + 4 * rows * cols).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < rows * cols; i++) b.putFloat((float) rnd.nextGaussian());
        return b.array();
    }

    @Test
    void damagedListsAndImagesArePreparedOrRefused() throws Exception {
        Path root = tmp.resolve("in");
        StringBuilder csv = new StringBuilder("path,label,caption\n");
        List<Path> images = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int k = i;
            String name = "images/" + (i % 2 == 0 ? "a" : "b") + "/p" + i + (i % 3 == 0 ? ".jpg" : i % 3 == 1 ? ".png" : ".bmp");
            String format = name.substring(name.lastIndexOf('.') + 1).replace("jpg", "jpeg");
            images.add(TestData.save(TestData.argb(7 + i, 5 + i % 4, false, (x, y) -> (x * 30 << 16) | (y * 40 << 8) | (k * 20)), format,
                    root.resolve(name)));
            csv.append(name).append(',').append(i % 3).append(",caption ").append(i).append('\n');
        }
        Path list = root.resolve("list.csv");
        Random rnd = new Random(SEED + 3);
        for (int m = 0; m < 90; m++) {
            Files.writeString(list, csv);
            Path damaged;
            if (m % 3 == 0) {
                damaged = list;
                Files.writeString(list, mutateCsv(csv.toString(), rnd));
            } else if (m % 3 == 1) {
                damaged = list;
                Files.write(list, mutateBytes(csv.toString().getBytes(StandardCharsets.UTF_8), rnd));
            } else {
                damaged = images.get(rnd.nextInt(images.size()));
                byte[] good = Files.readAllBytes(damaged);
                Files.write(damaged, mutateBytes(good, rnd));
                String[] names = {damaged.getFileName().toString()};
                // The same damaged image through the folder source and through the list.
                prepareLoadsOrRefuses("image mutant " + m + " (" + damaged.getFileName() + ", folder)", names, "--images", root.resolve("images").toString());
                prepareLoadsOrRefuses("image mutant " + m + " (" + damaged.getFileName() + ", list)", names, "--list", list.toString());
                Files.write(damaged, good);
                continue;
            }
            // A damaged list may send prepare to an image it names (or to none): the line, the list or the image.
            prepareLoadsOrRefuses("list mutant " + m, new String[] {"list.csv", "images/", "none.png", "passwd"}, "--list", list.toString());
        }
    }
}
