package org.embedscope.bundle;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the text files a user brings (CSV, TSV, JSON, name lists) as UTF-8, past a byte-order mark:
 * spreadsheets (Excel's "CSV UTF-8") and Windows editors start a file with one, and it was read as part
 * of the first column's name ({@code "\uFEFFpath"}: "has no column 'path'") or of the JSON. Bytes that
 * are not UTF-8 still fail with {@link java.nio.charset.MalformedInputException}, whose message is only
 * "Input length = 1": a reader catching it refuses the file with {@link #notUtf8}.
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

    /**
     * The refusal of {@code file} for bytes that are not UTF-8, naming the line that holds them when it is
     * found. The decoder reads ahead of the reader, so the line is found by scanning the file again.
     *
     * @param expected what the file should be, such as {@code "a UTF-8 CSV file"}
     */
    public static BundleException notUtf8(Path file, String expected) {
        long bad = lineOfBadUtf8(file);
        return new BundleException(file, bad > 0 ? "line " + bad : null, "holds bytes that are not UTF-8 text; expected " + expected);
    }

    /** The line (1-based, counting line feeds) holding the first byte sequence that is not UTF-8; 0 when none or unreadable. */
    private static long lineOfBadUtf8(Path file) {
        try {
            ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
            CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            CharBuffer out = CharBuffer.allocate(8192);
            while (true) {
                CoderResult r = dec.decode(in, out, true);
                if (r.isError()) break;
                if (r.isUnderflow()) return 0; // all valid after all
                out.clear();
            }
            long line = 1;
            for (int i = 0; i < in.position(); i++) if (in.get(i) == '\n') line++;
            return line;
        } catch (IOException e) {
            return 0;
        }
    }
}
