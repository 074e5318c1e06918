package org.embedscope.bundle;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the text files a user brings (CSV, TSV, JSON, name lists) as UTF-8, past a byte-order mark:
 * spreadsheets (Excel's "CSV UTF-8") and Windows editors start a file with one, and it was read as part
 * of the first column's name ({@code "\uFEFFpath"}: "has no column 'path'") or of the JSON. Bytes that
 * are not UTF-8 still fail with {@link java.nio.charset.MalformedInputException}, as before.
 */
public final class TextFiles {
    private TextFiles() {}

    /** The byte-order mark, as a character. */
    private static final char BOM = '\uFEFF';

    /** A reader of {@code file} positioned past its byte-order mark, if it has one. */
    public static BufferedReader open(Path file) throws IOException {
        BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        try {
            r.mark(1);
            if (r.read() != BOM) r.reset();
            return r;
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
    }

    /** Every line of {@code file}, the byte-order mark left out. */
    public static List<String> readAllLines(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = open(file)) {
            for (String line; (line = r.readLine()) != null; ) lines.add(line);
        }
        return lines;
    }

    /** The whole of {@code file}, the byte-order mark left out. */
    public static String readString(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }
}
