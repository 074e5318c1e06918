package org.embedscope.source;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.BundlePaths;
import org.embedscope.bundle.TextFiles;

/** Display names for label values: built in for MNIST and Fashion-MNIST, or read from a file. */
public final class LabelNames {
    private LabelNames() {}

    static final List<String> MNIST = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");
    static final List<String> FASHION_MNIST = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /**
     * {@code mnist}, {@code fashion-mnist}, or a text file: either one name per line, naming the values
     * 0, 1, 2, … in order, or lines {@code VALUE=NAME}. Blank lines and lines starting with {@code #} are skipped.
     */
    public static Map<String, String> parse(String spec) throws BundleException {
        if (spec.equals("mnist")) return indexed(MNIST);
        if (spec.equals("fashion-mnist")) return indexed(FASHION_MNIST);
        return read(Path.of(spec));
    }

    static Map<String, String> indexed(List<String> names) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) m.put(Integer.toString(i), names.get(i));
        return m;
    }

    static Map<String, String> read(Path file) throws BundleException {
        BundlePaths.checkRegularFile(file, "a file of label names");
        List<String> lines;
        try {
            lines = TextFiles.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new BundleException(file, null, "no such file; --label-names takes mnist, fashion-mnist or a file of names");
        } catch (CharacterCodingException e) {
            throw TextFiles.notUtf8(file, "UTF-8 text, one name (or VALUE=NAME) a line");
        } catch (IOException e) {
            throw new BundleException(file, null, "cannot read: " + BundleException.describe(e));
        }
        Map<String, String> m = new LinkedHashMap<>();
        int index = 0;
        Boolean pairs = null;
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            boolean isPair = eq > 0;
            if (pairs == null) pairs = isPair;
            if (pairs != isPair) {
                throw new BundleException(file, "line " + (ln + 1), "mixes 'VALUE=NAME' lines with plain names; use one form throughout");
            }
            String value = isPair ? line.substring(0, eq).strip() : Integer.toString(index++);
            String name = isPair ? line.substring(eq + 1).strip() : line;
            if (m.put(value, name) != null) throw new BundleException(file, "line " + (ln + 1), "names value '" + value + "' a second time");
        }
        if (m.isEmpty()) throw new BundleException(file, null, "holds no names");
        return m;
    }
}
