package org.embedscope.source;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.embedscope.bundle.BundleException;

/**
 * Protocol Buffers' text format ({@code .pbtxt}), read without a schema and tolerantly: every field
 * is kept by name in file order, scalars as their text and messages as nested {@link Message}s.
 * Accepts what protobuf's own printers and people write: {@code name: value} and {@code name { … }}
 * (the colon optional before a message), {@code < >} as message brackets, lists {@code name: [1, 2]},
 * {@code ;} or {@code ,} after a field, {@code #} comments, single- or double-quoted strings with C
 * escapes (adjacent strings join), and {@code [extension.names]}. The consumer picks the fields it knows.
 */
public final class TextProto {
    /** A message: field name → its values in order (a repeated field has several). */
    public static final class Message {
        private final Map<String, List<Object>> fields = new LinkedHashMap<>();

        void add(String name, Object value) { fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value); }

        /** The last value of scalar field {@code name} (as protobuf does when a singular field repeats), or null. */
        public String string(String name) {
            List<Object> v = fields.get(name);
            if (v == null) return null;
            for (int i = v.size() - 1; i >= 0; i--) if (v.get(i) instanceof String s) return s;
            return null;
        }

        /** Every scalar value of repeated field {@code name}, in order. */
        public List<String> strings(String name) {
            List<String> out = new ArrayList<>();
            for (Object o : fields.getOrDefault(name, List.of())) if (o instanceof String s) out.add(s);
            return out;
        }

        /** Every message value of field {@code name}, in order. */
        public List<Message> messages(String name) {
            List<Message> out = new ArrayList<>();
            for (Object o : fields.getOrDefault(name, List.of())) if (o instanceof Message m) out.add(m);
            return out;
        }

        /** The last message value of field {@code name}, or null. */
        public Message message(String name) {
            List<Message> m = messages(name);
            return m.isEmpty() ? null : m.get(m.size() - 1);
        }
    }

    private final String text;
    private final Path file;
    private int pos;
    private int line = 1;

    private TextProto(String text, Path file) {
        this.text = text;
        this.file = file;
    }

    /** Parses {@code text} (read from {@code file}, named in messages). */
    public static Message parse(String text, Path file) throws BundleException {
        TextProto p = new TextProto(text, file);
        Message m = p.fields((char) 0);
        p.skipSpace();
        if (p.pos < text.length()) throw p.error("unexpected '" + text.charAt(p.pos) + "'; expected a field name");
        return m;
    }

    /** Fields up to {@code close} (0: the end of the text). */
    private Message fields(char close) throws BundleException {
        Message m = new Message();
        while (true) {
            skipSpace();
            if (pos >= text.length()) {
                if (close != 0) throw error("the text ends inside a message; expected '" + close + "'");
                return m;
            }
            char c = text.charAt(pos);
            if (c == close) {
                pos++;
                return m;
            }
            String name = fieldName();
            skipSpace();
            boolean colon = peek(':');
            if (colon) {
                pos++;
                skipSpace();
            }
            if (peek('{') || peek('<')) {
                char open = text.charAt(pos++);
                m.add(name, fields(open == '{' ? '}' : '>'));
            } else if (!colon) {
                throw error("expected ':' or '{' after field '" + name + "'");
            } else if (peek('[')) {
                pos++;
                skipSpace();
                if (peek(']')) {
                    pos++;
                } else {
                    while (true) {
                        skipSpace();
                        if (peek('{') || peek('<')) {
                            char open = text.charAt(pos++);
                            m.add(name, fields(open == '{' ? '}' : '>'));
                        } else {
                            m.add(name, scalar(name));
                        }
                        skipSpace();
                        if (peek(',')) { pos++; continue; }
                        if (peek(']')) { pos++; break; }
                        throw error("expected ',' or ']' in the list of field '" + name + "'");
                    }
                }
            } else {
                m.add(name, scalar(name));
            }
            skipSpace();
            if (peek(';') || peek(',')) pos++;
        }
    }

    private String fieldName() throws BundleException {
        if (peek('[')) { // [extension.name] or [type.googleapis.com/Any]
            int end = text.indexOf(']', pos);
            if (end < 0) throw error("unclosed '[' in a field name");
            String n = text.substring(pos, end + 1);
            pos = end + 1;
            return n;
        }
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
        if (pos == start) throw error("unexpected '" + text.charAt(pos) + "'; expected a field name");
        return text.substring(start, pos);
    }

    private String scalar(String field) throws BundleException {
        if (pos >= text.length()) throw error("the text ends before the value of field '" + field + "'");
        char c = text.charAt(pos);
        if (c == '"' || c == '\'') {
            StringBuilder sb = new StringBuilder();
            while (pos < text.length() && (text.charAt(pos) == '"' || text.charAt(pos) == '\'')) {
                sb.append(quoted());
                skipSpace();
            }
            return sb.toString();
        }
        int start = pos;
        while (pos < text.length()) {
            char d = text.charAt(pos);
            if (Character.isLetterOrDigit(d) || d == '_' || d == '-' || d == '+' || d == '.') pos++;
            else break;
        }
        if (pos == start) throw error("unexpected '" + c + "'; expected a value for field '" + field + "'");
        return text.substring(start, pos);
    }

    /** A quoted string with C escapes; octal and hex escapes are bytes, decoded as UTF-8 with the rest. */
    private String quoted() throws BundleException {
        char q = text.charAt(pos++);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (true) {
            if (pos >= text.length() || text.charAt(pos) == '\n') throw error("unclosed string");
            char c = text.charAt(pos++);
            if (c == q) return bytes.toString(StandardCharsets.UTF_8);
            if (c != '\\') {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && pos < text.length()) b = (c + "" + text.charAt(pos++)).getBytes(StandardCharsets.UTF_8);
                bytes.writeBytes(b);
                continue;
            }
            if (pos >= text.length()) throw error("unclosed string");
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> bytes.write('\n');
                case 't' -> bytes.write('\t');
                case 'r' -> bytes.write('\r');
                case 'a' -> bytes.write(7);
                case 'b' -> bytes.write('\b');
                case 'f' -> bytes.write('\f');
                case 'v' -> bytes.write(11);
                case 'x' -> {
                    int v = 0, k = 0;
                    while (k < 2 && pos < text.length() && Character.digit(text.charAt(pos), 16) >= 0) {
                        v = v * 16 + Character.digit(text.charAt(pos++), 16);
                        k++;
                    }
                    if (k == 0) throw error("\\x without hex digits");
                    bytes.write(v);
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0', k = 1;
                        while (k < 3 && pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '7') {
                            v = v * 8 + (text.charAt(pos++) - '0');
                            k++;
                        }
                        bytes.write(v & 0xff);
                    } else {
                        bytes.writeBytes(String.valueOf(e).getBytes(StandardCharsets.UTF_8)); // \\ \' \" \? and the tolerant rest
                    }
                }
            }
        }
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') pos++;
            } else if (Character.isWhitespace(c) || c == '\ufeff') {
                if (c == '\n') line++;
                pos++;
            } else {
                return;
            }
        }
    }

    private BundleException error(String what) {
        return new BundleException(file, "line " + line, what);
    }
}
