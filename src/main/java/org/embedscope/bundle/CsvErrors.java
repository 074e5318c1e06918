package org.embedscope.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every CSV file the tool reads (points, metadata, lists, selections, annotations) is parsed by Commons
 * CSV, whose messages are its own ("(startline 3) EOF reached before encapsulated token finished").
 * This turns them into one plain line naming the file and line, and checks a header's names the same way
 * for every reader.
 */
public final class CsvErrors {
    private CsvErrors() {}

    // Commons CSV formats its numbers with %,d: "1,234" (or the locale's separator).
    private static final Pattern UNCLOSED = Pattern.compile("\\(startline ([\\d,.\\s']+)\\) EOF reached before encapsulated token finished");
    private static final Pattern AFTER_QUOTE = Pattern.compile("Invalid character between encapsulated token and delimiter at line: ([\\d,.\\s']+),");
    private static final String QUOTE_HINT = " (a quote inside a quoted field is written twice: \"\")";

    /**
     * Why the parser gave up on {@code file}, as one line: where the parser says (its line, when its
     * message has one), else {@code line}, the line being read.
     *
     * @param e what Commons CSV threw: an {@link IOException}, an {@link UncheckedIOException} from its
     *          record iterator, or an {@link IllegalArgumentException} / {@link IllegalStateException}
     */
    public static BundleException refusal(Path file, long line, Exception e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof CharacterCodingException) {
            return TextFiles.notUtf8(file, "a UTF-8 CSV file");
        }
        String m = t.getMessage() == null ? "" : t.getMessage();
        Matcher unclosed = UNCLOSED.matcher(m);
        if (unclosed.find()) {
            return new BundleException(file, "line " + number(unclosed.group(1), line), "not valid CSV: a quoted field is not closed;"
                    + " expected a closing \" before the end of the file" + QUOTE_HINT, e);
        }
        Matcher afterQuote = AFTER_QUOTE.matcher(m);
        if (afterQuote.find()) {
            return new BundleException(file, "line " + number(afterQuote.group(1), line), "not valid CSV: a quoted field has text"
                    + " after its closing quote; expected a comma or the end of the line there" + QUOTE_HINT, e);
        }
        if (m.startsWith("A header name is missing")) {
            return new BundleException(file, "line 1 (header)", "a column has no name; expected a name for every column", e);
        }
        if (t instanceof IOException io && !(t instanceof org.apache.commons.csv.CSVException)) {
            return new BundleException(file, null, "cannot read: " + BundleException.describe(io), e);
        }
        return new BundleException(file, "line " + line, "not valid CSV (RFC 4180); expected comma-separated fields,"
                + " a field with commas, quotes or line breaks in double quotes", e);
    }

    /** A row with other than the header's number of fields, at {@code line} of {@code file}. */
    public static BundleException fieldCount(Path file, long line, int fields, int expected) {
        return new BundleException(file, "line " + line, "has " + fields + (fields == 1 ? " field" : " fields") + "; expected " + expected + " like the header");
    }

    /**
     * Refuses a header that names a column twice, or that is one name holding tabs or semicolons: a file
     * whose columns are separated by those (TensorBoard's metadata.tsv, a European Excel export) reads as
     * one column, the whole line its name and value, and was carried so without a word (or refused for a
     * missing column that the user could see in the file).
     */
    public static void checkHeader(Path file, List<String> header) throws BundleException {
        if (header.size() == 1) {
            String only = header.get(0);
            String separator = only.indexOf('\t') >= 0 ? "tabs (a TSV file)" : only.indexOf(';') >= 0 ? "semicolons" : null;
            if (separator != null) {
                throw new BundleException(file, "line 1 (header)", "is one column, '" + only.replace("\t", "\\t") + "': its names are separated by "
                        + separator + "; expected commas between columns (CSV, RFC 4180)");
            }
        }
        checkDistinct(file, header);
    }

    /**
     * Refuses a header that names a column twice: a reader would keep one of them and lose the other's
     * values without a word.
     */
    private static void checkDistinct(Path file, List<String> header) throws BundleException {
        Map<String, Integer> first = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            Integer prev = first.putIfAbsent(header.get(c), c);
            if (prev != null) {
                throw new BundleException(file, "line 1 (header)", "column name '" + header.get(c) + "' appears twice"
                        + " (columns " + (prev + 1) + " and " + (c + 1) + "); expected distinct column names");
            }
        }
    }

    private static long number(String digits, long otherwise) {
        String d = digits.replaceAll("\\D", "");
        try {
            return d.isEmpty() ? otherwise : Long.parseLong(d);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
